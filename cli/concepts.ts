// The concept ids the default guidance promises to cover (guidance/required-concepts.tsv, a copy
// of the evaluation's concept list), checked by `mx-lookup validate`.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function requiredConcepts(guidanceDir: string, file?: string): Promise<string[]> {
  const path = file ?? join(guidanceDir, 'required-concepts.tsv');
  if (!existsSync(path)) return [];
  const lines = (await readFile(path, 'utf8')).split('\n').slice(1);
  return lines.map((line) => line.split('\t')[0]?.trim() ?? '').filter(Boolean);
}
