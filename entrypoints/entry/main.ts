// The entry page: one entry, linkable as entry.html#<id> (the omnibox opens it), with search.
import '../../extension/pages.css';
import { html, render } from 'lit-html';
import { browser } from 'wxt/browser';
import { defineSearchPanel } from '../../components/search-panel';
import { request } from '../../extension/client';
import { uiMessage, applyPageLanguage } from '../../extension/platform';
import { resolveLanguage } from '../../extension/settings';
import { language } from '../../extension/settings-store';

async function main(): Promise<void> {
  defineSearchPanel();
  const style = document.createElement('style');
  style.textContent = 'main { max-width: 720px; margin: 0 auto; padding: 20px; } mx-search-panel { margin-top: 12px; }';
  document.head.append(style);
  const lang = resolveLanguage(await language.getValue(), browser.i18n.getUILanguage());
  await applyPageLanguage(document, await language.getValue());
  const app = document.getElementById('app') as HTMLElement;
  render(html`<h1>${uiMessage('extName') || 'MediXchange Lookup'}</h1><mx-search-panel id="search" .lang=${lang}></mx-search-panel>`, app);
  const panel = document.querySelector('mx-search-panel');
  if (!panel) return;
  panel.suggest = (text) => request({ type: 'suggest', text, lang, limit: 8 });
  panel.fetchEntry = (id) => request({ type: 'entry', id });
  await panel.updateComplete;
  const show = async () => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id && (await panel.open(id))) {
      const entry = await request({ type: 'entry', id });
      if (entry) document.title = `${entry.title[lang] ?? entry.title.en} — MediXchange Lookup`;
    } else panel.focus();
  };
  window.addEventListener('hashchange', () => void show());
  await show();
}

void main();
