// Compiles the fixture guidance once per test run (the lexicon step reads two word lists).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { assembleIndex, compileFolder } from '../../cli/compile';
import { FIXTURE_GUIDANCE, FIXTURE_INDEX } from './paths';

export default async function setup(): Promise<void> {
  const compiled = await compileFolder(FIXTURE_GUIDANCE);
  if (compiled.problems.length > 0) throw new Error(`fixture guidance has problems: ${JSON.stringify(compiled.problems)}`);
  await mkdir(dirname(FIXTURE_INDEX), { recursive: true });
  await writeFile(FIXTURE_INDEX, JSON.stringify(assembleIndex(compiled.entries, { built: '2026-11-01T00:00:00.000Z' })));
}
