// Spelling variants and inflections folded into one matching key. The same function runs over
// the index terms and over the text, so a rule only has to be consistent, not linguistically
// perfect: "hypoxaemia", "hypoxemias" and "hypoxemia" all become "hypoxemia".

const LATIN_PLURAL_AE = /(ul|ol|ebr|in|ic|ell)ae$/; // cannulae, vertebrae, fistulae, …

/** British → American spelling, for words of five letters or more. */
const BRITISH_ENDING = /(is|ys)(e|ed|es|er|ers|ing|ation|ations)$|our(ed|ing|er|ers)?$|[tbv]re$|ogue$/;

function americanSpelling(word: string): string {
  if (word.length < 5) return word;
  let w = word;
  if (w.includes('ae')) w = w.replace(/ae/g, 'e'); // haemoglobin, paediatric, anaesthesia
  // oedema, dyspnoea, diarrhoea, foetal; not a final "oe" (Portuguese "pulmões" is "pulmoe" here).
  if (w.includes('oe')) w = w.replace(/oe(?!$)/g, 'e');
  if (w.startsWith('sulph')) w = 'sulf' + w.slice(5);
  if (!BRITISH_ENDING.test(w)) return w;
  w = w
    .replace(/is(e|ed|es|er|ers|ing|ation|ations)$/, 'iz$1') // hospitalised, immunisation, sanitiser
    .replace(/ys(e|ed|es|ing)$/, 'yz$1') // analyse, dialysed
    .replace(/our(ed|ing|er|ers)?$/, 'or$1') // tumour, behaviour, laboured
    .replace(/([tbv])re$/, '$1er') // litre, centre, fibre, manoeuvre
    .replace(/ogue$/, 'og'); // analogue
  return w;
}

/** English and French plurals to the singular (symmetric, so over-reduction is harmless). */
function singular(word: string): string {
  const n = word.length;
  const lastChar = word.charCodeAt(n - 1);
  // Only words ending in s, x or e can be plurals here.
  if (n < 4 || (lastChar !== 115 && lastChar !== 120 && lastChar !== 101)) return word;
  if (LATIN_PLURAL_AE.test(word)) return word.slice(0, -1);
  if (word.endsWith('ies') && n > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('eaux')) return word.slice(0, -1);
  if (word.endsWith('aux') && n > 4) return word.slice(0, -3) + 'al';
  if (/(ch|sh|x|z|ss|us)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is|os)$/.test(word)) return word.slice(0, -1);
  return word;
}

const keyCache = new Map<string, string>();

// The Arabic definite article, alone or after the conjunctions and prepositions written joined to
// it ("والحمى", "بالأكسجين", "للمرضى"): a term is written without it, text mostly with it.
const ARABIC_ARTICLE = /^(?:[وفبك]?ال|لل)(?=[\u0621-\u064a]{3})/;

/** The matching key of one folded (lowercase, no diacritics) word. */
export function canonicalKey(folded: string): string {
  const cached = keyCache.get(folded);
  if (cached !== undefined) return cached;
  const first = folded.charCodeAt(0);
  const key = first >= 0x0600 && first <= 0x06ff ? folded.replace(ARABIC_ARTICLE, '') : americanSpelling(singular(folded));
  // (Started afresh when full: a 100k-term build fills it, and the words of the notes read after
  // it must be cached too, or every scan spells every word's key again.)
  if (keyCache.size >= 50_000) keyCache.clear();
  keyCache.set(folded, key);
  return key;
}

/**
 * Other keys a text word may stand for when its own key is not a term word, most likely first:
 * English -ed and -ing forms ("proned", "proning" → "prone"; "intubated" → "intubate"), Latin and
 * Greek plurals ("emboli" → "embolus", "pneumothoraces" → "pneumothorax", "bacteria" →
 * "bacterium"), and French feminine and participle forms ("ventrale" → "ventral", "intubée" →
 * "intube", "fiévreuse" → "fievreux"). Tried only after the word itself, and only a candidate that
 * is a term word is ever used, so a rule may overreach without harm.
 */
export function inflectionCandidates(key: string): { key: string; lang: 'en' | 'fr' | 'pt' | 'ar' }[] {
  const out: { key: string; lang: 'en' | 'fr' | 'pt' | 'ar' }[] = [];
  // Arabic: a conjunction or preposition written joined to a word without its article ("وسعال",
  // "and cough"; "بحمى", "with fever"). The article and its particles are already gone from the key.
  const first = key.charCodeAt(0);
  if (first >= 0x0600 && first <= 0x06ff) {
    const bases = [key];
    if (/^[وفبلك][\u0621-\u064a]{3}/.test(key)) {
      out.push({ key: key.slice(1), lang: 'ar' });
      bases.push(key.slice(1));
    }
    // Gender and number of nouns and adjectives (ة is folded to ه): مكتسبة / مكتسب, طبيعية / طبيعي,
    // إصابات / إصابة, مصابون / مصابين / مصاب. Stems of three letters or more only.
    const addAr = (base: string) => {
      if (base.length >= 3 && base !== key && !out.some((o) => o.key === base)) out.push({ key: base, lang: 'ar' });
    };
    for (const base of bases) {
      if (base.endsWith('ه')) addAr(base.slice(0, -1));
      else if (base.length >= 3) addAr(`${base}ه`);
      if (base.length >= 5 && base.endsWith('ات')) {
        addAr(`${base.slice(0, -2)}ه`);
        addAr(base.slice(0, -2));
      }
      if (base.length >= 5 && (base.endsWith('ون') || base.endsWith('ين'))) addAr(base.slice(0, -2));
    }
    return out;
  }
  // Short bases have too many homographs ("kidding" is not "kid").
  const add = (base: string, lang: 'en' | 'fr' | 'pt') => {
    if (base.length >= 4 && base !== key && !out.some((o) => o.key === base && o.lang === lang)) out.push({ key: base, lang });
  };
  const n = key.length;
  const stems: string[] = [];
  if (n >= 6 && key.endsWith('ing')) stems.push(key.slice(0, -3));
  if (n >= 5 && key.endsWith('ied')) add(key.slice(0, -3) + 'y', 'en');
  else if (n >= 5 && key.endsWith('ed')) stems.push(key.slice(0, -2));
  for (const stem of stems) {
    add(stem + 'e', 'en');
    add(stem, 'en');
    const m = stem.length;
    if (m >= 4 && stem[m - 1] === stem[m - 2]) add(stem.slice(0, -1), 'en'); // stopped → stop
  }
  if (n < 5) return out;
  // Latin and Greek plurals, as the plural rules leave them ("pneumothoraces" has become "pneumothorace").
  if (key.endsWith('ace')) add(key.slice(0, -2) + 'x', 'en'); // thoraces → thorax
  if (key.endsWith('ice')) {
    add(key.slice(0, -3) + 'ex', 'en'); // apices → apex
    add(key.slice(0, -3) + 'ix', 'en'); // cervices → cervix
  }
  if (key.endsWith('i')) add(key.slice(0, -1) + 'us', 'en'); // emboli, thrombi, bronchi
  if (key.endsWith('a')) {
    add(key.slice(0, -1) + 'um', 'en'); // bacteria, ova
    add(key.slice(0, -1) + 'on', 'en'); // criteria, phenomena
  }
  if (key.endsWith('ae')) add(key.slice(0, -1), 'en'); // vertebrae, pleurae
  if (key.endsWith('ata')) add(key.slice(0, -2), 'en'); // stomata → stoma
  if (key.endsWith('ide') && n >= 7) add(key.slice(0, -3) + 'is', 'en'); // epididymides
  // French: feminine and plural forms of adjectives and participles.
  if (key.endsWith('euse')) add(key.slice(0, -4) + 'eux', 'fr');
  if (key.endsWith('ive')) add(key.slice(0, -3) + 'if', 'fr');
  if (key.endsWith('elle') || key.endsWith('enne')) add(key.slice(0, -2), 'fr');
  if (key.endsWith('ee')) add(key.slice(0, -1), 'fr'); // intubee → intube
  else if (key.endsWith('e')) add(key.slice(0, -1), 'fr'); // ventrale → ventral
  // Portuguese plurals, as the plural rules leave them ("pulmões" has become "pulmoe"), and
  // feminine adjectives.
  if (key.endsWith('oe') || key.endsWith('ae')) add(key.slice(0, -2) + 'ao', 'pt'); // pulmoes → pulmao, maes → mao
  if (/[aeo]is$/.test(key)) add(key.slice(0, -2) + 'l', 'pt'); // hospitais → hospital, papeis → papel (the plural rules keep -is)
  if (key.endsWith('en')) add(key.slice(0, -1) + 'm', 'pt'); // jovens → jovem
  if (key.endsWith('a')) add(key.slice(0, -1) + 'o', 'pt'); // aguda → agudo, respiratoria → respiratorio
  return out;
}

/**
 * A word's skeleton across the Latin-script languages of the index: spellings of the same Greek or
 * Latin root ("pharyngitis", "pharyngite", "faringite"; "lethargy", "letargia"; "sepsis", "sepse")
 * reduce to one ("faringit", "letarg", "seps"). Applied to matching keys (lowercase, no
 * diacritics); only words of five letters or more are compared this way.
 */
export function cognateKey(key: string): string {
  return key
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/rh/g, 'r')
    .replace(/y/g, 'i')
    .replace(/k/g, 'c')
    .replace(/(.)\1/g, '$1')
    .replace(/(iques|ique|icos|icas|ics|ico|ica|ic|ies|ias|ia|ie|is|es|as|os|e|a|o|s|i)$/, '')
    .replace(/qu/g, 'c');
}
