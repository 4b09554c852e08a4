import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { extensionUrl } from '../extension/platform';
import { PDF_OPENED } from '../extension/messages';
import { startPageLookup } from '../extension/page-lookup';
import { ignore } from '../core/errors/ignore';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  main(ctx) {
    // A PDF in the browser's own viewer, where no selection can be read: the background offers
    // (or, with the option on, opens) the extension's viewer.
    const isPdf = document.contentType === 'application/pdf';
    if (isPdf && window === window.top) void browser.runtime.sendMessage({ type: PDF_OPENED }).catch(ignore('the background is updating: the popup still offers the viewer'));

    const stop = startPageLookup({
      win: window,
      site: location.host,
      loadPopover: async (doc, fetchEntry) => {
        const ui = (await import(/* @vite-ignore */ extensionUrl('/popover-ui.js'))) as typeof import('../extension/content/popover-ui');
        return new ui.Popover(doc, fetchEntry);
      },
      // The popup asks: the PDF's address (the popup may not see the tab's), or false.
      onOtherCommand: (message) => ((message as { type?: string })?.type === 'is-pdf' ? isPdf && location.href : undefined),
    });
    ctx.onInvalidated(stop);
  },
});
