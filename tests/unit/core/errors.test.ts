// No failure passes in silence: an ignored error is recorded with why, and no empty handler is left.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ignore, recentlyIgnored, reportIgnoredTo } from '../../../core/errors/ignore';
import { ROOT } from '../paths';

describe('ignored errors', () => {
  it('are recorded with the reason they may be ignored, and told to the sink', async () => {
    const told: string[] = [];
    reportIgnoredTo((e) => told.push(`${e.why}: ${e.message}`));
    const value = await Promise.reject(new Error('disk full')).catch(ignore('the cache is only a speed-up'));
    expect(value).toBeUndefined();
    expect(recentlyIgnored().at(-1)).toMatchObject({ why: 'the cache is only a speed-up', message: 'disk full' });
    expect(told).toEqual(['the cache is only a speed-up: disk full']);
    reportIgnoredTo(undefined);
  });

  it('leave no empty catch handler in the code (outside tests)', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const item of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, item.name);
        if (item.isDirectory()) {
          if (!['node_modules', 'dist', '.output', 'tests'].includes(item.name)) walk(path);
        } else if (item.name.endsWith('.ts')) {
          const text = readFileSync(path, 'utf8');
          if (/\.catch\(\(\)\s*=>\s*(undefined|null|\[\]|\{\s*\})\s*\)/.test(text)) offenders.push(relative(ROOT, path));
        }
      }
    };
    for (const dir of ['core', 'components', 'extension', 'entrypoints', 'widget', 'cli']) walk(join(ROOT, dir));
    expect(offenders).toEqual([]);
  });
});
