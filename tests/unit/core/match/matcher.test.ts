import { beforeAll, describe, expect, it } from 'vitest';
import { buildMatcher, MAX_LOOKUP_CHARS, MAX_SCAN_CHARS, type Matcher } from '../../../../core/match/matcher';
import { fixtureIndex } from '../../paths';

let matcher: Matcher;
beforeAll(() => {
  matcher = buildMatcher(fixtureIndex());
});

const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

describe('lookup', () => {
  it('finds an abbreviation as written in notes', () => {
    const [hit] = matcher.lookup('HFNC');
    expect(hit).toMatchObject({ id: 'high-flow-nasal-cannula', term: 'HFNC', kind: 'abbreviation', start: 0, end: 4 });
  });

  it('finds a term whatever its hyphens, case and plural', () => {
    expect(ids(matcher.lookup('High Flow Nasal Cannulae'))[0]).toBe('high-flow-nasal-cannula');
    expect(ids(matcher.lookup('ground glass opacities'))[0]).toBe('ground-glass-opacity');
    expect(ids(matcher.lookup('dyspnea'))[0]).toBe('dyspnea');
  });

  it('finds French with or without accents, and Chinese', () => {
    expect(ids(matcher.lookup('décubitus ventral'))[0]).toBe('prone-positioning');
    expect(ids(matcher.lookup('decubitus ventral'))[0]).toBe('prone-positioning');
    expect(ids(matcher.lookup('地塞米松'))[0]).toBe('dexamethasone');
  });

  it('ignores doses and dosing shorthand around a term', () => {
    const [hit] = matcher.lookup('dex 6mg PO daily');
    expect(hit?.id).toBe('dexamethasone');
    expect(hit?.start).toBe(0);
    expect(hit?.end).toBe(3);
  });

  it('corrects a misspelt drug name but not ordinary words', () => {
    expect(matcher.lookup('remdesevir')[0]).toMatchObject({ id: 'remdesivir', kind: 'fuzzy' });
    expect(matcher.lookup('dexamethasonne')[0]?.id).toBe('dexamethasone');
    for (const word of ['couch', 'prune', 'spoon', 'banana', 'Tuesday', 'the', 'OK', 'lorem ipsum dolor sit amet'])
      expect(matcher.lookup(word), word).toEqual([]);
  });

  it('matches abbreviations that are ordinary words only as written', () => {
    expect(ids(matcher.lookup('SOB'))).toEqual(['dyspnea']);
    expect(matcher.lookup('sob')).toEqual([]);
    expect(matcher.lookup('pe')).toEqual([]);
  });

  it('returns every sense of an ambiguous abbreviation, ordered by the words around it', () => {
    expect(ids(matcher.lookup('PE')).sort()).toEqual(['physical-examination', 'pulmonary-embolism']);
    expect(ids(matcher.lookup('PE', { context: 'Known DVT, now tachycardic: CTPA for PE' }))[0]).toBe('pulmonary-embolism');
    expect(ids(matcher.lookup('PE', { context: 'PE: clinical examination unremarkable, physical findings normal' }))[0]).toBe(
      'physical-examination',
    );
  });

  it('lets a context-only word match only next to clinical terms', () => {
    expect(matcher.lookup('discharge', { context: 'Please discharge the couch to the loading dock.' })).toEqual([]);
    // Typed alone, with nothing around it, it is what the reader asks about.
    expect(matcher.lookup('discharge')[0]).toMatchObject({ id: 'discharge-criteria', kind: 'context' });
    expect(ids(matcher.lookup('discharge', { context: 'Off HFNC for 48 h, plan discharge' }))).toEqual(['discharge-criteria']);
    expect(ids(matcher.lookup('discharge criteria'))).toEqual(['discharge-criteria']);
  });

  it('prefers the whole phrase to its parts', () => {
    const hits = matcher.lookup('shortness of breath');
    expect(hits[0]).toMatchObject({ id: 'dyspnea', kind: 'synonym', start: 0, end: 19 });
  });

  it('finds the longer Chinese term that contains a selected fragment', () => {
    expect(matcher.lookup('高流量')[0]).toMatchObject({ id: 'high-flow-nasal-cannula', kind: 'phrase', start: 0, end: 3 });
    expect(matcher.lookup('高')).toEqual([]);
  });

  it('answers nothing for empty or meaningless input', () => {
    for (const text of ['', '   ', '\u200B\u200B', '12 34', '🙂🙂', '\uD800\uDC00\uD800', 'مرحبا بالعالم'])
      expect(matcher.lookup(text)).toEqual([]);
  });

  it('reads only the first MAX_LOOKUP_CHARS of a megabyte selection', () => {
    const filler = 'lorem ipsum dolor '.repeat(60_000);
    expect(filler.length).toBeGreaterThan(1_000_000);
    // A term within the limit is found; one beyond it is never read.
    expect(ids(matcher.lookup(`HFNC ${filler}`))).toEqual(['high-flow-nasal-cannula']);
    expect(matcher.lookup(`${'lorem '.repeat(MAX_LOOKUP_CHARS / 6 + 1)}HFNC ${filler}`)).toEqual([]);
  });
});

describe('scan', () => {
  it('finds HFNC inside a sentence, with every other term, in text order', () => {
    const text = 'Pt SOB, started on HFNC and dexamethasone; CT shows ground-glass opacities.';
    const hits = matcher.scan(text);
    expect(ids(hits)).toEqual(['dyspnea', 'high-flow-nasal-cannula', 'dexamethasone', 'ground-glass-opacity']);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['SOB', 'HFNC', 'dexamethasone', 'ground-glass opacities']);
  });

  it('reports an entry once, at its first mention', () => {
    const hits = matcher.scan('HFNC at 60 L/min. Continue high-flow nasal cannula. HFNO weaned.');
    expect(ids(hits)).toEqual(['high-flow-nasal-cannula']);
    expect(hits[0]?.start).toBe(0);
  });

  it('takes the longest match in Chinese text without spaces', () => {
    const hits = matcher.scan('患者行俯卧位通气并给予地塞米松');
    expect(hits.map((h) => h.term)).toEqual(['俯卧位通气', '地塞米松']);
  });

  it('reads a word split in two as one', () => {
    expect(ids(matcher.scan('Started dexa methasone today'))).toEqual(['dexamethasone']);
    expect(ids(matcher.scan('the dexa and the methasone'))).toEqual([]);
  });

  it('does not count a context-only word that is part of a term phrase', () => {
    // "discharge" is context-only; right after a term it is a modifier, not a mention of its own.
    expect(ids(matcher.scan('HFNC discharge settings reviewed'))).toEqual(['high-flow-nasal-cannula']);
    expect(ids(matcher.scan('On HFNC. Plan discharge tomorrow.'))).toEqual(['high-flow-nasal-cannula', 'discharge-criteria']);
  });

  it('finds inflected forms', () => {
    expect(ids(matcher.scan('Patient proned for 16 hours'))).toEqual(['prone-positioning']);
  });

  it('does not join words across sentence punctuation', () => {
    expect(ids(matcher.scan('Pulmonary. Embolism is not a word here.'))).toEqual([]);
    // A dash between spaces separates items of a list; a hyphen inside a word joins.
    expect(ids(matcher.scan('Pulmonary - embolism – neither here.'))).toEqual([]);
    expect(ids(matcher.scan('Pulmonary-embolism suspected.'))).toEqual(['pulmonary-embolism']);
  });

  it('keeps the sense that fits its sentence for an ambiguous abbreviation', () => {
    expect(ids(matcher.scan('Leg swelling and DVT last year; now PE suspected'))).toEqual(['venous-thromboembolism', 'pulmonary-embolism']);
  });

  it('finds nothing in ordinary text', () => {
    expect(matcher.scan('The meeting with the family is scheduled for Tuesday afternoon in the main office.')).toEqual([]);
    expect(matcher.scan('Please discharge the couch to the loading dock.')).toEqual([]);
  });

  it('reads at most MAX_SCAN_CHARS of a huge note', () => {
    const note = 'x '.repeat(MAX_SCAN_CHARS) + 'HFNC';
    expect(matcher.scan(note)).toEqual([]);
    expect(ids(matcher.scan('HFNC ' + '\u0000\uFFFF '.repeat(300_000)))).toEqual(['high-flow-nasal-cannula']);
  });
});

describe('suggest', () => {
  it('completes what is typed, exact terms first', () => {
    expect(ids(matcher.suggest('dexa'))[0]).toBe('dexamethasone');
    expect(ids(matcher.suggest('HFNC'))[0]).toBe('high-flow-nasal-cannula');
    expect(matcher.suggest('pulm')[0]).toMatchObject({ id: 'pulmonary-embolism', kind: 'prefix' });
  });

  it('falls back to lookup for misspellings and returns nothing for nothing', () => {
    expect(ids(matcher.suggest('remdesevir'))).toContain('remdesivir');
    expect(matcher.suggest('')).toEqual([]);
    expect(matcher.suggest('zzzz')).toEqual([]);
  });

  it('respects the limit', () => {
    expect(matcher.suggest('p').length).toBeGreaterThan(2);
    expect(matcher.suggest('p', { limit: 2 })).toHaveLength(2);
  });
});
