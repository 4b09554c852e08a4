// A test per trigger category and language: negated, possible, historical, hypothetical, someone
// else's; pseudo-triggers that assert nothing; scopes that end at clause ends and termination words.
import { describe, expect, it } from 'vitest';
import { assertSpans } from '../../../../core/note/assertions';
import { tokenize } from '../../../../core/text/normalize';

/** The assertion of `finding` (its first occurrence) in `text`. */
function of(text: string, finding: string): string {
  const start = text.indexOf(finding);
  if (start < 0) throw new Error(`${finding} not in ${text}`);
  return assertSpans(text, tokenize(text), [{ start, end: start + finding.length }])[0] ?? 'present';
}

describe('negated', () => {
  it('reads negation before and after a finding, through a list', () => {
    expect(of('Denies fever, cough or loss of smell.', 'loss of smell')).toBe('negated');
    expect(of('No evidence of pulmonary embolism on CT.', 'pulmonary embolism')).toBe('negated');
    expect(of('Pulmonary embolism ruled out.', 'Pulmonary embolism')).toBe('negated');
    expect(of('Fever: none.', 'Fever')).toBe('negated');
    expect(of('Pas de fièvre ni de toux.', 'toux')).toBe('negated');
    expect(of('Embolie pulmonaire éliminée au scanner.', 'Embolie pulmonaire')).toBe('negated');
    expect(of('患者无发热、咳嗽。', '咳嗽')).toBe('negated');
    expect(of('否认胸痛。', '胸痛')).toBe('negated');
  });

  it('reads a negated participle forward where it opens its clause, backward after a finding', () => {
    expect(of('Not started on dexamethasone.', 'dexamethasone')).toBe('negated');
    expect(of('Not given remdesivir, outside the window.', 'remdesivir')).toBe('negated');
    expect(of('Dexamethasone not started.', 'Dexamethasone')).toBe('negated');
    expect(of('PCR not sent, dexamethasone started.', 'dexamethasone')).toBe('present');
  });
});

describe('possible', () => {
  it('reads uncertainty', () => {
    expect(of('Possible early ARDS; repeat blood gas.', 'ARDS')).toBe('possible');
    expect(of('Rule out myocarditis: troponin sent.', 'myocarditis')).toBe('possible');
    expect(of('?PE - D-dimer raised.', 'PE')).toBe('possible');
    expect(of('ARDS likely.', 'ARDS')).toBe('possible');
    expect(of("Suspicion d'embolie pulmonaire.", 'embolie pulmonaire')).toBe('possible');
    expect(of('Sepsis non exclu.', 'Sepsis')).toBe('possible');
    expect(of('疑似心肌炎。', '心肌炎')).toBe('possible');
  });
});

describe('historical', () => {
  it('reads history and past dates', () => {
    expect(of('History of tuberculosis, treated in 2015.', 'tuberculosis')).toBe('historical');
    expect(of('Chest CT in 2019 showed ground-glass opacities.', 'ground-glass opacities')).toBe('historical');
    expect(of('Antécédent de tuberculose.', 'tuberculose')).toBe('historical');
    expect(of('既往高血压病史。', '高血压')).toBe('historical');
  });
});

describe('hypothetical', () => {
  it('reads conditions and their consequences', () => {
    expect(of('If SpO2 falls below 92%, start HFNC.', 'HFNC')).toBe('hypothetical');
    expect(of('Return if fever or shortness of breath.', 'shortness of breath')).toBe('hypothetical');
    expect(of('Take paracetamol if febrile.', 'paracetamol')).toBe('hypothetical');
    expect(of("Oxygène à haut débit en cas d'aggravation.", 'Oxygène à haut débit')).toBe('hypothetical');
    expect(of('若血氧饱和度低于93%，给予经鼻高流量氧疗。', '经鼻高流量氧疗')).toBe('hypothetical');
  });
});

describe('other', () => {
  it("reads someone else's findings, but not a relative who only reports the patient's", () => {
    expect(of('Mother has type 2 diabetes.', 'diabetes')).toBe('other');
    expect(of('Her husband tested positive for COVID-19.', 'COVID-19')).toBe('other');
    expect(of('Family history: diabetes.', 'diabetes')).toBe('other');
    expect(of('Sa mère est diabétique.', 'diabétique')).toBe('other');
    expect(of('丈夫新冠阳性。', '新冠')).toBe('other');
    expect(of('His wife reports he has been short of breath at night.', 'short of breath')).toBe('present');
  });
});

describe('pseudo-triggers and scope ends', () => {
  it('does not let a pseudo-trigger assert anything', () => {
    expect(of('No increase in dyspnoea since yesterday.', 'dyspnoea')).toBe('present');
    expect(of('Gram-negative sepsis on cultures.', 'sepsis')).toBe('present');
    expect(of('Started non-invasive ventilation for hypoxaemia.', 'hypoxaemia')).toBe('present');
    expect(of('Without delay, commence dexamethasone.', 'dexamethasone')).toBe('present');
    expect(of('无明显诱因出现发热。', '发热')).toBe('present');
  });

  it('ends a scope at a termination word and at a clause end', () => {
    expect(of('No fever, but has a dry cough.', 'cough')).toBe('present');
    expect(of('Fever and cough for 3 days; no shortness of breath.', 'cough')).toBe('present');
    expect(of('Pas de fièvre mais une toux sèche.', 'toux')).toBe('present');
    expect(of('无发热，但有咳嗽。', '咳嗽')).toBe('present');
    expect(of('Possible pneumonia, blood cultures sent.', 'blood cultures')).toBe('present');
  });
});

describe('answers to headings, lists and question marks', () => {
  it('reads a negation that answers a heading backwards, and only then', () => {
    expect(of('Cough: no.', 'Cough')).toBe('negated');
    expect(of('Fever: denies', 'Fever')).toBe('negated');
    // The negation opens a new statement after the colon: the heading is not negated.
    expect(of('Cough: no fever today.', 'Cough')).toBe('present');
    expect(of('Cough, no fever.', 'Cough')).toBe('present');
  });

  it('carries any trigger through a Chinese enumeration comma, not through a clause comma', () => {
    expect(of('同事发热、咳嗽。', '咳嗽')).toBe('other');
    expect(of('疑似肺炎、心肌炎。', '心肌炎')).toBe('possible');
    expect(of('Possible pneumonia, blood cultures sent.', 'blood cultures')).toBe('present');
  });

  it('asks about the word a question mark follows, spaced or not', () => {
    expect(of('Myocardite ? Troponine en cours.', 'Myocardite')).toBe('possible');
    expect(of('Myocardite ? Troponine en cours.', 'Troponine')).toBe('present');
    expect(of('Plan: ? PE, CTPA booked.', 'PE')).toBe('possible');
  });
});

describe('more triggers', () => {
  it('reads a past stay after the finding, and uncertainty in what a test suggests', () => {
    expect(of('Delirium during a previous ICU stay.', 'Delirium')).toBe('historical');
    expect(of('Confusion lors d une précédente hospitalisation.', 'Confusion')).toBe('historical');
    expect(of('Leg swelling suggests a new DVT.', 'DVT')).toBe('possible');
    expect(of('Unclear whether this is myocarditis.', 'myocarditis')).toBe('possible');
    expect(of('Le scanner évoque une embolie pulmonaire.', 'embolie pulmonaire')).toBe('possible');
    // In a Chinese report 提示 ("shows") states a finding.
    expect(of('胸部CT提示磨玻璃影。', '磨玻璃影')).toBe('present');
  });
});

describe('negation worded as a verb, a contraction or "free of"', () => {
  it('reads contractions, nil, no longer and what the patient is free of', () => {
    expect(of("Patient isn't pregnant.", 'pregnant')).toBe('negated');
    expect(of("She doesn't have a cough.", 'cough')).toBe('negated');
    expect(of('Nil cough, nil sputum.', 'cough')).toBe('negated');
    expect(of('No longer febrile.', 'febrile')).toBe('negated');
    expect(of("La patiente n'est pas enceinte.", 'enceinte')).toBe('negated');
    expect(of('Indemne de toute embolie pulmonaire.', 'embolie pulmonaire')).toBe('negated');
    expect(of('并无发热。', '发热')).toBe('negated');
    expect(of('无需吸氧。', '吸氧')).toBe('negated');
  });

  it('ends a negated list where the patient reports or has something', () => {
    expect(of('No fever, reports a dry cough.', 'cough')).toBe('present');
    expect(of('Denies fever, complains of cough.', 'cough')).toBe('present');
    expect(of('Pas de fièvre, présente une toux sèche.', 'toux')).toBe('present');
    expect(of('Denies fever, cough or myalgia.', 'myalgia')).toBe('negated');
  });
});

describe('doubt worded with a negation', () => {
  it('reads "not sure whether", "pas exclue", 不排除 and 无法除外 as possible, not negated', () => {
    expect(of('Not certain if this is early myocarditis.', 'myocarditis')).toBe('possible');
    expect(of('Not sure whether this is pneumonia.', 'pneumonia')).toBe('possible');
    expect(of('PE has not been ruled out.', 'PE')).toBe('possible');
    expect(of('Embolie pulmonaire pas exclue.', 'Embolie pulmonaire')).toBe('possible');
    expect(of('On ne peut pas exclure une myocardite.', 'myocardite')).toBe('possible');
    expect(of('不排除肺栓塞。', '肺栓塞')).toBe('possible');
    expect(of('不能排除心肌炎。', '心肌炎')).toBe('possible');
    expect(of('无法除外肺栓塞。', '肺栓塞')).toBe('possible');
    expect(of('肺栓塞待除外。', '肺栓塞')).toBe('possible');
  });

  it('doubts what is said of a finding that is the subject of the doubtful clause, not the finding', () => {
    expect(of('Not certain if the chest pain is pleuritic.', 'chest pain')).toBe('present');
    expect(of('Unclear whether the cough is due to COVID-19.', 'cough')).toBe('present');
    expect(of('Unclear whether pneumonia is present.', 'pneumonia')).toBe('possible');
  });
});

describe('possible: adverbs and French adjectives that open a clause', () => {
  it('reads maybe and perhaps, and a French "probable" before its noun only where it opens the clause', () => {
    expect(of('Maybe early ARDS.', 'ARDS')).toBe('possible');
    expect(of('Perhaps viral pneumonia.', 'viral pneumonia')).toBe('possible');
    expect(of('Probable pneumonie à COVID-19.', 'pneumonie à COVID-19')).toBe('possible');
    expect(of('Une possible myocardite.', 'myocardite')).toBe('possible');
    expect(of('Sans doute une pneumonie virale.', 'pneumonie virale')).toBe('possible');
    expect(of('Pneumonie probable, toux productive.', 'toux productive')).toBe('present');
    expect(of('疑肺栓塞。', '肺栓塞')).toBe('possible');
  });
});

describe('history: headings, time past and old findings', () => {
  it('reads a history heading through its list, and not a clinical history', () => {
    expect(of('PMH: hypertension, diabetes, asthma.', 'diabetes')).toBe('historical');
    expect(of('Past history: tuberculosis, hypertension.', 'hypertension')).toBe('historical');
    expect(of('Antécédents : hypertension artérielle, diabète.', 'diabète')).toBe('historical');
    expect(of('既往史：高血压、糖尿病。', '糖尿病')).toBe('historical');
    expect(of('Clinical history: sore throat since Tuesday.', 'sore throat')).toBe('present');
  });

  it('reads time long past, old findings and their sequelae, and ends at what the patient has now', () => {
    expect(of('Stroke 5 years ago.', 'Stroke')).toBe('historical');
    expect(of('Treated for pneumonia last month.', 'pneumonia')).toBe('historical');
    expect(of('Old stroke on CT.', 'stroke')).toBe('historical');
    expect(of('Recovered from COVID-19 in March.', 'COVID-19')).toBe('historical');
    expect(of('Séquelles de tuberculose.', 'tuberculose')).toBe('historical');
    expect(of('三年前脑卒中。', '脑卒中')).toBe('historical');
    expect(of('陈旧性脑卒中。', '脑卒中')).toBe('historical');
    expect(of('Old stroke, now presents with cough.', 'cough')).toBe('present');
    expect(of('8 year old boy with fever.', 'fever')).toBe('present');
  });
});

describe('hypothetical: as needed, inverted conditions, when', () => {
  it('reads PRN, an inverted condition both ways, lorsque and 假如 / 以防 / 注意有无', () => {
    expect(of('Paracetamol PRN for fever.', 'fever')).toBe('hypothetical');
    expect(of('Paracetamol as needed for fever.', 'fever')).toBe('hypothetical');
    expect(of('Should he deteriorate, start HFNC.', 'HFNC')).toBe('hypothetical');
    expect(of('Start HFNC should his saturation fall.', 'HFNC')).toBe('hypothetical');
    expect(of('Lorsque la fièvre apparaît, prendre du paracétamol.', 'fièvre')).toBe('hypothetical');
    expect(of('Paracétamol au besoin si fièvre.', 'fièvre')).toBe('hypothetical');
    expect(of('假如出现发热，及时就诊。', '发热')).toBe('hypothetical');
    expect(of('以防肺栓塞。', '肺栓塞')).toBe('hypothetical');
    // 有无 asks whether: no negation in it.
    expect(of('注意有无呼吸困难。', '呼吸困难')).toBe('hypothetical');
  });
});

describe("other: more relatives and contacts, through a list, until the patient is named again", () => {
  it('reads relatives, carers and exposures in each language', () => {
    expect(of('Her grandson has fever.', 'fever')).toBe('other');
    expect(of('Caregiver tested positive for COVID-19.', 'COVID-19')).toBe('other');
    expect(of('Sick contact with COVID-19 at work.', 'COVID-19')).toBe('other');
    expect(of('Son époux a la COVID-19.', 'COVID-19')).toBe('other');
    expect(of('Ses enfants ont de la fièvre.', 'fièvre')).toBe('other');
    expect(of('爱人发热三天。', '发热')).toBe('other');
    expect(of('其子新冠阳性。', '新冠')).toBe('other');
    expect(of('Mother has diabetes, hypertension.', 'hypertension')).toBe('other');
    expect(of('Wife has COVID-19, patient has a cough.', 'cough')).toBe('present');
  });

  it('keeps a relative who noticed or relayed the finding an informant', () => {
    expect(of('Wife noticed he was confused.', 'confused')).toBe('present');
    expect(of('Sa femme a remarqué une confusion.', 'confusion')).toBe('present');
    expect(of('家属反映患者乏力。', '乏力')).toBe('present');
    expect(of('儿子发热两天。', '发热')).toBe('other');
  });
});

describe('more pseudo-triggers and a spaced dash', () => {
  it('does not assert with ages, "no worsening", "pas d aggravation", 无创 or 无效', () => {
    expect(of('60-year-old with fever.', 'fever')).toBe('present');
    expect(of('No worsening of dyspnoea overnight.', 'dyspnoea')).toBe('present');
    expect(of("Pas d'aggravation de la dyspnée.", 'dyspnée')).toBe('present');
    expect(of('给予无创呼吸机辅助通气，发热。', '发热')).toBe('present');
    expect(of('氧疗无效，呼吸困难加重。', '呼吸困难')).toBe('present');
  });

  it('reads a spaced dash as a colon: it ends a statement and takes an answer', () => {
    expect(of('Possible ARDS - start dexamethasone.', 'dexamethasone')).toBe('present');
    expect(of('Possible ARDS – start dexamethasone.', 'dexamethasone')).toBe('present');
    expect(of('Dyspnoea - absent.', 'Dyspnoea')).toBe('negated');
    expect(of('D-dimer raised, no PE.', 'D-dimer')).toBe('present');
  });
});

describe('resolved findings, provisional diagnoses, prevention and relatives by a noun', () => {
  it('reads a finding that settled, subsided or cleared as negated', () => {
    expect(of('Fever settled after 48 hours.', 'Fever')).toBe('negated');
    expect(of('Fièvre amendée sous paracétamol.', 'Fièvre')).toBe('negated');
    expect(of('胸痛已缓解。', '胸痛')).toBe('negated');
    // 未缓解: not relieved, still there.
    expect(of('胸痛未缓解。', '胸痛')).toBe('present');
  });

  it('reads a working diagnosis, what is sent to confirm, à évoquer and 疑诊 as possible', () => {
    expect(of('Working diagnosis: COVID-19 pneumonia.', 'COVID-19 pneumonia')).toBe('possible');
    expect(of('Swab sent to confirm COVID-19.', 'COVID-19')).toBe('possible');
    expect(of('Diagnostic différentiel : grippe, dengue.', 'dengue')).toBe('possible');
    expect(of('Myocardite à évoquer.', 'Myocardite')).toBe('possible');
    expect(of('疑诊肺栓塞。', '肺栓塞')).toBe('possible');
  });

  it('reads prevention and watching out as hypothetical, and a history up to what is still there', () => {
    expect(of('Prevention of VTE with enoxaparin.', 'VTE')).toBe('hypothetical');
    expect(of('Watch out for signs of sepsis.', 'sepsis')).toBe('hypothetical');
    expect(of('Hospitalised last month with pneumonia.', 'pneumonia')).toBe('historical');
    expect(of("Hospitalisé l'an dernier pour une pneumonie.", 'pneumonie')).toBe('historical');
    expect(of('Admitted last month with a GI bleed, and still short of breath on stairs.', 'short of breath')).toBe('present');
  });

  it('reads a relative as a noun, not the adjective', () => {
    expect(of('A relative with COVID-19 visited.', 'COVID-19')).toBe('other');
    expect(of('Relative lymphopenia on FBC.', 'lymphopenia')).toBe('present');
    expect(of('患者之子发热。', '发热')).toBe('other');
  });
});

describe("a negated family history is negated, not someone else's", () => {
  it('reads "no family history of", "pas d antécédent familial de" and 无 / 否认 … 家族史 as negated in each language', () => {
    expect(of('No family history of diabetes.', 'diabetes')).toBe('negated');
    expect(of("Pas d'antécédent familial de diabète.", 'diabète')).toBe('negated');
    expect(of('无糖尿病家族史。', '糖尿病')).toBe('negated');
    expect(of('否认高血压家族史。', '高血压')).toBe('negated');
    // Without a negation the family's finding is still someone else's.
    expect(of('Family history of diabetes.', 'diabetes')).toBe('other');
    expect(of('高血压家族史。', '高血压')).toBe('other');
  });
});

describe('a negation after its finding stops at the comma before it', () => {
  it('keeps what precedes the comma present, unless the comma lists findings joined by and / et', () => {
    expect(of('CRP normal, sepsis ruled out.', 'CRP')).toBe('present');
    expect(of('CRP normal, sepsis ruled out.', 'sepsis')).toBe('negated');
    expect(of('CRP normale, sepsis écarté.', 'CRP')).toBe('present');
    expect(of('肌钙蛋白正常，心肌炎已排除。', '肌钙蛋白')).toBe('present');
    expect(of('Fever, cough and myalgia resolved.', 'Fever')).toBe('negated');
    expect(of('Fièvre, toux et myalgies disparues.', 'Fièvre')).toBe('negated');
  });
});

/** The assertions of several findings of `text` asked together, as a scan asks them. */
function ofEach(text: string, findings: string[]): string[] {
  const spans = findings.map((f) => ({ start: text.indexOf(f), end: text.indexOf(f) + f.length }));
  return assertSpans(text, tokenize(text), spans);
}

describe('a negation does not reach the test that showed the absence', () => {
  it('leaves out the phrase of on / in / au / sur / 在…上 after a finding, up to the next comma', () => {
    expect(ofEach('No pneumothorax on chest X-ray.', ['pneumothorax', 'chest X-ray'])).toEqual(['negated', 'present']);
    expect(ofEach('PE not seen in the CT chest.', ['PE', 'CT chest'])).toEqual(['negated', 'present']);
    expect(ofEach("Pas d'embolie pulmonaire sur le scanner thoracique.", ['embolie pulmonaire', 'scanner thoracique'])).toEqual(['negated', 'present']);
    expect(ofEach('未在胸部CT上发现肺栓塞。', ['胸部CT', '肺栓塞'])).toEqual(['present', 'negated']);
    // The list goes on after the comma; a source word before any finding is no source ("recours à").
    expect(ofEach('Denies chest pain on exertion, cough or fever.', ['chest pain', 'fever'])).toEqual(['negated', 'negated']);
    expect(of("Pas de recours à l'intubation.", 'intubation')).toBe('negated');
    expect(of('Not in respiratory distress.', 'respiratory distress')).toBe('negated');
  });

  it('ends that phrase at "or" / "and" before another of the patient findings, not before another test', () => {
    const each = (text: string, findings: [string, boolean][]) =>
      assertSpans(
        text,
        tokenize(text),
        findings.map(([f, examination]) => ({ start: text.indexOf(f), end: text.indexOf(f) + f.length, examination })),
      );
    expect(each('Denies chest pain on exertion or dyspnoea.', [['chest pain', false], ['dyspnoea', false]])).toEqual(['negated', 'negated']);
    expect(each('No pneumothorax on CXR or chest CT.', [['pneumothorax', false], ['CXR', true], ['chest CT', true]])).toEqual(['negated', 'present', 'present']);
  });
});

describe('a condition inverted with a noun', () => {
  it('reads "should" both ways before a noun phrase (a finding, a plural, an abbreviation), forward only before a verb', () => {
    expect(of('Start HFNC should saturations fall.', 'HFNC')).toBe('hypothetical');
    expect(of('Repeat chest CT should CRP rise.', 'chest CT')).toBe('hypothetical');
    expect(ofEach('Add antibiotics should fever recur.', ['antibiotics', 'fever'])).toEqual(['hypothetical', 'hypothetical']);
    expect(ofEach('Dexamethasone should be continued, as should HFNC.', ['Dexamethasone'])).toEqual(['present']);
  });
});
