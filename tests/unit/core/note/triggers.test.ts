// The trigger lists' notation: alternatives and optional parts stand for every phrase they spell.
import { describe, expect, it } from 'vitest';
import { compileTriggers, expandPhrase, LANGUAGE_TRIGGERS } from '../../../../core/note/triggers';

describe('trigger notation', () => {
  it('spells every phrase of alternatives and optional parts', () => {
    expect(expandPhrase('den{ies|ied}')).toEqual(['denies', 'denied']);
    expect(expandPhrase('({is|was}) suspected').sort()).toEqual([' suspected', 'is suspected', 'was suspected'].sort());
    expect(expandPhrase('{éliminé|exclu}(e)')).toEqual(['éliminée', 'éliminé', 'exclue', 'exclu']);
    expect(expandPhrase('no increase')).toEqual(['no increase']);
  });

  it('compiles the written lists into triggers with no notation left in them', () => {
    const keys = [...compileTriggers(Object.values(LANGUAGE_TRIGGERS)).values()].flat().flatMap((t) => t.keys);
    expect(keys.length).toBeGreaterThan(1000);
    expect(keys.filter((k) => /[{}()|]/.test(k))).toEqual([]);
  });
});
