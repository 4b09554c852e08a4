import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { LookupService } from '../extension/lookup-service';
import type { TabCommand } from '../extension/messages';
import { extensionUrl, uiMessage } from '../extension/platform';

const ENTRY_PAGE = '/entry.html';

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export default defineBackground(() => {
  const service = new LookupService(async () => {
    const response = await fetch(extensionUrl('/guidance-index.json'));
    if (!response.ok) throw new Error(`bundled index missing (${response.status})`);
    return response.json();
  });

  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    void service.handle(message).then(sendResponse);
    return true; // answered asynchronously
  });

  const tell = (tabId: number, command: TabCommand, frameId?: number) =>
    browser.tabs.sendMessage(tabId, command, frameId === undefined ? undefined : { frameId }).catch(() => undefined);

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: 'mx-lookup',
      title: uiMessage('contextMenuLookup') || 'Look up “%s”',
      contexts: ['selection'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
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
