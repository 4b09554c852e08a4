// Two browser APIs whose WXT typings are generated per build (and lag behind @wxt-dev/browser):
// typed here once, for every entrypoint.
import { browser } from 'wxt/browser';
import { ignore } from '../core/errors/ignore';

interface UntypedRuntime {
  getURL(path: string): string;
}
interface UntypedI18n {
  getMessage(key: string, substitutions?: string | string[]): string;
}

/** The URL of a file in the extension (`/guidance-index.json`, `/entry.html#ards`). */
export function extensionUrl(path: string): string {
  return (browser.runtime as unknown as UntypedRuntime).getURL(path);
}

// The interface strings the user chose in the options (their "Language of the guidance"), read from
// the extension's own _locales; unset, the browser's language decides, as chrome.i18n does.
let chosen: { locale: string; messages: Record<string, { message?: string }> } | null = null;

/** A UI string from _locales, in the chosen language or the browser's ('' when missing). */
export function uiMessage(key: string, substitutions?: string | string[]): string {
  const own = chosen?.messages[key]?.message;
  if (own !== undefined) return fillPlaceholders(own, substitutions);
  return (browser.i18n as unknown as UntypedI18n).getMessage(key, substitutions);
}

/** `$1`…`$9` of a message filled with its substitutions, as chrome.i18n does. */
export function fillPlaceholders(message: string, substitutions?: string | string[]): string {
  const subs = substitutions === undefined ? [] : ([] as string[]).concat(substitutions);
  return message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

/** The _locales folder of a card language (`pt`: Brazil's when the browser is Brazilian). */
function localeFolder(lang: string, browserLanguage: string): string | undefined {
  if (lang === 'pt') return /^pt[-_]BR/i.test(browserLanguage) ? 'pt_BR' : 'pt_PT';
  return { en: 'en', fr: 'fr', zh: 'zh_CN', ar: 'ar' }[lang];
}

/**
 * Gives an extension page its interface language and writing direction: the language chosen in
 * the options (`setting`), else the browser's, as _locales has it. An Arabic page reads right to
 * left; cards inside carry their own language and direction.
 */
export async function applyPageLanguage(doc: Document, setting: string): Promise<void> {
  const folder = setting === 'auto' ? undefined : localeFolder(setting, browser.i18n.getUILanguage());
  chosen = null;
  if (folder) {
    try {
      const response = await fetch(extensionUrl(`/_locales/${folder}/messages.json`));
      chosen = { locale: folder, messages: (await response.json()) as Record<string, { message?: string }> };
    } catch (error) {
      ignore('a missing translation of the interface leaves it in the browser\'s language')(error);
    }
  }
  const locale = chosen?.locale ?? uiMessage('@@ui_locale');
  if (locale) doc.documentElement.lang = locale.replace('_', '-');
  const rtl = chosen ? chosen.locale === 'ar' : uiMessage('@@bidi_dir') === 'rtl';
  doc.documentElement.dir = rtl ? 'rtl' : 'ltr';
}
