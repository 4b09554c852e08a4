// Reading a note as a clinician does: is each finding the patient's, now, for sure? A NegEx /
// ConText style pass: find the triggers (longest first, pseudo-triggers skipped), give each a
// scope — forward or backward, to the end of its clause (sentence punctuation, a termination word,
// a Chinese comma; a colon right after a trigger is a heading and does not end it) and at most
// MAX_SCOPE words — and mark every finding inside. When several apply, the strongest wins:
// someone else's, then negated, hypothetical, possible, historical.
import type { Token } from '../text/normalize';
import { compileTriggers, type Assertion, type Trigger } from './triggers';

/** Most words a trigger reaches. */
const MAX_SCOPE = 12;
const PRIORITY: Record<Assertion, number> = { present: 0, historical: 1, possible: 2, hypothetical: 3, negated: 4, other: 5 };
const CLAUSE_END = /[;!?\n。；！？]|\.(\s|$)|^\.|\s\./;
const CHINESE_CLAUSE_END = /[，,]/;
const YEAR = /^(19|20)\d\d$/;
const YEAR_MARKERS = new Set(['in', 'en', 'year']);

let compiled: Map<string, Trigger[]> | undefined;

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
export function assertSpans(text: string, tokens: readonly Token[], spans: readonly Span[]): Assertion[] {
  if (spans.length === 0) return [];
  compiled ??= compileTriggers();
  const triggers = compiled;
  // Where clauses end: before token k when the gap before it holds sentence punctuation (or a
  // comma between Chinese characters), and whether that gap is a colon.
  const endsBefore = new Uint8Array(tokens.length + 1);
  const colonBefore = new Uint8Array(tokens.length + 1);
  for (let k = 1; k < tokens.length; k++) {
    const prev = tokens[k - 1] as Token;
    const token = tokens[k] as Token;
    const gap = text.slice(prev.end, token.start);
    if (gap.length === 0) continue;
    if (CLAUSE_END.test(gap) || ((prev.cjk || token.cjk) && CHINESE_CLAUSE_END.test(gap))) endsBefore[k] = 1;
    else if (gap.includes(':') || gap.includes('：')) {
      endsBefore[k] = 1;
      colonBefore[k] = 1;
    }
  }
  endsBefore[tokens.length] = 1;

  const found: Found[] = [];
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i] as Token;
    // The longest phrase that matches here, with every trigger of that phrase ("ruled out" acts both ways).
    let match: Found | undefined;
    const same: Found[] = [];
    for (const trigger of triggers.get(token.key) ?? []) {
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
    const both = f.trigger.direction === 'none';
    if (f.trigger.direction === 'forward' || both) {
      let end = f.to;
      // A colon right after the trigger makes it a heading ("History: TB", "Denies: fever").
      const heading = colonBefore[f.to] === 1;
      while (end < tokens.length && end - f.to < MAX_SCOPE && (!endsBefore[end] || (heading && end === f.to)) && !terminates(end)) end++;
      scopes.push({ from: f.to, to: end, assertion: kind });
    }
    if (f.trigger.direction === 'backward' || both) {
      let start = f.from;
      while (start > 0 && f.from - start < MAX_SCOPE && !endsBefore[start] && !terminateEnds[start]) start--;
      scopes.push({ from: start, to: f.from, assertion: kind });
    }
  }

  return spans.map((span) => {
    const first = tokenAt(tokens, span.start);
    let assertion: Assertion = 'present';
    for (const scope of scopes)
      if (first >= scope.from && first < scope.to && PRIORITY[scope.assertion] > PRIORITY[assertion]) assertion = scope.assertion;
    // "PE?" — a question mark right after a finding.
    if (PRIORITY[assertion] < PRIORITY.possible && /^\s*[?？]/.test(text.slice(span.end, span.end + 3))) assertion = 'possible';
    return assertion;
  });
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
