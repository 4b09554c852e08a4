// The background's part in PDFs: the context menu offers the viewer for a PDF link or page, and
// with the "open every PDF" option a PDF shown by the browser's viewer is opened in ours, unless
// the user chose the browser's viewer for it in this tab.
import { browser } from 'wxt/browser';
import { uiMessage } from '../platform';
import { originalChosenKey, viewerUrl } from './address';

export const PDF_MENU_LINK = 'mx-open-pdf-link';
export const PDF_MENU_PAGE = 'mx-open-pdf-page';
const PDF_PATTERNS = ['*://*/*.pdf', '*://*/*.pdf?*', '*://*/*.PDF', 'file:///*.pdf', 'file:///*.PDF'];

export function createPdfMenus(): void {
  browser.contextMenus.create({ id: PDF_MENU_LINK, title: uiMessage('pdfMenuLink') || 'Open the PDF in MediXchange Lookup', contexts: ['link'], targetUrlPatterns: PDF_PATTERNS });
  browser.contextMenus.create({ id: PDF_MENU_PAGE, title: uiMessage('pdfMenuPage') || 'Open this PDF in MediXchange Lookup', contexts: ['page'], documentUrlPatterns: PDF_PATTERNS });
}

/** Handles a click on one of the PDF menu items; false when the item is not one of them. */
export function onPdfMenu(info: { menuItemId: string | number; linkUrl?: string; pageUrl?: string }, tab?: { id?: number; index?: number }): boolean {
  if (info.menuItemId === PDF_MENU_LINK && info.linkUrl) {
    void browser.tabs.create({ url: viewerUrl(info.linkUrl), ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}) });
    return true;
  }
  if (info.menuItemId === PDF_MENU_PAGE && info.pageUrl && tab?.id !== undefined) {
    void browser.tabs.update(tab.id, { url: viewerUrl(info.pageUrl) });
    return true;
  }
  return false;
}

/** A tab's content script found a PDF in the browser's viewer: open it in ours when the option says so. */
export async function onPdfOpened(tab: { id?: number; url?: string } | undefined): Promise<boolean> {
  if (tab?.id === undefined || !tab.url) return false;
  const { openPdfs } = (await browser.storage.sync.get('openPdfs')) as { openPdfs?: unknown };
  if (openPdfs !== true) return false;
  const key = originalChosenKey(tab.id);
  const chosen = ((await browser.storage.session.get(key)) as Record<string, unknown>)[key];
  if (chosen === tab.url) return false;
  if (!/^(https?|file):/.test(tab.url)) return false;
  await browser.tabs.update(tab.id, { url: viewerUrl(tab.url) });
  return true;
}
