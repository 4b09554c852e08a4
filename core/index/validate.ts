// The editorial rules of an index, beyond its schema: every problem as `file: field: message`.
import { checkCode } from './codes';
import { DATE_PATTERN, entrySchemaProblems, ID_PATTERN } from './schema';
import type { Entry } from './types';
import { normalizeKey } from '../text/normalize';
import { CJK_ALL } from '../text/normalize';

export interface Problem {
  file: string;
  field: string;
  message: string;
}

/** The languages of the cards: each entry has a title and a summary in every one. */
export const CARD_LANGUAGES = ['en', 'fr', 'zh', 'pt', 'ar'] as const;
/** Languages whose key points the default guidance gives, one per English key point. */
export const KEY_POINT_LANGUAGES = ['fr', 'zh'] as const;
/** Languages every entry has terms in (a Portuguese or Arabic term is added where clinicians use one). */
export const TERM_LANGUAGES = ['en', 'fr', 'zh'] as const;

export interface ValidateOptions {
  /** Languages that need a title and a summary (default en, fr, zh; the default guidance promises CARD_LANGUAGES). */
  languages?: readonly string[];
  /** Languages that need one key point per English key point (default none; the default guidance promises KEY_POINT_LANGUAGES). */
  keyPointLanguages?: readonly string[];
  /** Languages that need at least one term (default TERM_LANGUAGES). */
  termLanguages?: readonly string[];
  /** Ids that must be present (the concepts the content promises to cover). */
  requiredIds?: readonly string[];
  /** Where an entry came from, for messages (default `entries[i]`). */
  fileOf?: (entry: Entry, index: number) => string;
  /** Today, `YYYY-MM-DD`: review dates may not lie after it. */
  today?: string;
}

export const SUMMARY_MAX_WORDS = 60;
export const KEY_POINT_MAX_WORDS = 40;
export const KEY_POINTS_MIN = 3;
export const KEY_POINTS_MAX = 6;
const CJK_CHARS_PER_WORD = 2.5;

/** Words in a text; CJK text counts characters / 2.5 (so 60 words ≈ 150 characters). */
export function wordCount(text: string): number {
  const cjk = (text.match(CJK_ALL) ?? []).length;
  const words = text.replace(CJK_ALL, ' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return words + cjk / CJK_CHARS_PER_WORD;
}

export function validateEntries(entries: readonly Entry[], options: ValidateOptions = {}): Problem[] {
  const languages = options.languages ?? ['en', 'fr', 'zh'];
  const keyPointLanguages = options.keyPointLanguages ?? [];
  const termLanguages = options.termLanguages ?? TERM_LANGUAGES;
  const fileOf = options.fileOf ?? ((_: Entry, i: number) => `entries[${i}]`);
  const problems: Problem[] = [];
  const ids = new Map<string, number>();
  entries.forEach((entry, i) => {
    const previous = ids.get(entry.id);
    if (previous !== undefined) {
      const other = entries[previous];
      problems.push({ file: fileOf(entry, i), field: 'id', message: `"${entry.id}" is also the id of ${other ? fileOf(other, previous) : 'another entry'}` });
    } else ids.set(entry.id, i);
  });

  // term key → where it is used, to report duplicates and conflicts between entries
  const termOwners = new Map<string, { entry: number; kind: string; text: string }[]>();

  entries.forEach((entry, i) => {
    const file = fileOf(entry, i);
    const add = (field: string, message: string) => problems.push({ file, field, message });
    // What the loader would refuse (lengths, formats) is a problem here too.
    for (const p of entrySchemaProblems(entry)) if (!/^(id|reviewed|sources\[\d+\]\.(url|date|title|publisher|section))$/.test(p.field)) add(p.field, p.message);
    if (!ID_PATTERN.test(entry.id)) add('id', `"${entry.id}" must be a lowercase slug`);
    if (!DATE_PATTERN.test(entry.reviewed) || entry.reviewed.length !== 10) add('reviewed', 'missing or not a date YYYY-MM-DD');
    else if (options.today && entry.reviewed > options.today) add('reviewed', `${entry.reviewed} lies in the future`);

    for (const lang of languages) {
      if (!entry.title[lang]?.trim()) add(`title.${lang}`, 'missing');
      if (!entry.summary[lang]?.trim()) add(`summary.${lang}`, 'missing');
    }
    for (const [lang, summary] of Object.entries(entry.summary)) {
      const words = wordCount(summary);
      if (words > SUMMARY_MAX_WORDS) add(`summary.${lang}`, `${Math.ceil(words)} words; at most ${SUMMARY_MAX_WORDS} (150 characters in Chinese)`);
    }
    const english = entry.keyPoints.en ?? [];
    if (english.length < KEY_POINTS_MIN || english.length > KEY_POINTS_MAX)
      add('keyPoints.en', `${english.length} key points; write ${KEY_POINTS_MIN} to ${KEY_POINTS_MAX}`);
    for (const lang of keyPointLanguages) {
      const translated = entry.keyPoints[lang] ?? [];
      if (translated.length !== english.length)
        add(`keyPoints.${lang}`, `${translated.length} key points; the English has ${english.length} (translate each, in the same order)`);
    }
    for (const [lang, points] of Object.entries(entry.keyPoints)) {
      if (points.length > KEY_POINTS_MAX) add(`keyPoints.${lang}`, `${points.length} key points; at most ${KEY_POINTS_MAX}`);
      points.forEach((point, k) => {
        const words = wordCount(point);
        if (words > KEY_POINT_MAX_WORDS) add(`keyPoints.${lang}[${k}]`, `${Math.ceil(words)} words; at most ${KEY_POINT_MAX_WORDS}`);
        if (!point.trim()) add(`keyPoints.${lang}[${k}]`, 'empty');
      });
    }

    if (!entry.terms.some((t) => t.lang === 'en' && t.kind === 'preferred')) add('terms.en.preferred', 'missing');
    for (const lang of termLanguages) if (!entry.terms.some((t) => t.lang === lang)) add(`terms.${lang}`, 'no term in this language');
    const own = new Set<string>();
    for (const term of entry.terms) {
      const key = normalizeKey(term.text);
      if (!key) {
        add(`terms.${term.lang}.${term.kind}`, `"${term.text}" has no letters or digits`);
        continue;
      }
      const ownKey = `${key}|${term.caseSensitive ? term.text : ''}`;
      if (own.has(`${term.lang}|${ownKey}`)) add(`terms.${term.lang}.${term.kind}`, `"${term.text}" is listed twice (after normalisation)`);
      own.add(`${term.lang}|${ownKey}`);
      const owners = termOwners.get(ownKey) ?? [];
      if (!owners.some((o) => o.entry === i)) owners.push({ entry: i, kind: term.kind, text: term.text });
      termOwners.set(ownKey, owners);
    }

    (entry.exclusions ?? []).forEach((exclusion, k) => {
      const key = normalizeKey(exclusion.text);
      const field = `not.${exclusion.lang}[${k}]`;
      if (!key) add(field, `"${exclusion.text}" has no letters or digits`);
      else if (entry.terms.some((t) => normalizeKey(t.text) === key)) add(field, `"${exclusion.text}" is also a term of this entry`);
      // An exclusion only stops a term: it must hold one as a run of words ("hay fever" holds "fever").
      else if (!entry.terms.some((t) => normalizeKey(t.text) !== '' && ` ${key} `.includes(` ${normalizeKey(t.text)} `)))
        add(field, `"${exclusion.text}" holds none of this entry's terms, so it excludes nothing`);
    });

    entry.codes.forEach((code, k) => {
      const message = checkCode(code.system, code.code);
      if (message) add(`codes.${code.system}[${k}]`, message);
    });
    entry.related.forEach((id, k) => {
      if (id === entry.id) add(`related[${k}]`, 'an entry cannot be related to itself');
      else if (!ids.has(id)) add(`related[${k}]`, `unknown entry id "${id}"`);
    });
    if (entry.sources.length === 0) add('sources', 'at least one source is required');
    entry.sources.forEach((source, k) => {
      if (!source.title?.trim()) add(`sources[${k}].title`, 'missing');
      if (!source.publisher?.trim()) add(`sources[${k}].publisher`, 'missing');
      if (!source.section?.trim()) add(`sources[${k}].section`, 'missing');
      else if (source.section.length > 400) add(`sources[${k}].section`, `${source.section.length} characters; at most 400`);
      if ((source.title?.length ?? 0) > 400) add(`sources[${k}].title`, `${source.title.length} characters; at most 400`);
      if (!source.date || !DATE_PATTERN.test(source.date)) add(`sources[${k}].date`, 'missing or not a date YYYY-MM-DD or YYYY-MM');
      if (!source.url) add(`sources[${k}].url`, 'missing');
      else if (!/^https?:\/\/[^\s/]+\.[^\s]+$/.test(source.url)) add(`sources[${k}].url`, `"${source.url}" is not an http(s) URL`);
    });
  });

  for (const owners of termOwners.values()) {
    if (owners.length < 2) continue;
    // The same abbreviation for several entries is real ambiguity ("PE"): the matcher ranks the senses.
    if (owners.every((o) => o.kind === 'abbreviation')) continue;
    const [first, ...rest] = owners;
    if (!first) continue;
    const firstEntry = entries[first.entry];
    for (const other of rest) {
      const entry = entries[other.entry];
      if (!entry || !firstEntry) continue;
      problems.push({
        file: fileOf(entry, other.entry),
        field: `terms`,
        message: `"${other.text}" (${other.kind}) also names "${firstEntry.id}" (${first.kind}); a term names one entry (abbreviations excepted)`,
      });
    }
  }

  for (const id of options.requiredIds ?? []) {
    if (!ids.has(id)) problems.push({ file: '(index)', field: 'entries', message: `required concept "${id}" has no entry` });
  }
  return problems;
}

/** Per language: how many entries have a title, a summary, key points and terms in it, and how many a clinician reading it has checked. */
export interface LanguageCoverage {
  lang: string;
  titles: number;
  summaries: number;
  keyPoints: number;
  terms: number;
  reviewed: number;
}

export function languageCoverage(entries: readonly Entry[], languages: readonly string[] = CARD_LANGUAGES): LanguageCoverage[] {
  return languages.map((lang) => ({
    lang,
    titles: entries.filter((e) => e.title[lang]?.trim()).length,
    summaries: entries.filter((e) => e.summary[lang]?.trim()).length,
    keyPoints: entries.filter((e) => (e.keyPoints[lang] ?? []).length > 0).length,
    terms: entries.filter((e) => e.terms.some((t) => t.lang === lang)).length,
    // English is the source text, checked by the entry's editorial review.
    reviewed: lang === 'en' ? entries.filter((e) => e.reviewed).length : entries.filter((e) => e.translationReviews?.[lang]).length,
  }));
}

/** The coverage table `mx-lookup validate` prints. */
export function formatCoverage(entries: readonly Entry[]): string {
  const rows = languageCoverage(entries);
  const n = entries.length;
  const lines = rows.map((r) => `  ${r.lang.padEnd(4)} ${`${r.titles}/${n}`.padStart(9)} ${`${r.summaries}/${n}`.padStart(9)} ${`${r.keyPoints}/${n}`.padStart(10)} ${`${r.terms}/${n}`.padStart(9)} ${`${r.reviewed}/${n}`.padStart(12)}`);
  return ['languages   titles summaries key points     terms  reviewed by a clinician', ...lines].join('\n') + '\n';
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}: ${problem.field}: ${problem.message}`;
}
