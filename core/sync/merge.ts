// Several sources as one index: the bundled default is the lowest layer, each source lies above it
// in priority order, and an entry of a higher source replaces the entry with the same id below it.
// An entry a source removed is simply no longer in its layer.
import { INDEX_FORMAT, INDEX_FORMAT_VERSION, type Entry, type GuidanceIndex } from '../index/types';

export interface Layer {
  index: GuidanceIndex;
  /** Higher wins. */
  priority: number;
}

/** One index of all layers; which layer each entry came from is in `origins` (entry id → index source). */
export function mergeLayers(layers: readonly Layer[]): { index: GuidanceIndex; origins: Map<string, string> } {
  if (layers.length === 1 && layers[0]) return { index: layers[0].index, origins: new Map(layers[0].index.entries.map((e) => [e.id, layers[0]?.index.source ?? ''])) };
  const ordered = [...layers].sort((a, b) => a.priority - b.priority);
  const entries = new Map<string, Entry>();
  const origins = new Map<string, string>();
  const nearWords = new Set<string>();
  const frequency: Record<string, number> = {};
  const commonDerived = new Set<string>();
  let built = '';
  for (const { index } of ordered) {
    for (const entry of index.entries) {
      entries.delete(entry.id); // keep the order of the layer that wins
      entries.set(entry.id, entry);
      origins.set(entry.id, index.source);
    }
    for (const w of index.lexicon.nearWords) nearWords.add(w);
    for (const [w, zipf] of Object.entries(index.lexicon.frequency ?? {})) frequency[w] = Math.max(frequency[w] ?? 0, zipf);
    for (const w of index.lexicon.commonDerived ?? []) commonDerived.add(w);
    if (index.built > built) built = index.built;
  }
  return {
    index: {
      format: INDEX_FORMAT,
      formatVersion: INDEX_FORMAT_VERSION,
      source: ordered.map((l) => `${l.index.source}@${l.index.version}`).join('+'),
      version: ordered.reduce((n, l) => n + l.index.version, 0),
      built,
      entries: [...entries.values()],
      lexicon: { nearWords: [...nearWords], frequency, commonDerived: [...commonDerived] },
    },
    origins,
  };
}
