// When a lookup starts: the watcher over a stand-in window (a bare EventTarget with timers), fed
// the mouse events a browser sends for clicks, double-clicks and drags.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SelectionWatcher, type TriggerKind, type Triggers } from '../../../../components/lookup/watcher';

function mouse(type: string, detail: number): Event {
  return Object.assign(new Event(type), { detail, button: 0, altKey: false });
}

function watch(triggers: Triggers): { win: EventTarget; started: TriggerKind[]; stop(): void } {
  const win = Object.assign(new EventTarget(), { setTimeout: (run: () => void, ms: number) => setTimeout(run, ms) });
  const started: TriggerKind[] = [];
  const watcher = new SelectionWatcher(win as unknown as Window, {
    triggers: () => triggers,
    isOwn: () => false,
    onTrigger: (kind) => started.push(kind),
    onDismiss: () => undefined,
  });
  watcher.connect();
  return { win, started, stop: () => watcher.disconnect() };
}

/** A double-click as fast input (or a busy page) delivers it: the second press before the first click settles. */
function fastDoubleClick(win: EventTarget): void {
  for (const event of [mouse('mousedown', 1), mouse('mouseup', 1), mouse('mousedown', 2), mouse('mouseup', 2), mouse('dblclick', 2)]) win.dispatchEvent(event);
}

describe('SelectionWatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts one lookup, as a double-click, for a fast double-click', () => {
    const { win, started, stop } = watch({ doubleClick: true, selection: true, modifier: false });
    fastDoubleClick(win);
    vi.advanceTimersByTime(500);
    expect(started).toEqual(['double-click']);
    stop();
  });

  it('starts nothing for a fast double-click when double-click is off, even with selection on', () => {
    const { win, started, stop } = watch({ doubleClick: false, selection: true, modifier: false });
    fastDoubleClick(win);
    vi.advanceTimersByTime(500);
    expect(started).toEqual([]);
    stop();
  });

  it('starts a selection lookup when a drag ends, once it settles', () => {
    const { win, started, stop } = watch({ doubleClick: true, selection: true, modifier: false });
    win.dispatchEvent(mouse('mousedown', 1));
    win.dispatchEvent(mouse('mouseup', 1));
    expect(started).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(started).toEqual(['selection']);
    stop();
  });

  it('starts a selection lookup for the paragraph a triple-click selects', () => {
    const { win, started, stop } = watch({ doubleClick: false, selection: true, modifier: false });
    fastDoubleClick(win);
    win.dispatchEvent(mouse('mousedown', 3));
    win.dispatchEvent(mouse('mouseup', 3));
    vi.advanceTimersByTime(500);
    expect(started).toEqual(['selection']);
    stop();
  });
});
