// The settings as WXT storage items (versioned), for the extension's pages and background.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_TRIGGERS, type LanguageSetting, type Triggers } from './settings';

export const triggers = storage.defineItem<Triggers>('sync:triggers', { fallback: DEFAULT_TRIGGERS, version: 1 });

/** Host names where lookup is off (e.g. `ehr.example.org`). */
export const disabledSites = storage.defineItem<string[]>('sync:disabledSites', { fallback: [], version: 1 });

export const language = storage.defineItem<LanguageSetting>('sync:language', { fallback: 'auto', version: 1 });

/** Open every PDF in the extension's viewer (where lookup works) instead of the browser's. Off by default. */
export const openPdfs = storage.defineItem<boolean>('sync:openPdfs', { fallback: false, version: 1 });
