import { describe, expect, it } from 'vitest';
import { fuseAtSilence, type EverydayResult, type HeldOutResult } from '../../../cli/eval-heldout';

const held = (answers: HeldOutResult['fuseAnswers']): HeldOutResult => ({ byKind: new Map(), byLang: new Map(), total: { n: answers.length, ours: 0, fuse: 0 }, fuseAnswers: answers });
// 100 everyday words: two that fuse.js matches as well as it can, one at 0.1, one at 0.2, the rest unanswered.
const everyday: EverydayResult = { words: 100, ours: [], fuse: 4, fuseBest: [0.2, 0.001, Infinity, 0.1, 0.001, ...Array<number>(95).fill(Infinity)] };
const terms = held([
  { entry: 'a', answers: [['a', 0.001]] },
  { entry: 'b', answers: [['x', 0.001], ['b', 0.05]] },
  { entry: 'c', answers: [['x', 0.3], ['y', 0.4], ['z', 0.45], ['c', 0.5]] },
  { entry: 'd', answers: [] },
]);

describe('fuse.js held to a silence', () => {
  it('cuts below the first everyday word past the share allowed, and counts only answers within the cut', () => {
    const at = fuseAtSilence(terms, everyday, 0.02);
    expect(at.cutOff).toBe(0.001);
    expect(at.everyday).toBe(0.02);
    expect(at.recall).toBe(0.25);
  });

  it('answers nothing when even its best score answers more everyday words than allowed', () => {
    expect(fuseAtSilence(terms, everyday, 0.01)).toEqual({ cutOff: -1, everyday: 0, recall: 0 });
  });

  it('with no limit keeps every answer and its first three', () => {
    const at = fuseAtSilence(terms, everyday, 1);
    expect(at.cutOff).toBe(Infinity);
    expect(at.everyday).toBe(0.04);
    // 'c' is fuse.js's fourth answer: not found.
    expect(at.recall).toBe(0.5);
  });

  it('looser allowances find more', () => {
    expect(fuseAtSilence(terms, everyday, 0.03).cutOff).toBe(0.1);
    expect(fuseAtSilence(terms, everyday, 0.03).recall).toBe(0.5);
  });
});
