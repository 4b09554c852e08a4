// Reading a note as a clinician does: is each finding the patient's, now, for sure? A NegEx /
// ConText style pass: find the triggers (longest first, pseudo-triggers skipped), give each a
// scope — forward or backward, to the end of its clause (sentence punctuation, a termination word,
// a Chinese comma; a colon right after a trigger is a heading and does not end it) and at most
// MAX_SCOPE words — and mark every finding inside. When several apply, the strongest wins:
// negated, then someone else's, hypothetical, possible, historical. A negation beats someone
// else's because what is said is that the finding is absent ("No family history of diabetes",
// 无糖尿病家族史, "Mother denies any fever in the child"): read as someone else's it would say
// the family has it.
import { guessLanguage } from '../text/language';
import { tokenize, type Token } from '../text/normalize';
import { compileTriggers, compileWordLists, LANGUAGE_TRIGGERS, type Assertion, type Trigger } from './triggers';

/** Most words a trigger reaches. */
const MAX_SCOPE = 12;
const PRIORITY: Record<Assertion, number> = { present: 0, historical: 1, possible: 2, hypothetical: 3, other: 4, negated: 5 };
const CATEGORY_BIT: Record<Exclude<Assertion, 'present'>, number> = { negated: 1, possible: 2, historical: 4, hypothetical: 8, other: 16 };
const ALL_CATEGORIES = 31;
const YEAR = /^(19|20)\d\d$/;
const YEAR_MARKERS = new Set(['in', 'en', 'year', 'since', ...'january february march april may june july august september october november december janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre'.split(' ')]);
// Words ending in s that are no plural noun after "should" ("should always", "should perhaps").
const NOT_PLURAL = new Set(['always', 'perhaps', 'thus']);
const PLURAL = /[^su]s$/;
const ABBREVIATION = /\d|[A-Z].*[A-Z]/;
// A finding followed by one of these is its clause's subject ("… whether the cough is due to COVID").
const COPULAS = new Set('is was are were est etait sont'.split(' '));
const EXISTENCE = new Set('present there real genuine seen visible presente'.split(' '));
// A relative who only tells ("his wife reports he has been short of breath") is an informant.
const REPORTING = new Set(
  tokenize(
    // Keys reduce plurals, so "reports" is "report" and "remarqué" "remarque".
    'report reported say said state stated note noted describe described tell told explain notice noticed observe observed think feel ' +
      'worried concerned called brought signale rapporte dit explique décrit raconte indique précise remarque constate trouve inquiète amène 诉 述 说',
  ).map((t) => t.key),
);
// Chinese verbs of telling of two characters (each character is a token): 反映, 表示, 发现, 观察.
const REPORTING_ZH = new Set(['反映', '表示', '发现', '观察', '注意到', '代诉'].map((w) => w.slice(0, 2)));
const reports = (tokens: readonly Token[], k: number) =>
  REPORTING.has(tokens[k]?.key ?? '') || REPORTING_ZH.has((tokens[k]?.key ?? '') + (tokens[k + 1]?.key ?? ''));

// Triggers of every language, and of one language with Chinese (a French "possible" follows its noun).
interface LanguageLists {
  triggers: Map<string, Trigger[]>;
  coordinators: Set<string>;
  sources: Set<string>;
  sourceEnds: Set<string>;
}
const compiled = new Map<string, LanguageLists>();
function listsFor(lang: 'en' | 'fr' | 'pt' | undefined): LanguageLists {
  const key = lang === 'en' || lang === 'fr' ? lang : 'all';
  let lists = compiled.get(key);
  if (!lists) {
    const { en, fr, zh } = LANGUAGE_TRIGGERS;
    const languages = key === 'en' ? [en, zh] : key === 'fr' ? [fr, zh] : [en, fr, zh];
    lists = { triggers: compileTriggers(languages), ...compileWordLists(languages) };
    compiled.set(key, lists);
  }
  return lists;
}

interface Found {
  from: number;
  to: number;
  trigger: Trigger;
}

/** A span of a note whose assertion is asked (UTF-16 offsets). */
export interface Span {
  start: number;
  end: number;
  /** It names a test or an image (what a source word's phrase is about: "on CXR or CT"), not a finding of the patient. */
  examination?: boolean;
}

// Per-token flags, on buffers kept between calls (a call runs to its end before the next): seven
// fresh typed arrays per note were seven buffers outside the heap that V8 sweeps at every young
// collection, a fifth of its pause after a run of scans.
const flagBuffers: Uint8Array[] = [];

/** Zeroed flags for `length` positions: a view of reused buffer `slot` (no new buffer once grown). */
function flags(slot: number, length: number): Uint8Array {
  let buffer = flagBuffers[slot];
  if (!buffer || buffer.length < length) flagBuffers[slot] = buffer = new Uint8Array(Math.max(length, 2 * (buffer?.length ?? 256)));
  else buffer.fill(0, 0, length);
  return buffer.subarray(0, length);
}

/** The assertion of each span of `text` (tokens: `tokenize(text)`), in the order given. */
export function assertSpans(text: string, tokens: readonly Token[], spans: readonly Span[], lang = guessLanguage(tokens)): Assertion[] {
  if (spans.length === 0) return [];
  const { triggers, coordinators, sources, sourceEnds } = listsFor(lang);
  // A trigger word inside a finding's own words is part of its name ("ventilation non invasive").
  const inFinding = flags(0, tokens.length);
  const examination = flags(1, tokens.length + 1);
  for (const span of spans)
    for (let k = tokenAt(tokens, span.start); k < tokens.length && (tokens[k] as Token).start < span.end; k++) {
      inFinding[k] = 1;
      if (span.examination) examination[k] = 1;
    }
  // Where clauses end: before token k when the gap before it holds sentence punctuation (or a
  // comma between Chinese characters), and whether that gap is a colon.
  const endsBefore = flags(2, tokens.length + 1);
  const colonBefore = flags(3, tokens.length + 1);
  const commaBefore = flags(4, tokens.length + 1);
  for (let k = 1; k < tokens.length; k++) {
    const prev = tokens[k - 1] as Token;
    const token = tokens[k] as Token;
    // The characters between two words, read in place (no string is made for the common single space).
    let end = false;
    let comma = false;
    let colon = false;
    let list = false;
    for (let c = prev.end; c < token.start; c++) {
      const ch = text.charCodeAt(c);
      if (ch === 32) continue;
      if (ch === 59 || ch === 33 || ch === 63 || ch === 10 || ch === 0x3002 || ch === 0xff1b || ch === 0xff01 || ch === 0xff1f) end = true;
      // A dash set apart by spaces reads as a colon ("Possible ARDS - start dexamethasone",
      // "Dyspnoea - absent"); one inside a word or a range does not ("D-dimer", "10–12").
      else if (ch === 0x2014 || ((ch === 45 || ch === 0x2013) && (text.charCodeAt(c - 1) === 32 || text.charCodeAt(c + 1) === 32))) colon = true;
      else if (ch === 46) {
        const next = text.charCodeAt(c + 1);
        if (c + 1 >= text.length || next === 32 || next === 10 || c === prev.end || text.charCodeAt(c - 1) === 32) end = true;
      } else if (ch === 44 || ch === 0xff0c) comma = true;
      else if (ch === 0x3001) list = true; // 、 lists items and ends no clause
      else if (ch === 58 || ch === 0xff1a) colon = true;
    }
    // 1: a comma; 3: only 、, which lists items ("同事发热、咳嗽": the colleague has both).
    if (comma) commaBefore[k] = 1;
    else if (list) commaBefore[k] = 3;
    if (end) endsBefore[k] = 1;
    else if (comma && (prev.cjk || token.cjk)) {
      endsBefore[k] = 1;
      commaBefore[k] = 2;
    } else if (colon) {
      endsBefore[k] = 1;
      colonBefore[k] = 1;
    }
  }
  endsBefore[tokens.length] = 1;

  const found: Found[] = [];
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i] as Token;
    if (inFinding[i]) {
      i++;
      continue;
    }
    // The longest phrase that matches here, with every trigger of that phrase ("ruled out" acts both ways).
    const candidates = triggers.get(token.key);
    if (!candidates && !YEAR.test(token.key)) {
      i++;
      continue;
    }
    let match: Found | undefined;
    const same: Found[] = [];
    for (const trigger of candidates ?? []) {
      const to = i + trigger.keys.length;
      if (to > tokens.length || (match && to < match.to)) continue;
      // A heading word acts only before its colon; an opening word only where its clause starts.
      if (trigger.only === 'heading' && colonBefore[to] !== 1) continue;
      if (trigger.only === 'opening' && i > 0 && !endsBefore[i] && !commaBefore[i]) continue;
      let ok = true;
      for (let k = 1; k < trigger.keys.length && ok; k++) ok = (tokens[i + k] as Token).key === trigger.keys[k] && !endsBefore[i + k];
      if (!ok) continue;
      if (!match) match = { from: i, to, trigger };
      if (to === match.to) same.push({ from: i, to, trigger });
    }
    if (match && same.some((f) => f.trigger.kind === 'pseudo')) {
      i = match.to;
      continue;
    }
    // A trigger hyphen-joined to the next word is a prefix ("non-invasive", "no-show").
    if (match && match.trigger.kind !== 'terminate' && tokens[match.to]?.hyphenBefore) {
      i = match.to;
      continue;
    }
    // Someone else who only reports the patient's finding is an informant, not the experiencer.
    const end = match?.to ?? i;
    if (match && match.trigger.kind === 'other' && [0, 1, 2].some((k) => reports(tokens, end + k))) {
      i = match.to;
      continue;
    }
    if (match && same.length > 1) {
      found.push(...same);
      i = match.to;
      continue;
    }
    // "in 2015", "2015年": a past year.
    if (!match && YEAR.test(token.key) && i > 0 && YEAR_MARKERS.has((tokens[i - 1] as Token).key) && Number(token.key) <= new Date().getFullYear())
      match = { from: i, to: i + 1, trigger: { keys: [token.key], kind: 'historical', direction: 'none' } };
    if (!match && YEAR.test(token.key) && tokens[i + 1]?.key === '年')
      match = { from: i, to: i + 2, trigger: { keys: [token.key], kind: 'historical', direction: 'none' } };
    if (match?.trigger.only === 'inverted' && !endsBefore[match.to] && nounPhraseAt(tokens[match.to], inFinding[match.to] === 1))
      match = { ...match, trigger: { ...match.trigger, direction: 'both' } };
    if (match) {
      if (match.trigger.kind !== 'pseudo') found.push(match);
      i = match.to;
    } else i++;
  }

  // Scopes as token ranges, each with its assertion.
  const scopes: { from: number; to: number; assertion: Assertion; forward: boolean }[] = [];
  // Termination words by the categories whose scopes they end (a bit each; most end all).
  const terminateStarts = flags(5, tokens.length + 1);
  const terminateEnds = flags(6, tokens.length + 1);
  for (const f of found)
    if (f.trigger.kind === 'terminate') {
      const bits = f.trigger.ends ? CATEGORY_BIT[f.trigger.ends] : ALL_CATEGORIES;
      terminateStarts[f.from] = (terminateStarts[f.from] as number) | bits;
      terminateEnds[f.to] = (terminateEnds[f.to] as number) | bits;
    }
  for (const f of found) {
    const kind = f.trigger.kind;
    if (kind === 'terminate' || kind === 'pseudo') continue;
    const bit = CATEGORY_BIT[kind];
    // A finding, a colon, then only the trigger: an answer to a heading ("Cough: no", "Fever: denies").
    const answer = f.trigger.direction === 'forward' && f.from > 0 && colonBefore[f.from] === 1 && endsBefore[f.to] === 1;
    const both = f.trigger.direction === 'none' || f.trigger.direction === 'both' || answer;
    if (f.trigger.direction === 'forward' || both) {
      let end = f.to;
      // A colon right after the trigger makes it a heading ("History: TB", "Denies: fever").
      const heading = colonBefore[f.to] === 1;
      // A negation, a history and someone else's findings run on through a list ("denies fever,
      // cough or loss of smell", "PMH: hypertension, diabetes", "mother has diabetes, asthma") and a
      // condition into its consequence ("if SpO2 falls, start HFNC"; in Chinese across the comma
      // too), each until a termination word; what is possible stops at a comma ("possible ARDS,
      // blood gas done") unless it heads a list ("Differential: PE, pneumonia").
      const crossesComma = kind !== 'possible' || heading;
      const stops = (k: number) =>
        (endsBefore[k] === 1 && !(heading && k === f.to) && !(kind === 'hypothetical' && commaBefore[k] === 2)) || (!crossesComma && commaBefore[k] === 1);
      // A negation does not reach the test or place that showed the absence ("Lymphopenia absent on
      // today's full blood count", "Aucune opacité au scanner", 未在CT上见肺栓塞): the phrase a source
      // word opens, after a finding (in the scope or right before a trigger that follows it) or up
      // to its closing word, is left out of the scope.
      let from = f.to;
      let afterFinding = inFinding[f.from - 1] === 1 && !endsBefore[f.from] && !commaBefore[f.from];
      while (end < tokens.length && end - f.to < MAX_SCOPE && !stops(end) && !((terminateStarts[end] as number) & bit)) {
        const token = tokens[end] as Token;
        // As written, lowercase: the French "à" is not the English article "a" (a source word is
        // short: longer words are not sliced out of the note).
        if (kind === 'negated' && !inFinding[end] && token.end - token.start < 4 && sources.has(text.slice(token.start, token.end).toLowerCase())) {
          let close = end + 1;
          // Bounded by the scope's own reach, so a long clause costs no more than MAX_SCOPE words per source word.
          // (Up to a coordinator before another of the patient's findings: "on exertion or dyspnoea"
          // ends at "or", "on CXR or CT" does not.)
          while (
            close - f.to < MAX_SCOPE &&
            !endsBefore[close] &&
            !commaBefore[close] &&
            !sourceEnds.has((tokens[close - 1] as Token).key) &&
            !(coordinators.has((tokens[close] as Token | undefined)?.key ?? '') && inFinding[close + 1] === 1 && !examination[close + 1])
          )
            close++;
          if (afterFinding || sourceEnds.has((tokens[close - 1] as Token).key)) {
            scopes.push({ from, to: end, assertion: kind, forward: true });
            from = end = close;
            continue;
          }
        }
        if (inFinding[end]) afterFinding = true;
        end++;
      }
      scopes.push({ from, to: end, assertion: kind, forward: true });
    }
    if (f.trigger.direction === 'backward' || both) {
      let start = f.from;
      // "Fever: none", "Myocarditis: excluded": the colon right before the trigger does not end it.
      if (colonBefore[start] === 1 && start > 0) start--;
      // A comma ends it too ("Troponin within normal limits, myocarditis excluded"), unless what
      // follows the comma ends a list ("Fever, cough and myalgia resolved") or is the trigger itself.
      let listed = false;
      while (start > 0 && f.from - start < MAX_SCOPE && !endsBefore[start] && !(commaBefore[start] === 1 && start < f.from && !listed) && !((terminateEnds[start] as number) & bit)) {
        start--;
        if (coordinators.has((tokens[start] as Token).key)) listed = true;
      }
      scopes.push({ from: start, to: f.from, assertion: kind, forward: false });
    }
  }

  return spans.map((span) => {
    const first = tokenAt(tokens, span.start);
    // "Unclear whether the chest pain is pleuritic": the doubt is about what is said of the
    // finding, the subject of its clause, not about the finding ("unclear whether PE is present" still doubts it).
    let after = tokenAt(tokens, span.end);
    if (tokens[after] && (tokens[after] as Token).start < span.end) after++;
    const subject = COPULAS.has(tokens[after]?.key ?? '') && !EXISTENCE.has(tokens[after + 1]?.key ?? '');
    let assertion: Assertion = 'present';
    for (const scope of scopes)
      if (first >= scope.from && first < scope.to && PRIORITY[scope.assertion] > PRIORITY[assertion] && !(subject && scope.forward && scope.assertion === 'possible'))
        assertion = scope.assertion;
    // "PE?", "?PE": a question mark right after a finding, or right before one and after no word
    // ("Myocardite ? Troponine": the mark asks about the word before it, French-spaced).
    if (PRIORITY[assertion] < PRIORITY.possible && (/^\s*[?？]/.test(text.slice(span.end, span.end + 3)) || questionBefore(text, span.start)))
      assertion = 'possible';
    return assertion;
  });
}

/**
 * Whether a noun phrase starts at `token`, not a verb (after "should": "should saturations fall",
 * "should CRP rise", "should oxygen requirements increase", not "should be given"): a finding, a
 * plural or an abbreviation.
 */
function nounPhraseAt(token: Token | undefined, finding: boolean): boolean {
  return !!token && (finding || (PLURAL.test(token.folded) && !NOT_PLURAL.has(token.folded)) || ABBREVIATION.test(token.cased));
}

/** Whether a question mark stands right before `start` ("?PE", "? PE") with no word just before it. */
function questionBefore(text: string, start: number): boolean {
  let c = start - 1;
  while (c >= 0 && text[c] === ' ') c--;
  if (c < 0 || (text[c] !== '?' && text[c] !== '？')) return false;
  c--;
  // The mark follows a word ("Myocardite ?"): it asks about that word.
  while (c >= 0 && text[c] === ' ') c--;
  return c < 0 || /[\n;,(.:]/.test(text[c] as string);
}

/** Index of the token that starts at or contains `offset` (tokens in text order). */
function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((tokens[mid] as Token).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
