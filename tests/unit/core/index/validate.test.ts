import { describe, expect, it } from 'vitest';
import { parseIndex } from '../../../../core/index/schema';
import type { Entry } from '../../../../core/index/types';
import { formatCoverage, formatProblem, languageCoverage, validateEntries, wordCount } from '../../../../core/index/validate';
import { fixtureIndex } from '../../paths';

function entry(overrides: Partial<Entry> = {}): Entry {
  return {
    id: 'example',
    category: 'disease',
    title: { en: 'Example', fr: 'Exemple', zh: '例子' },
    summary: { en: 'A summary.', fr: 'Un résumé.', zh: '摘要。' },
    keyPoints: { en: ['One.', 'Two.', 'Three.'] },
    terms: [
      { text: 'example', lang: 'en', kind: 'preferred' },
      { text: 'exemple', lang: 'fr', kind: 'preferred' },
      { text: '例子', lang: 'zh', kind: 'preferred' },
    ],
    codes: [],
    related: [],
    sources: [{ title: 'T', publisher: 'P', date: '2023-08-18', url: 'https://example.org/a', section: 'S' }],
    reviewed: '2026-11-01',
    ...overrides,
  };
}

const messages = (entries: Entry[], options = {}) => validateEntries(entries, options).map(formatProblem);

describe('validateEntries', () => {
  it('accepts a complete entry', () => {
    expect(messages([entry()])).toEqual([]);
  });

  it('holds a folder to the languages it promises: titles and summaries, and one key point per English one', () => {
    const promises = { languages: ['en', 'fr', 'zh', 'pt', 'ar'], keyPointLanguages: ['fr', 'zh'] };
    expect(messages([entry()], promises)).toEqual([
      'entries[0]: title.pt: missing',
      'entries[0]: summary.pt: missing',
      'entries[0]: title.ar: missing',
      'entries[0]: summary.ar: missing',
      'entries[0]: keyPoints.fr: 0 key points; the English has 3 (translate each, in the same order)',
      'entries[0]: keyPoints.zh: 0 key points; the English has 3 (translate each, in the same order)',
    ]);
    const complete = entry({
      title: { en: 'Example', fr: 'Exemple', zh: '例子', pt: 'Exemplo', ar: 'مثال' },
      summary: { en: 'A summary.', fr: 'Un résumé.', zh: '摘要。', pt: 'Um resumo.', ar: 'ملخص.' },
      keyPoints: { en: ['One.', 'Two.', 'Three.'], fr: ['Un.', 'Deux.', 'Trois.'], zh: ['一。', '二。', '三。'] },
    });
    expect(messages([complete], promises)).toEqual([]);
    expect(messages([{ ...complete, keyPoints: { ...complete.keyPoints, zh: ['一。', '二。'] } }], promises)).toEqual([
      'entries[0]: keyPoints.zh: 2 key points; the English has 3 (translate each, in the same order)',
    ]);
  });

  it('counts, per language, what is written and what a clinician has checked', () => {
    const reviewed = entry({ translationReviews: { fr: { reviewed: '2026-11-20', by: 'X' } }, keyPoints: { en: ['a', 'b', 'c'], fr: ['a', 'b', 'c'] } });
    const coverage = languageCoverage([entry(), reviewed], ['en', 'fr', 'ar']);
    expect(coverage).toEqual([
      { lang: 'en', titles: 2, summaries: 2, keyPoints: 2, terms: 2, reviewed: 2 },
      { lang: 'fr', titles: 2, summaries: 2, keyPoints: 1, terms: 2, reviewed: 1 },
      { lang: 'ar', titles: 0, summaries: 0, keyPoints: 0, terms: 0, reviewed: 0 },
    ]);
    expect(formatCoverage([entry(), reviewed])).toMatch(/\n {2}fr +2\/2 +2\/2 +1\/2 +2\/2 +1\/2\n/);
  });

  it('reports each problem as file: field: message', () => {
    const bad = entry({
      related: ['nowhere'],
      sources: [{ title: 'T', publisher: '', date: 'soon', url: 'ftp:/x', section: 'S' }],
      codes: [{ system: 'snomed', code: '840539007' }],
      summary: { en: 'word '.repeat(61), fr: 'x' },
      keyPoints: { en: ['only one'] },
    });
    const out = messages([bad], { fileOf: () => 'guidance/disease/example.md' });
    expect(out).toEqual(
      expect.arrayContaining([
        'guidance/disease/example.md: related[0]: unknown entry id "nowhere"',
        'guidance/disease/example.md: sources[0].publisher: missing',
        'guidance/disease/example.md: sources[0].date: missing or not a date YYYY-MM-DD or YYYY-MM',
        'guidance/disease/example.md: sources[0].url: "ftp:/x" is not an http(s) URL',
        'guidance/disease/example.md: codes.snomed[0]: "840539007" fails the SNOMED CT check digit',
        'guidance/disease/example.md: summary.en: 61 words; at most 60 (150 characters in Chinese)',
        'guidance/disease/example.md: summary.zh: missing',
        'guidance/disease/example.md: keyPoints.en: 1 key points; write 3 to 6',
      ]),
    );
  });

  it('reports duplicate ids, a term naming two entries, and missing concepts', () => {
    const a = entry();
    const b = entry({ id: 'example', category: 'x' });
    const c = entry({ id: 'other', terms: [...entry().terms.slice(1), { text: 'Examples', lang: 'en', kind: 'preferred' }] });
    const out = messages([a, b, c], { requiredIds: ['example', 'missing-concept'] });
    expect(out.some((m) => m.includes('id: "example" is also the id of'))).toBe(true);
    expect(out.some((m) => m.includes('"Examples" (preferred) also names "example"'))).toBe(true);
    expect(out).toContain('(index): entries: required concept "missing-concept" has no entry');
  });

  it('allows one abbreviation for several entries (real ambiguity)', () => {
    const a = entry({ terms: [...entry().terms, { text: 'PE', lang: 'en', kind: 'abbreviation', caseSensitive: true }] });
    const b = entry({ id: 'b', terms: [{ text: 'b term', lang: 'en', kind: 'preferred' }, ...entry().terms.slice(1).map((t) => ({ ...t, text: t.text + '2' })), { text: 'PE', lang: 'en', kind: 'abbreviation', caseSensitive: true }] });
    expect(messages([a, b])).toEqual([]);
  });

  it('counts Chinese by characters', () => {
    expect(wordCount('one two three')).toBe(3);
    expect(wordCount('测试数据测试')).toBeCloseTo(6 / 2.5);
  });
});

describe('parseIndex', () => {
  it('accepts a compiled index', () => {
    expect(parseIndex(fixtureIndex()).ok).toBe(true);
  });

  it('names the path of what is wrong in untrusted data', () => {
    const index = fixtureIndex();
    const broken = JSON.parse(JSON.stringify(index)) as { entries: { sources: { url: string }[] }[] };
    const first = broken.entries[0];
    if (first?.sources[0]) first.sources[0].url = 'javascript:alert(1)';
    const result = parseIndex(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatch(/^entries\[0\]\.sources\[0\]\.url: /);
  });

  it('rejects things that are not an index', () => {
    for (const value of [null, 42, 'index', [], { format: 'other' }]) expect(parseIndex(value).ok).toBe(false);
  });
});
