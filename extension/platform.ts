// Two browser APIs whose WXT typings are generated per build (and lag behind @wxt-dev/browser):
// typed here once, for every entrypoint.
import { browser } from 'wxt/browser';

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

/** A UI string from _locales in the browser's language ('' when missing). */
export function uiMessage(key: string, substitutions?: string | string[]): string {
  return (browser.i18n as unknown as UntypedI18n).getMessage(key, substitutions);
}

/**
 * Gives an extension page the language and writing direction of its interface strings (the
 * browser's language, as _locales has it): an Arabic browser gets a right-to-left page. Cards
 * inside carry their own language and direction.
 */
export function applyPageLanguage(doc: Document): void {
  const locale = uiMessage('@@ui_locale');
  if (locale) doc.documentElement.lang = locale.replace('_', '-');
  doc.documentElement.dir = uiMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
}
