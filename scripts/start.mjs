#!/usr/bin/env node
// `npm start`: builds everything that exists and says what it built.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const index = join(root, 'public', 'guidance-index.json');
const result = spawnSync(process.execPath, [join(root, 'bin', 'mx-lookup.mjs'), 'build', join(root, 'guidance'), '-o', index], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
process.stdout.write(`
Built:
  default guidance index  ${index}
Try it:
  npx mx-lookup query HFNC
  npx mx-lookup scan "58M, SOB, SpO2 88% on RA, started on HFNC and dexamethasone"
  npm run eval
  npm run bench
`);
