import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { IdbSyncStorage } from '../components/sync-storage';
import { loadBundledIndex, matcherSnapshots } from '../extension/bundled-index';
import { LookupService } from '../extension/lookup-service';
import { isAdminRequest, SourceManager } from '../extension/sources';
import type { Layer } from '../core/sync/merge';
import { PDF_OPENED, type TabCommand } from '../extension/messages';
import { createPdfMenus, onPdfMenu, onPdfOpened } from '../extension/pdf/redirect';
import { extensionUrl, uiMessage } from '../extension/platform';
import { ignore, reportIgnoredTo } from '../core/errors/ignore';

const ENTRY_PAGE = '/entry.html';
const SYNC_ALARM = 'mx-sync';

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export default defineBackground(() => {
  // Errors let pass (core/errors/ignore.ts) go to the console's debug level, and their latest to the options page.
  reportIgnoredTo((ignored) => console.debug(`MediXchange Lookup: ${ignored.why}: ${ignored.message}`));
  const service: LookupService = new LookupService(
    loadBundledIndex,
    async (): Promise<Layer[]> => sources.layers(),
    matcherSnapshots(() => sources.layerKeys()),
  );
  const sources: SourceManager = new SourceManager(service, new IdbSyncStorage());
  // A worker is usually woken by a lookup: start loading the index while the message is on its way.
  void service.ready().catch(ignore('a failed load is retried by the first request, which reports it'));

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if ((message as { type?: unknown })?.type === PDF_OPENED) {
      // Only a content script's own tab is ever redirected, and only to the viewer of its own address.
      void onPdfOpened({ id: sender.tab?.id, url: sender.frameId === 0 ? sender.url : undefined }).then(sendResponse, () => sendResponse(false));
      return true;
    }
    if (isAdminRequest(message)) {
      // Configuration comes from the extension's own pages only, never from a content script.
      const fromOwnPage = sender.id === browser.runtime.id && (sender.url ?? '').startsWith(extensionUrl('/'));
      if (!fromOwnPage) sendResponse({ ok: false, error: 'not allowed from a web page' });
      else void sources.handle(message).then(sendResponse);
      return true;
    }
    void service.handle(message).then(sendResponse);
    return true; // answered asynchronously
  });

  // Sources sync when the browser starts, when the extension is installed or updated, and every
  // 30 minutes (each source decides from its own state whether it is due: 6 h after a success,
  // a growing back-off after failures).
  const scheduleSync = () => {
    void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 30, delayInMinutes: 30 });
    void sources.refreshPolicy().catch(ignore('an unreadable policy keeps the last checked copy'));
    void sources.syncAll().catch(ignore('each source records its own failure in its status'));
  };
  browser.runtime.onStartup.addListener(scheduleSync);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== SYNC_ALARM) return;
    void sources.refreshPolicy().catch(ignore('an unreadable policy keeps the last checked copy'));
    void sources.syncAll().catch(ignore('each source records its own failure in its status'));
  });
  // Hospital IT changed the policy while the browser runs.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void sources.refreshPolicy().catch(ignore('an unreadable policy keeps the last checked copy'));
  });

  const tell = (tabId: number, command: TabCommand, frameId?: number) =>
    browser.tabs.sendMessage(tabId, command, frameId === undefined ? undefined : { frameId }).catch(ignore('a tab without the content script (a browser page) has nothing to look up'));

  browser.runtime.onInstalled.addListener(() => {
    scheduleSync();
    browser.contextMenus.create({
      id: 'mx-lookup',
      title: uiMessage('contextMenuLookup') || 'Look up “%s”',
      contexts: ['selection'],
    });
    createPdfMenus();
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (onPdfMenu(info, tab)) return;
    if (info.menuItemId === 'mx-lookup' && tab?.id !== undefined) void tell(tab.id, { type: 'lookup-selection', text: info.selectionText }, info.frameId);
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (tab?.id === undefined) return;
    if (command === 'lookup-selection') void tell(tab.id, { type: 'lookup-selection' });
    if (command === 'focus-popover') void tell(tab.id, { type: 'focus-popover' });
  });

  browser.omnibox.setDefaultSuggestion({ description: uiMessage('omniboxDefault') || 'Search MediXchange guidance' });
  browser.omnibox.onInputChanged.addListener((text, suggest) => {
    void service.answer({ type: 'suggest', text, limit: 6 }).then((answer) =>
      suggest(
        answer.hits.map((hit) => {
          const entry = answer.entries[hit.id];
          return { content: `mx:${hit.id}`, description: escapeXml(`${entry?.title.en ?? hit.id} — ${hit.term}`) };
        }),
      ),
    );
  });
  browser.omnibox.onInputEntered.addListener((text, disposition) => {
    void (async () => {
      let id = text.startsWith('mx:') ? text.slice(3) : undefined;
      if (!id) id = (await service.answer({ type: 'suggest', text, limit: 1 })).hits[0]?.id;
      const url = extensionUrl(`${ENTRY_PAGE}${id ? `#${encodeURIComponent(id)}` : `?q=${encodeURIComponent(text)}`}`);
      if (disposition === 'currentTab') await browser.tabs.update({ url });
      else await browser.tabs.create({ url, active: disposition === 'newForegroundTab' });
    })();
  });
});
