// Selection lookup on a page, wired to the background: the content script runs it on web pages,
// the PDF viewer on its text layer. Settings are read once and then kept current (every event
// checks cached values only); the background's tab commands (shortcut, context menu) reach it.
import { browser } from 'wxt/browser';
import { request } from './client';
import { LookupController } from '../components/lookup/controller';
import type { Popover } from '../components/lookup/popover';
import type { Entry } from '../core/index/types';
import type { TabCommand } from './messages';
import { DEFAULT_TRIGGERS, readSettings, resolveLanguage, watchSettings, type Settings } from './settings';

export interface PageLookupOptions {
  win: Window;
  /** The site whose "lookup off" setting applies (a PDF's host in the viewer). */
  site: string;
  loadPopover: (doc: Document, fetchEntry: (id: string) => Promise<Entry | null>) => Promise<Popover>;
  /** Answers tab commands other than lookups (the content script: whether its page is a PDF). */
  onOtherCommand?: (message: unknown) => unknown;
}

/** Starts lookup on `win`; returns the function that stops it. */
export function startPageLookup(options: PageLookupOptions): () => void {
  let settings: Settings = { triggers: DEFAULT_TRIGGERS, disabledSites: [], language: 'auto' };
  const siteDisabled = () => settings.disabledSites.includes(options.site);
  void readSettings().then((s) => (settings = s));
  const unwatch = watchSettings((changed) => {
    settings = changed;
    if (siteDisabled()) controller.close();
  });
  const lang = () => resolveLanguage(settings.language, browser.i18n.getUILanguage());

  const controller = new LookupController({
    win: options.win,
    loadPopover: options.loadPopover,
    lookup: (text, context, offset) => request({ type: 'lookup', text, context, offset, lang: lang() }),
    fetchEntry: (id) => request({ type: 'entry', id }),
    triggers: () => settings.triggers,
    enabled: () => !siteDisabled(),
    lang,
  });
  controller.start();

  const onCommand = (message: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
    const command = message as TabCommand;
    if (command?.type === 'lookup-selection') {
      void controller.lookupSelection('command', null, command.text).then(sendResponse);
      return true;
    }
    if (command?.type === 'focus-popover') {
      sendResponse(controller.focusPopover());
      return false;
    }
    const other = options.onOtherCommand?.(message);
    if (other !== undefined) sendResponse(other);
    return false;
  };
  browser.runtime.onMessage.addListener(onCommand);
  return () => {
    controller.stop();
    browser.runtime.onMessage.removeListener(onCommand);
    unwatch();
  };
}
