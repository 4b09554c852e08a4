// The matcher as a table: what a clinician selects (with the text around it), the entry it must
// name first, and how it was found. Each row fails on a wrong id, a wrong kind or an empty answer.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMatcher, type Matcher } from '../../../../core/match/matcher';
import type { HitKind } from '../../../../core/match/types';
import { fixtureIndex } from '../../paths';

let matcher: Matcher;
beforeAll(() => {
  matcher = buildMatcher(fixtureIndex());
});

interface Row {
  q: string;
  context?: string;
  expect: string | null;
  kind?: HitKind;
}

const rows: Row[] = [
  { q: 'HFNC', expect: 'high-flow-nasal-cannula', kind: 'abbreviation' },
  { q: 'dexamethasone', expect: 'dexamethasone', kind: 'exact' },
  { q: 'shortness of breath', expect: 'dyspnea', kind: 'synonym' },
  { q: 'dyspnea', expect: 'dyspnea', kind: 'exact' },
  { q: 'remdesevir', expect: 'remdesivir', kind: 'fuzzy' },
  { q: 'pulmonary emboli', expect: 'pulmonary-embolism', kind: 'derived' },
  { q: 'proning', expect: 'prone-positioning', kind: 'inflected' },
  { q: 'vaccinated', expect: 'vaccination', kind: 'derived' },
  { q: 'highflow nasal cannula', expect: 'high-flow-nasal-cannula', kind: 'exact' }, // the hyphen-free form is a key of the term
  { q: 'alcohol-based handrub', expect: 'hand-hygiene', kind: 'joined' },
  { q: 'embolism, pulmonary', expect: 'pulmonary-embolism', kind: 'reordered' },
  { q: 'worsening dyspnoea', expect: 'dyspnea', kind: 'phrase' },
  { q: 'oximetry', expect: 'pulse-oximetry', kind: 'partial' },
  { q: 'antibióticos', expect: 'antibiotics', kind: 'fuzzy' },
  { q: 'oximetry', context: 'Check pulse oximetry on arrival.', expect: 'pulse-oximetry', kind: 'widened' },
  { q: 'cannula', context: 'Started high-flow nasal cannula at 40 L/min.', expect: 'high-flow-nasal-cannula', kind: 'widened' },
  { q: 'ventral', context: 'Mise en décubitus ventral 16 heures par jour.', expect: 'prone-positioning', kind: 'widened' },
  { q: '高流量', context: '患者行经鼻高流量氧疗。', expect: 'high-flow-nasal-cannula', kind: 'widened' },
  { q: 'PE', context: 'Known DVT, now tachycardic: CTPA for PE', expect: 'pulmonary-embolism', kind: 'abbreviation' },
  { q: 'PE', context: 'PE: clinical examination unremarkable, physical findings normal', expect: 'physical-examination', kind: 'abbreviation' },
  { q: 'discharge', context: 'Off HFNC for 48 h, plan discharge', expect: 'discharge-criteria', kind: 'context' },
  { q: 'Check', context: 'Check pulse oximetry on arrival.', expect: null },
  { q: 'hours', context: 'Plan: prone positioning for 16 hours a day.', expect: null },
  { q: 'discharge', context: 'Please discharge the couch to the loading dock.', expect: null },
  { q: 'spoon', expect: null },
  { q: 'positive', expect: null },
  { q: 'isolated', expect: null },
  { q: 'pulse', expect: null },
  { q: 'sob', expect: null },
];

describe('the matcher, row by row', () => {
  for (const row of rows)
    it(`${row.q}${row.context ? ` in "${row.context}"` : ''} → ${row.expect ?? 'nothing'}${row.kind ? ` (${row.kind})` : ''}`, () => {
      const hits = matcher.lookup(row.q, row.context === undefined ? {} : { context: row.context, offset: row.context.indexOf(row.q) });
      if (row.expect === null) {
        expect(hits).toEqual([]);
        return;
      }
      expect(hits.length).toBeGreaterThan(0);
      expect(hits[0]).toMatchObject({ id: row.expect, ...(row.kind ? { kind: row.kind } : {}) });
    });
});
