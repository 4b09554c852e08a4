// False cards on other specialties' text: sentences from cardiology, oncology, radiology, ... notes
// (tests/fixtures/other-specialties.jsonl, written for this), each with the entries it may fairly
// show. A card outside that list is false, whether the sentence is scanned or any of its words is
// double-clicked in it, or any two adjacent words of it are selected together.
import { existsSync, readFileSync } from 'node:fs';
import type { Matcher } from '../core/match/matcher';
import { tokenize } from '../core/text/normalize';
import { isNoiseKey } from '../core/text/noise';
import type { EvalQuery } from './eval';

export interface FalseCards {
  sentences: number;
  /** Sentences whose scan shows a card outside `allow`. */
  scanSentences: number;
  scanCards: number;
  /** Words double-clicked (content words) and the cards outside `allow` they showed. */
  clicks: number;
  clickCards: number;
  /** Two adjacent words selected together (a short phrase) and the cards outside `allow` they showed. */
  pairs: number;
  pairCards: number;
  /** term → how often it made a false card. */
  byTerm: Map<string, number>;
}

export function falseCards(matcher: Matcher, queries: readonly (EvalQuery & { allow?: string[] })[]): FalseCards {
  const out: FalseCards = { sentences: 0, scanSentences: 0, scanCards: 0, clicks: 0, clickCards: 0, pairs: 0, pairCards: 0, byTerm: new Map() };
  const count = (term: string) => out.byTerm.set(term, (out.byTerm.get(term) ?? 0) + 1);
  for (const q of queries) {
    if (q.mode !== 'scan') continue;
    out.sentences++;
    const allowed = new Set([...(q.allow ?? []), ...q.expect.flatMap((e) => e.split('|'))]);
    const wrong = matcher.scan(q.q).filter((h) => !allowed.has(h.id));
    if (wrong.length > 0) out.scanSentences++;
    out.scanCards += wrong.length;
    for (const h of wrong) count(h.term);
    const tokens = tokenize(q.q);
    const isContent = (token: (typeof tokens)[number] | undefined) => token !== undefined && !token.cjk && !isNoiseKey(token.key) && !/^\d/.test(token.key);
    tokens.forEach((token, k) => {
      const next = tokens[k + 1];
      // Two content words with only a space between them: what a drag over a short phrase selects.
      if (!isContent(token) || !isContent(next) || !next || !/^\s+$/.test(q.q.slice(token.end, next.start))) return;
      out.pairs++;
      const card = matcher.lookup(q.q.slice(token.start, next.end), { context: q.q, offset: token.start, limit: 1 })[0];
      if (card && !allowed.has(card.id)) {
        out.pairCards++;
        count(card.term);
      }
    });
    for (const token of tokens) {
      if (!isContent(token)) continue;
      out.clicks++;
      const word = q.q.slice(token.start, token.end);
      const card = matcher.lookup(word, { context: q.q, offset: token.start, limit: 1 })[0];
      if (card && !allowed.has(card.id)) {
        out.clickCards++;
        count(card.term);
      }
    }
  }
  return out;
}

export function readCorpus(path: string, parse: (text: string, file: string) => EvalQuery[]): EvalQuery[] | undefined {
  return existsSync(path) ? parse(readFileSync(path, 'utf8'), path) : undefined;
}
