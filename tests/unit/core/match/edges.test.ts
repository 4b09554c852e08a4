// The trie's edge table: every edge set is found again, across growth and after a structured
// clone of its data (a matcher snapshot in IndexedDB), and a missing edge is -1.
import { describe, expect, it } from 'vitest';
import { EdgeTable } from '../../../../core/match/edges';

describe('edge table', () => {
  it('finds every edge it holds, through growth and a structured clone', () => {
    const table = new EdgeTable();
    const edges: [number, number, number][] = [];
    for (let parent = 0; parent < 3000; parent++) edges.push([parent, (parent * 7919) % 5003, parent + 1]);
    // Many children of one parent (the root), and large numbers on both sides.
    for (let word = 0; word < 2000; word++) edges.push([0, word + 10_000, 10_000 + word]);
    edges.push([2 ** 30, 2 ** 30 + 1, 2 ** 30 + 2]);
    for (const [parent, word, child] of edges) table.set(parent, word, child);
    const clone = new EdgeTable(structuredClone(table.data()));
    for (const t of [table, clone]) {
      for (const [parent, word, child] of edges) expect(t.get(parent, word)).toBe(child);
      expect(t.get(1, 1)).toBe(-1);
      expect(t.get(0, 99_999)).toBe(-1);
      expect(t.size).toBe(edges.length);
    }
    expect(clone.wordsFrom(0).sort((a, b) => a - b)).toEqual([...new Set(edges.filter(([p]) => p === 0).map(([, w]) => w))].sort((a, b) => a - b));
  });

  it('replaces an edge set twice, and keeps child 0', () => {
    const table = new EdgeTable();
    table.set(5, 6, 0);
    expect(table.get(5, 6)).toBe(0);
    table.set(5, 6, 9);
    expect(table.get(5, 6)).toBe(9);
    expect(table.size).toBe(1);
  });

  it('accepts only its own data shape back', () => {
    const data = new EdgeTable().data();
    expect(EdgeTable.isData(data)).toBe(true);
    expect(EdgeTable.isData({ ...data, children: new Int32Array(3) })).toBe(false);
    expect(EdgeTable.isData({ ...data, size: data.children.length })).toBe(false);
    expect(EdgeTable.isData(new Map())).toBe(false);
    expect(EdgeTable.isData(null)).toBe(false);
  });
});
