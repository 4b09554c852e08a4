import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GuidanceIndex } from '../../core/index/types';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURE_GUIDANCE = join(ROOT, 'tests', 'fixtures', 'guidance');
export const FIXTURE_INDEX = join(ROOT, 'tests', '.generated', 'fixture-index.json');
export const CLI = join(ROOT, 'bin', 'mx-lookup.mjs');

export function fixtureIndex(): GuidanceIndex {
  return JSON.parse(readFileSync(FIXTURE_INDEX, 'utf8')) as GuidanceIndex;
}
