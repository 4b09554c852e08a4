// Options: triggers, per-site list, language, the index in use, and (with sync) guidance sources.
import '../../extension/pages.css';
import { html, nothing, render } from 'lit-html';
import { browser } from 'wxt/browser';
import { adminRequest, request } from '../../extension/client';
import { uiMessage, applyPageLanguage } from '../../extension/platform';
import { readPolicyCopy } from '../../extension/policy';
import { CARD_LANGUAGE_SETTINGS, readSettings, siteOf, type LanguageSetting, type Triggers } from '../../extension/settings';
import { LANGUAGE_NAMES } from '../../components/strings';
import { disabledSites, language, openPdfs, triggers } from '../../extension/settings-store';
import { sourcesTemplate, type SourcesSection } from './sources';
import { SYNC_STAMP_KEY } from '../../extension/sources';

const t = (key: string, fallback: string) => uiMessage(key) || fallback;

async function main(): Promise<void> {
  const style = document.createElement('style');
  style.textContent = [
    'main { max-width: 680px; margin: 0 auto; padding: 20px; } .mx-site { display: flex; gap: 8px; align-items: center; margin: 4px 0; } ul { padding-left: 0; list-style: none; }',
    '.mx-source { border: 1px solid var(--mx-border); border-radius: 8px; padding: 8px 12px; margin: 8px 0; } .mx-source p { margin: 4px 0; }',
    '.mx-source-error { color: #b3261e; } @media (prefers-color-scheme: dark) { .mx-source-error { color: #ffb4ab; } }',
    '.mx-lock { font-size: 0.8rem; border: 1px solid var(--mx-border); border-radius: 999px; padding: 1px 8px; }',
    '.mx-actions { justify-content: flex-start; } .mx-form input[type="url"], .mx-form input[type="text"], .mx-form input[type="number"] { display: block; width: 100%; box-sizing: border-box; margin-top: 2px; }',
    '.mx-form input { font: inherit; color: inherit; background: transparent; border: 1px solid var(--mx-border); border-radius: 6px; padding: 4px 8px; } h3 { font-size: 0.95rem; margin: 1em 0 0.3em; }',
  ].join('\n');
  document.head.append(style);
  const app = document.getElementById('app') as HTMLElement;
  await applyPageLanguage(document, await language.getValue());

  // Asking the background for the sources also makes it check the policy again.
  const section: SourcesSection = { answer: null, busy: false, error: '' };

  const draw = async () => {
    const effective = await readSettings();
    const policy = await readPolicyCopy();
    const locked = new Set(effective.locked);
    const lockNote = html`<span class="mx-lock">${t('setByOrganisation', 'Set by your organisation')}</span>`;
    const current = effective.triggers;
    const sites = await disabledSites.getValue();
    const pdfsHere = await openPdfs.getValue();
    const policySites = policy.disabledSites ?? [];
    const lang = effective.language;
    const status = await request({ type: 'status' });
    const setTrigger = (key: keyof Triggers) => async (e: Event) => {
      await triggers.setValue({ ...current, [key]: (e.target as HTMLInputElement).checked });
      await draw();
    };
    const addSite = async (e: Event) => {
      e.preventDefault();
      const input = (e.target as HTMLFormElement).elements.namedItem('site') as HTMLInputElement;
      const value = input.value.trim();
      const site = siteOf(value.includes('://') ? value : `https://${value}`);
      if (!site) return;
      await disabledSites.setValue([...new Set([...sites, site])]);
      input.value = '';
      await draw();
    };
    render(
      html`<h1>${t('optionsTitle', 'MediXchange Lookup options')}</h1>
        <h2 id="triggers-heading">${t('triggers', 'Show guidance when I')} ${locked.has('triggers') ? lockNote : nothing}</h2>
        <fieldset aria-labelledby="triggers-heading" ?disabled=${locked.has('triggers')}>
          <label><input type="checkbox" name="doubleClick" .checked=${current.doubleClick} @change=${setTrigger('doubleClick')} /> ${t('triggerDoubleClick', 'double-click a word')}</label>
          <label><input type="checkbox" name="selection" .checked=${current.selection} @change=${setTrigger('selection')} /> ${t('triggerSelection', 'finish selecting text')}</label>
          <label><input type="checkbox" name="modifier" .checked=${current.modifier} @change=${setTrigger('modifier')} /> ${t('triggerModifier', 'hold Alt while selecting')}</label>
        </fieldset>
        <p class="mx-muted">${t('shortcuts', 'Keyboard shortcuts')}: Alt+Shift+L — ${t('commandLookup', 'Look up the selection')}; Alt+Shift+K — ${t('commandFocus', 'Move focus into the lookup popover')}.</p>

        <h2 id="sites-heading">${t('disabledSites', 'Sites where lookup is off')}</h2>
        <ul aria-labelledby="sites-heading" id="site-list">
          ${policySites.map((site) => html`<li class="mx-site" data-locked="true"><span>${site}</span> ${lockNote}</li>`)}
          ${sites.filter((site) => !policySites.includes(site)).map(
            (site) => html`<li class="mx-site"><span>${site}</span>
              <button type="button" @click=${async () => { await disabledSites.setValue(sites.filter((s) => s !== site)); await draw(); }}>${t('remove', 'Remove')} ${site}</button></li>`,
          )}
        </ul>
        <form class="mx-site" @submit=${addSite}>
          <label for="site-input" class="mx-muted">${t('addSiteLabel', 'Turn lookup off on')}</label>
          <input type="text" id="site-input" name="site" placeholder=${t('sitePlaceholder', 'ehr.example.org')} />
          <button type="submit">${t('addSite', 'Add')}</button>
        </form>

        <h2 id="pdf-heading">${t('pdfHeading', 'PDFs')}</h2>
        <label
          ><input type="checkbox" id="open-pdfs" .checked=${pdfsHere} @change=${async (e: Event) => { await openPdfs.setValue((e.target as HTMLInputElement).checked); await draw(); }} />
          ${t('pdfOption', "Open every PDF in MediXchange Lookup's viewer, where lookup works (the browser's own viewer does not let extensions read a selection)")}</label
        >
        <p class="mx-muted">${t('pdfOptionNote', 'Each site a PDF comes from is asked for once, when its PDF does not open otherwise. The viewer always offers the browser\'s own.')}</p>

        <h2><label for="language">${t('languageLabel', 'Language of the guidance')}</label> ${locked.has('language') ? lockNote : nothing}</h2>
        <select id="language" ?disabled=${locked.has('language')} @change=${async (e: Event) => { const chosen = (e.target as HTMLSelectElement).value as LanguageSetting; await language.setValue(chosen); await applyPageLanguage(document, chosen); await draw(); }}>
          ${CARD_LANGUAGE_SETTINGS.map((l) => html`<option value=${l} ?selected=${l === lang}>${l === 'auto' ? t('languageAuto', 'Same as the browser') : LANGUAGE_NAMES[l]}</option>`)}
        </select>

        <h2>${t('indexInfo', 'Guidance index')}</h2>
        <p id="index-status">${status
          ? html`${status.source.split('+').join(' + ')} · ${status.entries} ${t('entries', 'entries')} · ${status.terms} terms · ${t('built', 'built')} ${status.built.slice(0, 10)}`
          : '…'}</p>
        ${status?.problem ? html`<p class="mx-problems" role="status">${status.problem}</p>` : nothing}
        ${status && status.ignored.length > 0
          ? html`<details class="mx-diagnostics"><summary>${t('diagnostics', 'Diagnostics')}</summary>
              <ul>${status.ignored.map((e) => html`<li><time>${e.at.slice(0, 19).replace('T', ' ')}</time> ${e.why}: ${e.message}</li>`)}</ul>
            </details>`
          : nothing}

        ${sourcesTemplate(section, t, (next) => {
          Object.assign(section, next);
          void draw();
        })}`,
      app,
    );
  };
  // The background re-reads hospital IT's policy and syncs on its own schedule; show the news
  // (listening before the first request, so a change during the first draw is not missed).
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !('policy' in changes || SYNC_STAMP_KEY in changes) || section.busy) return;
    void adminRequest({ type: 'sources' }).then((reply) => {
      if (reply.ok) section.answer = reply.value;
      void draw();
    });
  });
  const first = await adminRequest({ type: 'sources' });
  if (first.ok) section.answer = first.value;
  else section.error = first.error;
  await draw();
}

void main();
