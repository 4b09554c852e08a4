// The options page's "Guidance sources" section: each source with its status in words, Sync now,
// Remove, and a form to add one. Sources set by hospital IT are shown locked. The background does
// every change (extension/sources.ts); this page only asks and shows.
import { html, nothing, type TemplateResult } from 'lit-html';
import { adminRequest } from '../../extension/client';
import type { SourcesAnswer, SourceView } from '../../extension/messages';

type T = (key: string, fallback: string) => string;

export interface SourcesSection {
  answer: SourcesAnswer | null;
  busy: boolean;
  error: string;
}

const when = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '');

function statusLine(view: SourceView, t: T): TemplateResult {
  const state = view.state;
  const installed =
    state?.version !== undefined
      ? html`${t('version', 'version')} ${state.version} · ${view.entries ?? 0} ${t('entries', 'entries')}${state.status.lastSuccess ? html` · ${t('lastSynced', 'last synced')} ${when(state.status.lastSuccess)}` : nothing}`
      : html`${t('notInstalled', 'not installed yet')}`;
  const failed = state?.status.lastResult === 'failed' || state?.status.lastResult === 'refused';
  return html`<p class="mx-source-status" role="status">${installed}</p>
    ${failed
      ? html`<p class="mx-source-error" role="alert" data-result=${state?.status.lastResult ?? ''}>
          ${when(state?.status.lastAttempt)}: ${state?.status.lastError}
          ${state?.version !== undefined ? t('keptInstalled', 'The installed guidance stays in use.') : nothing}
          ${state?.status.nextAttempt ? html`${t('nextAttempt', 'Next attempt after')} ${when(state.status.nextAttempt)}.` : nothing}
        </p>`
      : state?.status.lastError
        ? html`<p class="mx-muted">${state.status.lastError}</p>`
        : nothing}`;
}

export function sourcesTemplate(section: SourcesSection, t: T, update: (next: Partial<SourcesSection>) => void): TemplateResult {
  const answer = section.answer;
  const act = async (request: Parameters<typeof adminRequest>[0]) => {
    update({ busy: true, error: '' });
    const reply = await adminRequest(request);
    update(reply.ok ? { busy: false, answer: reply.value } : { busy: false, error: reply.error });
    return reply;
  };
  const add = async (event: Event) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const reply = await act({
      type: 'add-source',
      source: { name: field('name'), manifestUrl: field('manifestUrl'), publicKey: field('publicKey'), priority: Number(field('priority')) },
    });
    if (reply.ok && reply.value.problems.length === 0) form.reset();
  };
  return html`<section id="sources" aria-labelledby="sources-heading" aria-busy=${section.busy ? 'true' : 'false'}>
    <h2 id="sources-heading">${t('sourcesTitle', 'Guidance sources')}</h2>
    <p class="mx-muted">${t('sourcesNote', 'The bundled guidance is always there, below every source; a source with a higher priority replaces an entry with the same id.')}</p>
    ${answer?.policyProblems.length ? html`<p role="alert">${t('policyProblems', 'Parts of your organisation\'s policy are not valid and were ignored')}: ${answer.policyProblems.join('; ')}</p>` : nothing}
    <ul id="source-list" class="mx-sources-list">
      ${(answer?.sources ?? []).map(
        (view) => html`<li class="mx-source" data-source-id=${view.config.id}>
          <div class="mx-bar">
            <strong>${view.config.name}</strong>
            ${view.config.managed ? html`<span class="mx-lock">${t('setByOrganisation', 'Set by your organisation')}</span>` : nothing}
          </div>
          <p class="mx-muted">${view.config.manifestUrl} · ${t('priority', 'priority')} ${view.config.priority}</p>
          ${statusLine(view, t)}
          <div class="mx-bar mx-actions">
            <button type="button" class="mx-sync-one" ?disabled=${section.busy} @click=${() => act({ type: 'sync', id: view.config.id })}>${t('syncNow', 'Sync now')}</button>
            ${view.config.managed
              ? nothing
              : html`<button type="button" ?disabled=${section.busy} @click=${() => act({ type: 'remove-source', id: view.config.id })}>${t('remove', 'Remove')} ${view.config.name}</button>`}
          </div>
        </li>`,
      )}
    </ul>
    ${answer && answer.sources.length > 1
      ? html`<button type="button" id="sync-all" ?disabled=${section.busy} @click=${() => act({ type: 'sync' })}>${t('syncAll', 'Sync all now')}</button>`
      : nothing}
    ${section.error ? html`<p role="alert">${section.error}</p>` : nothing}
    ${answer?.allowUserSources === false
      ? html`<p class="mx-muted">${t('onlyManagedSources', 'Your organisation allows only the sources it has set.')}</p>`
      : html`<form id="add-source" class="mx-form" @submit=${add}>
          <h3>${t('addSource', 'Add a source')}</h3>
          <label>${t('sourceName', 'Name')} <input type="text" name="name" required maxlength="100" /></label>
          <label>${t('manifestUrl', 'Manifest address (https://…/manifest.json)')} <input type="url" name="manifestUrl" required placeholder="https://guidance.example.org/manifest.json" /></label>
          <label>${t('publicKey', 'Public key (from the publisher)')} <input type="text" name="publicKey" required spellcheck="false" autocomplete="off" /></label>
          <label>${t('priorityLabel', 'Priority (1–1000; higher wins)')} <input type="number" name="priority" min="1" max="1000" value="10" required /></label>
          <button type="submit" ?disabled=${section.busy}>${t('addSourceButton', 'Add and sync')}</button>
          ${answer?.problems.length ? html`<ul class="mx-problems" role="alert">${answer.problems.map((p) => html`<li>${p}</li>`)}</ul>` : nothing}
        </form>`}
  </section>`;
}
