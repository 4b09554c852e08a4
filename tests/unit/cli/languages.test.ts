// guidance/languages.json: the languages a guidance folder promises.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languagePolicy } from '../../../cli/concepts';
import { ROOT } from '../paths';

describe('languagePolicy', () => {
  it('the default guidance promises five card languages and French and Chinese key points', async () => {
    expect(await languagePolicy(join(ROOT, 'guidance'))).toEqual({ cards: ['en', 'fr', 'zh', 'pt', 'ar'], keyPoints: ['fr', 'zh'], terms: ['en', 'fr', 'zh'] });
  });

  it('a folder without the file keeps the rules of a hospital source: English, French and Chinese titles and summaries', async () => {
    expect(await languagePolicy(mkdtempSync(join(tmpdir(), 'mx-lang-')))).toEqual({ cards: ['en', 'fr', 'zh'], keyPoints: [], terms: ['en', 'fr', 'zh'] });
  });

  it('refuses a file that is not JSON or names no languages, with the file in the message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mx-lang-'));
    writeFileSync(join(dir, 'languages.json'), '{ cards: [en] }');
    await expect(languagePolicy(dir)).rejects.toThrow(/languages\.json: not valid JSON/);
    writeFileSync(join(dir, 'languages.json'), '{ "cards": "en" }');
    await expect(languagePolicy(dir)).rejects.toThrow(/"cards" must be a list of language codes/);
  });
});
