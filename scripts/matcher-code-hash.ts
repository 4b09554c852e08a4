// A fingerprint of the code that builds a matcher, so a stored matcher snapshot of older code is
// never restored: the extension's worker keys its snapshot by it, the widget keeps it beside its own.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function matcherCodeHash(root = '.'): string {
  const hash = createHash('sha256');
  for (const dir of ['core/match', 'core/text', 'core/sync']) {
    for (const name of readdirSync(join(root, dir)).sort()) if (name.endsWith('.ts')) hash.update(name).update(readFileSync(join(root, dir, name)));
  }
  return hash.digest('hex').slice(0, 16);
}
