// Formats of the clinical code systems an entry may carry, with their check digits, and the
// HL7 OIDs by which Infobutton requests name them.
import type { CodeSystem } from './types';

// Verhoeff tables (SNOMED CT identifiers end with a Verhoeff check digit).
const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

export function verhoeffValid(digits: string): boolean {
  let c = 0;
  const reversed = [...digits].reverse();
  for (let i = 0; i < reversed.length; i++) {
    const row = VERHOEFF_P[i % 8];
    const d = Number(reversed[i]);
    if (row === undefined || Number.isNaN(d)) return false;
    const p = row[d];
    const dRow = VERHOEFF_D[c];
    if (p === undefined || dRow === undefined) return false;
    c = dRow[p] ?? 0;
  }
  return c === 0;
}

/** LOINC's mod-10 check digit (the Luhn scheme) over the digits before the hyphen. */
export function loincCheckDigit(body: string): number {
  let sum = 0;
  const reversed = [...body].reverse();
  for (let i = 0; i < reversed.length; i++) {
    let d = Number(reversed[i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Returns a message when `code` is not a well-formed code of `system`, else undefined. */
export function checkCode(system: CodeSystem, code: string): string | undefined {
  switch (system) {
    case 'icd10':
      return /^[A-Z]\d{2}(\.\d{1,2})?$/.test(code) ? undefined : `"${code}" is not an ICD-10 code (e.g. U07.1)`;
    case 'icd10cm':
      return /^[A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/.test(code)
        ? undefined
        : `"${code}" is not an ICD-10-CM code (e.g. J12.82)`;
    case 'snomed':
      if (!/^[1-9]\d{5,17}$/.test(code)) return `"${code}" is not a SNOMED CT identifier (6-18 digits)`;
      return verhoeffValid(code) ? undefined : `"${code}" fails the SNOMED CT check digit`;
    case 'loinc': {
      const m = /^(\d{1,7})-(\d)$/.exec(code);
      if (!m?.[1] || !m[2]) return `"${code}" is not a LOINC code (e.g. 94500-6)`;
      return loincCheckDigit(m[1]) === Number(m[2]) ? undefined : `"${code}" fails the LOINC check digit`;
    }
    case 'atc':
      return /^[A-Z](\d{2}([A-Z]([A-Z](\d{2})?)?)?)?$/.test(code)
        ? undefined
        : `"${code}" is not an ATC code (e.g. H02AB02)`;
    case 'rxnorm':
      return /^\d{1,9}$/.test(code) ? undefined : `"${code}" is not an RxNorm concept id (digits)`;
  }
}

/** HL7 OIDs of the code systems (Infobutton `mainSearchCriteria.v.cs`). */
export const CODE_SYSTEM_OIDS: Record<CodeSystem, string> = {
  icd10: '2.16.840.1.113883.6.3',
  icd10cm: '2.16.840.1.113883.6.90',
  snomed: '2.16.840.1.113883.6.96',
  loinc: '2.16.840.1.113883.6.1',
  rxnorm: '2.16.840.1.113883.6.88',
  atc: '2.16.840.1.113883.6.73',
};
