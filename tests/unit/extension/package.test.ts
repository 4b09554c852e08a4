// `npm run package`: three zips named with the version; the Firefox one passes Mozilla's
// addons-linter (what `web-ext lint` and the store run); the sources zip holds what rebuilds it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../paths';

const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const zipPath = (kind: string) => join(ROOT, '.output', `medixchange-lookup-${version}-${kind}.zip`);
const names = async (kind: string) => Object.keys((await JSZip.loadAsync(readFileSync(zipPath(kind)))).files);
const manifestIn = async (kind: string) =>
  JSON.parse((await (await JSZip.loadAsync(readFileSync(zipPath(kind)))).file('manifest.json')?.async('string')) ?? '{}') as Record<string, unknown>;

describe('npm run package', () => {
  it('writes the Chrome/Edge, Firefox and sources zips; the Firefox zip passes addons-linter', async () => {
    const run = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    for (const kind of ['chrome', 'firefox', 'sources']) expect(run.stdout).toContain(zipPath(kind));

    const chrome = await manifestIn('chrome');
    expect(chrome).toMatchObject({ manifest_version: 3, version });
    expect(await names('chrome')).toEqual(expect.arrayContaining(['background.js', 'content-scripts/content.js', 'popover-ui.js', 'guidance-index.json', 'popup.html']));
    expect(await manifestIn('firefox')).toMatchObject({ manifest_version: 2, version });

    const sources = await names('sources');
    expect(sources).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts', 'entrypoints/content.ts', 'core/index/schema.ts', 'guidance/README.md']));
    expect(sources.filter((name) => /^(node_modules|\.output|widget\/dist)\//.test(name) || name === 'public/guidance-index.json')).toEqual([]);

    const lint = spawnSync(bin('addons-linter'), [zipPath('firefox'), '--output', 'json'], { cwd: ROOT, encoding: 'utf8' });
    const report = JSON.parse(lint.stdout) as { summary: { errors: number }; errors: { code: string; message: string }[] };
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  }, 180_000);
});
