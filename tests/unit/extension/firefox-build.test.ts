// The Firefox build, checked by Mozilla's addons-linter (what `web-ext lint` runs).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../paths';

const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

describe('Firefox build', () => {
  it('builds and passes addons-linter with no errors', () => {
    if (!existsSync(join(ROOT, 'public', 'guidance-index.json')))
      spawnSync(process.execPath, [join(ROOT, 'bin', 'mx-lookup.mjs'), 'build', join(ROOT, 'guidance'), '-o', join(ROOT, 'public', 'guidance-index.json')]);
    const build = spawnSync(bin('wxt'), ['build', '-b', 'firefox'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const lint = spawnSync(bin('addons-linter'), [join(ROOT, '.output', 'firefox-mv2'), '--output', 'json'], { cwd: ROOT, encoding: 'utf8' });
    const report = JSON.parse(lint.stdout) as { summary: { errors: number }; errors: { code: string; message: string }[] };
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  }, 120_000);
});
