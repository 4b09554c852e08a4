// The matcher's stages beyond the exact term: a word in its context, word forms, spelling systems
// and compounds, modifiers and word order, distinctive parts, spelling likeness, nested terms; and
// the silence that must hold on everyday words (fixture index, built with the everyday word lists).
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMatcher, type Matcher } from '../../../../core/match/matcher';
import { answerSelection } from '../../../../core/match/selection';
import { fixtureIndex } from '../../paths';

let matcher: Matcher;
beforeAll(() => {
  matcher = buildMatcher(fixtureIndex());
});

const ids = (hits: { id: string }[]) => hits.map((h) => h.id);
/** Looks up `word` where it stands in `context`. */
const click = (word: string, context: string) => matcher.lookup(word, { context, offset: context.indexOf(word) });

describe('a word in its context', () => {
  it('answers with the term around a double-clicked word, and says where the word lies in it', () => {
    const [hit] = click('oximetry', 'Check pulse oximetry on arrival.');
    expect(hit).toMatchObject({ id: 'pulse-oximetry', kind: 'widened', term: 'pulse oximetry', start: 0, end: 8 });
    expect(hit?.inContext).toEqual({ text: 'pulse oximetry', start: 6, end: 14 });
    expect(ids(click('cannula', 'Started high-flow nasal cannula at 40 L/min.'))[0]).toBe('high-flow-nasal-cannula');
    expect(ids(click('opacities', 'CT: bilateral ground-glass opacities.'))[0]).toBe('ground-glass-opacity');
  });

  it('widens French words and parts of Chinese terms written without spaces', () => {
    expect(ids(click('ventral', 'Mise en décubitus ventral 16 heures par jour.'))[0]).toBe('prone-positioning');
    expect(ids(click('高流量', '患者行经鼻高流量氧疗。'))[0]).toBe('high-flow-nasal-cannula');
  });

  it('uses the offset, not the first occurrence, when the word appears twice', () => {
    const context = 'Pulse check done; pulse oximetry every hour.';
    const second = context.indexOf('pulse oximetry');
    expect(ids(matcher.lookup('pulse', { context, offset: second }))[0]).toBe('pulse-oximetry');
    expect(matcher.lookup('Pulse', { context, offset: 0 })).toEqual([]);
  });

  it('answers a word outside any term as it would alone', () => {
    expect(click('Check', 'Check pulse oximetry on arrival.')).toEqual([]);
    expect(click('hours', 'Plan: prone positioning for 16 hours a day.')).toEqual([]);
    expect(click('bed', 'Patient in bed 12, pulse oximetry on continuously.')).toEqual([]);
  });

  it('ignores a context that does not hold the selection or an offset past its end', () => {
    expect(ids(matcher.lookup('HFNC', { context: 'nothing here', offset: 3 }))[0]).toBe('high-flow-nasal-cannula');
    expect(ids(matcher.lookup('oximetry', { context: 'pulse oximetry', offset: 999 }))[0]).toBe('pulse-oximetry');
  });

  it('shows the widened term as the card of a selection', () => {
    const answer = answerSelection(matcher, 'oximetry', { context: 'Check pulse oximetry.', offset: 12 });
    expect(answer.mode).toBe('term');
    expect(ids(answer.hits)[0]).toBe('pulse-oximetry');
  });
});

describe('word forms', () => {
  it('reads English inflections, abbreviation plurals and possessives', () => {
    expect(ids(matcher.lookup('pulmonary emboli'))[0]).toBe('pulmonary-embolism');
    expect(ids(matcher.lookup('GGOs'))[0]).toBe('ground-glass-opacity');
    expect(ids(matcher.lookup("PE's", { context: "CTPA: PE's in both lower lobes" })).sort()).toContain('pulmonary-embolism');
    expect(matcher.lookup('HFNCs')[0]).toMatchObject({ id: 'high-flow-nasal-cannula', end: 5 });
  });

  it('reaches a term word through its word family, but never from an everyday word', () => {
    expect(matcher.lookup('vaccinated')[0]).toMatchObject({ id: 'vaccination', kind: 'derived' });
    expect(matcher.lookup('isolating')[0]).toMatchObject({ id: 'isolation', kind: 'derived' });
    // "isolated" and "positive" are everyday words that only share a stem with a term word.
    expect(matcher.lookup('isolated')).toEqual([]);
    expect(matcher.lookup('positive')).toEqual([]);
  });

  it('reads British and American spelling and joined, hyphenated or spaced compounds', () => {
    expect(ids(matcher.lookup('hand sanitizer'))[0]).toBe('hand-hygiene');
    for (const text of ['alcohol-based handrub', 'alcohol based hand-rub', 'alcoholbased hand rub']) expect(ids(matcher.lookup(text))[0], text).toBe('hand-hygiene');
    expect(ids(matcher.lookup('highflow nasal cannula'))[0]).toBe('high-flow-nasal-cannula');
  });

  it('reads French feminine and plural forms', () => {
    expect(ids(matcher.scan('Patiente en décubitus ventrale')).includes('prone-positioning')).toBe(true);
  });
});

describe('modifiers, word order and parts of terms', () => {
  it('finds a term with modifiers around it', () => {
    expect(ids(matcher.lookup('worsening dyspnoea'))[0]).toBe('dyspnea');
    expect(ids(matcher.lookup('low-dose dexamethasone'))[0]).toBe('dexamethasone');
  });

  it('finds a term written in index order', () => {
    expect(matcher.lookup('embolism, pulmonary')[0]).toMatchObject({ id: 'pulmonary-embolism', kind: 'reordered' });
    expect(ids(matcher.lookup('positioning, prone'))[0]).toBe('prone-positioning');
  });

  it('finds a distinctive part of a longer term but not an everyday one', () => {
    expect(matcher.lookup('oximetry')[0]).toMatchObject({ id: 'pulse-oximetry', kind: 'partial' });
    expect(ids(matcher.lookup('post-acute sequelae'))[0]).toBe('post-covid-condition');
    for (const word of ['pulse', 'hand', 'glass', 'ground', 'high', 'flow', 'blood test']) expect(matcher.lookup(word), word).toEqual([]);
  });
});

describe('spelling likeness', () => {
  it('finds a term spelt like an unknown word (another language, another spelling)', () => {
    expect(matcher.lookup('antibióticos')[0]).toMatchObject({ id: 'antibiotics', kind: 'fuzzy' });
  });

  it('leaves everyday words and known words alone', () => {
    for (const word of ['people', 'antics', 'vacation', 'isolde']) expect(matcher.lookup(word), word).toEqual([]);
  });
});

describe('nested terms in a scan', () => {
  it('reports the entries inside the longest match after it, marked nested', () => {
    const hits = matcher.scan('SARS-CoV-2 antigen test negative.');
    expect(hits.map((h) => [h.id, h.nested ?? false])).toEqual([
      ['rapid-antigen-test', false],
      ['sars-cov-2', true],
    ]);
  });
});

describe('precision by context and language', () => {
  it('answers a context-only term only when the text names its entry or a related one', () => {
    expect(ids(matcher.scan('On HFNC since Monday. Plan discharge tomorrow.'))).toContain('discharge-criteria');
    // Dexamethasone is a clinical term, but not one related to discharge criteria.
    expect(ids(matcher.scan('Dexamethasone stopped. Plan discharge tomorrow.'))).not.toContain('discharge-criteria');
  });

  it('keeps an abbreviation of another language out of a text in a known language', () => {
    expect(ids(matcher.scan("Bilan d'extension : TEP au FDG et scanner thoracique dans la semaine."))).toEqual([]);
    expect(ids(matcher.scan('Paciente com TEP confirmada na angiotomografia, sem sinais de choque.'))).toContain('pulmonary-embolism');
  });

  it('does not read an abbreviation that is part of a hyphenated word', () => {
    expect(ids(matcher.scan('CTPA: PE in the right lower lobe.'))).toContain('pulmonary-embolism');
    expect(ids(matcher.scan('Spreadsheet column PE-2 updated by the ward clerk.'))).toEqual([]);
  });
});
