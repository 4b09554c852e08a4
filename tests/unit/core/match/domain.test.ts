// Parts of terms that leave out what makes them this guidance's: the word for its disease ("COVID"
// of "COVID serology"), or everything but a word that alone is a context-only term ("PCR" of "PCR
// test"). Typed alone they answer; selected in a page only where the page supports the entry.
import { describe, expect, it } from 'vitest';
import { assembleIndex } from '../../../../cli/compile';
import type { Entry, TermKind } from '../../../../core/index/types';
import { buildMatcher } from '../../../../core/match/matcher';
import { fixtureIndex } from '../../paths';

const base = fixtureIndex().entries.find((e) => e.id === 'hand-hygiene') as Entry;
const entry = (id: string, terms: [string, TermKind][], related: string[] = []): Entry => ({ ...base, id, related, terms: terms.map(([text, kind]) => ({ text, lang: 'en', kind })) });
const matcher = buildMatcher(
  assembleIndex([
    entry('covid-19', [['COVID-19', 'preferred']]),
    entry('serology', [['COVID serology', 'preferred']], ['covid-19']),
    entry('rt-pcr', [['COVID PCR', 'preferred'], ['PCR test', 'synonym'], ['PCR', 'context']], ['covid-19']),
    entry('reinfection', [['COVID reinfection', 'preferred']], ['covid-19']),
    entry('chest-ct', [['chest CT', 'preferred'], ['TDM thoracique', 'synonym']], ['covid-19']),
    entry('ards', [['acute respiratory distress syndrome', 'preferred']], ['covid-19', 'neuromuscular-blockade']),
    entry('neuromuscular-blockade', [['neuromuscular blockade', 'preferred'], ['paralytic infusion', 'synonym']], ['ards']),
    entry('myalgia', [['myalgia', 'preferred'], ['muscle pain', 'synonym']], ['covid-19']),
    entry('telemedicine', [['teleconsultation', 'preferred']], ['covid-19']),
    entry('full-blood-count', [['full blood count', 'preferred'], ['thrombocytopenia', 'member'], ['platelet count', 'member']], ['covid-19']),
    entry('remdesivir', [['remdesivir', 'preferred']], ['covid-19']),
  ]),
);
const click = (word: string, context: string) => matcher.lookup(word, { context, offset: context.indexOf(word) }).map((h) => h.id);

describe('a part of a term without the guidance’s disease word', () => {
  it('answers typed alone', () => {
    expect(matcher.lookup('serology')[0]?.id).toBe('serology');
  });

  it('answers in a page that names the entry or a related one, not in another specialty’s', () => {
    expect(click('serology', 'Serology sent on day 14 after COVID-19.')).toEqual(['serology']);
    expect(click('serology', 'Hepatitis B serology: anti-HBs 8 IU/L, booster given.')).toEqual([]);
    expect(click('reinfection', 'H. pylori reinfection confirmed by breath test.')).toEqual([]);
  });
});

describe('a context-only term the page does not support', () => {
  it('proposes no other term of which it is a part', () => {
    expect(matcher.lookup('PCR').map((h) => h.id)).toEqual(['rt-pcr']);
    expect(click('urine PCR', 'Urine PCR 45 mg/mmol, BP 158/102 at 35 weeks.')).toEqual([]);
    expect(click('PCR', 'Urine PCR 45 mg/mmol, BP 158/102 at 35 weeks.')).toEqual([]);
    expect(click('PCR', 'COVID-19 suspected; PCR sent.')).toEqual(['rt-pcr']);
  });
});

describe('an abbreviation alone as part of a longer term', () => {
  it('answers typed alone, and in a page only where the page supports the entry', () => {
    expect(matcher.lookup('TDM')[0]?.id).toBe('chest-ct');
    expect(click('TDM', 'TDM cérébrale sans injection : normale.')).toEqual([]);
    expect(click('TDM', 'COVID-19 sévère ; TDM demandée ce jour.')).toEqual(['chest-ct']);
  });
});

describe('a part of a longer term found by one word', () => {
  it('answers typed alone, and in a page only where the page supports the entry', () => {
    expect(matcher.lookup('paralytic')[0]?.id).toBe('neuromuscular-blockade');
    expect(click('infusion', 'Heparin infusion held for 4 hours before the cardioversion.')).toEqual([]);
    expect(click('paralytic', 'Post-op day 3: paralytic ileus, NG tube on free drainage.')).toEqual([]);
    expect(click('paralytic', 'Severe acute respiratory distress syndrome; paralytic started at 02:00.')).toEqual(['neuromuscular-blockade']);
  });
});

describe('a word spelt like a term in a page', () => {
  it('is a misspelling of it, not another word built on it with letters before', () => {
    expect(click('myalgai', 'Fever and myalgai since Monday.')).toEqual(['myalgia']);
    expect(click('Polymyalgia', 'Polymyalgia rheumatica: prompt response to prednisolone.')).toEqual([]);
    expect(click('Fibromyalgia', 'Fibromyalgia with widespread pain and poor sleep.')).toEqual([]);
    // Two words built on one base with different beginnings.
    expect(click('reconsultation', 'Consignes de reconsultation données à la sortie.')).toEqual([]);
    expect(click('teleconsultaton', 'Suivi par teleconsultaton à J7.')).toEqual(['telemedicine']);
  });

  it('nor another word on the same base with an ending of its own', () => {
    expect(click('thrombocythaemia', 'Essential thrombocythaemia, JAK2 positive; platelet count 950.')).toEqual([]);
    expect(click('Thrombocytémie', 'Thrombocytémie essentielle JAK2 muté, platelet count 950.')).toEqual([]);
    expect(click('thrombocytopnia', 'New thrombocytopnia on day 5 of heparin.')).toEqual(['full-blood-count']);
    expect(click('remdesevir', 'Started remdesevir 200 mg on day 1.')).toEqual(['remdesivir']);
  });
});

describe('a context-only word in Chinese beside a term', () => {
  const zh = (id: string, terms: [string, TermKind][], related: string[] = []): Entry => ({ ...base, id, related, terms: terms.map(([text, kind]) => ({ text, lang: 'zh', kind })) });
  const chinese = buildMatcher(
    assembleIndex([
      zh('covid-19', [['新冠肺炎', 'preferred'], ['新冠', 'synonym']]),
      zh('rt-pcr', [['核酸检测', 'preferred'], ['核酸', 'context']], ['covid-19']),
      zh('hfnc', [['高流量', 'preferred']]),
    ]),
  );
  const ids = (text: string) => chinese.scan(text).map((h) => h.id);

  it('is a noun of its own after a term of a related entry (新冠核酸: COVID-19 and its PCR)', () => {
    expect(ids('丈夫新冠核酸阳性')).toEqual(['covid-19', 'rt-pcr']);
  });

  it('is still that term’s modifier after an unrelated one', () => {
    expect(ids('高流量核酸')).toEqual(['hfnc']);
  });
});

describe('a part of a term whose missing words another word replaces in the page', () => {
  const other = buildMatcher(
    assembleIndex([
      entry('covid-19', [['COVID-19', 'preferred']]),
      entry('ventilator-weaning', [['sevrage ventilatoire', 'preferred'], ['ventilator weaning', 'synonym']], ['covid-19']),
      entry('negative-pressure-room', [['negative pressure room', 'preferred']], ['covid-19']),
      entry('hypoxemia', [['hypoxaemia', 'preferred'], ['type 1 respiratory failure', 'synonym']], ['covid-19']),
      entry('alcohol', [['alcoolique', 'preferred']]),
      entry('wound-care', [['wound dressing', 'preferred']]),
    ]),
  );
  const clicked = (words: string, context: string) => other.lookup(words, { context, offset: context.indexOf(words) }).map((h) => h.id);

  it('is part of another compound ("sevrage alcoolique", "negative pressure wound therapy", "type 2")', () => {
    expect(clicked('sevrage alcoolique', 'Syndrome confusionnel sur sevrage alcoolique, hydratation.')).toEqual(['alcohol']);
    expect(clicked('Negative pressure', 'Negative pressure wound therapy applied to the laparotomy wound.')).toEqual([]);
    expect(clicked('respiratory failure', 'Overnight NIV for type 2 respiratory failure; now on 1 L oxygen.')).toEqual([]);
  });

  it('still names the entry where nothing, one of its own words, or a word the index does not know takes their place', () => {
    expect(clicked('Negative pressure', 'Negative pressure maintained in the side room.')).toEqual(['negative-pressure-room']);
    expect(clicked('sevrage', 'COVID-19 : échec du sevrage, réintubé à H48.')).toEqual(['ventilator-weaning']);
    expect(clicked('Negative pressure', 'Negative pressure, anteroom and door closed on arrival.')).toEqual(['negative-pressure-room']);
    expect(clicked('respiratory failure', 'Type 1 respiratory failure on admission.')).toContain('hypoxemia');
    expect(clicked('sevrage alcoolique', 'sevrage alcoolique')).toEqual(['alcohol']);
    expect(other.lookup('negative pressure')[0]?.id).toBe('negative-pressure-room'); // typed alone
  });
});

describe('a context-only word after a term of a related entry, in a spaced language', () => {
  const spaced = buildMatcher(
    assembleIndex([
      entry('omicron', [['Omicron', 'preferred'], ['BA.5', 'member']], ['reinfection']),
      entry('reinfection', [['reinfection', 'context']], ['omicron']),
    ]),
  );
  const ids = (text: string) => spaced.scan(text).map((h) => h.id);

  it('is a noun of its own where it ends the phrase ("Omicron BA.5 reinfection")', () => {
    expect(ids('Omicron BA.5 reinfection 6 months after the first episode.')).toEqual(['omicron', 'reinfection']);
    expect(ids('Probable Omicron reinfection.')).toEqual(['omicron', 'reinfection']);
  });

  it('modifies the word after it ("Omicron reinfection risk" is a risk)', () => {
    expect(ids('Omicron reinfection risk discussed.')).toEqual(['omicron']);
  });
});
