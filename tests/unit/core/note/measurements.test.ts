// Measurements as notes write them, and the thresholds entries carry.
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../../core/index/types';
import { entriesMet, findMeasurements } from '../../../../core/note/measurements';

const values = (text: string) => findMeasurements(text).map((m) => `${m.measure}=${m.value}`);

describe('measurements in notes', () => {
  it('reads SpO2, respiratory rate, temperature, BMI, age and gestational age in English', () => {
    expect(values('SpO2 86% on room air')).toEqual(['spo2=86']);
    expect(values('sats 88%, RR 32, T 38.6')).toEqual(['spo2=88', 'respiratory-rate=32', 'temperature=38.6']);
    expect(values('88% on RA')).toEqual(['spo2=88']);
    expect(values('Temp 101.3 °F')).toEqual(['temperature=38.5']);
    expect(values('BMI 36, on metformin')).toEqual(['bmi=36']);
    expect(values('8 yo boy')).toEqual(['age=8']);
    expect(values('81 y/o man; a 6-year-old girl')).toEqual(['age=81', 'age=6']);
    expect(values('G2P1 at 31 weeks')).toEqual(['gestational-age=31']);
  });

  it('reads them in French and Chinese', () => {
    expect(values('Patiente de 72 ans, IMC 34, SpO2 à 89 %, FR 30/min')).toEqual(['age=72', 'bmi=34', 'spo2=89', 'respiratory-rate=30']);
    expect(values('Grossesse à 31 SA')).toEqual(['gestational-age=31']);
    expect(values('患者体温38.5℃，血氧饱和度88%，孕31周')).toEqual(['temperature=38.5', 'spo2=88', 'gestational-age=31']);
  });

  it('reads no measurement where there is none', () => {
    expect(values('Cough for 3 weeks, seen on day 5')).toEqual([]);
    expect(values('Bed 12, room 4')).toEqual([]);
    expect(values('T-cells normal; SpO2 monitoring continuous')).toEqual([]);
  });
});

describe('thresholds', () => {
  const entry = {
    id: 'hypoxemia',
    sources: [{ title: 'WHO', publisher: 'World Health Organization', date: '2023-08-18', url: 'https://example.org', section: 'severity' }],
    thresholds: [{ measure: 'spo2', op: '<', value: 90, source: 1 }],
  } as unknown as Entry;

  it('names the entry when a value meets its threshold, with the source', () => {
    const [spo2] = findMeasurements('SpO2 86%');
    expect(spo2 && entriesMet(spo2, [entry])[0]?.value).toEqual({ measure: 'spo2', value: 86, unit: '%', threshold: { op: '<', value: 90 }, source: 'WHO 2023' });
  });

  it('names nothing on the other side of the threshold', () => {
    const [spo2] = findMeasurements('SpO2 97%');
    expect(spo2 && entriesMet(spo2, [entry])).toEqual([]);
  });

  describe('another cause named in the sentence', () => {
    const fever = {
      id: 'fever',
      sources: entry.sources,
      thresholds: [{ measure: 'temperature', op: '>=', value: 38, source: 1, unless: ['heat stroke', 'coup de chaleur', '热射病'] }],
    } as unknown as Entry;
    const met = (text: string) => findMeasurements(text).flatMap((m) => entriesMet(m, [fever], text).map((e) => e.entry.id));

    it('takes the value for that cause, in its sentence only', () => {
      expect(met('Heat stroke with a core temperature of 41.2; active cooling')).toEqual([]);
      expect(met('Coup de chaleur, température 41,5 °C')).toEqual([]);
      expect(met('体温41℃，考虑热射病')).toEqual([]);
      expect(met('Temp 39.1 and cough. Heat stroke was ruled out last year.')).toEqual(['fever']);
      expect(met('T 38.9, productive cough')).toEqual(['fever']);
    });

    it('reads the cause as whole words, and a decimal point ends no sentence', () => {
      expect(met('Temp 39.4 after the heat stroked cat')).toEqual(['fever']);
      expect(met('CK 12.5 and T 40.1 in heat stroke')).toEqual([]);
    });
  });

  it('ends a measurement at its value or unit, not at the space after it', () => {
    const [temperature] = findMeasurements('Temp 39.1 and cough');
    expect(temperature && 'Temp 39.1 and cough'.slice(temperature.start, temperature.end)).toBe('Temp 39.1');
  });
});
