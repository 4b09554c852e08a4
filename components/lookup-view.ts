// What a popover shows for one selection: the card of a term, or the list of terms in a sentence
// with each card one click away (and back). Shared by the extension's popover and the widget.
import { html, type TemplateResult } from 'lit-html';
import type { Entry } from '../core/index/types';
import { isPartialEntry } from '../core/index/split';
import type { Hit } from '../core/match/types';
import { cardTemplate, termListTemplate } from './card';
import { stringsFor } from './strings';

export interface LookupResult {
  mode: 'term' | 'sentence';
  text: string;
  hits: Hit[];
  entries: Record<string, Entry>;
}

export interface ViewState {
  result: LookupResult;
  lang: string;
  /** The open card, when the list is not shown. */
  open?: string;
  /** Cards opened through "related" links, to go back to. */
  trail: string[];
}

/** Why an entry is fetched: to show its card, or only its title (a link to it). */
export type EntryPurpose = 'card' | 'title';

export interface ViewHandlers {
  /** Re-render with a new state. */
  update: (state: ViewState) => void;
  /** An entry that is not in `result.entries` yet, or not whole: fetch it, for its card or only for its title. */
  fetchEntry: (id: string, purpose?: EntryPurpose) => Promise<Entry | null>;
  close: () => void;
}

export function initialState(result: LookupResult, lang: string): ViewState {
  return { result, lang, open: result.mode === 'term' || result.hits.length === 1 ? result.hits[0]?.id : undefined, trail: [] };
}

function titleOf(entry: Entry | undefined, lang: string): string | undefined {
  return entry ? (entry.title[lang] ?? entry.title.en) : undefined;
}

export function lookupViewTemplate(state: ViewState, handlers: ViewHandlers): TemplateResult {
  const { result, lang } = state;
  const s = stringsFor(lang);
  const openEntry = async (id: string) => {
    let entries = result.entries;
    // Not in the answer, or only its matching part (the widget fetches a card's text when it opens).
    const known = entries[id];
    if (!known || isPartialEntry(known)) {
      const fetched = await handlers.fetchEntry(id);
      if (!fetched) return;
      entries = { ...entries, [id]: fetched };
      for (const rid of fetched.related) if (!entries[rid]) {
        const rel = await handlers.fetchEntry(rid, 'title');
        if (rel) entries[rid] = rel;
      }
    }
    handlers.update({ ...state, result: { ...result, entries }, open: id, trail: state.open ? [...state.trail, state.open] : state.trail });
  };
  if (!state.open) {
    return termListTemplate(result.hits, result.entries, { lang, text: result.text, onOpen: (id) => void openEntry(id), onClose: handlers.close });
  }
  const entry = result.entries[state.open];
  if (!entry) return html``;
  const hit = result.hits.find((h) => h.id === state.open);
  const relatedTitles: Record<string, string> = {};
  for (const id of entry.related) {
    const title = titleOf(result.entries[id], lang);
    if (title) relatedTitles[id] = title;
  }
  const others =
    result.mode === 'term' && state.trail.length === 0
      ? result.hits.slice(1, 4).flatMap((h) => {
          const title = titleOf(result.entries[h.id], lang);
          return title && h.id !== entry.id ? [{ id: h.id, title }] : [];
        })
      : [];
  const canGoBack = state.trail.length > 0 || (result.mode === 'sentence' && result.hits.length > 1);
  return html`${canGoBack
      ? html`<button type="button" class="mx-back" @click=${() => {
          const trail = [...state.trail];
          const previous = trail.pop();
          handlers.update({ ...state, open: previous, trail });
        }}>← ${s.back}</button>`
      : ''}
    ${cardTemplate(entry, {
      lang,
      // Opened by id (a link, Infobutton) there are no matched words to show.
      matched: hit && state.trail.length === 0 ? matchedWords(hit, result.text) : undefined,
      relatedTitles,
      otherSenses: others,
      onRelated: (id) => void openEntry(id),
      onLanguage: (l) => handlers.update({ ...state, lang: l }),
      onClose: handlers.close,
    })}`;
}

/** What the "Matched:" line shows for a hit: the words matched, and around a widened selection the rest of its term. */
function matchedWords(hit: Hit, text: string): { text: string; term: string; before?: string; after?: string } | undefined {
  const around = hit.inContext;
  if (around && around.end > around.start)
    return {
      before: around.text.slice(0, around.start),
      text: around.text.slice(around.start, around.end),
      after: around.text.slice(around.end),
      term: hit.term,
    };
  return hit.end > hit.start ? { text: text.slice(hit.start, hit.end), term: hit.term } : undefined;
}
