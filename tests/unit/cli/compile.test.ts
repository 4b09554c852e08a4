// The editor's rules that live in the Markdown: the kind of entry and its bedside facts, and thresholds.
import { describe, expect, it } from 'vitest';
import { compileMarkdown } from '../../../cli/compile';

const entry = (front: string, points: string[]) => `---
id: x-drug
category: therapeutics
${front}
reviewed: 2026-11-01
terms:
  en:
    preferred: [x drug]
  fr:
    preferred: [x]
  zh:
    preferred: [x]
sources:
  - { title: T, publisher: World Health Organization, date: 2023-08, url: "https://example.org/x", section: S }
---

## en: X drug

Summary.

${points.map((p) => `- ${p}`).join('\n')}

## fr: X

Résumé.

## zh: X

摘要。
`;

const problems = (text: string) => compileMarkdown(text, 'guidance/therapeutics/x-drug.md').problems.map((p) => `${p.field}: ${p.message}`);

describe('kind of entry and bedside facts', () => {
  it('requires a type', () => {
    expect(problems(entry('', ['a', 'b', 'c']))).toContainEqual(expect.stringMatching(/^type: missing/));
    expect(problems(entry('type: potion', ['a', 'b', 'c']))).toContainEqual(expect.stringMatching(/^type: "potion" is not one of/));
  });

  it('requires the labelled key points of a medicine, a qualifier after the label allowed', () => {
    const missing = problems(entry('type: medicine', ['**Dose:** 6 mg (WHO 2023).', '**When (WHO):** severe disease.', 'Other point.']));
    expect(missing).toEqual(['keyPoints.en: a medicine needs a key point that opens with **Cautions:** (interactions, contraindications, who should not get it)']);
    expect(problems(entry('type: medicine', ['**Dose:** 6 mg.', '**When:** severe.', '**Cautions (NIH):** none known.']))).toEqual([]);
  });

  it('reads thresholds and refuses one without a source of the entry', () => {
    const ok = compileMarkdown(entry('type: finding\nthresholds:\n  - { measure: spo2, op: "<", value: 90, source: 1 }', ['a', 'b', 'c']), 'guidance/therapeutics/x-drug.md');
    expect(ok.entry?.thresholds).toEqual([{ measure: 'spo2', op: '<', value: 90, source: 1 }]);
    expect(problems(entry('type: finding\nthresholds:\n  - { measure: spo2, op: "<", value: 90, source: 2 }', ['a', 'b', 'c']))).toContainEqual(
      "thresholds[0].source: must be the number of one of the entry's sources (1 to 1)",
    );
    expect(problems(entry('type: finding\nthresholds:\n  - { measure: mood, op: "<", value: 3, source: 1 }', ['a', 'b', 'c']))[0]).toMatch(/^thresholds\[0\]\.measure/);
  });

  it('reads the other causes of a value, and refuses a list that is none', () => {
    const ok = compileMarkdown(entry('type: finding\nthresholds:\n  - { measure: temperature, op: ">=", value: 38, source: 1, unless: [heat stroke, " 中暑 "] }', ['a', 'b', 'c']), 'guidance/symptom/x.md');
    expect(ok.entry?.thresholds).toEqual([{ measure: 'temperature', op: '>=', value: 38, source: 1, unless: ['heat stroke', '中暑'] }]);
    expect(problems(entry('type: finding\nthresholds:\n  - { measure: temperature, op: ">=", value: 38, source: 1, unless: heat stroke }', ['a', 'b', 'c']))[0]).toMatch(/^thresholds\[0\]\.unless/);
    expect(problems(entry('type: finding\nthresholds:\n  - { measure: temperature, op: ">=", value: 38, source: 1, unless: [""] }', ['a', 'b', 'c']))[0]).toMatch(/^thresholds\[0\]\.unless/);
  });
});

describe('who checked a translation', () => {
  it('records a language a clinician reading it has checked, with the date and who', () => {
    const compiled = compileMarkdown(entry('type: practice\ntranslations:\n  fr: { reviewed: 2026-11-20, by: "Dr A. Diallo" }', ['a', 'b', 'c']), 'guidance/therapeutics/x-drug.md');
    expect(compiled.problems).toEqual([]);
    expect(compiled.entry?.translationReviews).toEqual({ fr: { reviewed: '2026-11-20', by: 'Dr A. Diallo' } });
    expect(compileMarkdown(entry('type: practice', ['a', 'b', 'c']), 'guidance/therapeutics/x-drug.md').entry?.translationReviews).toBeUndefined();
  });

  it('refuses a review without who or when, of a language the entry does not have, or of English', () => {
    expect(problems(entry('type: practice\ntranslations:\n  fr: { reviewed: 2026-11-20 }', ['a', 'b', 'c']))).toEqual(['translations.fr.by: missing: who checked it (a clinician who reads this language)']);
    expect(problems(entry('type: practice\ntranslations:\n  fr: { by: X }', ['a', 'b', 'c']))).toEqual(['translations.fr.reviewed: missing or not a date YYYY-MM-DD']);
    expect(problems(entry('type: practice\ntranslations:\n  ar: { reviewed: 2026-11-20, by: X }', ['a', 'b', 'c']))).toEqual(['translations.ar: no "## ar:" section to have reviewed']);
    expect(problems(entry('type: practice\ntranslations:\n  en: { reviewed: 2026-11-20, by: X }', ['a', 'b', 'c']))[0]).toMatch(/^translations\.en: English is the source text/);
  });
});
