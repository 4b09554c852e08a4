// What one selection shows: the card of a term, or every term of a sentence. The same rule for
// the extension's background and the widget.
import type { Entry } from '../index/types';
import { CJK_ALL } from '../text/normalize';
import type { Matcher } from './matcher';
import type { Hit } from './types';

export interface SelectionAnswer {
  mode: 'term' | 'sentence';
  hits: Hit[];
  entries: Record<string, Entry>;
}

/** A selection this short, with this few words and no sentence punctuation, is a term. */
const TERM_MAX_CHARS = 60;
const TERM_MAX_WORDS = 5;
const TERM_MAX_CJK = 10;

export function isTermSelection(text: string): boolean {
  const trimmed = text.trim();
  const cjk = (trimmed.match(CJK_ALL) ?? []).length;
  return (
    trimmed.length <= TERM_MAX_CHARS &&
    trimmed.split(/\s+/).length <= TERM_MAX_WORDS &&
    cjk <= TERM_MAX_CJK &&
    !/[.;!?]\s|[，。；！？]/.test(trimmed)
  );
}

/** The hits' entries and, for cards, their related entries (so related links can show titles). */
export function entriesFor(matcher: Matcher, hits: Hit[], withRelated = true): Record<string, Entry> {
  const out: Record<string, Entry> = {};
  for (const hit of hits) {
    const entry = matcher.entry(hit.id);
    if (!entry) continue;
    out[entry.id] = entry;
    if (withRelated)
      for (const id of entry.related) {
        const related = matcher.entry(id);
        if (related) out[id] = related;
      }
  }
  return out;
}

/** Where a selection was made: the text around it (its paragraph or field) and where it starts there. */
export interface SelectionContext {
  context?: string;
  /** UTF-16 offset of the selection in `context`. */
  offset?: number;
  lang?: string;
}

/**
 * A term when the selection as a whole names an entry (a word inside a longer term of its context
 * names that term); otherwise every term in it.
 */
export function answerSelection(matcher: Matcher, text: string, options: SelectionContext = {}): SelectionAnswer {
  const lookupOptions = { context: options.context, offset: options.offset, lang: options.lang, limit: 4 };
  let term: Hit[] = [];
  // A measurement that meets a threshold is shown with its value in the list ("SpO2 86%": hypoxaemia).
  const scanned = matcher.scan(text, { lang: options.lang });
  if (scanned.some((h) => h.value)) return { mode: 'sentence', hits: scanned, entries: entriesFor(matcher, scanned) };
  if (isTermSelection(text)) {
    term = matcher.lookup(text, lookupOptions);
    const best = term[0];
    if (best && best.kind !== 'phrase') return { mode: 'term', hits: term, entries: entriesFor(matcher, term) };
    // Read in its paragraph, a short selection that names nothing names nothing: "fever" of "hay
    // fever", "PE" that the paragraph defines as pleural effusion (its own scan would read it alone).
    if (!best && options.context) return { mode: 'term', hits: [], entries: {} };
  }
  const hits = scanned;
  if (hits.length <= 1) {
    if (term.length === 0 && hits.length === 1) term = matcher.lookup(text, lookupOptions);
    const chosen = term.length > 0 ? term : hits;
    return { mode: 'term', hits: chosen, entries: entriesFor(matcher, chosen) };
  }
  return { mode: 'sentence', hits, entries: entriesFor(matcher, hits) };
}
