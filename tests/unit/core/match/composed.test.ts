// A longer term whose part the selection names another way: "VTE prophylaxis" is venous
// thromboembolism prophylaxis where VTE is the venous thromboembolism entry's abbreviation.
import { describe, expect, it } from 'vitest';
import { assembleIndex } from '../../../../cli/compile';
import type { Entry, TermKind } from '../../../../core/index/types';
import { buildMatcher } from '../../../../core/match/matcher';
import { fixtureIndex } from '../../paths';

const base = fixtureIndex().entries.find((e) => e.id === 'hand-hygiene') as Entry;
const entry = (id: string, terms: [string, TermKind][]): Entry => ({ ...base, id, related: [], terms: terms.map(([text, kind]) => ({ text, lang: 'en', kind })) });

describe('a term with one of its parts named another way', () => {
  const matcher = buildMatcher(
    assembleIndex([
      entry('vte', [['venous thromboembolism', 'preferred'], ['VTE', 'abbreviation']]),
      entry('thromboprophylaxis', [['thromboprophylaxis', 'preferred'], ['venous thromboembolism prophylaxis', 'synonym']]),
      entry('antibiotics', [['antibiotics', 'preferred'], ['antibiotic prophylaxis', 'synonym']]),
      entry('covid', [['COVID-19', 'preferred'], ['SARS-CoV-2 infection', 'synonym']]),
      entry('severe-covid', [['severe COVID-19', 'preferred']]),
    ]),
  );

  it('is that term whole ("VTE prophylaxis", "severe SARS-CoV-2 infection")', () => {
    const vte = matcher.lookup('VTE prophylaxis')[0];
    expect(vte?.id).toBe('thromboprophylaxis');
    expect(vte?.kind).toBe('composed');
    expect(vte?.term).toBe('venous thromboembolism prophylaxis');
    expect(matcher.lookup('severe SARS-CoV-2 infection')[0]?.id).toBe('severe-covid');
  });

  it('only with the term\'s own words around the part ("VTE treatment", "severe VTE" name no longer term)', () => {
    expect(matcher.lookup('VTE treatment').map((h) => h.id)).not.toContain('thromboprophylaxis');
    expect(matcher.lookup('severe VTE').map((h) => h.id)).not.toContain('severe-covid');
  });

  it('a part matched only as written only where the longer term writes it so (the Portuguese "sob" is no SOB)', () => {
    const sob = buildMatcher(
      assembleIndex([
        entry('dyspnoea', [['dyspnoea', 'preferred'], ['SOB', 'abbreviation'], ['dispneia', 'synonym']]),
        entry('vum', [['variant under monitoring', 'preferred'], ['variante sob monitorização', 'synonym']]),
      ].map((e) => ({ ...e, terms: e.terms.map((t) => (t.text === 'SOB' ? { ...t, caseSensitive: true } : t)) }))),
    );
    expect(sob.lookup('variante dispneia monitorização').map((h) => h.kind)).not.toContain('composed');
  });

  it('not when the selection is a term of its own (the part\'s entry answers)', () => {
    expect(matcher.lookup('VTE')[0]?.id).toBe('vte');
    expect(matcher.lookup('venous thromboembolism prophylaxis')[0]?.kind).not.toBe('composed');
  });
});
