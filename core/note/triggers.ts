// Assertion triggers as data: what each category is, and the lists compiled once for matching.
// The lists themselves are in triggers-en.ts, triggers-fr.ts and triggers-zh.ts, one per language.
import { tokenize } from '../text/normalize';
import { CHINESE } from './triggers-zh';
import { ENGLISH } from './triggers-en';
import { FRENCH } from './triggers-fr';

/** How a finding is asserted in a note. */
export type Assertion = 'present' | 'negated' | 'possible' | 'historical' | 'hypothetical' | 'other';
export const ASSERTIONS: readonly Assertion[] = ['present', 'negated', 'possible', 'historical', 'hypothetical', 'other'];

type Category = Exclude<Assertion, 'present'>;

/**
 * One category's triggers in one language: the phrases that act on what follows, on what precedes
 * and (`both`) on either side ("if": "Return if fever", "Take paracetamol if febrile").
 */
export interface CategoryTriggers {
  forward: string[];
  backward: string[];
  both?: string[];
  /** Words that act forward only as a heading, before a colon ("History: TB", "Antécédents : HTA"). */
  heading?: string[];
  /** Words that act forward only where they open a clause (French "Probable pneumonie"; "pneumonie probable" reads backward). */
  opening?: string[];
  /** Words that read both ways when a noun phrase follows them, forward otherwise ("Intubate should saturations fall"; "should be given"). */
  inverted?: string[];
  /** Words that end this category's scopes only ("No fever, reports a cough": a negation, not a history, ends at "reports"). */
  end?: string[];
}

/** One language's triggers: per category the phrases that act on what follows and on what precedes. */
export interface TriggerList {
  negated: CategoryTriggers;
  possible: CategoryTriggers;
  historical: CategoryTriggers;
  hypothetical: CategoryTriggers;
  other: CategoryTriggers;
  /** Phrases that contain a trigger but assert nothing ("no increase in", "gram negative"). */
  pseudo: string[];
  /** Words that end a trigger's scope ("but", "mais", 但). */
  terminate: string[];
  /**
   * Words that join a list's last items: a scope reaching back crosses a comma only into such a list
   * ("Fever, cough and myalgia resolved"). None in Chinese, where a comma ends every scope and 、 lists.
   */
  coordinators?: string[];
  /**
   * Words that introduce the test or place a finding was looked for ("on CT", "au scanner", 在胸片上):
   * a negation does not reach into their phrase, which runs to the next comma or to its closing word (上).
   */
  sources: string[];
  sourceEnds?: string[];
}

export interface Trigger {
  keys: string[];
  kind: Category | 'pseudo' | 'terminate';
  direction: 'forward' | 'backward' | 'both' | 'none';
  /** Acts only before a colon (a heading), only where it opens a clause, or both ways only before a noun phrase. */
  only?: 'heading' | 'opening' | 'inverted';
  /** A termination word that ends this category's scopes only. */
  ends?: Category;
}

export const LANGUAGE_TRIGGERS: Record<'en' | 'fr' | 'zh', TriggerList> = { en: ENGLISH, fr: FRENCH, zh: CHINESE };

/**
 * The given languages' list coordinators ("and", "et"; one word each, written as its key), their
 * source words as written, lowercase ("à" is not the article "a"), and the sources' closing words.
 */
export function compileWordLists(lists: readonly TriggerList[]) {
  return {
    coordinators: new Set(lists.flatMap((list) => list.coordinators ?? [])),
    sources: new Set(lists.flatMap((list) => list.sources)),
    sourceEnds: new Set(lists.flatMap((list) => list.sourceEnds ?? [])),
  };
}

/** Every trigger of the given languages by its first key, longest first (a note may mix languages). */
export function compileTriggers(lists: readonly TriggerList[] = Object.values(LANGUAGE_TRIGGERS)): Map<string, Trigger[]> {
  const byFirst = new Map<string, Trigger[]>();
  const add = (phrases: string, kind: Trigger['kind'], direction: Trigger['direction'], extra: Pick<Trigger, 'only' | 'ends'> = {}) => {
    for (const phrase of expandPhrase(phrases)) addOne(phrase, kind, direction, extra);
  };
  const addOne = (phrase: string, kind: Trigger['kind'], direction: Trigger['direction'], extra: Pick<Trigger, 'only' | 'ends'>) => {
    const keys = tokenize(phrase).map((t) => t.key);
    const first = keys[0];
    if (first === undefined) return;
    let list = byFirst.get(first);
    if (!list) byFirst.set(first, (list = []));
    const same = (t: Trigger) => t.kind === kind && t.direction === direction && t.only === extra.only && t.ends === extra.ends && t.keys.join(' ') === keys.join(' ');
    if (!list.some(same)) list.push({ keys, kind, direction, ...extra });
  };
  for (const list of lists) {
    for (const kind of ['negated', 'possible', 'historical', 'hypothetical', 'other'] as const) {
      const category = list[kind];
      for (const phrase of category.forward) add(phrase, kind, 'forward');
      for (const phrase of category.backward) add(phrase, kind, 'backward');
      for (const phrase of category.both ?? []) add(phrase, kind, 'both');
      for (const phrase of category.heading ?? []) add(phrase, kind, 'forward', { only: 'heading' });
      for (const phrase of category.opening ?? []) add(phrase, kind, 'forward', { only: 'opening' });
      for (const phrase of category.inverted ?? []) add(phrase, kind, 'forward', { only: 'inverted' });
      for (const phrase of category.end ?? []) add(phrase, 'terminate', 'none', { ends: kind });
    }
    for (const phrase of list.pseudo) add(phrase, 'pseudo', 'none');
    for (const phrase of list.terminate) add(phrase, 'terminate', 'none');
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  return byFirst;
}

/**
 * The phrases a trigger list entry stands for: `{a|b}` is either, `(x)` is x or nothing
 * ("den{ies|ied}", "({is|was}) suspected", "exclu(e)"); innermost groups are spelt first.
 */
export function expandPhrase(phrase: string): string[] {
  const group = /\{([^{}()]*)\}|\(([^{}()]*)\)/.exec(phrase);
  if (!group) return [phrase];
  const choices = group[1] !== undefined ? group[1].split('|') : [group[2] ?? '', ''];
  const before = phrase.slice(0, group.index);
  const after = phrase.slice(group.index + group[0].length);
  return [...new Set(choices.flatMap((choice) => expandPhrase(before + choice + after)))];
}
