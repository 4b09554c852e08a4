// The extension's settings: their types, defaults and storage keys. Pages use the WXT storage
// items of settings-store.ts; the content script, which must stay small, reads the same keys
// through `readSettings` and `watchSettings` here.
import { browser } from 'wxt/browser';

export type { Triggers } from '../components/lookup/watcher';
import type { Triggers } from '../components/lookup/watcher';

export const DEFAULT_TRIGGERS: Triggers = { doubleClick: true, selection: true, modifier: false };

/** `auto` follows the browser's language. */
export const CARD_LANGUAGE_SETTINGS = ['auto', 'en', 'fr', 'zh', 'pt', 'ar'] as const;
export type LanguageSetting = (typeof CARD_LANGUAGE_SETTINGS)[number];

/** The language cards are shown in: the setting, or the browser's language when it is one we have. */
export function resolveLanguage(setting: LanguageSetting, uiLanguage: string): string {
  if (setting !== 'auto') return setting;
  const primary = uiLanguage.toLowerCase().split(/[-_]/)[0] ?? 'en';
  return primary !== 'auto' && (CARD_LANGUAGE_SETTINGS as readonly string[]).includes(primary) ? primary : 'en';
}

export function siteOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.host : undefined;
  } catch {
    return undefined;
  }
}

export interface Settings {
  triggers: Triggers;
  disabledSites: string[];
  language: LanguageSetting;
}

const DEFAULTS: Settings = { triggers: DEFAULT_TRIGGERS, disabledSites: [], language: 'auto' };

// The storage keys of the items above, in `browser.storage.sync`; hospital IT's policy is copied
// (checked) by the background into `browser.storage.local` under POLICY_KEY (see policy.ts).
const KEYS = ['triggers', 'disabledSites', 'language'] as const;
const POLICY_KEY = 'policy';

function settingsFrom(raw: Record<string, unknown>): Partial<Settings> {
  const out: Partial<Settings> = {};
  if (raw.triggers && typeof raw.triggers === 'object') out.triggers = { ...DEFAULT_TRIGGERS, ...(raw.triggers as Partial<Triggers>) };
  if (Array.isArray(raw.disabledSites)) out.disabledSites = raw.disabledSites.filter((s): s is string => typeof s === 'string');
  if ((CARD_LANGUAGE_SETTINGS as readonly unknown[]).includes(raw.language)) out.language = raw.language as LanguageSetting;
  return out;
}

/**
 * The user's settings with the policy on top: policy triggers and language win, and the sites the
 * policy turns lookup off on are added to the user's. `locked` names what the policy sets.
 */
export function applyPolicy(user: Settings, policyRaw: unknown): Settings & { locked: (keyof Settings)[] } {
  const policy = policyRaw && typeof policyRaw === 'object' ? (policyRaw as Record<string, unknown>) : {};
  const managed = settingsFrom({ ...policy, triggers: undefined });
  const triggers = policy.triggers && typeof policy.triggers === 'object' ? (policy.triggers as Partial<Triggers>) : undefined;
  const locked: (keyof Settings)[] = [];
  if (triggers) locked.push('triggers');
  if (managed.language) locked.push('language');
  if (managed.disabledSites) locked.push('disabledSites');
  return {
    triggers: { ...user.triggers, ...Object.fromEntries(Object.entries(triggers ?? {}).filter(([, v]) => typeof v === 'boolean')) },
    disabledSites: [...new Set([...(managed.disabledSites ?? []), ...user.disabledSites])],
    language: managed.language ?? user.language,
    locked,
  };
}

export async function readSettings(): Promise<Settings & { locked: (keyof Settings)[] }> {
  const [raw, local] = await Promise.all([
    browser.storage.sync.get([...KEYS]) as Promise<Record<string, unknown>>,
    browser.storage.local.get(POLICY_KEY) as Promise<Record<string, unknown>>,
  ]);
  return applyPolicy({ ...DEFAULTS, ...settingsFrom(raw) }, local[POLICY_KEY]);
}

/** Calls `onChange` with the whole settings again whenever the user's settings or the policy change. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    const relevant = area === 'sync' ? KEYS.some((k) => k in changes) : area === 'local' && POLICY_KEY in changes;
    if (relevant) void readSettings().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
