// Reading a note as a clinician does: is each finding the patient's, now, for sure? A NegEx /
// ConText style pass: find the triggers (longest first, pseudo-triggers skipped), give each a
// scope — forward or backward, to the end of its clause (sentence punctuation, a termination word,
// a Chinese comma; a colon right after a trigger is a heading and does not end it) and at most
// MAX_SCOPE words — and mark every finding inside. When several apply, the strongest wins:
// someone else's, then negated, hypothetical, possible, historical.
import { guessLanguage } from '../text/language';
import type { Token } from '../text/normalize';
import { compileTriggers, LANGUAGE_TRIGGERS, type Assertion, type Trigger } from './triggers';

/** Most words a trigger reaches. */
const MAX_SCOPE = 12;
const PRIORITY: Record<Assertion, number> = { present: 0, historical: 1, possible: 2, hypothetical: 3, negated: 4, other: 5 };
const YEAR = /^(19|20)\d\d$/;
const YEAR_MARKERS = new Set(['in', 'en', 'year', 'since', ...'january february march april may june july august september october november december janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre'.split(' ')]);
// A relative who only tells ("his wife reports he has been short of breath") is an informant.
const REPORTING = new Set('report reports reported say says said state states stated note notes describe describes tell tells explain explains signale rapporte dit explique 诉 述'.split(' '));

// Triggers of every language, and of one language with Chinese (a French "possible" follows its noun).
const compiled = new Map<string, Map<string, Trigger[]>>();
function triggersFor(lang: 'en' | 'fr' | 'pt' | undefined): Map<string, Trigger[]> {
  const key = lang === 'en' || lang === 'fr' ? lang : 'all';
  let triggers = compiled.get(key);
  if (!triggers) {
    const { en, fr, zh } = LANGUAGE_TRIGGERS;
    triggers = compileTriggers(key === 'en' ? [en, zh] : key === 'fr' ? [fr, zh] : [en, fr, zh]);
    compiled.set(key, triggers);
  }
  return triggers;
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
}

/** The assertion of each span of `text` (tokens: `tokenize(text)`), in the order given. */
export function assertSpans(text: string, tokens: readonly Token[], spans: readonly Span[], lang = guessLanguage(tokens)): Assertion[] {
  if (spans.length === 0) return [];
  const triggers = triggersFor(lang);
  // A trigger word inside a finding's own words is part of its name ("ventilation non invasive").
  const inFinding = new Uint8Array(tokens.length);
  for (const span of spans) for (let k = tokenAt(tokens, span.start); k < tokens.length && (tokens[k] as Token).start < span.end; k++) inFinding[k] = 1;
  // Where clauses end: before token k when the gap before it holds sentence punctuation (or a
  // comma between Chinese characters), and whether that gap is a colon.
  const endsBefore = new Uint8Array(tokens.length + 1);
  const colonBefore = new Uint8Array(tokens.length + 1);
  const commaBefore = new Uint8Array(tokens.length + 1);
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
    if (match && match.trigger.kind === 'other' && [0, 1, 2].some((k) => REPORTING.has(tokens[end + k]?.key ?? ''))) {
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
    if (match) {
      if (match.trigger.kind !== 'pseudo') found.push(match);
      i = match.to;
    } else i++;
  }

  // Scopes as token ranges, each with its assertion.
  const scopes: { from: number; to: number; assertion: Assertion }[] = [];
  const terminateStarts = new Uint8Array(tokens.length + 1);
  const terminateEnds = new Uint8Array(tokens.length + 1);
  for (const f of found)
    if (f.trigger.kind === 'terminate') {
      terminateStarts[f.from] = 1;
      terminateEnds[f.to] = 1;
    }
  const terminates = (k: number) => terminateStarts[k] === 1;
  for (const f of found) {
    const kind = f.trigger.kind;
    if (kind === 'terminate' || kind === 'pseudo') continue;
    // A finding, a colon, then only the trigger: an answer to a heading ("Cough: no", "Fever: denies").
    const answer = f.trigger.direction === 'forward' && f.from > 0 && colonBefore[f.from] === 1 && endsBefore[f.to] === 1;
    const both = f.trigger.direction === 'none' || f.trigger.direction === 'both' || answer;
    if (f.trigger.direction === 'forward' || both) {
      let end = f.to;
      // A colon right after the trigger makes it a heading ("History: TB", "Denies: fever").
      const heading = colonBefore[f.to] === 1;
      // A negation runs on through a list ("denies fever, cough or loss of smell") and a condition
      // into its consequence ("if SpO2 falls, start HFNC"; in Chinese across the comma too); the
      // others stop at a comma ("possible ARDS, blood gas done").
      const crossesComma = kind === 'negated' || kind === 'hypothetical';
      const stops = (k: number) =>
        (endsBefore[k] === 1 && !(heading && k === f.to) && !(kind === 'hypothetical' && commaBefore[k] === 2)) || (!crossesComma && commaBefore[k] === 1);
      while (end < tokens.length && end - f.to < MAX_SCOPE && !stops(end) && !terminates(end)) end++;
      scopes.push({ from: f.to, to: end, assertion: kind });
    }
    if (f.trigger.direction === 'backward' || both) {
      let start = f.from;
      // "Fever: none", "Myocarditis: excluded": the colon right before the trigger does not end it.
      if (colonBefore[start] === 1 && start > 0) start--;
      while (start > 0 && f.from - start < MAX_SCOPE && !endsBefore[start] && !terminateEnds[start]) start--;
      scopes.push({ from: start, to: f.from, assertion: kind });
    }
  }

  return spans.map((span) => {
    const first = tokenAt(tokens, span.start);
    let assertion: Assertion = 'present';
    for (const scope of scopes)
      if (first >= scope.from && first < scope.to && PRIORITY[scope.assertion] > PRIORITY[assertion]) assertion = scope.assertion;
    // "PE?", "?PE": a question mark right after a finding, or right before one and after no word
    // ("Myocardite ? Troponine": the mark asks about the word before it, French-spaced).
    if (PRIORITY[assertion] < PRIORITY.possible && (/^\s*[?？]/.test(text.slice(span.end, span.end + 3)) || questionBefore(text, span.start)))
      assertion = 'possible';
    return assertion;
  });
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
