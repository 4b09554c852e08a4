// Where the CLI finds its index: a file given with --index, else the default index compiled from
// guidance/ (rebuilt when any guidance file is newer than the compiled file).
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseIndex } from '../core/index/schema';
import type { GuidanceIndex } from '../core/index/types';
import { assembleIndex, compileFolder, findEntryFiles } from './compile';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const GUIDANCE_DIR = join(PROJECT_ROOT, 'guidance');
export const DEFAULT_INDEX = join(PROJECT_ROOT, 'public', 'guidance-index.json');

export class CliError extends Error {}

/** Reads and checks an index file; a CliError says what is wrong with it. */
export async function readIndexFile(path: string): Promise<GuidanceIndex> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new CliError(`cannot read index file ${path}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = parseIndex(json);
  if (!parsed.ok) throw new CliError(`${path}: not a valid index: ${parsed.problems.slice(0, 3).join('; ')}`);
  return parsed.index;
}

async function newestMtime(files: string[]): Promise<number> {
  let newest = 0;
  for (const file of files) newest = Math.max(newest, (await stat(file)).mtimeMs);
  return newest;
}

/** The default index, compiled again first when guidance/ changed since it was built. */
export async function defaultIndex(): Promise<GuidanceIndex> {
  if (!existsSync(GUIDANCE_DIR)) return readIndexFile(DEFAULT_INDEX);
  const files = await findEntryFiles(GUIDANCE_DIR);
  if (existsSync(DEFAULT_INDEX) && (await stat(DEFAULT_INDEX)).mtimeMs >= (await newestMtime(files)))
    return readIndexFile(DEFAULT_INDEX);
  const compiled = await compileFolder(GUIDANCE_DIR);
  const index = assembleIndex(compiled.entries);
  await mkdir(dirname(DEFAULT_INDEX), { recursive: true });
  await writeFile(DEFAULT_INDEX, JSON.stringify(index));
  return index;
}

export async function loadIndex(path: string | undefined): Promise<GuidanceIndex> {
  return path ? readIndexFile(path) : defaultIndex();
}
