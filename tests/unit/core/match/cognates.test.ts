// Words written as in a sister language: one skeleton for the spellings of one Greek or Latin root,
// read when a term word has it and the word is not an ordinary word near a term word.
import { describe, expect, it } from 'vitest';
import { assembleIndex } from '../../../../cli/compile';
import type { Entry } from '../../../../core/index/types';
import { buildMatcher } from '../../../../core/match/matcher';
import { FuzzyCorrector } from '../../../../core/match/fuzzy';
import { findNearWords } from '../../../../core/match/lexicon';
import { cognateKey } from '../../../../core/text/variants';
import { fixtureIndex } from '../../paths';

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

const base = fixtureIndex().entries.find((e) => e.id === 'hand-hygiene') as Entry;
const entry = (id: string, terms: [string, string][]): Entry => ({ ...base, id, related: [], terms: terms.map(([text, lang], k) => ({ text, lang, kind: k === 0 ? 'preferred' : 'synonym' })) });

describe('words of a sister language in a phrase', () => {
  const matcher = buildMatcher(
    assembleIndex([
      entry('viral-pneumonia', [['viral pneumonia', 'en']]),
      entry('other-infections', [['pneumonie bactérienne', 'fr'], ['hépatite virale', 'fr']]),
      entry('chest-pain', [['chest pain', 'en'], ['douleur pleurale', 'fr']]),
      entry('pleural-tap', [['pleural tap', 'en']]),
    ]),
  );

  it('find a term written in the other language ("pneumonie virale" is "viral pneumonia")', () => {
    expect(matcher.lookup('pneumonie virale')[0]?.id).toBe('viral-pneumonia');
  });

  it('never propose a term alone ("pleural" is not "douleur pleurale")', () => {
    expect(matcher.lookup('pleural').map((h) => h.id)).not.toContain('chest-pain');
    expect(matcher.lookup('pleural effusion').map((h) => h.id)).not.toContain('chest-pain');
  });
});

describe('words of a sister language of a short root', () => {
  const matcher = buildMatcher(
    assembleIndex([
      entry('fever-clinic', [['fever clinic', 'en'], ['ambulatório de febre', 'pt']]),
      entry('fever', [['fever', 'en'], ['febre alta', 'pt']]),
      entry('severity', [['clinical classification', 'en'], ['classificação clínica', 'pt']]),
    ]),
  );

  it('find the term of each word\'s sibling ("clínica de febre" is the fever clinic: "clin" is clinic and clínica)', () => {
    expect(matcher.lookup('clínica de febre').map((h) => h.id)).toContain('fever-clinic');
  });

  it('never propose a term alone ("clínica" is no fever clinic)', () => {
    expect(matcher.lookup('clínica').map((h) => h.id)).not.toContain('fever-clinic');
  });

  it('even as words of no English term, nor written twice ("porte" is no "port" of masks, "porte-à-porte" recombines nothing)', () => {
    const doors = buildMatcher(
      assembleIndex([
        entry('medical-mask', [['medical mask', 'en'], ['port universel du masque', 'fr']]),
        entry('screening', [['door-to-door screening', 'en'], ['dépistage porte-à-porte', 'fr']]),
        entry('door', [['porte coupe-feu', 'fr']]),
      ]),
    );
    expect(doors.lookup('porte').map((h) => h.id)).not.toContain('medical-mask');
    expect(doors.lookup('porte-à-porte').map((h) => h.id)).not.toContain('medical-mask');
  });
});

describe('a word of a sister language alone', () => {
  const matcher = buildMatcher(
    assembleIndex([
      entry('hypoxaemia', [['hypoxaemia', 'en'], ['low oxygen level', 'en']]),
      entry('silent-hypoxaemia', [['hypoxémie heureuse', 'fr']]),
      entry('respirator', [['respirator', 'en'], ['respirateur', 'fr']]),
      entry('respiratory-rate', [['respiratory rate', 'en']]),
      entry('cytokine-storm', [['cytokine storm', 'en']]),
      entry('cytokine-inhibitors', [['inibidores de citocinas', 'pt']]),
    ]),
  );

  it('is a term of that one word in the other language ("hypoxémie" is "hypoxaemia")', () => {
    expect(matcher.lookup('hypoxémie')[0]?.id).toBe('hypoxaemia');
  });

  it('proposes the terms it is a word of, as the English word would ("citocinas" of "cytokine storm")', () => {
    expect(matcher.lookup('citocinas').map((h) => h.id)).toContain('cytokine-storm');
  });

  it('is not when the word is English, whose own sense the reader means ("respiratory" is no respirator)', () => {
    expect(matcher.lookup('respiratory').map((h) => h.id)).not.toContain('respirator');
  });
});
