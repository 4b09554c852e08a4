// Codes written apart, joined or hyphenated as a cased term writes them otherwise ("N-95" for
// N95, "IL6" for IL-6), and codes no term lists that belong to a numbered series one entry lists.
import { describe, expect, it } from 'vitest';
import { assembleIndex, needsCase } from '../../../../cli/compile';
import type { Entry, TermKind } from '../../../../core/index/types';
import { buildMatcher } from '../../../../core/match/matcher';
import { codeSeries, codeShape } from '../../../../core/match/series';
import { fixtureIndex } from '../../paths';

const base = fixtureIndex().entries.find((e) => e.id === 'hand-hygiene') as Entry;
// (Cased as the build cases them: "N95" and "IL-6" match only in capitals.)
const entry = (id: string, terms: [string, TermKind][]): Entry => ({
  ...base,
  id,
  related: [],
  terms: terms.map(([text, kind]) => ({ text, lang: 'en', kind, ...((kind === 'abbreviation' || text === text.toUpperCase()) && needsCase(text) && { caseSensitive: true }) })),
});
const entries = [
  entry('omicron', [['Omicron', 'preferred'], ['BA.1', 'member'], ['BA.2', 'member'], ['BA.5', 'member'], ['B.1.1.529', 'synonym']]),
  entry('variants', [['variant of concern', 'preferred'], ['B.1.1.7', 'member'], ['B.1.617.2', 'member']]),
  entry('respirator', [['respirator', 'preferred'], ['N95', 'abbreviation'], ['FFP2', 'abbreviation'], ['FFP3', 'abbreviation']]),
  entry('interleukin-6', [['interleukin-6', 'preferred'], ['IL-6', 'abbreviation']]),
  entry('diabetes', [['diabetes', 'preferred'], ['T2DM', 'abbreviation'], ['DM2', 'abbreviation']]),
  entry('covid-19', [['COVID-19', 'preferred'], ['SARS-CoV-2 infection', 'synonym']]),
  entry('severe-covid-19', [['severe COVID-19', 'preferred']]),
  entry('trisomy-21', [['trisomy 21', 'preferred']]),
  entry('type-1-diabetes', [['type 1 diabetes mellitus', 'preferred']]),
  entry('type-2-diabetes', [['type 2 diabetes mellitus', 'preferred']]),
  // (COVID and "severe" in many entries' terms, as in the guidance: each alone says little.)
  ...Array.from({ length: 60 }, (_, i) => entry(`topic-${i}`, [[`${i < 20 ? 'severe' : 'COVID-19'} topic${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`, 'preferred']])),
];
const matcher = buildMatcher(assembleIndex(entries));
const first = (text: string) => matcher.lookup(text)[0];

describe('codes written another way', () => {
  it('joins a letter code and its number written apart, and splits them written as one, as the term is cased', () => {
    for (const text of ['N-95', 'N 95']) expect(first(text), text).toMatchObject({ id: 'respirator', term: 'N95' });
    for (const text of ['IL6', 'IL 6']) expect(first(text), text).toMatchObject({ id: 'interleukin-6', term: 'IL-6' });
    // A cased term is still matched as written only: small letters are another word.
    expect(matcher.lookup('n-95')).toEqual([]);
    expect(matcher.lookup('il6')).toEqual([]);
  });
});

describe('a term without its number', () => {
  it('is the whole term: every word of it but the number is there', () => {
    expect(first('severe COVID')).toMatchObject({ id: 'severe-covid-19', term: 'severe COVID-19' });
    expect(first('COVID severe')).toMatchObject({ id: 'severe-covid-19' });
  });

  it('is not when the selection writes another number, or the number tells two entries apart', () => {
    expect(first('trisomy 18')?.score ?? 0).toBeLessThan(0.9);
    for (const hit of matcher.lookup('diabetes mellitus type')) expect(hit.score, hit.id).toBeLessThan(0.9);
  });
});

describe('numbered series', () => {
  it('are shapes that two or more codes of one entry share and no other entry has', () => {
    expect(codeShape('BA.4')).toEqual({ shape: 'BA.#', cased: 'BA.#', numbers: '4' });
    expect(codeShape('IL-6')).toEqual({ shape: 'IL#', cased: 'IL#', numbers: '6' });
    expect(codeShape('BA.4.')).toMatchObject({ shape: 'BA.#' });
    expect(codeShape('omicron')).toBeNull();
    expect(codeShape('..BA4..')).toBeNull();
    const series = codeSeries(entries);
    expect(series.get('BA.#')?.entry).toBe(0);
    expect(series.get('FFP#')?.entry).toBe(2);
    // One code is no series; a shape of two entries (B.1.1.7 and B.1.1.529) names neither.
    expect(series.has('IL#')).toBe(false);
    expect(series.has('T#DM')).toBe(false);
    expect(series.has('B.#.#.#')).toBe(false);
  });

  it('name the entry of a code no term lists', () => {
    expect(first('BA.4')).toMatchObject({ id: 'omicron', kind: 'series', term: 'Omicron' });
    expect(first('FFP1')).toMatchObject({ id: 'respirator', kind: 'series' });
    expect(first('BA.4.')).toMatchObject({ id: 'omicron', kind: 'series' });
  });

  it('name nothing from a single code or a shape two entries share', () => {
    expect(matcher.lookup('IL-1')).toEqual([]);
    expect(matcher.lookup('T1DM').filter((h) => h.kind === 'series')).toEqual([]);
    expect(matcher.lookup('B.1.2.3')).toEqual([]);
    expect(matcher.lookup('B.1.351')).toEqual([]);
    // Codes that match only in capitals make a series that does too.
    expect(matcher.lookup('ba.4')).toEqual([]);
  });
});
