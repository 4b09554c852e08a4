// The trie's edges as one open-addressing hash table over typed arrays: (parent node, word number)
// → child node. A Map keyed by parent × word limit + word needed keys beyond the small-integer range,
// and V8 boxes such a key as a heap number on every lookup: about 1,700 boxes (28 kB) per scan of a
// 2,000-character note at 100k terms, a tenth of all a scan allocated. Here a lookup is integer
// arithmetic and reads of three arrays, and the arrays go into a snapshot as they are.

/** The table as plain data, for a matcher snapshot (typed arrays survive structured clone). */
export interface EdgeData {
  parents: Int32Array;
  words: Int32Array;
  /** Child node + 1; 0 marks an empty slot. */
  children: Int32Array;
  size: number;
}

const EMPTY = 0;

function slotOf(parent: number, word: number, mask: number): number {
  let h = Math.imul(parent, 0x9e3779b1) ^ Math.imul(word + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h & mask;
}

export class EdgeTable {
  private parents: Int32Array;
  private words: Int32Array;
  private children: Int32Array;
  private mask: number;
  size: number;

  constructor(data?: EdgeData) {
    if (data) {
      this.parents = data.parents;
      this.words = data.words;
      this.children = data.children;
      this.size = data.size;
    } else {
      this.parents = new Int32Array(1024);
      this.words = new Int32Array(1024);
      this.children = new Int32Array(1024);
      this.size = 0;
    }
    this.mask = this.children.length - 1;
  }

  /** Whether `value` is a table's data as `data()` gives it (a snapshot read back). */
  static isData(value: unknown): value is EdgeData {
    const d = value as Partial<EdgeData> | null;
    if (!d || typeof d !== 'object' || !(d.parents instanceof Int32Array) || !(d.words instanceof Int32Array) || !(d.children instanceof Int32Array)) return false;
    const n = d.children.length;
    return n > 0 && (n & (n - 1)) === 0 && d.parents.length === n && d.words.length === n && typeof d.size === 'number' && d.size < n;
  }

  /** The child of `parent` along word number `word`, or -1. */
  get(parent: number, word: number): number {
    const { parents, words, children, mask } = this;
    for (let slot = slotOf(parent, word, mask); ; slot = (slot + 1) & mask) {
      const child = children[slot] as number;
      if (child === EMPTY) return -1;
      if (parents[slot] === parent && words[slot] === word) return child - 1;
    }
  }

  set(parent: number, word: number, child: number): void {
    if ((this.size + 1) * 2 > this.children.length) this.grow();
    this.place(parent, word, child + 1);
  }

  /** Every edge leaving `parent` (the root's, to find the words that start a term). */
  wordsFrom(parent: number): number[] {
    const out: number[] = [];
    for (let slot = 0; slot < this.children.length; slot++) if (this.children[slot] !== EMPTY && this.parents[slot] === parent) out.push(this.words[slot] as number);
    return out;
  }

  /** Calls `visit` with every edge, in slot order. */
  forEach(visit: (parent: number, word: number, child: number) => void): void {
    for (let slot = 0; slot < this.children.length; slot++) {
      const stored = this.children[slot] as number;
      if (stored !== EMPTY) visit(this.parents[slot] as number, this.words[slot] as number, stored - 1);
    }
  }

  data(): EdgeData {
    return { parents: this.parents, words: this.words, children: this.children, size: this.size };
  }

  private place(parent: number, word: number, stored: number): void {
    const { parents, words, children, mask } = this;
    for (let slot = slotOf(parent, word, mask); ; slot = (slot + 1) & mask) {
      if (children[slot] === EMPTY) {
        parents[slot] = parent;
        words[slot] = word;
        children[slot] = stored;
        this.size++;
        return;
      }
      if (parents[slot] === parent && words[slot] === word) {
        children[slot] = stored;
        return;
      }
    }
  }

  private grow(): void {
    const { parents, words, children } = this;
    const capacity = children.length * 2;
    this.parents = new Int32Array(capacity);
    this.words = new Int32Array(capacity);
    this.children = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.size = 0;
    for (let slot = 0; slot < children.length; slot++) if (children[slot] !== EMPTY) this.place(parents[slot] as number, words[slot] as number, children[slot] as number);
  }
}
