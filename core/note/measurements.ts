// Measurements in notes: SpO2, respiratory rate, temperature, BMI, age and gestational age as
// clinicians write them in English, French and Chinese ("SpO2 86% on RA", "sats 88%", "RR 32",
// "T 38.6", "BMI 36", "8 yo", "81 y/o", "G2P1 at 31 weeks", "31 SA", "孕31周", "体温38.5℃"). Each
// is then checked against the thresholds entries carry with their source (index/types.ts
// Threshold): a value that meets one names that entry; one that does not names nothing.
import type { Entry, Measure, Threshold } from '../index/types';
import { CJK, normalizeKey } from '../text/normalize';

export interface Measurement {
  measure: Measure;
  value: number;
  unit: string;
  /** UTF-16 offsets of the whole expression ("SpO2 86%"). */
  start: number;
  end: number;
  /** Offsets of the label word ("SpO2", "BMI"), where there is one. */
  labelStart: number;
  labelEnd: number;
}

/** A measurement that met an entry's threshold, as a hit carries it. */
export interface MeasuredValue {
  measure: Measure;
  value: number;
  unit: string;
  threshold: { op: Threshold['op']; value: number };
  /** Who sets the threshold: the cited source's publisher and date. */
  source: string;
}

const UNITS: Record<Measure, string> = {
  spo2: '%',
  'respiratory-rate': '/min',
  temperature: '°C',
  bmi: 'kg/m²',
  age: 'years',
  'gestational-age': 'weeks',
};

const NUMBER = String.raw`(\d{1,3}(?:[.,]\d{1,2})?)`;
// Each pattern: the label (group 1) then the value (group 2), or a value-only form with its own groups.
const PATTERNS: { measure: Measure; re: RegExp; label: number; value: number; unit?: number }[] = [
  {
    measure: 'spo2',
    re: new RegExp(String.raw`(SpO2|SpO₂|SaO2|O2 sats?|sats?|saturations?|saturating|oxygen saturation|Sp02|脉氧|指脉氧|血氧饱和度|血氧|饱和度)\s*(?:of|was|is|at|to|:|=|en|de|à|为)?\s*${NUMBER}\s*(%|％)`, 'giu'),
    label: 1,
    value: 2,
  },
  {
    measure: 'respiratory-rate',
    re: new RegExp(String.raw`(RR|resp(?:iratory)?\.? rate|respirations?|FR|fréquence respiratoire|呼吸频率|呼吸)\s*(?:of|was|is|at|:|=|de|à|为)?\s*${NUMBER}\s*(?:\/\s*min|breaths|bpm|c\/min|cycles|次\/分|次)?`, 'gu'),
    label: 1,
    value: 2,
  },
  {
    measure: 'temperature',
    re: new RegExp(String.raw`([Tt]emp(?:erature)?|TEMP|[Tt]empérature|T°|T(?=\s?\d)|体温)\s*(?:of|was|is|at|:|=|de|à|为)?\s*${NUMBER}\s*(°\s*[CF]|℃|℉|degrees?\s*[CF]?|C\b)?`, 'gu'),
    label: 1,
    value: 2,
    unit: 3,
  },
  {
    measure: 'bmi',
    re: new RegExp(String.raw`(BMI|IMC|体重指数)\s*(?:of|was|is|:|=|de|à|为)?\s*${NUMBER}`, 'gu'),
    label: 1,
    value: 2,
  },
];

// A cheap look first: most sentences carry no measurement, and a pattern whose cue is absent is not run.
const CUES: Record<Measure, RegExp> = {
  spo2: /[%％]/,
  'respiratory-rate': /RR|FR|resp|呼吸|fréquence/i,
  temperature: /temp|T°|T\s?\d|体温|℃|°/i,
  bmi: /BMI|IMC|体重指数/,
  age: /\d/,
  'gestational-age': /\d/,
};

const AGE_AFTER = /\s*-?\s*(?:yo|y\/o|y\.o\.|yrs?\s*old|years?[\s-]*old|year-old|yr-old|ans|岁|y(?=\s*[MF]\b))(?![\p{L}])/iuy;
const AGE_CUE = /yo\b|y\/o|y\.o\.|yrs?\b|years?[\s-]*old|year-old|\bans\b|岁|aged|âgée?|\d\s*y\s*[MF]\b/i;
const GESTATION_CUE = /weeks?|wks?|\/\s*40\b|GA|SA\b|孕/;

/** Every measurement written in `text`. */
export function findMeasurements(text: string): Measurement[] {
  const out: Measurement[] = [];
  if (!/\d/.test(text)) return out;
  for (const { measure, re, label, value, unit } of PATTERNS) {
    if (!CUES[measure].test(text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const labelText = m[label] ?? '';
      const raw = m[value];
      if (raw === undefined || !wordBoundaryBefore(text, m.index)) continue;
      // A lone "T" or "R" must be followed by a plausible value and stand as a word.
      let number = Number(raw.replace(',', '.'));
      let unitText = UNITS[measure];
      if (measure === 'temperature') {
        const u = (unit !== undefined ? m[unit] : '') ?? '';
        if (/F|℉/i.test(u)) number = Math.round(((number - 32) * 5 * 10) / 9) / 10;
        if (labelText === 'T' && !u && !/[.,]/.test(raw)) continue;
        if (number < 30 || number > 45) continue;
        unitText = '°C';
      }
      if (measure === 'spo2' && (number < 40 || number > 100)) continue;
      if (measure === 'respiratory-rate' && (number < 4 || number > 90 || /[.,]/.test(raw))) continue;
      if (measure === 'bmi' && (number < 10 || number > 90)) continue;
      const labelStart = m.index + m[0].indexOf(labelText);
      out.push({ measure, value: number, unit: unitText, start: m.index, end: m.index + m[0].trimEnd().length, labelStart, labelEnd: labelStart + labelText.length });
    }
  }
  // A saturation written after its value: "86% on room air", "88 % en air ambiant".
  const onAir = /(\d{2,3})\s*(%|％)\s*(?:on|en|sous|à l['’])\s*(?:RA|room air|air ambiant|AA|air)\b/giu;
  for (let m = onAir.exec(text); m; m = onAir.exec(text)) {
    const at = m.index;
    if (out.some((x) => x.measure === 'spo2' && x.start <= at && x.end >= at)) continue;
    const value = Number(m[1]);
    if (value >= 40 && value <= 100) out.push({ measure: 'spo2', value, unit: '%', start: m.index, end: m.index + m[0].trimEnd().length, labelStart: m.index, labelEnd: m.index });
  }
  // Age: "8 yo", "81 y/o", "6-year-old", "aged 81", "âgée de 81 ans", "81岁", "58 y M". Found from
  // each number, then the words after or before it (one quick pass instead of a pattern tried at
  // every character).
  if (AGE_CUE.test(text)) {
    const numbers = /\d{1,3}/g;
    for (let m = numbers.exec(text); m; m = numbers.exec(text)) {
      const at = m.index;
      if (at > 0 && /\d/.test(text[at - 1] ?? '')) continue;
      const value = Number(m[0]);
      const after = m.index + m[0].length;
      AGE_AFTER.lastIndex = after;
      const suffix = AGE_AFTER.exec(text);
      const before = /(?:\baged|\bâgée?\s+de)\s+$/i.exec(text.slice(Math.max(0, at - 14), at));
      if (value > 120 || (!suffix && !before)) continue;
      const start = before ? at - before[0].length : at;
      out.push({ measure: 'age', value, unit: 'years', start, end: suffix ? after + suffix[0].length : after, labelStart: start, labelEnd: start });
    }
  }
  if (!GESTATION_CUE.test(text)) return out.sort((a, b) => a.start - b.start);
  // Gestational age, only with a sign of pregnancy: "G2P1 at 31 weeks", "31 weeks' gestation",
  // "31 weeks pregnant", "31/40", "GA 31", "31 SA", "孕31周".
  const gestation = /(?:\bG\d+\s*P\d+[^.;\n]{0,12}?\b(\d{1,2})\s*(?:\+\d)?\s*(?:weeks?|wks?|w)\b)|(?:\b(\d{1,2})\s*(?:\+\d)?\s*(?:weeks?|wks?)['’]?\s*(?:of\s+)?(?:gestation|pregnant|pregnancy|GA)\b)|(?:\b(\d{1,2})\s*\/\s*40\b)|(?:\bGA\s*:?\s*(\d{1,2})\b)|(?:\b(\d{1,2})\s*(?:\+\d)?\s*SA\b)|(?:孕\s*(\d{1,2})\s*周)/gu;
  for (let m = gestation.exec(text); m; m = gestation.exec(text)) {
    const raw = m.slice(1).find((g) => g !== undefined);
    const value = Number(raw);
    if (value >= 1 && value <= 44) out.push({ measure: 'gestational-age', value, unit: 'weeks', start: m.index, end: m.index + m[0].trimEnd().length, labelStart: m.index, labelEnd: m.index });
  }
  return out.sort((a, b) => a.start - b.start);
}

function wordBoundaryBefore(text: string, at: number): boolean {
  return at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') || /[\p{Script=Han}]/u.test(text[at] ?? '');
}

/** Whether `value` meets `threshold`. */
export function meets(value: number, threshold: Pick<Threshold, 'op' | 'value'>): boolean {
  switch (threshold.op) {
    case '<':
      return value < threshold.value;
    case '<=':
      return value <= threshold.value;
    case '>':
      return value > threshold.value;
    case '>=':
      return value >= threshold.value;
  }
}

/** The entries whose thresholds a measurement meets, with what it met (the first threshold that does, per entry). */
export function entriesMet(measurement: Measurement, entries: readonly Entry[], text = ''): { entry: Entry; value: MeasuredValue }[] {
  const out: { entry: Entry; value: MeasuredValue }[] = [];
  let sentence: { raw: string; key: string } | undefined;
  for (const entry of entries) {
    for (const threshold of entry.thresholds ?? []) {
      if (threshold.measure !== measurement.measure || !meets(measurement.value, threshold)) continue;
      if (threshold.unless) {
        sentence ??= sentenceOf(text, measurement);
        // Another cause of the value named beside it: the value is that cause's, not this entry's.
        if (threshold.unless.some((cause) => namedIn(cause, sentence as { raw: string; key: string }))) break;
      }
      const source = entry.sources[threshold.source - 1];
      out.push({
        entry,
        value: {
          measure: measurement.measure,
          value: measurement.value,
          unit: measurement.unit,
          threshold: { op: threshold.op, value: threshold.value },
          source: source ? `${shortPublisher(source.publisher)} ${source.date.slice(0, 4)}` : '',
        },
      });
      break;
    }
  }
  return out;
}

/** Where a sentence ends: its punctuation (a full stop only before a space or the end: not "41.2"), or a line break. */
const SENTENCE_END = /[!?;\n。！？；]|\.(?=\s|$)/g;

/** The sentence of `text` around `measurement`, as written and as matching keys. */
function sentenceOf(text: string, measurement: Measurement): { raw: string; key: string } {
  let from = 0;
  let to = text.length;
  for (const end of text.matchAll(SENTENCE_END)) {
    if (end.index < measurement.start) from = end.index + 1;
    else if (end.index >= measurement.end) {
      to = end.index;
      break;
    }
  }
  const raw = text.slice(from, to);
  return { raw, key: ` ${normalizeKey(raw)} ` };
}

/** Whether `cause` is named in `sentence`: as whole words, or (Chinese, Japanese) as written. */
function namedIn(cause: string, sentence: { raw: string; key: string }): boolean {
  if (CJK.test(cause)) return sentence.raw.normalize('NFKC').includes(cause.normalize('NFKC'));
  const key = normalizeKey(cause);
  return key !== '' && sentence.key.includes(` ${key} `);
}

/** "World Health Organization; BMJ (Agarwal A et al.)" → "WHO". */
function shortPublisher(publisher: string): string {
  const first = publisher.split(/[;(,]/)[0]?.trim() ?? publisher;
  if (/world health organi[sz]ation/i.test(first)) return 'WHO';
  if (/national institutes of health/i.test(first)) return 'NIH';
  if (/national health commission/i.test(first)) return 'NHC China';
  return first.length > 40 ? `${first.slice(0, 37)}…` : first;
}

/** The entries whose thresholds are about `measure` (a term of theirs next to a value is read as that value). */
export function measuredBy(entry: Entry, measure: Measure): boolean {
  return (entry.thresholds ?? []).some((t) => t.measure === measure);
}
