// <mx-search-panel>: a search box following the WAI-ARIA combobox pattern (type-ahead, arrows,
// Enter, Escape) with the chosen entry's card below. Used by the extension's popup and entry
// page and by the <mx-lookup> widget; data comes through the `suggest` and `fetchEntry` functions.
import { LitElement, html, nothing, unsafeCSS, type PropertyValues } from 'lit';
import type { Entry } from '../core/index/types';
import type { Hit } from '../core/match/types';
import { lookupViewTemplate, type ViewState, type EntryPurpose } from './lookup-view';
import { directionOf, stringsFor } from './strings';
import { CARD_CSS, THEME_CSS } from './styles';

export interface Suggestions {
  hits: Hit[];
  entries: Record<string, Entry>;
}

const SEARCH_CSS = `
:host { display: block; font: var(--_mx-font-size)/1.45 var(--_mx-font); color: var(--_mx-fg); }
.mx-search { position: relative; }
label.mx-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
input { box-sizing: border-box; width: 100%; font: inherit; padding: 8px 10px; border: 1px solid var(--_mx-border); border-radius: 8px; background: var(--_mx-bg); color: var(--_mx-fg); }
[role="listbox"] { list-style: none; margin: 4px 0 0; padding: 4px; border: 1px solid var(--_mx-border); border-radius: 8px; background: var(--_mx-bg); max-height: 260px; overflow: auto; }
[role="option"] { padding: 6px 8px; border-radius: 6px; cursor: pointer; display: flex; justify-content: space-between; gap: 8px; }
[role="option"][aria-selected="true"] { background: var(--_mx-accent); color: var(--_mx-accent-fg); }
.mx-option-term { opacity: 0.8; font-size: 0.9em; }
.mx-empty { color: var(--_mx-muted); margin: 6px 2px; }
.mx-result { margin-top: 12px; }
:host([floating]) .mx-search { position: relative; }
:host([floating]) [role="listbox"], :host([floating]) .mx-result, :host([floating]) .mx-empty {
  position: absolute; inset-inline: 0; z-index: 10; margin-block-start: 4px; background: var(--_mx-bg); color: var(--_mx-fg);
  border: 1px solid var(--_mx-border); border-radius: var(--_mx-radius); box-shadow: var(--_mx-shadow);
}
:host([floating]) .mx-result { padding: 12px 14px; max-height: min(70vh, 600px); overflow: auto; }
:host([floating]) .mx-empty { padding: 8px 10px; }
`;

let instances = 0;

/**
 * @fires mx-lookup-open - a card was opened; `detail: { id }`
 * @fires mx-lookup-select - a suggestion was chosen; `detail: { id }`
 * @csspart input - the search field
 */
export class MxSearchPanel extends LitElement {
  static override properties = {
    lang: { type: String },
    placeholder: { type: String },
    label: { type: String },
    /** Results and card float over the page below the box (the widget) instead of flowing inline. */
    floating: { type: Boolean, reflect: true },
    query: { state: true },
    results: { state: true },
    active: { state: true },
    expanded: { state: true },
    view: { state: true },
  };

  static override styles = [unsafeCSS(THEME_CSS), unsafeCSS(CARD_CSS), unsafeCSS(SEARCH_CSS)];

  override lang = 'en';
  placeholder = '';
  label = '';
  floating = false;
  query = '';
  results: Suggestions = { hits: [], entries: {} };
  active = -1;
  expanded = false;
  view: ViewState | null = null;
  suggest: (text: string) => Promise<Suggestions | null> = async () => null;
  /** An entry by id: for its card, or only for its title (a related entry's link). */
  fetchEntry: (id: string, purpose?: EntryPurpose) => Promise<Entry | null> = async () => null;

  private readonly uid = `mx-search-${++instances}`;
  private pending = 0;
  /** The search for the text in the box, while it runs (Enter typed before it returns waits for it). */
  private searching: Promise<void> = Promise.resolve();

  /** Opens the card of an entry (from a link, the omnibox or an Infobutton request). */
  async open(id: string, matched?: Hit): Promise<boolean> {
    const entry = await this.fetchEntry(id);
    if (!entry) return false;
    const entries: Record<string, Entry> = { [id]: entry };
    await Promise.all(
      entry.related.map(async (rid) => {
        const related = await this.fetchEntry(rid, 'title');
        if (related) entries[rid] = related;
      }),
    );
    const hit: Hit = matched ?? { id, term: entry.title.en ?? id, kind: 'exact', score: 1, start: 0, end: 0, lang: 'en' };
    this.view = { result: { mode: 'term', text: matched ? this.query : '', hits: [hit], entries }, lang: this.lang, open: id, trail: [] };
    this.expanded = false;
    this.dispatchEvent(new CustomEvent('mx-lookup-open', { detail: { id }, bubbles: true, composed: true }));
    return true;
  }

  // A floating panel closes when the reader clicks elsewhere on the page.
  private readonly onOutside = (event: Event) => {
    if (this.floating && !event.composedPath().includes(this)) {
      this.expanded = false;
      this.view = null;
    }
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.onOutside, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.onOutside, true);
  }

  override focus(): void {
    this.renderRoot.querySelector('input')?.focus();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('lang') && this.view) this.view = { ...this.view, lang: this.lang };
  }

  private onInput(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    this.searching = this.search();
  }

  private async search(): Promise<void> {
    const ticket = ++this.pending;
    const answer = this.query.trim() ? await this.suggest(this.query) : null;
    if (ticket !== this.pending) return;
    this.results = answer ?? { hits: [], entries: {} };
    this.active = this.results.hits.length > 0 ? 0 : -1;
    this.expanded = this.query.trim().length > 0;
  }

  private choose(index: number): void {
    const hit = this.results.hits[index];
    if (!hit) return;
    this.dispatchEvent(new CustomEvent('mx-lookup-select', { detail: { id: hit.id }, bubbles: true, composed: true }));
    void this.open(hit.id, hit);
  }

  private onKeyDown(event: KeyboardEvent): void {
    const count = this.results.hits.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        this.expanded = this.query.trim().length > 0;
        if (count) this.active = (this.active + 1) % count;
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (count) this.active = (this.active - 1 + count) % count;
        break;
      case 'Enter':
        event.preventDefault();
        void this.searching.then(() => {
          if (this.expanded && this.active >= 0) this.choose(this.active);
        });
        break;
      case 'Escape':
        if (this.expanded) {
          event.preventDefault();
          this.expanded = false;
        } else if (this.view) {
          event.preventDefault();
          this.view = null;
        } else if (this.query) {
          this.query = '';
          this.results = { hits: [], entries: {} };
        }
        break;
    }
  }

  override render() {
    const s = stringsFor(this.lang);
    const listId = `${this.uid}-list`;
    const showList = this.expanded && this.query.trim().length > 0;
    return html`<div class="mx-root mx-search" lang=${this.lang} dir=${directionOf(this.lang)}>
      <label class="mx-visually-hidden" for="${this.uid}-input">${this.label || s.search}</label>
      <input
        id="${this.uid}-input"
        part="input"
        type="search"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        aria-autocomplete="list"
        aria-controls=${listId}
        aria-expanded=${showList ? 'true' : 'false'}
        aria-activedescendant=${showList && this.active >= 0 ? `${this.uid}-opt-${this.active}` : nothing}
        placeholder=${this.placeholder || s.searchPlaceholder}
        .value=${this.query}
        @input=${this.onInput}
        @keydown=${this.onKeyDown}
      />
      <ul id=${listId} role="listbox" aria-label=${s.results} ?hidden=${!showList}>
        ${this.results.hits.map((hit, i) => {
          const entry = this.results.entries[hit.id];
          const title = entry ? (entry.title[this.lang] ?? entry.title.en) : hit.id;
          return html`<li id="${this.uid}-opt-${i}" role="option" aria-selected=${i === this.active ? 'true' : 'false'} data-entry-id=${hit.id}
            @mousedown=${(e: Event) => e.preventDefault()} @click=${() => this.choose(i)}>
            <span>${title}</span><span class="mx-option-term">${hit.term}</span>
          </li>`;
        })}
      </ul>
      ${showList && this.results.hits.length === 0 ? html`<p class="mx-empty" role="status">${s.noResults}</p>` : nothing}
      ${this.view
        ? html`<div class="mx-result" part="result">${lookupViewTemplate(this.view, {
            update: (state) => (this.view = state),
            fetchEntry: this.fetchEntry,
            close: () => {
              this.view = null;
              this.focus();
            },
          })}</div>`
        : nothing}
    </div>`;
  }
}

export function defineSearchPanel(): void {
  if (!customElements.get('mx-search-panel')) customElements.define('mx-search-panel', MxSearchPanel);
}

declare global {
  interface HTMLElementTagNameMap {
    'mx-search-panel': MxSearchPanel;
  }
}
