// The default index in parts, for a widget on a slow connection: what matching needs (terms,
// titles, codes, thresholds, the lexicon) first, and the cards' text (summaries, key points,
// sources) in small groups fetched when a card is opened, then in the background for offline use.
// A card's group is a function of its id, so the parts need no table of contents.
import { fnv1a } from '../text/hash';
import type { Entry, GuidanceIndex } from './types';

/** How many groups the cards' text is cut into (about five entries, 7–18 kB compressed, each). */
export const CARD_GROUPS = 32;

/** The group of an entry's card text (FNV-1a of its id). */
export function cardGroup(id: string): number {
  return fnv1a(id) % CARD_GROUPS;
}

/** The text of a card that matching does not need. */
export type CardText = Pick<Entry, 'summary' | 'keyPoints' | 'sources'>;

/** An entry of a matching index: its card text is still to be fetched. */
export function isPartialEntry(entry: Entry): boolean {
  return Object.keys(entry.summary).length === 0 && entry.sources.length === 0;
}

/** The matching index: every entry without its card text (still valid against the schema). */
export function matchingIndex(index: GuidanceIndex): GuidanceIndex {
  return { ...index, entries: index.entries.map((entry) => ({ ...entry, summary: {}, keyPoints: {}, sources: [] })) };
}

/** The card text of every entry, by group: `groups[n]` maps ids to their text. */
export function cardTextGroups(index: GuidanceIndex): Record<string, CardText>[] {
  const groups: Record<string, CardText>[] = Array.from({ length: CARD_GROUPS }, () => ({}));
  for (const { id, summary, keyPoints, sources } of index.entries) (groups[cardGroup(id)] as Record<string, CardText>)[id] = { summary, keyPoints, sources };
  return groups;
}

/** What the build writes as `guidance/match.json.gz`: the matching index in a tighter form, its near words apart. */
export const MATCH_PART_FORMAT = 'mx-lookup-match-part';
/** What the build writes as `guidance/near.json.gz`: the lexicon's near words, fetched after the matching part. */
export const NEAR_PART_FORMAT = 'mx-lookup-near-words';

/** Consecutive terms of one language, kind and case rule: `[lang, kind, caseSensitive ? 1 : 0, ...texts]`. */
type TermRun = [string, string, 0 | 1, ...string[]];

/**
 * The matching part: the header and lexicon of the index (its near words left out: 34 of its 104 kB
 * compressed, and only spelling correction needs them), and each entry without its card text, its
 * terms as runs (a term's language and kind written once per run, not per term, in the index's
 * order) and its related entries by position.
 */
export function matchPart(index: GuidanceIndex): unknown {
  const position = new Map(index.entries.map((entry, i) => [entry.id, i]));
  const entries = index.entries.map(({ summary: _summary, keyPoints: _keyPoints, sources: _sources, terms, related, ...entry }) => {
    const runs: TermRun[] = [];
    let run: TermRun | undefined;
    for (const term of terms) {
      const cased = term.caseSensitive ? 1 : 0;
      if (!run || run[0] !== term.lang || run[1] !== term.kind || run[2] !== cased) runs.push((run = [term.lang, term.kind, cased]));
      run.push(term.text);
    }
    return { ...entry, terms: runs, related: related.map((id) => position.get(id) ?? id) };
  });
  const { nearWords: _nearWords, ...lexicon } = index.lexicon;
  return { format: MATCH_PART_FORMAT, index: { ...index, entries: undefined, lexicon }, entries };
}

/** A problem with a part: its file is not what this widget reads. */
const notAPart = (what: string) => new Error(`the index part is not valid (${what})`);

/**
 * The matching index a matching part holds, its near words empty, its entries without card text;
 * to be checked against the schema (parseIndex) like any index.
 */
export function fromMatchPart(raw: unknown): unknown {
  const part = raw as { format?: unknown; index?: { lexicon?: object } | null; entries?: unknown } | null;
  if (!part || part.format !== MATCH_PART_FORMAT || !part.index || typeof part.index !== 'object' || !Array.isArray(part.entries)) throw notAPart(`not a ${MATCH_PART_FORMAT} file`);
  const ids = part.entries.map((entry: { id?: unknown } | null) => entry?.id);
  const entries = part.entries.map((entry: { terms?: unknown; related?: unknown } | null, i) => {
    if (!entry || !Array.isArray(entry.terms) || !Array.isArray(entry.related)) throw notAPart(`entry ${i}`);
    const terms = (entry.terms as unknown[]).flatMap((run) => {
      if (!Array.isArray(run)) throw notAPart(`entry ${i}: terms`);
      const [lang, kind, cased, ...texts] = run as unknown[];
      return texts.map((text) => (cased === 1 ? { text, lang, kind, caseSensitive: true } : { text, lang, kind }));
    });
    const related = (entry.related as unknown[]).map((r) => (typeof r === 'number' ? ids[r] : r));
    return { ...entry, summary: {}, keyPoints: {}, sources: [], terms, related };
  });
  return { ...part.index, entries, lexicon: { ...part.index.lexicon, nearWords: [] } };
}

/**
 * The near-words part: the sorted words front-coded (each line the length of the prefix it shares
 * with the word before, 0–9, then the rest), 34 → 24 kB compressed; with the index's version and
 * build time, so the words of another build are never taken for this one's.
 */
export function nearPart(index: GuidanceIndex): unknown {
  const words = [...index.lexicon.nearWords].sort();
  let previous = '';
  const lines = words.map((word) => {
    let shared = 0;
    while (shared < 9 && shared < previous.length && previous[shared] === word[shared]) shared++;
    previous = word;
    return `${shared}${word.slice(shared)}`;
  });
  return { format: NEAR_PART_FORMAT, version: index.version, built: index.built, words: lines.join('\n') };
}

/** The near words of a near-words part, when it belongs to the build of `index`. */
export function fromNearPart(raw: unknown, index: Pick<GuidanceIndex, 'version' | 'built'>): string[] {
  const part = raw as { format?: unknown; version?: unknown; built?: unknown; words?: unknown } | null;
  if (!part || part.format !== NEAR_PART_FORMAT || typeof part.words !== 'string') throw notAPart(`not a ${NEAR_PART_FORMAT} file`);
  if (part.version !== index.version || part.built !== index.built) throw notAPart(`near words of version ${String(part.version)}, not ${index.version}`);
  if (part.words === '') return [];
  let previous = '';
  return part.words.split('\n').map((line) => {
    previous = previous.slice(0, Number(line[0])) + line.slice(1);
    return previous;
  });
}
