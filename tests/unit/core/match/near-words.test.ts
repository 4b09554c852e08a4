// A widget's first visit builds its matcher before the lexicon's near words have arrived (they
// follow the matching part): terms answer as written at once, misspellings only once they are in.
import { beforeAll, describe, expect, it } from 'vitest';
import { fromMatchPart, fromNearPart, matchPart, nearPart } from '../../../../core/index/split';
import type { GuidanceIndex } from '../../../../core/index/types';
import { buildMatcher, type Matcher } from '../../../../core/match/matcher';
import { fixtureIndex } from '../../paths';

let whole: Matcher;
let early: Matcher;
let index: GuidanceIndex;
beforeAll(() => {
  index = fixtureIndex();
  whole = buildMatcher(index);
  early = buildMatcher(fromMatchPart(JSON.parse(JSON.stringify(matchPart(index)))) as GuidanceIndex, { nearWordsPending: true });
});

const top = (m: Matcher, text: string) => m.lookup(text)[0]?.id;
const WRITTEN = ['HFNC', 'High Flow Nasal Cannulae', 'décubitus ventral', '地塞米松', 'dex 6mg PO daily', 'SOB', 'dyspnea'];

describe('a matcher whose near words are still to come', () => {
  it('answers terms as written, in their forms and in other languages, as the whole index does', () => {
    for (const text of WRITTEN) expect(top(early, text), text).toBe(top(whole, text));
    expect(early.suggest('dexa').map((h) => h.id)).toEqual(whole.suggest('dexa').map((h) => h.id));
  });

  it('corrects no misspelling and still answers nothing for ordinary words', () => {
    expect(early.lookup('remdesevir')).toEqual([]);
    for (const word of ['couch', 'prune', 'spoon', 'fewer', 'Tuesday']) expect(early.lookup(word), word).toEqual([]);
  });

  it('corrects misspellings once the near words arrive, as the whole index does', () => {
    const later = buildMatcher(fromMatchPart(JSON.parse(JSON.stringify(matchPart(index)))) as GuidanceIndex, { nearWordsPending: true });
    later.completeNearWords(fromNearPart(JSON.parse(JSON.stringify(nearPart(index))), index));
    for (const text of [...WRITTEN, 'remdesevir', 'dexamethasonne', 'couch', 'fewer']) expect(later.lookup(text), text).toEqual(whole.lookup(text));
  });
});
