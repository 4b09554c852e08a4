import { describe, expect, it } from 'vitest';
import { normalizeKey, tokenize } from '../../../../core/text/normalize';
import { canonicalKey, inflectionCandidates } from '../../../../core/text/variants';

describe('tokenize', () => {
  it('folds case, diacritics and full-width forms (NFKC)', () => {
    expect(normalizeKey('Décubitus VENTRAL')).toBe('decubitus ventral');
    expect(normalizeKey('ＨＦＮＣ')).toBe('hfnc');
    expect(normalizeKey('Œdème')).toBe(normalizeKey('oedeme'));
  });

  it('treats hyphens, slashes and spaces alike', () => {
    expect(normalizeKey('high-flow nasal cannula')).toBe(normalizeKey('high flow  nasal cannula'));
    expect(normalizeKey('PaO2/FiO2')).toBe('pao2 fio2');
    expect(normalizeKey('D‐dimer')).toBe('d dimer');
  });

  it('records that only a hyphen separated two words', () => {
    const tokens = tokenize('D-dimer rising, high flow');
    expect(tokens.map((t) => t.hyphenBefore)).toEqual([false, true, false, false, false]);
  });

  it('maps every token back to its span in the original text', () => {
    const text = 'Pt on ＨＦＮＣ, dé\u200Bcubitus 🙂 俯卧位';
    for (const token of tokenize(text)) {
      const original = text.slice(token.start, token.end);
      expect(normalizeKey(original)).toBe(token.key);
    }
    const hfnc = tokenize(text).find((t) => t.key === 'hfnc');
    expect(text.slice(hfnc?.start, hfnc?.end)).toBe('ＨＦＮＣ');
  });

  it('ignores zero-width characters inside a word and splits Chinese into characters', () => {
    expect(normalizeKey('dexa\u200Bmethasone')).toBe('dexamethasone');
    expect(tokenize('俯卧位通气').map((t) => t.key)).toEqual(['俯', '卧', '位', '通', '气']);
  });

  it('survives lone surrogates, control characters, RTL text and emoji', () => {
    const nasty = '\uD800abc\uDFFF\u0000\u202Eمرحبا\u202C 👩‍⚕️ ok';
    const tokens = tokenize(nasty);
    expect(tokens.map((t) => t.folded)).toContain('abc');
    expect(tokens.map((t) => t.folded)).toContain('ok');
  });

  it('stops at its character limit', () => {
    expect(tokenize('word '.repeat(100_000), 50).length).toBe(10);
  });
});

describe('matching keys', () => {
  it('folds British and American spellings together', () => {
    for (const [gb, us] of [
      ['hypoxaemia', 'hypoxemia'],
      ['dyspnoea', 'dyspnea'],
      ['paediatric', 'pediatric'],
      ['oedema', 'edema'],
      ['haemoglobin', 'hemoglobin'],
      ['hospitalised', 'hospitalized'],
      ['tumour', 'tumor'],
      ['litre', 'liter'],
      ['manoeuvres', 'maneuver'],
    ])
      expect(canonicalKey(gb as string)).toBe(canonicalKey(us as string));
  });

  it('reduces English and French plurals', () => {
    expect(canonicalKey('opacities')).toBe(canonicalKey('opacity'));
    expect(canonicalKey('cannulae')).toBe(canonicalKey('cannula'));
    expect(canonicalKey('masks')).toBe('mask');
    expect(canonicalKey('myalgias')).toBe(canonicalKey('myalgia'));
    expect(canonicalKey('viruses')).toBe('virus');
    expect(canonicalKey('sepsis')).toBe('sepsis');
    expect(canonicalKey('hôpitaux'.normalize('NFD').replace(/\p{M}/gu, ''))).toBe('hopital');
  });

  it('offers base forms of -ed and -ing words, Latin and Greek plurals and French feminines', () => {
    const bases = (word: string) => inflectionCandidates(word).map((c) => c.key);
    expect(bases('proned')).toContain('prone');
    expect(bases('proning')).toContain('prone');
    expect(bases('intubated')).toContain('intubate');
    expect(bases('stopped')).toContain('stop');
    expect(bases('emboli')).toContain('embolus');
    expect(bases(canonicalKey('pneumothoraces'))).toContain('pneumothorax');
    expect(bases('bacteria')).toContain('bacterium');
    expect(inflectionCandidates('ventrale')).toContainEqual({ key: 'ventral', lang: 'fr' });
    expect(inflectionCandidates('intubee')).toContainEqual({ key: 'intube', lang: 'fr' });
    // Short bases have too many homographs.
    expect(bases('red')).toEqual([]);
    expect(bases('kidding')).not.toContain('kid');
  });
});

describe('Arabic and Portuguese', () => {
  it('folds Arabic as search engines do: vowel marks, tatweel, alef forms, alef maqsura, teh marbuta, Arabic-Indic digits', () => {
    const keys = (text: string) => tokenize(text).map((t) => t.key);
    expect(keys('الحُمَّى')).toEqual(keys('الحمي'));
    expect(keys('حمـــى')).toEqual(keys('حمى'));
    expect(keys('أكسجين إكسجين آكسجين')).toEqual(['اكسجين', 'اكسجين', 'اكسجين']);
    expect(keys('رئوية')).toEqual(keys('رئويه'));
    expect(tokenize('SpO2 ٨٦٪').map((t) => t.folded)).toEqual(['spo2', '86']);
  });

  it('reads an Arabic word with or without its article and joined particles as one key, and never cuts a short word', () => {
    const key = (word: string) => tokenize(word)[0]?.key;
    for (const written of ['الحمى', 'والحمى', 'بالحمى', 'للحمى', 'فالحمى', 'كالحمى']) expect(key(written), written).toBe(key('حمى'));
    expect(key('بالأكسجين')).toBe(key('أكسجين'));
    expect(key('الم')).toBe('الم'); // "pain" (alif-lam-mim): the remainder would be one letter
    expect(key('الله')).toBe('الله');
  });

  it('offers an Arabic word without the conjunction or preposition joined to it, when three letters remain', () => {
    const of = (word: string) => inflectionCandidates(tokenize(word)[0]?.key ?? '').map((c) => c.key);
    expect(of('وسعال')[0]).toBe(tokenize('سعال')[0]?.key);
    expect(of('بحمى')[0]).toBe(tokenize('حمى')[0]?.key);
    expect(of('ولد')).not.toContain('لد'); // "boy": the remainder would be two letters
  });

  it('offers the other gender and the singular of Arabic nouns and adjectives', () => {
    const of = (word: string) => inflectionCandidates(tokenize(word)[0]?.key ?? '').map((c) => c.key);
    const key = (word: string) => tokenize(word)[0]?.key;
    expect(of('مكتسب')).toContain(key('مكتسبة'));
    expect(of('طبيعية')).toContain(key('طبيعي'));
    expect(of('إصابات')).toContain(key('إصابة'));
    expect(of('مصابون')).toContain(key('مصاب'));
    expect(of('وإصابات')).toContain(key('إصابة'));
    expect(of('دم')).toEqual([]); // two letters: no stem to inflect
  });

  it('offers Portuguese singulars and masculine forms, tried only against Portuguese terms', () => {
    const of = (word: string) => inflectionCandidates(canonicalKey(word)).filter((c) => c.lang === 'pt').map((c) => c.key);
    expect(of('pulmoes')).toContain('pulmao');
    expect(of('hospitais')).toContain('hospital');
    expect(of('aguda')).toContain('agudo');
    expect(of('respiratorias')).toContain('respiratorio');
  });
});

describe('numbers', () => {
  it('reads a number and a number with its unit as numbers, and a drug code as a word', async () => {
    const { isNumeric, tokenize: t } = await import('../../../../core/text/normalize');
    const numeric = (text: string) => t(text).map(isNumeric);
    expect(numeric('6 6mg 2L 40mg')).toEqual([true, true, true, true]);
    expect(numeric('5FU 3TC COVID19')).toEqual([false, false, false]);
  });

  it('counts Hangul as CJK like Han and kana', async () => {
    const { CJK } = await import('../../../../core/text/normalize');
    for (const ch of ['肺', 'の', 'カ', '한']) expect(CJK.test(ch), ch).toBe(true);
  });
});
