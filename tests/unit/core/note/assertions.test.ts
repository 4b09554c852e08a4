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
