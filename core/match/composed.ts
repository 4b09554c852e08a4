// Terms that hold another entry's whole term ("venous thromboembolism prophylaxis" holds the venous
// thromboembolism entry's term; "severe COVID-19" the COVID-19 entry's), kept as that entry with the
// words around it. A selection naming the part with another of that entry's terms ("VTE
// prophylaxis", "severe SARS-CoV-2 infection") is then the longer term whole: the words around must
// be the term's own, so one name of a part stands for another and nothing else is guessed.
import { tokenize } from '../text/normalize';
import type { TermRef, Trie } from './walk';

/** The key of a part's entry with the words before and after it (trie word numbers). */
export function composedKey(entry: number, before: readonly number[], after: readonly number[]): string {
  return `${entry}|${before.join(',')}|${after.join(',')}`;
}

/**
 * Every term (not context-only, not case-sensitive) of two or more words, under the key of each
 * span of it that is a whole term of another entry, with the words around that span; made once
 * from the trie (its edges listed, then each term's spans walked from the root).
 */
export function composedTerms(trie: Trie): ComposedTerms {
  const children = new Map<number, [word: number, child: number][]>();
  trie.edges.forEach((parent, word, child) => {
    let list = children.get(parent);
    if (!list) children.set(parent, (list = []));
    list.push([word, child]);
  });
  const { edges } = trie;
  /**
   * The entries a whole term of these words names (context-only terms and exclusions say nothing
   * alone; a term matched only as written, "SOB", only where the longer term writes it so: the
   * Portuguese "sob" is no SOB).
   */
  const namedBy = (path: readonly number[], from: number, to: number, written: () => string[] | null): Set<number> | null => {
    let node = 0;
    for (let k = from; k < to && node >= 0; k++) node = edges.get(node, path[k] as number);
    if (node < 0) return null;
    let out: Set<number> | null = null;
    for (const ref of trie.refs[node] ?? []) {
      if (ref.term.kind === 'context' || ref.exclusion) continue;
      if (ref.cased && !ref.cased.every((t, k) => written()?.[from + k] === t)) continue;
      (out ??= new Set()).add(ref.entry);
    }
    return out;
  };
  const out = new Map<string, TermRef[]>();
  const path: number[] = [];
  const visit = (node: number) => {
    const refs = trie.refs[node];
    if (refs && path.length >= 2)
      for (const ref of refs) {
        if (ref.term.kind === 'context' || ref.exclusion || ref.cased) continue;
        // The longer term's words as written, when they are the path's (not where hyphens were joined).
        let cased: string[] | null | undefined;
        const written = () => {
          if (cased === undefined) {
            const tokens = tokenize(ref.term.text, 400);
            cased = tokens.length === path.length ? tokens.map((t) => t.cased) : null;
          }
          return cased;
        };
        for (let from = 0; from < path.length; from++)
          for (let to = from + 1; to <= path.length; to++) {
            if (from === 0 && to === path.length) continue;
            for (const entry of namedBy(path, from, to, written) ?? []) {
              if (entry === ref.entry) continue;
              const key = composedKey(entry, path.slice(0, from), path.slice(to));
              const list = out.get(key);
              if (!list) out.set(key, [ref]);
              else if (!list.includes(ref)) list.push(ref);
            }
          }
      }
    for (const [word, child] of children.get(node) ?? []) {
      path.push(word);
      visit(child);
      path.pop();
    }
  };
  visit(0);
  const parts = new Set<number>();
  for (const key of out.keys()) parts.add(Number(key.slice(0, key.indexOf('|'))));
  return { byKey: out, parts };
}

export interface ComposedTerms {
  /** `composedKey` of a part's entry and the words around it → the terms holding them. */
  byKey: Map<string, TermRef[]>;
  /** Every entry that is a part of some term (most selections name none: no key is built for them). */
  parts: Set<number>;
}
