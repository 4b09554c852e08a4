// Phrases that hold an entry's term but name something else ("hay fever", "heat stroke", "stroke
// volume"): the entry is not found in them, by scan, selection or double-click, and is found
// elsewhere in the same text.
import { describe, expect, it } from 'vitest';
import { assembleIndex } from '../../../../cli/compile';
import type { Entry } from '../../../../core/index/types';
import { validateEntries } from '../../../../core/index/validate';
import { buildMatcher } from '../../../../core/match/matcher';
import { answerSelection } from '../../../../core/match/selection';
import { fixtureIndex } from '../../paths';

const base = fixtureIndex().entries.find((e) => e.id === 'hand-hygiene') as Entry;
const entry = (id: string, terms: string[], not: string[]): Entry => ({
  ...base,
  id,
  related: [],
  terms: terms.map((text, k) => ({ text, lang: 'en', kind: k === 0 ? 'preferred' : 'synonym' })),
  exclusions: not.map((text) => ({ text, lang: 'en' })),
});
const index = assembleIndex([
  entry('fever', ['fever', 'pyrexia'], ['hay fever', 'glandular fever']),
  entry('stroke', ['stroke', 'acute stroke'], ['heat stroke', 'stroke volume']),
  entry('vte', ['venous thromboembolism', 'VTE'], ['VTE prophylaxis']),
  entry('thromboprophylaxis', ['thromboprophylaxis', 'VTE prophylaxis'], []),
  entry('hypertension', ['hypertension'], ['hypertension portale']),
  entry('portable-radiograph', ['portable radiograph'], []),
]);
const matcher = buildMatcher(index);
const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

describe('exclusion phrases', () => {
  it('keep a scan from finding the entry inside them, not elsewhere in the text', () => {
    expect(matcher.scan('Hay fever every spring; cetirizine.')).toEqual([]);
    expect(matcher.scan('Stroke volume variation 14%, fluid bolus given.')).toEqual([]);
    expect(ids(matcher.scan('Heat stroke on Monday; today fever 38.6 and a new acute stroke on CT.'))).toEqual(['fever', 'stroke']);
  });

  it('hold when a word of the phrase is spelt like another term word (not corrected out of the phrase)', () => {
    // "portale" is within a correction of "portable": corrected, it left "hypertension" alone in the text.
    expect(matcher.scan('Cirrhose avec hypertension portale et varices.')).toEqual([]);
    expect(ids(matcher.scan('hypertension portale'))).toEqual([]);
    expect(ids(matcher.scan('hypertension artérielle'))).toEqual(['hypertension']);
  });

  it('hold when the phrase is another entry’s term: that entry is found, the excluded one not nested in it', () => {
    expect(ids(matcher.scan('VTE prophylaxis with enoxaparin until discharge.'))).toEqual(['thromboprophylaxis']);
    expect(ids(matcher.scan('COVID-19 pneumonia complicated by VTE despite thromboprophylaxis.'))).toEqual(['vte', 'thromboprophylaxis']);
  });

  it('keep a selection or a double-click inside them from answering the entry', () => {
    expect(matcher.lookup('hay fever')).toEqual([]);
    const context = 'Post-viral fatigue after glandular fever; FBC normal.';
    expect(matcher.lookup('fever', { context, offset: context.indexOf('fever') })).toEqual([]);
    expect(ids(matcher.lookup('fever'))).toEqual(['fever']);
    // (A selection that only overlaps the phrase is in it too.)
    const spring = 'Hay fever every spring; cetirizine.';
    expect(matcher.lookup('fever every', { context: spring, offset: spring.indexOf('fever every') })).toEqual([]);
    const other = 'Admitted with fever and rigors.';
    expect(ids(matcher.lookup('fever', { context: other, offset: other.indexOf('fever') }))).toEqual(['fever']);
  });

  it('hold for what a selection shows (its own scan would read it without the paragraph)', () => {
    const context = 'Hay fever every spring; cetirizine.';
    expect(answerSelection(matcher, 'fever', { context, offset: context.indexOf('fever') }).hits).toEqual([]);
    expect(ids(answerSelection(matcher, 'fever').hits)).toEqual(['fever']);
  });

  it('are checked: each must hold one of the entry’s terms and not be one', () => {
    const problems = validateEntries([entry('fever', ['fever'], ['hay fever', 'pyrexia of unknown origin', 'fever'])]).map((p) => p.message);
    expect(problems.some((m) => m.includes('"pyrexia of unknown origin" holds none'))).toBe(true);
    expect(problems.some((m) => m.includes('"fever" is also a term'))).toBe(true);
    expect(problems.some((m) => m.includes('hay fever'))).toBe(false);
  });
});
