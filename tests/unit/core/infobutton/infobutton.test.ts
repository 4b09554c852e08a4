import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeCode, parseInfobutton, resolveInfobutton } from '../../../../core/infobutton/infobutton';
import type { Entry } from '../../../../core/index/types';
import { buildMatcher, type Matcher } from '../../../../core/match/matcher';
import { fixtureIndex } from '../../paths';

let matcher: Matcher;
let entries: Entry[];
beforeAll(() => {
  const index = fixtureIndex();
  entries = index.entries.map((e) =>
    e.id === 'dexamethasone'
      ? { ...e, codes: [{ system: 'atc' as const, code: 'H02AB02' }, { system: 'rxnorm' as const, code: '3264' }] }
      : e.id === 'pulmonary-embolism'
        ? { ...e, codes: [{ system: 'icd10' as const, code: 'I26.9' }] }
        : e,
  );
  matcher = buildMatcher({ ...index, entries });
});

const resolve = (query: string) => {
  const parsed = parseInfobutton(query);
  if (parsed.kind !== 'request') return parsed;
  const answer = resolveInfobutton(parsed.request, entries, (t) => matcher.lookup(t)[0]?.id);
  return { kind: 'answer' as const, id: answer?.entry.id, via: answer?.via, lang: parsed.request.lang };
};

describe('Infobutton links', () => {
  it('finds an entry by an RxNorm code in a full request as EHRs send it', () => {
    const q =
      '?representedOrganization.id.root=1.3.6.1.4.1.12009&taskContext.c.c=MLREV&mainSearchCriteria.v.c=3264&mainSearchCriteria.v.cs=2.16.840.1.113883.6.88&mainSearchCriteria.v.dn=dexamethasone%200.5%20MG%20Oral%20Tablet&informationRecipient=PROV&informationRecipient.languageCode.c=fr-FR&knowledgeResponseType=text/html';
    expect(resolve(q)).toEqual({ kind: 'answer', id: 'dexamethasone', via: 'code', lang: 'fr' });
  });

  it('matches ICD-10 and ICD-10-CM codes with or without the dot', () => {
    expect(resolve('mainSearchCriteria.v.c=I269&mainSearchCriteria.v.cs=2.16.840.1.113883.6.90')).toMatchObject({ id: 'pulmonary-embolism', via: 'code' });
    expect(resolve('mainSearchCriteria.v.c=I26.9&mainSearchCriteria.v.cs=2.16.840.1.113883.6.3')).toMatchObject({ id: 'pulmonary-embolism', via: 'code' });
    expect(normalizeCode('icd10', 'u071')).toBe('U07.1');
  });

  it('falls back to the display name, then the original text, through the matcher', () => {
    expect(resolve('mainSearchCriteria.v.c=99999&mainSearchCriteria.v.cs=2.16.840.1.113883.6.96&mainSearchCriteria.v.dn=High%20flow%20nasal%20oxygen')).toMatchObject({ id: 'high-flow-nasal-cannula', via: 'text' });
    expect(resolve('mainSearchCriteria.v.ot=SOB')).toMatchObject({ id: 'dyspnea', via: 'text' });
  });

  it('reads numbered criteria', () => {
    expect(resolve('mainSearchCriteria.v.dn1=banana&mainSearchCriteria.v.dn2=remdesivir')).toMatchObject({ id: 'remdesivir' });
  });

  it('ignores URLs without Infobutton parameters', () => {
    expect(parseInfobutton('')).toEqual({ kind: 'none' });
    expect(parseInfobutton('?page=2&q=hfnc')).toEqual({ kind: 'none' });
  });

  it('explains malformed requests instead of failing', () => {
    expect(parseInfobutton('?mainSearchCriteria.v.cs=2.16.840.1.113883.6.88')).toMatchObject({ kind: 'error', message: expect.stringMatching(/no code, display name or text/) });
    expect(parseInfobutton('?taskContext.c.c=PROBLISTREV&informationRecipient=PROV')).toMatchObject({ kind: 'error', message: expect.stringMatching(/names no concept/) });
    expect(parseInfobutton('?mainSearchCriteria.v.c=%E0%A4%A&mainSearchCriteria.v.dn=%00%01')).toMatchObject({ kind: 'request' });
    expect(resolve('?mainSearchCriteria.v.c=XYZ&mainSearchCriteria.v.cs=1.2.3')).toEqual({ kind: 'answer', id: undefined, via: undefined, lang: undefined });
    expect(parseInfobutton(`?mainSearchCriteria.v.dn=${'x'.repeat(100_000)}`)).toMatchObject({ kind: 'request' });
  });
});
