// Toolbar popup: a search box focused on open, the card inline, lookup on/off for the current
// site, and which index is in use.
import '../../extension/pages.css';
import { html, nothing, render } from 'lit-html';
import { browser } from 'wxt/browser';
import { defineSearchPanel } from '../../components/search-panel';
import { adminRequest, request } from '../../extension/client';
import { extensionUrl, uiMessage, applyPageLanguage } from '../../extension/platform';
import { resolveLanguage, siteOf } from '../../extension/settings';
import { fileOfViewer, looksLikePdf, viewerUrl } from '../../extension/pdf/address';
import type { TabCommand } from '../../extension/messages';
import { ignore } from '../../core/errors/ignore';
import { disabledSites, language } from '../../extension/settings-store';

const POPUP_CSS = `main { width: 400px; padding: 12px 14px; box-sizing: border-box; } mx-search-panel { margin-top: 10px; } footer { margin-top: 12px; } .mx-pdf-offer { margin: 10px 0 0; display: flex; flex-direction: column; align-items: flex-start; gap: 4px; }`;

/** The tab the popup was opened over (`?tab=<id>` lets tests name one). */
async function currentTab(): Promise<{ id?: number; url?: string } | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab') ?? NaN);
  if (Number.isInteger(fromQuery)) return browser.tabs.get(fromQuery).catch(ignore('a closed tab: the popup shows no site'));
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

async function currentSite(tab: { url?: string } | undefined): Promise<string | undefined> {
  // `?site=` lets the options page and tests open the popup for a given site.
  const fromQuery = new URLSearchParams(location.search).get('site');
  if (fromQuery) return fromQuery;
  return siteOf(tab?.url);
}

/**
 * The PDF the tab shows in the browser's viewer (where no selection can be read), if any: its
 * content script knows the document's type; Firefox's viewer runs none, so its address decides.
 */
async function pdfInTab(tab: { id?: number; url?: string } | undefined): Promise<string | undefined> {
  if (tab?.id === undefined || fileOfViewer(tab.url)) return undefined;
  const address = await browser.tabs.sendMessage(tab.id, { type: 'is-pdf' } satisfies TabCommand, { frameId: 0 }).catch(ignore('a tab without the content script (a browser page, the PDF viewer of Firefox)'));
  if (typeof address === 'string') return address;
  return looksLikePdf(tab.url) ? tab.url : undefined;
}

async function main(): Promise<void> {
  defineSearchPanel();
  const style = document.createElement('style');
  style.textContent = POPUP_CSS;
  document.head.append(style);
  const lang = resolveLanguage(await language.getValue(), browser.i18n.getUILanguage());
  await applyPageLanguage(document, await language.getValue());
  const app = document.getElementById('app') as HTMLElement;
  const tab = await currentTab();
  const site = await currentSite(tab);
  const pdf = await pdfInTab(tab);
  const status = await request({ type: 'status' });
  // A source that could not be synced is said here too: the clinician should know the guidance may be out of date.
  const sources = await adminRequest({ type: 'sources' });
  const failing = sources.ok ? sources.value.sources.filter((s) => s.state?.status.lastResult === 'failed' || s.state?.status.lastResult === 'refused') : [];

  const draw = async () => {
    const disabled = site ? (await disabledSites.getValue()).includes(site) : false;
    render(
      html`<header class="mx-bar">
          <h1>${uiMessage('extName') || 'MediXchange Lookup'}</h1>
          <a href=${extensionUrl('/options.html')} target="_blank" class="mx-muted" aria-label=${uiMessage('optionsTitle') || 'Options'} title=${uiMessage('optionsTitle') || 'Options'}>⚙</a>
        </header>
        ${site
          ? html`<label class="mx-muted"
              ><input type="checkbox" id="site-toggle" .checked=${!disabled} @change=${(e: Event) => void toggleSite((e.target as HTMLInputElement).checked)} />
              ${uiMessage('siteToggle') || 'Lookup on this site'}: <strong>${site}</strong></label
            >`
          : ''}
        ${pdf && tab?.id !== undefined
          ? html`<p class="mx-pdf-offer">
              <button type="button" id="open-pdf" @click=${async () => { await browser.tabs.update(tab.id as number, { url: viewerUrl(pdf) }); window.close(); }}>
                ${uiMessage('pdfOpenHere') || 'Open this PDF where lookup works'}
              </button>
              <span class="mx-muted">${uiMessage('pdfOpenWhy') || "The browser's PDF viewer does not let extensions read a selection."}</span>
            </p>`
          : nothing}
        <mx-search-panel id="search" .lang=${lang}></mx-search-panel>
        <footer class="mx-muted" id="index-status">
          ${status
            ? html`${uiMessage('indexInfo') || 'Guidance index'}: ${status.source.split('+').join(' + ')} · ${status.entries}
              ${uiMessage('entries') || 'entries'} · ${uiMessage('built') || 'built'} ${status.built.slice(0, 10)}`
            : '…'}
          ${status?.problem ? html`<p class="mx-source-warning" role="status">${status.problem}</p>` : nothing}
          ${failing.map(
            (s) => html`<p class="mx-source-warning" role="status">
              ${s.config.name}: ${uiMessage('syncProblem') || 'not synced'} (${s.state?.status.lastError ?? ''})
              ${s.state?.status.lastSuccess ? html`${uiMessage('lastSynced') || 'last synced'} ${s.state.status.lastSuccess.slice(0, 10)}.` : nothing}
              <a href=${extensionUrl('/options.html#sources')} target="_blank">${uiMessage('optionsTitle') || 'Options'}</a>
            </p>`,
          )}
        </footer>`,
      app,
    );
  };
  const toggleSite = async (enabled: boolean) => {
    if (!site) return;
    const list = await disabledSites.getValue();
    await disabledSites.setValue(enabled ? list.filter((s) => s !== site) : [...new Set([...list, site])]);
    await draw();
  };
  await draw();
  const panel = document.querySelector('mx-search-panel');
  if (panel) {
    panel.suggest = (text) => request({ type: 'suggest', text, lang, limit: 8 });
    panel.fetchEntry = (id) => request({ type: 'entry', id });
    await panel.updateComplete;
    panel.focus();
  }
}

void main();
