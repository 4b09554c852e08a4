// A medicine no term lists, named by the stem of its class's international nonproprietary names.
import { describe, expect, it } from 'vitest';
import { assembleIndex } from '../../../../cli/compile';
import type { Entry, TermKind } from '../../../../core/index/types';
import { buildMatcher } from '../../../../core/match/matcher';
import { medicineStems } from '../../../../core/match/stems';
import { fixtureIndex } from '../../paths';

const base = fixtureIndex().entries.find((e) => e.id === 'hand-hygiene') as Entry;
const entry = (id: string, terms: [string, TermKind][]): Entry => ({ ...base, id, related: [], terms: terms.map(([text, kind]) => ({ text, lang: 'en', kind })) });
const entries = [
  entry('hypertension', [['hypertension', 'preferred'], ['losartan', 'member'], ['valsartan', 'member'], ['lisinopril', 'member'], ['enalapril', 'member']]),
  entry('myocarditis', [['myocarditis', 'preferred'], ['pericarditis', 'member'], ['myopericarditis', 'member']]),
  entry('hydroxychloroquine', [['hydroxychloroquine', 'preferred'], ['chloroquine', 'synonym']]),
];
const matcher = buildMatcher(assembleIndex(entries));

describe('medicine stems', () => {
  it('are endings two members of one class share, of the WHO’s stems only', () => {
    const stems = medicineStems(entries);
    expect(stems.get('sartan')).toBe(0);
    expect(stems.get('pril')).toBe(0);
    expect(stems.has('carditis')).toBe(false);
    expect(stems.has('quine')).toBe(false);
  });

  it('name the class of a medicine no term lists', () => {
    expect(matcher.lookup('irbesartan')[0]).toMatchObject({ id: 'hypertension', kind: 'stem', term: 'hypertension' });
    expect(matcher.lookup('perindopril')[0]?.id).toBe('hypertension');
    // The French or Portuguese final -e or -a after the stem ("candésartane", "irbesartana").
    expect(matcher.lookup('candésartane')[0]?.id).toBe('hypertension');
    expect(matcher.lookup('irbesartana')[0]?.id).toBe('hypertension');
  });

  it('name nothing for a single medicine’s relatives, another disease, or a short word', () => {
    expect(matcher.lookup('mefloquine')).toEqual([]);
    expect(matcher.lookup('endocarditis').filter((h) => h.kind === 'stem')).toEqual([]);
    expect(matcher.lookup('april')).toEqual([]);
  });
});
