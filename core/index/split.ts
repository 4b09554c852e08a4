// The default index in parts, for a widget on a slow connection: what matching needs (terms,
// titles, codes, thresholds, the lexicon) first, and the cards' text (summaries, key points,
// sources) in small groups fetched when a card is opened, then in the background for offline use.
// A card's group is a function of its id, so the parts need no table of contents.
import type { Entry, GuidanceIndex } from './types';

/** How many groups the cards' text is cut into (about five entries, 7–18 kB compressed, each). */
export const CARD_GROUPS = 32;

/** The group of an entry's card text (FNV-1a of its id). */
export function cardGroup(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return hash % CARD_GROUPS;
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
