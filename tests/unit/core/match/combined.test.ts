// Two stages that find a term the index does not hold as written: Chinese terms that share most
// of a selection's characters in order (cjk.ts), and a phrase whose words an entry's terms hold
// only together (partial.ts findEntryCandidates). Each is checked for what it finds and for what
// it must leave alone.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entry, GuidanceIndex, Term } from '../../../../core/index/types';
import { buildMatcher, type Matcher } from '../../../../core/match/matcher';
import { fixtureIndex } from '../../paths';

let matcher: Matcher;

/**
 * The fixture index with a few entries of our own, named only by `terms`, and the everyday
 * frequency (Zipf) of their words as the build would record it (SUBTLEX-US).
 */
function withEntries(extra: Record<string, Term[]>, zipf: Record<string, number>): GuidanceIndex {
  const index = fixtureIndex();
  const template = index.entries[0] as Entry;
  const entries = Object.entries(extra).map(([id, terms]) => ({ ...template, id, related: id === 'test-assay' ? ['test-virus'] : [], terms }));
  return { ...index, entries: [...index.entries, ...entries], lexicon: { ...index.lexicon, frequency: { ...index.lexicon.frequency, ...zipf } } };
}

const en = (text: string): Term => ({ text, lang: 'en', kind: 'synonym' });
const zh = (text: string): Term => ({ text, lang: 'zh', kind: 'synonym' });

beforeAll(() => {
  matcher = buildMatcher(
    withEntries({
      'test-pregnancy': [zh('孕产妇'), zh('妊娠期')],
      'test-silent': [zh('沉默性缺氧')],
      'test-tele': [en('remote monitoring'), en('virtual consultation')],
      'test-taste': [en('smell disturbance'), en('altered taste')],
      // A made-up virus, its pneumonia, and an assay named by a word that needs the virus around it.
      'test-virus': [en('zorvid')],
      'test-virus-pneumonia': [en('zorvid pneumonia')],
      'test-assay': [{ text: 'ZQR', lang: 'en', kind: 'context' }, en('ZQR assay')],
    }, { remote: 3.9, monitoring: 3.3, virtual: 3.4, consultation: 3.2, smell: 4.4, disturbance: 3.3, altered: 3.3, taste: 4.2 }),
  );
});

const top = (text: string) => matcher.lookup(text)[0]?.id;

describe('Chinese terms that share most characters in order', () => {
  it('finds a term written with a character more or less, or one swapped', () => {
    expect(top('孕妇')).toBe('test-pregnancy');
    expect(top('沉默型缺氧')).toBe('test-silent');
    expect(matcher.lookup('孕妇')[0]?.kind).toBe('partial');
  });

  it('needs two characters in common, in order, and most of the selection', () => {
    // One character in common, characters out of order, and a long text around two characters.
    for (const text of ['孕期', '产孕', '今天天气很好我们去公园散步产妇']) expect(matcher.lookup(text).map((h) => h.id), text).not.toContain('test-pregnancy');
  });
});

describe("a phrase that an entry's terms hold together", () => {
  it('answers when every word of the phrase is among one entry\'s terms', () => {
    expect(top('remote consultation')).toBe('test-tele');
    expect(top('taste disturbance')).toBe('test-taste');
    expect(matcher.lookup('remote consultation')[0]?.kind).toBe('partial');
  });

  it('says nothing when one word belongs elsewhere or when the words are everyday ones', () => {
    expect(matcher.lookup('remote disturbance').map((h) => h.id)).not.toContain('test-tele');
    // ("disturbance", a word rarer than the 20,000th, may still name "smell disturbance" in part.)
    expect(matcher.lookup('remote disturbance')[0]?.kind ?? 'partial').toBe('partial');
    expect(matcher.lookup('remote village').map((h) => h.id)).not.toContain('test-tele');
  });

  it('ranks below a term the phrase holds whole', () => {
    const hits = matcher.lookup('remote monitoring');
    expect(hits[0]).toMatchObject({ id: 'test-tele', kind: 'synonym' });
  });
});

describe('a context-only term in a scan', () => {
  it('is supported by an entry named inside a longer term', () => {
    const ids = (text: string) => matcher.scan(text).map((h) => h.id);
    expect(ids('Suspected zorvid pneumonia; awaiting ZQR.')).toContain('test-assay');
    expect(ids('Awaiting ZQR.')).not.toContain('test-assay');
  });
});
