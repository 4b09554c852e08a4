// A matcher restored from its snapshot (after a structured clone, as IndexedDB stores it) answers
// exactly as the one built from the index.
import { describe, expect, it } from 'vitest';
import { buildMatcher, restoreMatcher } from '../../../../core/match/matcher';
import { fixtureIndex } from '../../paths';

describe('matcher snapshots', () => {
  it('restore to a matcher that answers the same', () => {
    const built = buildMatcher(fixtureIndex());
    const restored = restoreMatcher(structuredClone(built.snapshot()));
    expect(restored).toBeDefined();
    for (const text of ['HFNC', 'dexamethasone 6 mg', 'remdesevir', 'décubitus ventral', '俯卧位', 'spoon', 'Ddimer'])
      expect(restored?.lookup(text)).toEqual(built.lookup(text));
    const note = 'SOB on HFNC, SpO2 88%, started dexamethasone; consider prone positioning.';
    expect(restored?.scan(note)).toEqual(built.scan(note));
    expect(restored?.suggest('dexa', { limit: 5 })).toEqual(built.suggest('dexa', { limit: 5 }));
    expect(restored?.entry('dexamethasone')).toEqual(built.entry('dexamethasone'));
    expect(restored?.termCount).toBe(built.termCount);
  });

  it('refuse what is not a snapshot of this matcher version', () => {
    const snapshot = structuredClone(buildMatcher(fixtureIndex()).snapshot());
    expect(restoreMatcher({ ...snapshot, format: 'mx-matcher-0' })).toBeUndefined();
    expect(restoreMatcher({ ...snapshot, edges: {} })).toBeUndefined();
    expect(restoreMatcher(null)).toBeUndefined();
    expect(restoreMatcher('snapshot')).toBeUndefined();
  });
});
