// Words written as in a sister language: one skeleton for the spellings of one Greek or Latin root,
// read when a term word has it and the word is not an ordinary word near a term word.
import { describe, expect, it } from 'vitest';
import { FuzzyCorrector } from '../../../../core/match/fuzzy';
import { findNearWords } from '../../../../core/match/lexicon';
import { cognateKey } from '../../../../core/text/variants';

describe('cognate skeletons', () => {
  it('reduce spellings of one root in English, French and Portuguese to one skeleton', () => {
    expect(cognateKey('pharyngitis')).toBe(cognateKey('faringite'));
    expect(cognateKey('pharyngitis')).toBe(cognateKey('pharyngite'));
    expect(cognateKey('lethargy')).toBe(cognateKey('letargia'));
    expect(cognateKey('thrombosis')).toBe(cognateKey('trombose'));
    expect(cognateKey('antibiotics')).toBe(cognateKey('antibioticos'));
    expect(cognateKey('antibiotics')).toBe(cognateKey('antibiotiques'));
    expect(cognateKey('pneumonia')).not.toBe(cognateKey('pneumothorax'));
  });

  it('correct a word to the term word of its skeleton, the shortest when several forms share it', () => {
    const corrector = new FuzzyCorrector(new Set(['pharyngitis', 'thrombosis', 'lethargy']), new Set());
    expect(corrector.correct('faringite')).toBe('pharyngitis');
    expect(corrector.correct('trombose')).toBe('thrombosis');
    expect(corrector.correct('letargia')).toBe('lethargy');
    const forms = new FuzzyCorrector(new Set(['pharyngitis', 'pharyngite']), new Set());
    expect(forms.correct('faringitis')).toBe('pharyngite');
    expect(forms.correct('zzzzzzz')).toBeUndefined();
  });

  it('list an English word of a term word skeleton as near, never the same word in another language', () => {
    const vocabulary = ['watery', 'thrombosis'];
    const near = findNearWords(vocabulary, ['water', 'trombose', 'window'], new Set(['water', 'window']));
    expect(near).toEqual(['water']);
    const corrector = new FuzzyCorrector(new Set(vocabulary), new Set(near));
    expect(corrector.correct('water')).toBeUndefined();
    expect(corrector.correct('trombose')).toBe('thrombosis');
  });
});
