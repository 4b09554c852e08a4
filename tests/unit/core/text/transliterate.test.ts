// Arabic writes the names of medicines and tests as they sound; both scripts reduce to one
// consonant skeleton, compared whole and word by word.
import { describe, expect, it } from 'vitest';
import { buildMatcher } from '../../../../core/match/matcher';
import { tokenize } from '../../../../core/text/normalize';
import { arabicSkeleton, latinSkeletons } from '../../../../core/text/transliterate';
import { fixtureIndex } from '../../paths';

const arabic = (word: string) => arabicSkeleton((tokenize(word)[0] as { key: string }).key);
const latin = (word: string) => latinSkeletons((tokenize(word)[0] as { key: string }).key);

describe('consonant skeletons', () => {
  it('fall together for a medicine written in Arabic and in Latin script', () => {
    for (const [ar, en] of [
      ['ريمديسيفير', 'remdesivir'],
      ['هيبارين', 'heparin'],
      ['ساريلوماب', 'sarilumab'],
      ['روكسوليتينيب', 'ruxolitinib'],
      ['ديكساميثازون', 'dexamethasone'],
      ['الكالسيتونين', 'calcitonin'],
    ])
      expect(latin(en as string)).toContain(arabic(ar as string));
  });

  it('read "ch" both ways (chloroquine كلوروكين, colchicine كولشيسين)', () => {
    expect(latin('chloroquine')).toContain(arabic('كلوروكين'));
    expect(latin('colchicine')).toContain(arabic('كولشيسين'));
  });

  it('differ for different words', () => {
    expect(latin('heparin')).not.toContain(arabic('ريمديسيفير'));
    expect(latinSkeletons('naïve')).toEqual([]);
  });
});

describe('the matcher reads an Arabic selection by its sound', () => {
  const matcher = buildMatcher(fixtureIndex());

  it('answers the Latin-script term it sounds like', () => {
    expect(matcher.lookup('ديكساميثازون')[0]).toMatchObject({ id: 'dexamethasone', kind: 'transliterated' });
    expect(matcher.lookup('ريمديسيفير')[0]?.id).toBe('remdesivir');
  });

  it('stays silent on Arabic words, on a feminine noun and beside a function word', () => {
    expect(matcher.lookup('مقارنة')).toEqual([]);
    expect(matcher.lookup('أو ريمديسيفير').filter((h) => h.kind === 'transliterated')).toEqual([]);
    expect(matcher.lookup('برد')).toEqual([]);
  });
});
