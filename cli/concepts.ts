// The concept ids the default guidance promises to cover (guidance/required-concepts.tsv, a copy
// of the evaluation's concept list), checked by `mx-lookup validate`.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError } from './default-index';

export async function requiredConcepts(guidanceDir: string, file?: string): Promise<string[]> {
  const path = file ?? join(guidanceDir, 'required-concepts.tsv');
  if (!existsSync(path)) return [];
  const lines = (await readFile(path, 'utf8')).split('\n').slice(1);
  return lines.map((line) => line.split('\t')[0]?.trim() ?? '').filter(Boolean);
}

/** Which languages a guidance folder promises (`languages.json` in it). */
export interface LanguagePolicy {
  /** Every entry has a title and a summary in each. */
  cards: string[];
  /** Every entry has one key point per English key point in each. */
  keyPoints: string[];
  /** Every entry has at least one term in each. */
  terms: string[];
}

/**
 * The folder's language promises. A hospital's own source in English alone needs no file; without
 * one the rules are English, French and Chinese titles, summaries and terms. The default guidance
 * promises all five card languages (guidance/languages.json).
 */
export async function languagePolicy(guidanceDir: string): Promise<LanguagePolicy> {
  const fallback: LanguagePolicy = { cards: ['en', 'fr', 'zh'], keyPoints: [], terms: ['en', 'fr', 'zh'] };
  const path = join(guidanceDir, 'languages.json');
  if (!existsSync(path)) return fallback;
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new CliError(`${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const list = (key: keyof LanguagePolicy): string[] => {
    const value = (raw as Record<string, unknown> | null)?.[key];
    if (value === undefined) return fallback[key];
    if (!Array.isArray(value) || !value.every((l) => typeof l === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(l)))
      throw new CliError(`${path}: "${key}" must be a list of language codes such as ["en", "fr"]`);
    return value as string[];
  };
  return { cards: list('cards'), keyPoints: list('keyPoints'), terms: list('terms') };
}
