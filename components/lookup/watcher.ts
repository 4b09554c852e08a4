// When to look up: double-click, a finished mouse selection, a keyboard selection after a short
// pause, or Alt held while selecting — as the options say. Listens on `window` in the capture
// phase (pages that stop mouseup on the way down still reach us), every listener registered in
// one list and removed together. `win` is the test seam.
export interface Triggers {
  /** Double-click a word. */
  doubleClick: boolean;
  /** Finish a selection with the mouse, or with Shift+arrows and a short pause. */
  selection: boolean;
  /** Hold Alt while selecting (works even when `selection` is off). */
  modifier: boolean;
}

export type TriggerKind = 'double-click' | 'selection' | 'keyboard' | 'modifier';

export interface WatcherCallbacks {
  triggers: () => Triggers;
  /** Whether the event happened inside our own popover (ignore it). */
  isOwn: (event: Event) => boolean;
  onTrigger: (kind: TriggerKind, target: EventTarget | null) => void;
  onDismiss: (reason: 'escape' | 'outside') => void;
}

const MOUSE_SETTLE_MS = 10;
const KEYBOARD_SETTLE_MS = 350;

export class SelectionWatcher {
  private readonly removers: (() => void)[] = [];
  private keyboardTimer: ReturnType<typeof setTimeout> | undefined;
  private mouseDown = false;
  /** Mouse presses so far: a mouseup settles only if no press came after it. */
  private presses = 0;

  constructor(
    private readonly win: Window,
    private readonly callbacks: WatcherCallbacks,
  ) {}

  connect(): void {
    this.listen('mousedown', (e) => {
      this.mouseDown = true;
      this.presses++;
      if (!this.callbacks.isOwn(e)) this.callbacks.onDismiss('outside');
    });
    this.listen('mouseup', (e) => {
      this.mouseDown = false;
      const event = e as MouseEvent;
      if (this.callbacks.isOwn(event) || event.button !== 0) return;
      const t = this.callbacks.triggers();
      const kind: TriggerKind | null = t.modifier && event.altKey ? 'modifier' : t.selection ? 'selection' : null;
      if (!kind || event.detail === 2) return; // the double-click handler takes double clicks
      const target = event.composedPath()[0] ?? event.target;
      // The first click of a double-click is no finished selection: when the second press comes
      // before it settles (fast input, or a busy page running its timers late), the double-click
      // decides, as the options say, instead of the word it selected being read as a selection.
      const press = this.presses;
      this.win.setTimeout(() => {
        if (press === this.presses) this.callbacks.onTrigger(kind, target);
      }, MOUSE_SETTLE_MS);
    });
    this.listen('dblclick', (e) => {
      if (this.callbacks.isOwn(e) || !this.callbacks.triggers().doubleClick) return;
      this.callbacks.onTrigger('double-click', e.composedPath()[0] ?? e.target);
    });
    this.listen('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape') this.callbacks.onDismiss('escape');
    });
    this.listen('keyup', (e) => {
      const event = e as KeyboardEvent;
      if (!event.shiftKey || !/^(Arrow|Home|End|PageUp|PageDown)/.test(event.key) || this.mouseDown) return;
      if (!this.callbacks.triggers().selection || this.callbacks.isOwn(event)) return;
      const target = event.composedPath()[0] ?? event.target;
      clearTimeout(this.keyboardTimer);
      this.keyboardTimer = setTimeout(() => this.callbacks.onTrigger('keyboard', target), KEYBOARD_SETTLE_MS);
    });
  }

  disconnect(): void {
    clearTimeout(this.keyboardTimer);
    for (const remove of this.removers.splice(0)) remove();
  }

  private listen(type: string, handler: (event: Event) => void): void {
    const options = { capture: true, passive: true };
    this.win.addEventListener(type, handler, options);
    this.removers.push(() => this.win.removeEventListener(type, handler, options));
  }
}
