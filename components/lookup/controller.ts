// Selection lookup on a page: cheap checks first, then one lookup (the extension asks its
// background, the widget its in-page matcher), then the popover. Used by the extension's content
// script and by the <mx-lookup> widget.
import type { EntryPurpose } from '../lookup-view';
import type { Entry } from '../../core/index/types';
import type { Hit } from '../../core/match/types';
import type { Popover } from './popover';
import { MAX_SELECTION_CHARS, readSelection, type SelectedText } from './selection';
import { SelectionWatcher, type TriggerKind, type Triggers } from './watcher';

/** What the lookup of a selection found (the extension's background or the widget's matcher). */
export interface LookupAnswer {
  mode: 'term' | 'sentence';
  hits: Hit[];
  entries: Record<string, Entry>;
}

export interface ControllerDeps {
  win: Window;
  /** Loads the popover UI (lazily: the first lookup of a page pays for it, other pages never do). */
  loadPopover: (doc: Document, fetchEntry: (id: string, purpose?: EntryPurpose) => Promise<Entry | null>) => Promise<Popover>;
  /** The answer for a selection made at `offset` in `context` (the text around it). */
  lookup: (text: string, context: string, offset: number) => Promise<LookupAnswer | null>;
  fetchEntry: (id: string, purpose?: EntryPurpose) => Promise<Entry | null>;
  triggers: () => Triggers;
  enabled: () => boolean;
  lang: () => string;
  /** Whether a selection is one to look up (the widget: inside its scope). Default: all. */
  accept?: (selected: SelectedText) => boolean;
  /** Called when the popover shows an answer. */
  onShow?: (answer: LookupAnswer) => void;
}

export class LookupController {
  private popover: Popover | null = null;
  private popoverLoading: Promise<Popover> | null = null;
  private readonly watcher: SelectionWatcher;
  private request = 0;
  private shownFor = '';
  private pendingFor = '';
  /** What the reader closed: the same selection is not shown again by a stray mouseup. */
  private dismissedFor = '';

  constructor(private readonly deps: ControllerDeps) {
    this.watcher = new SelectionWatcher(deps.win, {
      triggers: deps.triggers,
      isOwn: (event) => this.popover?.containsEvent(event) ?? false,
      onTrigger: (kind, target) => void this.lookupSelection(kind, target),
      onDismiss: () => this.close(),
    });
  }

  start(): void {
    this.watcher.connect();
  }

  stop(): void {
    this.watcher.disconnect();
    this.close();
  }

  close(): void {
    this.request++;
    if (this.shownFor) this.dismissedFor = this.shownFor;
    this.shownFor = '';
    this.pendingFor = '';
    this.popover?.close();
  }

  focusPopover(): boolean {
    if (!this.popover?.isOpen) return false;
    this.popover.focus();
    return true;
  }

  private ensurePopover(): Promise<Popover> {
    this.popoverLoading ??= this.deps.loadPopover(this.deps.win.document, this.deps.fetchEntry).then((popover) => (this.popover = popover));
    return this.popoverLoading;
  }

  /** Looks up the current selection (or `text` from the context menu); true when something was shown. */
  async lookupSelection(kind: TriggerKind | 'command', target: EventTarget | null = null, text?: string): Promise<boolean> {
    if (!this.deps.enabled()) return false;
    const selected = readSelection(this.deps.win.document, target);
    if (!selected && !text) return false;
    if (selected && this.deps.accept && !this.deps.accept(selected)) return false;
    const query: SelectedText = selected ?? {
      text: text ?? '',
      node: this.deps.win.document.documentElement,
      context: '',
      offset: 0,
      anchor: { getBoundingClientRect: () => new DOMRect(this.deps.win.innerWidth / 2 - 190, 16, 0, 0) },
    };
    const trimmed = query.text.trim();
    if (trimmed.length === 0 || trimmed.length > MAX_SELECTION_CHARS) return false;
    const key = `${trimmed}\u0000${Math.round(query.anchor.getBoundingClientRect().top)}`;
    if (kind !== 'command' && key === this.shownFor && this.popover?.isOpen) return true;
    // The same selection reported twice (a double-click also ends a mouse selection): one request.
    if (key === this.pendingFor) return false;
    // A click elsewhere leaves a closed selection in place: only a new selection or a double-click reopens it.
    if ((kind === 'selection' || kind === 'keyboard' || kind === 'modifier') && key === this.dismissedFor) return false;
    const id = ++this.request;
    this.pendingFor = key;
    const answer = await this.deps.lookup(query.text, query.context, query.offset).finally(() => {
      if (this.pendingFor === key) this.pendingFor = '';
    });
    if (id !== this.request) return false; // a newer selection won
    if (!answer || answer.hits.length === 0) {
      this.close();
      return false;
    }
    const popover = await this.ensurePopover();
    if (id !== this.request) return false;
    this.shownFor = key;
    this.dismissedFor = '';
    popover.show({ mode: answer.mode, text: query.text, hits: answer.hits, entries: answer.entries }, this.deps.lang(), query.anchor);
    this.deps.onShow?.(answer);
    return true;
  }
}
