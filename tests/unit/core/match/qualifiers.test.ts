// A selection of the guidance's domain word and a word that qualifies it names the qualified
// thing; a term that says "not" where the selection does not is its opposite.
import { describe, expect, it } from 'vitest';
import { assembleIndex } from '../../../../cli/compile';
import type { Entry, TermKind } from '../../../../core/index/types';
import { buildMatcher } from '../../../../core/match/matcher';
import { fixtureIndex } from '../../paths';

const base = fixtureIndex().entries.find((e) => e.id === 'hand-hygiene') as Entry;
const entry = (id: string, terms: [string, TermKind, string][]): Entry => ({ ...base, id, related: [], terms: terms.map(([text, kind, lang]) => ({ text, lang, kind })) });
const matcher = buildMatcher(
  assembleIndex([
    entry('covid-19', [['COVID-19', 'preferred', 'en']]),
    entry('severe-covid-19', [['forme grave de COVID-19', 'preferred', 'fr']]),
    entry('non-severe-covid-19', [['forme non grave de COVID-19', 'preferred', 'fr']]),
    entry('reinfection', [['SARS-CoV-2 reinfection', 'preferred', 'en'], ['COVID-19 reinfection', 'synonym', 'en']]),
    // (COVID in many entries' terms, as in the guidance: the domain's word, discounted to little;
    // "grave" in several.)
    ...Array.from({ length: 30 }, (_, i) => entry(`topic-${i}`, [[`COVID-19 topic${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`, 'preferred', 'en']])),
    ...['paludisme', 'dengue', 'sepsis', 'anémie'].map((word) => entry(`${word}-grave`, [[`${word} grave`, 'preferred', 'fr']])),
    // (And many entries of other words: a domain word is in a tenth of them, "grave" is not.)
    ...Array.from({ length: 40 }, (_, i) => entry(`other-${i}`, [[`other topic${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`, 'preferred', 'en']])),
  ]),
);
const ids = (text: string) => matcher.lookup(text).map((h) => h.id);

describe('the domain word with a qualifier', () => {
  it('names the qualified thing beside the domain entry', () => {
    expect(ids('COVID-19 grave')).toContain('severe-covid-19');
    expect(ids('COVID-19 non grave')).toContain('non-severe-covid-19');
  });
});

describe('a negated term', () => {
  it('is no part of a selection that does not negate', () => {
    expect(ids('COVID-19 grave')).not.toContain('non-severe-covid-19');
    expect(ids('forme grave')).not.toContain('non-severe-covid-19');
  });

  it('is what a selection negating a word of it means, not its opposite', () => {
    expect(ids('COVID-19 non grave')).not.toContain('severe-covid-19');
    expect(ids('forme grave non')).toContain('severe-covid-19');
  });
});

describe('a negated Chinese term', () => {
  const chinese = buildMatcher(
    assembleIndex([
      entry('covid-19', [['新冠', 'preferred', 'zh']]),
      entry('severe-covid-19', [['重症新冠', 'preferred', 'zh']]),
      entry('non-severe-covid-19', [['非重型新冠', 'preferred', 'zh']]),
      entry('asymptomatic', [['无症状感染', 'preferred', 'zh']]),
      entry('chest-discomfort', [['胸部不适', 'preferred', 'zh']]),
      entry('hypoxaemia', [['低氧血症', 'preferred', 'zh']]),
      entry('silent-hypoxaemia', [['无症状低氧血症', 'preferred', 'zh']]),
    ]),
  );
  const found = (text: string) => chinese.lookup(text).map((h) => h.id);

  it('is no term holding or spelling a selection it negates (非重型新冠 for 重型新冠, 无症状感染 for 症状)', () => {
    expect(found('重型新冠')).not.toContain('non-severe-covid-19');
    expect(found('重型新冠')).toContain('severe-covid-19');
    expect(found('症状感染')).not.toContain('asymptomatic');
  });

  it('still is one whose negation is of another thing (胸部不适, chest discomfort, for 胸部), or where the selection negates too', () => {
    expect(found('胸部')).toContain('chest-discomfort');
    expect(found('非重型')).toContain('non-severe-covid-19');
    // (症 of 血症, "-aemia", is not the 症状 that 无 negates.)
    expect(found('隐匿性低氧血症')).toContain('silent-hypoxaemia');
  });
});
