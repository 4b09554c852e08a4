// <mx-lookup>: guidance search and selection lookup for hospital sites, from one script tag.
import { LitElement, html, nothing, unsafeCSS, type PropertyValues, type TemplateResult } from 'lit';
import { LookupController } from '../components/lookup/controller';
import { defineSearchPanel, type MxSearchPanel } from '../components/search-panel';
import { stringsFor } from '../components/strings';
import { THEME_CSS } from '../components/styles';
import { parseInfobutton, resolveInfobutton } from '../core/infobutton/infobutton';
import type { Entry, GuidanceIndex } from '../core/index/types';
import type { EntryPurpose } from '../components/lookup-view';
import type { Matcher } from '../core/match/matcher';
import { answerSelection, entriesFor } from '../core/match/selection';
import { keepMatcher, loadIndex, type IndexParts, type LoadedIndex } from './index-loader';
import type { SyncReport, SyncStatus } from './source-sync';
import { ignore, reportIgnoredTo } from '../core/errors/ignore';

// Where a return visit's time goes, for the web team and the bench: this mark, then
// mx-lookup:cache-read (the index read from IndexedDB), mx-lookup:matcher ({ restored } from the
// snapshot kept beside the index, or built) and mx-lookup:ready.
performance.mark('mx-lookup:script');

/** Where this module was loaded from: the default index sits next to it. */
const SCRIPT_URL = import.meta.url;
// Errors the widget lets pass (core/errors/ignore.ts) are told to the console's debug level, for the web team.
reportIgnoredTo((ignored) => console.debug(`mx-lookup: ${ignored.why}: ${ignored.message}`));

export type Mode = 'search' | 'selection' | 'both';

/** The matcher of one index URL, shared by every <mx-lookup> of the page; replaced when a newer index arrives. */
interface SharedIndex {
  index: GuidanceIndex;
  matcher: Matcher;
  from: LoadedIndex['from'];
  /** The cards' text and near words still to fetch (a matching index from the network); null when the index is whole. */
  cards: IndexParts | null;
  /** Run after a newer index replaced `index` and `matcher` (a followed source merges with the new one). */
  onReplace: Set<() => void>;
}

/** What an element answers from: the shared index, or its merge with a followed source. Its matcher is replaced in place. */
interface Answering {
  matcher: Matcher;
}

const shared = new Map<string, Promise<SharedIndex>>();

/** How long after a return visit is ready a matcher it had to build is kept (its snapshot written beside the index). */
const KEEP_DELAY_MS = 3000;

function sharedIndex(url: string): Promise<SharedIndex> {
  let loading = shared.get(url);
  if (!loading) {
    let record: SharedIndex | undefined;
    // A source merged with the default index is rebuilt once the default's near words have arrived.
    const completed = (matcher: Matcher) => {
      if (record?.matcher === matcher) for (const listener of record.onReplace) listener();
    };
    // The matcher's code is fetched while the index is read or downloads (it is not needed before).
    const matchers = import('./matchers');
    const ready: Promise<SharedIndex> = loadIndex(url, {
      matcherSnapshot: (index) => matchers.then(({ matcherToKeep }) => matcherToKeep(index)),
      // A newer index may arrive before the cached one is ready (its matcher still restoring): it then replaces it once ready.
      onUpdate: (index, cards) => {
        void Promise.all([ready, matchers])
          .then(([update, { matcherFor }]) => {
            update.index = index;
            update.cards = cards;
            update.matcher = matcherFor(index, cards, completed);
            for (const listener of update.onReplace) listener();
          })
          .catch(ignore('the index failed to load: nothing to replace'));
      },
    }).then(async ({ index, from, cards, matcher: kept }) => {
      const { matcherFor, matcherToKeep, restoredMatcher } = await matchers;
      const restored = restoredMatcher(kept, index);
      const matcher = restored ?? matcherFor(index, cards, completed);
      performance.mark('mx-lookup:matcher', { detail: { restored: restored !== undefined } });
      // A cached index whose kept matcher was unusable (none, or other code's) keeps this one, once the reader is served.
      if (from === 'cache' && !restored)
        setTimeout(() => {
          void Promise.resolve()
            .then(() => keepMatcher(url, index, matcherToKeep(index)))
            .catch(ignore('the next visit builds the matcher again'));
        }, KEEP_DELAY_MS);
      return (record = { index, matcher, from, cards, onReplace: new Set() });
    });
    loading = ready;
    loading.catch(() => shared.delete(url)); // the next element tries again
    shared.set(url, loading);
  }
  return loading;
}

const WIDGET_CSS = `
:host { display: block; font: var(--_mx-font-size)/1.45 var(--_mx-font); color: var(--_mx-fg); }
:host([hidden]) { display: none; }
.mx-message { margin: 6px 0; padding: 8px 10px; border: 1px solid var(--_mx-border); border-radius: 8px; background: var(--_mx-bg); }
.mx-message[data-kind="error"] { border-color: #b3261e; }
`;

/** The events of `<mx-lookup>` by name: each bubbles and crosses shadow roots (`composed`). */
export interface MxLookupEventMap {
  /** A card was opened (search, selection or an Infobutton link). */
  'mx-lookup-open': CustomEvent<{ id: string }>;
  /** A search suggestion was chosen. */
  'mx-lookup-select': CustomEvent<{ id: string }>;
  /** The index is loaded and lookups work: how many entries answer, and whether the index came from the network or the page's cache. */
  'mx-lookup-ready': CustomEvent<{ entries: number; from: 'network' | 'cache' }>;
  /** The followed `source` was synced (or, when no sync was due, its last sync). */
  'mx-lookup-sync': CustomEvent<Pick<SyncReport, 'result' | 'version' | 'reason'>>;
}

/** One of the element's events, typed by its name; bubbling and composed (the search panel inside fires `mx-lookup-open` and `mx-lookup-select` the same way). */
function lookupEvent<K extends keyof MxLookupEventMap>(name: K, detail: MxLookupEventMap[K]['detail']): CustomEvent<MxLookupEventMap[K]['detail']> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true });
}

/**
 * Guidance search and selection lookup for hospital sites: a search box (`mode="search"`), lookup of
 * what the reader selects or double-clicks in the page (`mode="selection"`, within `scope`), or both.
 *
 * @summary Clinical guidance search and selection lookup, offline after the first load.
 *
 * @fires {CustomEvent<{ id: string }>} mx-lookup-open - a card was opened (search, selection or an Infobutton link); `detail.id` is the entry's id
 * @fires {CustomEvent<{ id: string }>} mx-lookup-select - a search suggestion was chosen; `detail.id` is the entry's id
 * @fires {CustomEvent<{ entries: number; from: 'network' | 'cache' }>} mx-lookup-ready - the index is loaded and lookups work
 * @fires {CustomEvent<{ result: 'full' | 'delta' | 'not-modified' | 'refused' | 'failed'; version?: number; reason?: string }>} mx-lookup-sync - the followed `source` was synced (or, when no sync was due, its last sync)
 *
 * @csspart input - the search field
 * @csspart message - loading and error messages
 *
 * @cssprop --mx-accent - links, buttons and the focus ring
 * @cssprop --mx-accent-fg - text on the accent colour
 * @cssprop --mx-bg - background of the search list, cards and popover
 * @cssprop --mx-fg - text colour
 * @cssprop --mx-muted - secondary text (sources, review date)
 * @cssprop --mx-border - borders
 * @cssprop --mx-mark - highlight of the matched words
 * @cssprop --mx-font - font family
 * @cssprop --mx-font-size - base font size
 * @cssprop --mx-radius - corner radius
 * @cssprop --mx-shadow - shadow of the floating list and popover
 * @cssprop --mx-width - width of the popover
 */
export class MxLookup extends LitElement {
  static override properties = {
    index: { type: String },
    lang: { type: String },
    mode: { type: String },
    scope: { type: String },
    placeholder: { type: String },
    theme: { type: String, reflect: true },
    source: { type: String },
    key: { type: String },
    syncStatus: { type: String, attribute: 'sync-status', reflect: true },
    message: { state: true, attribute: false },
    ready: { type: Boolean, reflect: true },
  };

  static override styles = [unsafeCSS(THEME_CSS), unsafeCSS(WIDGET_CSS)];

  /** URL of a guidance index (default: guidance-index.json next to this script). */
  index = '';
  /** Language of the cards (default: the page's `lang`, else the browser's). */
  override lang = '';
  /** `search` (a search box), `selection` (lookup of what the reader selects in the page) or `both`. */
  mode: Mode = 'both';
  /** CSS selector of the content where selection lookup works (default: the whole page). */
  scope = '';
  /** The search field's placeholder (default: "Search guidance" in the reader's language). */
  placeholder = '';
  /** `light` or `dark`; default follows the reader's system. */
  theme: 'light' | 'dark' | '' = '';
  /** URL of a signed guidance source's manifest.json, followed above the default index (needs `key`). */
  source = '';
  /** The source's Ed25519 public key (base64): a manifest signed by any other key is refused. */
  key = '';
  /** How the last sync of `source` went: `ok`, `failed` or `refused` (reflected as `sync-status`). */
  syncStatus: SyncStatus | undefined = undefined;
  /** Set once the index is loaded (reflected as the `ready` attribute). */
  ready = false;
  private message: { kind: 'status' | 'error'; text: string } | null = null;

  private shared: Answering | null = null;
  private controller: LookupController | null = null;
  /** The attributes of the latest load (index URL, source, key): a load that finds them changed stops. */
  private loadedWith = '';
  /** The default index this element answers from (with a followed source on top, when it has one). */
  private defaultIndex: SharedIndex | null = null;

  private get matcher(): Matcher | null {
    return this.shared?.matcher ?? null;
  }

  private get readerLang(): string {
    const raw = this.lang || document.documentElement.lang || navigator.language || 'en';
    return raw.toLowerCase().split(/[-_]/)[0] ?? 'en';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    defineSearchPanel();
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.stop();
    this.controller = null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if ((changed.has('index') || changed.has('source') || changed.has('key')) && this.loadedWith && this.loadAttributes() !== this.loadedWith) void this.load();
    if (changed.has('mode') || changed.has('scope')) this.setUpSelection();
  }

  /** Opens the card of an entry in the search panel (used for Infobutton links). */
  async openEntry(id: string): Promise<boolean> {
    await this.updateComplete;
    const panel = this.panel();
    return panel ? panel.open(id) : false;
  }

  private loadAttributes(): string {
    return `${this.indexUrl()} ${this.source} ${this.key}`;
  }

  private indexUrl(): string {
    return new URL(this.index || 'guidance-index.json', this.index ? document.baseURI : SCRIPT_URL).href;
  }

  private panel(): MxSearchPanel | null {
    return this.renderRoot.querySelector('mx-search-panel');
  }

  private async load(): Promise<void> {
    const attributes = this.loadAttributes();
    this.loadedWith = attributes;
    this.message = { kind: 'status', text: '…' };
    this.syncStatus = undefined;
    try {
      const record = await sharedIndex(this.indexUrl());
      if (attributes !== this.loadedWith) return; // an attribute changed meanwhile
      this.defaultIndex = record;
      const { answering, synced } = this.source ? await this.follow(record) : { answering: record, synced: undefined };
      if (attributes !== this.loadedWith) return;
      this.shared = answering;
      this.ready = true;
      performance.mark('mx-lookup:ready');
      this.message = null;
      this.setUpSelection();
      this.dispatchEvent(lookupEvent('mx-lookup-ready', { entries: answering.matcher.entries.length, from: record.from }));
      void synced?.then((report) => {
        if (attributes === this.loadedWith) this.reportSync(report);
      });
      await this.updateComplete;
      this.wirePanel();
      await this.answerInfobutton();
    } catch (error) {
      this.message = { kind: 'error', text: error instanceof Error ? error.message : String(error) };
    }
  }

  /** The merge of `record` with the source this element follows; `record` alone when the source cannot be followed. */
  private async follow(record: SharedIndex): Promise<{ answering: Answering; synced: Promise<SyncReport> }> {
    const unfollowed = (result: 'failed' | 'refused', error: unknown) => ({
      answering: record,
      synced: Promise.resolve<SyncReport>({ result, reason: error instanceof Error ? error.message : String(error), status: result, installed: false }),
    });
    let followSource: typeof import('./source-sync').followSource;
    try {
      // The sync client, Ed25519 and the sync storage are a chunk of their own, fetched only by a widget with a source.
      ({ followSource } = await import('./source-sync'));
    } catch (error) {
      return unfollowed('failed', error);
    }
    try {
      const { buildMatcher } = await import('./matchers');
      // Merged with a default index whose near words are still to come, the source's matcher waits for them too (onReplace rebuilds it).
      const build = (index: GuidanceIndex) => buildMatcher(index, { nearWordsPending: record.cards?.nearWordsPending === true });
      const followed = await followSource(record, this.source, this.key, build);
      return { answering: followed, synced: followed.synced };
    } catch (error) {
      // Unusable attributes (or no WebCrypto): nothing is requested from the source, the default index answers.
      return unfollowed('refused', error);
    }
  }

  /** Reports a sync of the followed source: always as an event and `sync-status`; in the widget only when the web team must act. */
  private reportSync({ result, version, reason, status, installed }: SyncReport): void {
    this.syncStatus = status;
    this.dispatchEvent(lookupEvent('mx-lookup-sync', { result, version, reason }));
    if (status === 'ok') return;
    const shown = installed ? `Its version ${version} installed earlier is shown.` : 'The default guidance is shown.';
    // A refused source (bad signature, rollback, bad attributes) is a fault of the site; a network failure over an
    // installed index is routine (the reader is offline, the server is down) and the reader loses nothing.
    if (status === 'failed' && installed) console.warn(`mx-lookup: the guidance source could not be synced. ${reason ?? ''} ${shown}`);
    else this.message = { kind: 'error', text: `The guidance source was ${status === 'refused' ? 'refused' : 'not loaded'}: ${reason ?? 'no reason given.'} ${shown}` };
  }

  private wirePanel(): void {
    const panel = this.panel();
    const record = this.shared; // its matcher is replaced when a newer index (or source version) arrives
    if (!panel || !record) return;
    panel.suggest = (text) =>
      this.withNearWords(
        () => {
          const hits = record.matcher.suggest(text, { limit: 8, lang: this.readerLang });
          return { hits, entries: entriesFor(record.matcher, hits, false) };
        },
        (answer) => answer.hits.length === 0,
      );
    panel.fetchEntry = (id, purpose) => this.entryFor(record.matcher, id, purpose);
  }

  /**
   * `ask()`'s answer; when it finds nothing while the default index's near words are still to come
   * (a first visit, before the background has brought them), they are fetched now and it is asked
   * again: a misspelling typed at once is corrected as soon as they are in.
   */
  private async withNearWords<T>(ask: () => T, empty: (answer: T) => boolean): Promise<T> {
    const answer = ask();
    const parts = this.defaultIndex?.cards;
    if (!empty(answer) || !parts?.nearWordsPending) return answer;
    const arrived = await parts.nearWords().then(
      () => parts.nearWordsArrived.then(() => true), // the matchers are completed by then
      ignore('offline: misspellings are corrected once the near words arrive'),
    );
    return arrived ? ask() : answer;
  }

  /** An entry for its card (its text fetched when missing), or only for its title (a related entry's link). */
  private entryFor(matcher: Matcher, id: string, purpose?: EntryPurpose): Promise<Entry | null> {
    return purpose === 'title' ? Promise.resolve(matcher.entry(id) ?? null) : this.card(matcher, id);
  }

  /**
   * An entry with its card text: a default entry of a matching index gets its text fetched now
   * (a small group); an entry of a followed source, or of a whole index, has it already.
   */
  private async card(matcher: Matcher, id: string): Promise<Entry | null> {
    const entry = matcher.entry(id);
    if (!entry) return null;
    const cards = this.defaultIndex?.cards;
    if (!cards) return entry;
    try {
      return await cards.fill(entry);
    } catch (error) {
      this.message = { kind: 'error', text: `This card's text could not be loaded (${error instanceof Error ? error.message : String(error)}); it opens once the connection is back.` };
      return null;
    }
  }

  private setUpSelection(): void {
    this.controller?.stop();
    this.controller = null;
    const record = this.shared;
    if (!record || this.mode === 'search') return;
    this.controller = new LookupController({
      win: window,
      // The popover (and floating-ui) is a chunk of its own, fetched on the page's first selection lookup.
      loadPopover: async (doc, fetchEntry) => {
        const { Popover } = await import('../components/lookup/popover');
        const popover = new Popover(doc, fetchEntry);
        popover.setTheme(this.themeVariables(), this.theme);
        return popover;
      },
      lookup: async (text, context, offset) => {
        const answer = await this.withNearWords(
          () => answerSelection(record.matcher, text, { context, offset, lang: this.readerLang }),
          (found) => found.hits.length === 0,
        );
        // The card the popover opens at once has its text before it shows.
        const opened = answer.mode === 'term' || answer.hits.length === 1 ? answer.hits[0] : undefined;
        if (opened) await this.card(record.matcher, opened.id);
        return answer;
      },
      fetchEntry: (id, purpose) => this.entryFor(record.matcher, id, purpose),
      triggers: () => ({ doubleClick: true, selection: true, modifier: false }),
      enabled: () => this.isConnected,
      lang: () => this.readerLang,
      accept: (selected) => {
        const node = selected.node instanceof Element ? selected.node : selected.node.parentElement;
        if (!node || this.contains(node) || this.renderRoot.contains(node)) return false;
        return !this.scope || node.closest(this.scope) !== null;
      },
      onShow: (answer) => {
        const id = answer.hits[0]?.id;
        if (id) this.dispatchEvent(lookupEvent('mx-lookup-open', { id }));
      },
    });
    this.controller.start();
  }

  /** The --mx-* custom properties set on this element by the page, for the popover (which lives outside it). */
  private themeVariables(): Record<string, string> {
    const style = getComputedStyle(this);
    const out: Record<string, string> = {};
    for (const name of ['--mx-accent', '--mx-accent-fg', '--mx-bg', '--mx-fg', '--mx-muted', '--mx-border', '--mx-mark', '--mx-font', '--mx-font-size', '--mx-radius', '--mx-shadow', '--mx-width']) {
      const value = style.getPropertyValue(name).trim();
      if (value) out[name] = value;
    }
    return out;
  }

  private async answerInfobutton(): Promise<void> {
    const parsed = parseInfobutton(location.search);
    if (parsed.kind === 'none' || !this.matcher) return;
    const s = stringsFor(this.readerLang);
    if (parsed.kind === 'error') {
      this.message = { kind: 'error', text: `${parsed.message}` };
      return;
    }
    if (parsed.request.lang && !this.lang) this.lang = parsed.request.lang;
    const matcher = this.matcher;
    const answer = resolveInfobutton(parsed.request, matcher.entries, (text) => matcher.lookup(text, { lang: this.readerLang })[0]?.id);
    if (!answer) {
      const asked = parsed.request.criteria.map((c) => c.displayName ?? c.originalText ?? c.code).filter(Boolean).join(', ');
      this.message = { kind: 'error', text: `${s.noResults} (${asked})` };
      return;
    }
    await this.openEntry(answer.entry.id);
    this.scrollIntoView({ block: 'start' });
  }

  override render(): TemplateResult {
    const s = stringsFor(this.readerLang);
    const showSearch = this.mode !== 'selection';
    return html`${this.message
        ? html`<p class="mx-message" part="message" data-kind=${this.message.kind} role=${this.message.kind === 'error' ? 'alert' : 'status'}>${this.message.text}</p>`
        : nothing}
      ${showSearch && this.ready
        ? html`<mx-search-panel
            class="mx-root"
            floating
            exportparts="input"
            data-theme=${this.theme || nothing}
            .lang=${this.readerLang}
            .placeholder=${this.placeholder || s.searchPlaceholder}
          ></mx-search-panel>`
        : nothing}`;
  }
}

/** Registers `<mx-lookup>` once; does nothing where there is no custom element registry (a server rendering the page). */
export function defineMxLookup(): void {
  if (typeof customElements === 'undefined') return;
  if (!customElements.get('mx-lookup')) customElements.define('mx-lookup', MxLookup);
}

declare global {
  interface HTMLElementTagNameMap {
    'mx-lookup': MxLookup;
  }
  // `addEventListener('mx-lookup-open', (event) => event.detail.id)` is typed on any element and on document.
  interface GlobalEventHandlersEventMap {
    'mx-lookup-open': MxLookupEventMap['mx-lookup-open'];
    'mx-lookup-select': MxLookupEventMap['mx-lookup-select'];
    'mx-lookup-ready': MxLookupEventMap['mx-lookup-ready'];
    'mx-lookup-sync': MxLookupEventMap['mx-lookup-sync'];
  }
}
