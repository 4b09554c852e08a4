// DESIGN.md: core/ is pure TypeScript. It imports nothing from the edges and touches no browser,
// DOM or Node API (ESLint enforces the same; this test keeps the rule even if lint is skipped).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../paths';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

describe('core/ import rule', () => {
  const sources = files(join(ROOT, 'core')).map((f) => ({ file: relative(ROOT, f), text: readFileSync(f, 'utf8') }));

  it('has source files to check', () => {
    expect(sources.length).toBeGreaterThan(5);
  });

  it('imports only core modules and pure packages', () => {
    const offenders: string[] = [];
    for (const { file, text } of sources)
      for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const s = spec ?? '';
        if (/(^|\/)(components|entrypoints|widget|cli)(\/|$)/.test(s) || /^(node:|fs$|path$|wxt|lit|@floating-ui|webextension-polyfill|#imports)/.test(s))
          offenders.push(`${file}: ${s}`);
      }
    expect(offenders).toEqual([]);
  });

  it('uses no browser or DOM globals', () => {
    const offenders = sources
      .filter(({ text }) => /\b(window|document|chrome|browser|localStorage|indexedDB)\s*\./.test(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')))
      .map((s) => s.file);
    expect(offenders).toEqual([]);
  });
});
