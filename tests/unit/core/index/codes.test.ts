import { describe, expect, it } from 'vitest';
import { checkCode, loincCheckDigit, verhoeffValid } from '../../../../core/index/codes';

describe('clinical code formats', () => {
  it('accepts real codes', () => {
    expect(checkCode('icd10', 'U07.1')).toBeUndefined();
    expect(checkCode('icd10cm', 'J12.82')).toBeUndefined();
    expect(checkCode('snomed', '840539006')).toBeUndefined(); // COVID-19 (disorder)
    expect(checkCode('loinc', '94500-6')).toBeUndefined(); // SARS-CoV-2 RNA panel
    expect(checkCode('atc', 'H02AB02')).toBeUndefined(); // dexamethasone
    expect(checkCode('atc', 'J05')).toBeUndefined();
    expect(checkCode('rxnorm', '3264')).toBeUndefined();
  });

  it('rejects malformed codes and wrong check digits with a message', () => {
    expect(checkCode('icd10', 'U071')).toMatch(/not an ICD-10 code/);
    expect(checkCode('snomed', '840539007')).toMatch(/check digit/);
    expect(checkCode('loinc', '94500-5')).toMatch(/check digit/);
    expect(checkCode('atc', 'H2AB02')).toMatch(/not an ATC code/);
    expect(checkCode('rxnorm', 'RX123')).toMatch(/RxNorm/);
  });

  it('computes check digits', () => {
    expect(loincCheckDigit('94500')).toBe(6);
    expect(verhoeffValid('2363')).toBe(true);
    expect(verhoeffValid('2364')).toBe(false);
  });
});
