// Hospital IT's managed policy: checked field by field, and winning over the user's settings.
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../extension/policy';
import { applyPolicy, DEFAULT_TRIGGERS } from '../../../extension/settings';

const user = { triggers: DEFAULT_TRIGGERS, disabledSites: ['notes.example.org'], language: 'fr' as const };

describe('managed policy', () => {
  it('keeps the valid parts of a policy and names the invalid ones', () => {
    const { policy, problems } = parsePolicy({ language: 'xx', disabledSites: ['ehr.example.org'], sources: [{ name: 'Ministry', manifestUrl: 'https://m.example/manifest.json', publicKey: 'k', priority: 5000 }] });
    expect(policy).toEqual({ sources: [], disabledSites: ['ehr.example.org'] });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['sources[0] (Ministry)', 'language']);
    expect(parsePolicy(null)).toEqual({ policy: {}, problems: [] });
  });

  it('checks each managed source on its own, and a malformed lock fails closed', () => {
    const key = Buffer.from(new Uint8Array(32).fill(3)).toString('base64');
    const good = { name: 'Ministry', manifestUrl: 'https://m.example/manifest.json', publicKey: key, priority: 50 };
    const { policy, problems } = parsePolicy({
      sources: [good, { ...good, name: 'Plain http', manifestUrl: 'http://m.example/manifest.json' }, { ...good, name: 'Zero', priority: 0 }],
      allowUserSources: 'false',
    });
    expect(policy.sources).toEqual([good]);
    expect(policy.allowUserSources).toBe(false);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/Plain http.*https/);
  });

  it('wins over the user: triggers and language replaced, sites added, and each marked locked', () => {
    const applied = applyPolicy(user, { triggers: { doubleClick: false }, language: 'zh', disabledSites: ['ehr.example.org'] });
    expect(applied.triggers).toEqual({ ...DEFAULT_TRIGGERS, doubleClick: false });
    expect(applied.language).toBe('zh');
    expect(applied.disabledSites).toEqual(['ehr.example.org', 'notes.example.org']);
    expect(applied.locked.sort()).toEqual(['disabledSites', 'language', 'triggers']);
  });

  it('without a policy, the user settings stand and nothing is locked', () => {
    expect(applyPolicy(user, undefined)).toEqual({ ...user, locked: [] });
  });
});
