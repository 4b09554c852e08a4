// Abbreviations the index does not list, read as the initials of its terms; never an everyday word
// written in capitals, never in a scan.
import { beforeAll, describe, expect, it } from 'vitest';
import { assembleIndex } from '../../../../cli/compile';
import type { Entry } from '../../../../core/index/types';
import { asAbbreviation, definitionIn, initialsOf } from '../../../../core/match/acronyms';
import { buildMatcher, type Matcher } from '../../../../core/match/matcher';
import { tokenize } from '../../../../core/text/normalize';
import { fixtureIndex } from '../../paths';

const spell = (term: string) => initialsOf(tokenize(term));

describe('initials of a term', () => {
  it('take each word’s first letter, hyphenated parts as words, function words and numbers in or out', () => {
    expect(spell('high-flow nasal cannula')).toContain('HFNC');
    expect(spell('variant of interest')).toEqual(expect.arrayContaining(['VOI']));
    expect(spell('syndrome de détresse respiratoire aiguë')).toContain('SDRA');
    expect(spell('type 2 diabetes mellitus')).toEqual(expect.arrayContaining(['T2DM', 'TDM']));
  });

  it('take a word that is itself an abbreviation whole', () => {
    expect(spell('people living with HIV')).toContain('PLWH');
    expect(spell('personnes vivant avec le VIH')).toContain('PVVIH');
    expect(spell('COVID-19 ARDS')).toContain('CARDS');
  });

  it('spell nothing for one word, for Chinese, or beyond seven letters', () => {
    expect(spell('oximetry')).toEqual([]);
    expect(spell('经鼻 高流量')).toEqual([]);
    expect(spell('alpha bravo charlie delta echo foxtrot golf hotel')).toEqual([]);
  });
});

describe('a selection written as an abbreviation', () => {
  it('is capitals with at most one small letter, its plural and hyphens dropped', () => {
    expect(asAbbreviation('HFNC')).toBe('HFNC');
    expect(asAbbreviation('HFNCs')).toBe('HFNC');
    expect(asAbbreviation("GGO's")).toBe('GGO');
    expect(asAbbreviation('mRDT')).toBe('MRDT');
    expect(asAbbreviation('MIS-C')).toBe('MISC');
  });

  it('is not a word in small letters, a two-letter word or a sentence', () => {
    expect(asAbbreviation('hfnc')).toBeNull();
    expect(asAbbreviation('Cat')).toBeNull();
    expect(asAbbreviation('PE')).toBeNull();
    expect(asAbbreviation('ON HFNC')).toBeNull();
  });
});

describe('the matcher reads unlisted abbreviations from initials', () => {
  let matcher: Matcher;
  beforeAll(() => {
    const base = fixtureIndex().entries.find((e) => e.id === 'hand-hygiene') as Entry;
    const entry = (id: string, terms: string[]): Entry => ({ ...base, id, related: [], terms: terms.map((text, k) => ({ text, lang: 'en', kind: k === 0 ? 'preferred' : 'synonym' })) });
    matcher = buildMatcher(
      assembleIndex([
        entry('hand-hygiene', ['hand hygiene', 'alcohol-based hand rub']),
        entry('cardiac-arrest', ['cardiac arrest', 'cardiac arrest team']),
        entry('ventilator-associated-pneumonia', ['ventilator-associated pneumonia']),
        entry('vaccine-reactions', ['vaccine reaction', 'vaccine adverse phenomenon']),
        entry('post-covid', ['post COVID condition', 'post-acute COVID syndrome']),
      ]),
    );
  });

  it('answers with the term whose initials the selection spells', () => {
    expect(matcher.lookup('ABHR')[0]).toMatchObject({ id: 'hand-hygiene', kind: 'initials', term: 'alcohol-based hand rub' });
    expect(matcher.lookup('ABHRs')[0]?.id).toBe('hand-hygiene');
  });

  it('typed alone, offers every entry with those initials; selected in a page, only one the text names', () => {
    expect(matcher.lookup('VAP').map((h) => h.id).sort()).toEqual(['vaccine-reactions', 'ventilator-associated-pneumonia']);
    expect(matcher.lookup('VAP', { context: 'VAP again, after a vaccine reaction last year', offset: 0 }).map((h) => h.id)).toEqual(['vaccine-reactions']);
    expect(matcher.lookup('PACS', { context: 'Images uploaded to PACS for the radiologist.' })).toEqual([]);
  });

  it('reads an abbreviation its paragraph defines as the definition says, listed or not', () => {
    const defined = (q: string, context: string) => matcher.lookup(q, { context, offset: context.indexOf(q) });
    expect(defined('VAP', 'Ventilator-associated pneumonia (VAP) on day 5.')[0]).toMatchObject({ id: 'ventilator-associated-pneumonia', kind: 'defined', start: 0, end: 3 });
    expect(defined('VAP', 'VAP (vaccine adverse phenomenon) after the second dose.').map((h) => h.id)).toEqual(['vaccine-reactions']);
    expect(matcher.lookup('PCC')[0]?.id).toBe('post-covid');
    expect(defined('PCC', 'Prothrombin complex concentrate (PCC) given for warfarin reversal.')).toEqual([]);
  });

  it('reads initials that spell an everyday word only where the text names the entry', () => {
    expect(matcher.lookup('CAT')).toEqual([]);
    expect(matcher.lookup('CAT', { context: 'CAT called at 02:10 for a cardiac arrest on ward 4', offset: 0 })[0]?.id).toBe('cardiac-arrest');
  });

  it('never reads an everyday word in capitals, a word in small letters, or a scan', () => {
    expect(matcher.lookup('CAT', { context: 'CAT scan of the head', offset: 0 })).toEqual([]);
    expect(matcher.lookup('abhr')).toEqual([]);
    expect(matcher.scan('Hands cleaned with ABHR before the round.')).toEqual([]);
  });
});

describe('an abbreviation the index lists, defined otherwise in its paragraph', () => {
  it('means what the paragraph says (fixture: PE is pulmonary embolism)', () => {
    const matcher = buildMatcher(fixtureIndex());
    const context = 'On examination (PE): chest clear. Physical examination (PE) otherwise unremarkable.';
    const offset = context.lastIndexOf('PE');
    expect(matcher.lookup('PE')[0]?.id).toBe('pulmonary-embolism');
    expect(matcher.lookup('PE', { context, offset })[0]).toMatchObject({ id: 'physical-examination', kind: 'defined' });
    const other = 'Pleural effusion (PE) on the left.';
    expect(matcher.lookup('PE', { context: other, offset: other.indexOf('PE') })).toEqual([]);
  });
});

describe('an abbreviation defined in its text', () => {
  const defined = (text: string, abbreviation: string) => {
    const start = text.indexOf(abbreviation);
    return definitionIn(text, start, start + abbreviation.length);
  };

  it('is the shortest run of words before its parentheses whose initials spell it', () => {
    expect(defined('Given prothrombin complex concentrate (PCC) for reversal.', 'PCC')).toBe('prothrombin complex concentrate');
    expect(defined('Day 5: ventilator-associated pneumonia (VAP).', 'VAP')).toBe('ventilator-associated pneumonia');
    expect(defined('Physical examination (PE) unremarkable.', 'PE')).toBe('Physical examination');
  });

  it('or the words in parentheses after it', () => {
    expect(defined('PE (pleural effusion) on the left.', 'PE')).toBe('pleural effusion');
  });

  it('is nothing where the words around do not spell it, or it stands in no parentheses', () => {
    expect(defined('Grade 2 PPE (hand-foot syndrome) on capecitabine.', 'PPE')).toBeNull();
    expect(defined('High risk for PE on screening.', 'PE')).toBeNull();
    expect(defined('Started on HFNC (40 L/min).', 'HFNC')).toBeNull();
  });
});
