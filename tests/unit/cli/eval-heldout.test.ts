import { describe, expect, it } from 'vitest';
import { fuseAtSilence, type EverydayResult, type HeldOutResult } from '../../../cli/eval-heldout';

const held = (answers: HeldOutResult['fuseAnswers']): HeldOutResult => ({ byKind: new Map(), byLang: new Map(), total: { n: answers.length, ours: 0, fuse: 0 }, fuseAnswers: answers });
// 100 everyday words: two that fuse.js matches as well as it can, one at 0.1, one at 0.2, the rest unanswered.
const everyday: EverydayResult = { words: 100, ours: [], fuse: 4, fuseBest: [0.2, 0.001, Infinity, 0.1, 0.001, ...Array<number>(95).fill(Infinity)] };
const terms = held([
  { entry: 'a', answers: [['a', 0.001]] },
  { entry: 'b', answers: [['x', 0.001], ['b', 0.05]] },
  { entry: 'c', answers: [['x', 0.3], ['y', 0.4], ['z', 0.45], ['c', 0.5]] },
  { entry: 'd', answers: [['d', 0]] },
  { entry: 'e', answers: [] },
]);

describe('fuse.js held to a silence', () => {
  it('keeps every answer scoring below the first everyday word past those allowed, held-out ones between two everyday scores too', () => {
    const at = fuseAtSilence(terms, everyday, 2);
    expect(at.below).toBe(0.1);
    expect(at.everyday).toBe(0.02);
    // a (0.001), b (0.05, below 0.1) and d (0): not c, fuse.js's fourth answer.
    expect(at.recall).toBe(0.6);
  });

  it('answers only what scores better than its best everyday answer when not one everyday word may answer', () => {
    expect(fuseAtSilence(terms, everyday, 0)).toEqual({ below: 0.001, everyday: 0, recall: 0.2 });
    // (Ties: one word allowed where two share the best score allows neither.)
    expect(fuseAtSilence(terms, everyday, 1).below).toBe(0.001);
  });

  it('with no limit keeps every answer and its first three', () => {
    const at = fuseAtSilence(terms, everyday, 100);
    expect(at.below).toBe(Infinity);
    expect(at.everyday).toBe(0.04);
    expect(at.recall).toBe(0.6);
  });

  it('never fails on an empty list of everyday words', () => {
    expect(fuseAtSilence(held([]), { words: 0, ours: [], fuse: 0, fuseBest: [] }, 0)).toEqual({ below: Infinity, everyday: 0, recall: 0 });
  });
});
