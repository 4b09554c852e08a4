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

/** One language's triggers: per category the phrases that act on what follows and on what precedes. */
export interface TriggerList {
  negated: { forward: string[]; backward: string[] };
  possible: { forward: string[]; backward: string[] };
  historical: { forward: string[]; backward: string[] };
  /** `both`: triggers that reach both ways ("if": "Return if fever", "Take paracetamol if febrile"). */
  hypothetical: { forward: string[]; backward: string[]; both?: string[] };
  other: { forward: string[]; backward: string[] };
  /** Phrases that contain a trigger but assert nothing ("no increase in", "gram negative"). */
  pseudo: string[];
  /** Words that end a trigger's scope ("but", "mais", 但). */
  terminate: string[];
}

export interface Trigger {
  keys: string[];
  kind: Category | 'pseudo' | 'terminate';
  direction: 'forward' | 'backward' | 'both' | 'none';
}

export const LANGUAGE_TRIGGERS: Record<'en' | 'fr' | 'zh', TriggerList> = { en: ENGLISH, fr: FRENCH, zh: CHINESE };

/** Every trigger of the given languages by its first key, longest first (a note may mix languages). */
export function compileTriggers(lists: readonly TriggerList[] = Object.values(LANGUAGE_TRIGGERS)): Map<string, Trigger[]> {
  const byFirst = new Map<string, Trigger[]>();
  const add = (phrase: string, kind: Trigger['kind'], direction: Trigger['direction']) => {
    const keys = tokenize(phrase).map((t) => t.key);
    const first = keys[0];
    if (first === undefined) return;
    let list = byFirst.get(first);
    if (!list) byFirst.set(first, (list = []));
    if (!list.some((t) => t.kind === kind && t.direction === direction && t.keys.join(' ') === keys.join(' '))) list.push({ keys, kind, direction });
  };
  for (const list of lists) {
    for (const kind of ['negated', 'possible', 'historical', 'hypothetical', 'other'] as const) {
      for (const phrase of list[kind].forward) add(phrase, kind, 'forward');
      for (const phrase of list[kind].backward) add(phrase, kind, 'backward');
      for (const phrase of (list[kind] as { both?: string[] }).both ?? []) add(phrase, kind, 'both');
    }
    for (const phrase of list.pseudo) add(phrase, 'pseudo', 'none');
    for (const phrase of list.terminate) add(phrase, 'terminate', 'none');
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  return byFirst;
}
