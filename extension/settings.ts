// The extension's settings: their types, defaults and storage keys. Pages use the WXT storage
// items of settings-store.ts; the content script, which must stay small, reads the same keys
// through `readSettings` and `watchSettings` here.
import { browser } from 'wxt/browser';

export type { Triggers } from '../components/lookup/watcher';
import type { Triggers } from '../components/lookup/watcher';

export const DEFAULT_TRIGGERS: Triggers = { doubleClick: true, selection: true, modifier: false };

/** `auto` follows the browser's language. */
export type LanguageSetting = 'auto' | 'en' | 'fr' | 'zh';

/** The language cards are shown in: the setting, or the browser's language when it is one we have. */
export function resolveLanguage(setting: LanguageSetting, uiLanguage: string): string {
  if (setting !== 'auto') return setting;
  const primary = uiLanguage.toLowerCase().split(/[-_]/)[0] ?? 'en';
  return ['en', 'fr', 'zh'].includes(primary) ? primary : 'en';
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

// The storage keys of the items above, in `browser.storage.sync`.
const KEYS = ['triggers', 'disabledSites', 'language'] as const;

function settingsFrom(raw: Record<string, unknown>): Partial<Settings> {
  const out: Partial<Settings> = {};
  if (raw.triggers && typeof raw.triggers === 'object') out.triggers = { ...DEFAULT_TRIGGERS, ...(raw.triggers as Partial<Triggers>) };
  if (Array.isArray(raw.disabledSites)) out.disabledSites = raw.disabledSites.filter((s): s is string => typeof s === 'string');
  if (raw.language === 'auto' || raw.language === 'en' || raw.language === 'fr' || raw.language === 'zh') out.language = raw.language;
  return out;
}

export async function readSettings(): Promise<Settings> {
  const raw = (await browser.storage.sync.get([...KEYS])) as Record<string, unknown>;
  return { triggers: DEFAULT_TRIGGERS, disabledSites: [], language: 'auto', ...settingsFrom(raw) };
}

/** Calls `onChange` with the settings that changed (a removed key goes back to its default). */
export function watchSettings(onChange: (changed: Partial<Settings>) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'sync') return;
    const raw: Record<string, unknown> = {};
    let any = false;
    for (const key of KEYS)
      if (key in changes) {
        any = true;
        raw[key] = changes[key]?.newValue ?? { triggers: DEFAULT_TRIGGERS, disabledSites: [], language: 'auto' }[key];
      }
    if (any) onChange(settingsFrom(raw));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
