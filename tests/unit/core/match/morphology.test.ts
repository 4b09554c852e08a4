// Word families of Latin and Greek medical words, which the Porter2 stemmer splits ("thrombus" →
// "thrombus", "thrombosis" → "thrombosi"): one root for the nouns, plurals, adjectives and verbs.
import { describe, expect, it } from 'vitest';
import { classicalRoot, LANG_EN, LANG_FR, WordForms } from '../../../../core/match/morphology';

describe('classical roots', () => {
  it('are shared by a word family', () => {
    for (const word of ['thrombus', 'thrombi', 'thrombosis']) expect(classicalRoot(word), word).toBe('thromb');
    for (const word of ['dialysis', 'dialyses', 'dialysed', 'dialyzed', 'dialysing']) expect(classicalRoot(word), word).toBe('dialys');
    for (const word of ['delirium', 'delirious']) expect(classicalRoot(word), word).toBe('delir');
    for (const word of ['embolus', 'emboli', 'embolism']) expect(classicalRoot(word), word).toBe('embol');
  });

  it('are none when too little is left or the word has no such ending', () => {
    expect(classicalRoot('stenosis')).toBeUndefined();
    expect(classicalRoot('clinic')).toBeUndefined();
    expect(classicalRoot('oxygen')).toBeUndefined();
  });

  it('lead a text word to an English term word of its family only', () => {
    const vocabulary = new Map([
      ['thrombosis', LANG_EN],
      ['embolism', LANG_EN],
      ['dialysis', LANG_FR],
    ]);
    const forms = new WordForms(vocabulary, new Map(), new Set());
    expect(forms.of('thrombus')).toContainEqual({ key: 'thrombosis', step: 'derived' });
    expect(forms.of('embolus')).toContainEqual({ key: 'embolism', step: 'derived' });
    // (A French term word is no English word's family.)
    expect(forms.of('dialyzed')).toEqual([]);
  });
});
