import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { request } from '../extension/client';
import { extensionUrl } from '../extension/platform';
import { LookupController } from '../components/lookup/controller';
import type { TabCommand } from '../extension/messages';
import { DEFAULT_TRIGGERS, readSettings, resolveLanguage, watchSettings, type Settings } from '../extension/settings';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  main(ctx) {
    // Settings are read once and then kept current; every event checks the cached values only.
    let settings: Settings = { triggers: DEFAULT_TRIGGERS, disabledSites: [], language: 'auto' };
    const host = location.host;
    const siteDisabled = () => settings.disabledSites.includes(host);
    void readSettings().then((s) => (settings = s));
    const unwatch = watchSettings((changed) => {
      settings = changed;
      if (siteDisabled()) controller.close();
    });
    const lang = () => resolveLanguage(settings.language, browser.i18n.getUILanguage());

    const controller = new LookupController({
      win: window,
      loadPopover: async (doc, fetchEntry) => {
        const ui = (await import(/* @vite-ignore */ extensionUrl('/popover-ui.js'))) as typeof import('../extension/content/popover-ui');
        return new ui.Popover(doc, fetchEntry);
      },
      lookup: (text, context, offset) => request({ type: 'lookup', text, context, offset, lang: lang() }),
      fetchEntry: (id) => request({ type: 'entry', id }),
      triggers: () => settings.triggers,
      enabled: () => !siteDisabled(),
      lang,
    });
    controller.start();

    const onCommand = (message: unknown, _sender: unknown, sendResponse: (r: boolean) => void) => {
      const command = message as TabCommand;
      if (command?.type === 'lookup-selection') {
        void controller.lookupSelection('command', null, command.text).then(sendResponse);
        return true;
      }
      if (command?.type === 'focus-popover') sendResponse(controller.focusPopover());
      return false;
    };
    browser.runtime.onMessage.addListener(onCommand);
    ctx.onInvalidated(() => {
      controller.stop();
      browser.runtime.onMessage.removeListener(onCommand);
      unwatch();
    });
  },
});
