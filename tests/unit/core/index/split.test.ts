import { describe, expect, it } from 'vitest';
import { parseIndex } from '../../../../core/index/schema';
import { CARD_GROUPS, cardGroup, cardTextGroups, fromMatchPart, fromNearPart, isPartialEntry, matchingIndex, matchPart, nearPart } from '../../../../core/index/split';
import { fixtureIndex } from '../../paths';

describe('the index in parts', () => {
  it('the matching index keeps everything but the card text, and still passes the schema', () => {
    const index = fixtureIndex();
    const matching = matchingIndex(index);
    expect(parseIndex(JSON.parse(JSON.stringify(matching))).ok).toBe(true);
    for (const [k, entry] of matching.entries.entries()) {
      const full = index.entries[k];
      if (!full) throw new Error(`entry ${k} lost`);
      expect(isPartialEntry(entry)).toBe(true);
      expect(isPartialEntry(full)).toBe(false);
      expect({ ...entry, summary: full.summary, keyPoints: full.keyPoints, sources: full.sources }).toEqual(full);
    }
  });

  it('every card is in exactly the group its id names, and the groups put the index back together', () => {
    const index = fixtureIndex();
    const groups = cardTextGroups(index);
    expect(groups).toHaveLength(CARD_GROUPS);
    const rebuilt = matchingIndex(index).entries.map((entry) => ({ ...entry, ...groups[cardGroup(entry.id)]?.[entry.id] }));
    expect(rebuilt).toEqual(index.entries);
    expect(groups.reduce((n, g) => n + Object.keys(g).length, 0)).toBe(index.entries.length);
    expect(cardGroup('dexamethasone')).toBe(cardGroup('dexamethasone'));
  });

  it('the matching part and the near-words part put the matching index back together, terms in their order', () => {
    const index = fixtureIndex();
    const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
    const matching = fromMatchPart(viaJson(matchPart(index)));
    expect(parseIndex(matching).ok).toBe(true);
    const expected = matchingIndex(index);
    expect(matching).toEqual({ ...expected, lexicon: { ...expected.lexicon, nearWords: [] } });
    expect(fromNearPart(viaJson(nearPart(index)), index)).toEqual([...index.lexicon.nearWords].sort());
    expect(JSON.stringify(matchPart(index)).length).toBeLessThan(JSON.stringify(matchingIndex(index)).length * 0.8);
  });

  it('refuses the near words of another build and a file that is not a part', () => {
    const index = fixtureIndex();
    expect(() => fromNearPart(nearPart(index), { ...index, version: index.version + 1 })).toThrow(/near words of version/);
    expect(() => fromMatchPart(index)).toThrow(/not a mx-lookup-match-part file/);
    expect(() => fromMatchPart({ format: 'mx-lookup-match-part', index: {}, entries: [{ terms: 'HFNC', related: [] }] })).toThrow(/entry 0/);
  });
});
