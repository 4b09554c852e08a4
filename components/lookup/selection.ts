// Reading what the user selected, wherever it is: page text, contenteditable editors, open shadow
// roots, <textarea> and text <input> fields; with an anchor rectangle for the popover and the
// surrounding text as context.
import type { VirtualElement } from '@floating-ui/dom';

export interface SelectedText {
  text: string;
  /** Where the selection is (its common ancestor, or the text field). */
  node: Node;
  /**
   * Text around the selection (its paragraph or field, the selection included): a selected word
   * inside a longer term there answers with that term, and ambiguous abbreviations are read by it.
   */
  context: string;
  /** Where the selection starts in `context` (UTF-16). */
  offset: number;
  anchor: VirtualElement;
}

/** Longest selection worth reading; longer ones are cut (the matcher caps its work anyway). */
export const MAX_SELECTION_CHARS = 5_000;
const CONTEXT_CHARS = 600;

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', 'email', '']);

type TextField = HTMLTextAreaElement | HTMLInputElement;

function isTextField(el: Element | null): el is TextField {
  if (!el) return false;
  if (el.localName === 'textarea') return true;
  return el.localName === 'input' && TEXT_INPUT_TYPES.has(((el as HTMLInputElement).type ?? '').toLowerCase());
}

/** The focused element, looking inside open shadow roots. */
function deepActiveElement(doc: Document): Element | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Up to CONTEXT_CHARS of `text` on each side of [start, end), and where start falls in it. */
function around(text: string, start: number, end: number): { context: string; offset: number } {
  const from = Math.max(0, start - CONTEXT_CHARS);
  return { context: text.slice(from, Math.min(text.length, end + CONTEXT_CHARS)), offset: start - from };
}

/** The on-screen rectangle of a text field's caret at `index`, measured with a mirror element. */
function caretRect(field: TextField, index: number): DOMRect {
  const doc = field.ownerDocument;
  const view = doc.defaultView;
  const box = field.getBoundingClientRect();
  if (!view) return box;
  const style = view.getComputedStyle(field);
  const mirror = doc.createElement('div');
  const props = ['boxSizing', 'width', 'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'letterSpacing', 'lineHeight', 'textTransform', 'wordSpacing', 'textIndent', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'tabSize'] as const;
  for (const prop of props) mirror.style[prop] = style[prop];
  mirror.style.position = 'fixed';
  mirror.style.visibility = 'hidden';
  mirror.style.top = `${box.top}px`;
  mirror.style.left = `${box.left}px`;
  mirror.style.whiteSpace = field.localName === 'textarea' ? 'pre-wrap' : 'pre';
  mirror.style.overflowWrap = 'break-word';
  mirror.textContent = field.value.slice(0, index);
  const marker = doc.createElement('span');
  marker.textContent = field.value.slice(index, index + 1) || '.';
  mirror.append(marker);
  doc.documentElement.append(mirror);
  const rect = marker.getBoundingClientRect();
  mirror.remove();
  const top = Math.min(Math.max(rect.top - field.scrollTop, box.top), box.bottom - rect.height);
  const left = Math.min(Math.max(rect.left - field.scrollLeft, box.left), box.right);
  return new DOMRect(left, top, Math.max(1, rect.width), rect.height || parseFloat(style.lineHeight) || 16);
}

function fieldSelection(field: TextField): SelectedText | null {
  const start = field.selectionStart ?? 0;
  const end = field.selectionEnd ?? 0;
  if (end <= start) return null;
  const text = field.value.slice(start, Math.min(end, start + MAX_SELECTION_CHARS));
  const rect = caretRect(field, start);
  return {
    text,
    node: field,
    ...around(field.value, start, end),
    anchor: { getBoundingClientRect: () => rect, contextElement: field },
  };
}

/** The block around a selection (its paragraph, or a few levels up when that is short) as context. */
function blockContext(range: Range, text: string): { context: string; offset: number } {
  const node = range.commonAncestorContainer;
  let block: Element | null = node instanceof Element ? node : node.parentElement;
  for (let depth = 0; block && depth < 4 && block.parentElement; depth++) {
    if ((block.textContent ?? '').length > 80) break;
    block = block.parentElement;
  }
  if (!block) return { context: text, offset: 0 };
  // The text before the selection in its block, read the way Selection.toString() reads.
  const before = range.cloneRange();
  before.selectNodeContents(block);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const whole = block.textContent ?? '';
  // textContent and the range's text agree unless the page hides text in odd places: fall back to a search.
  const offset = whole.startsWith(text, start) ? start : whole.indexOf(text);
  if (offset < 0) return { context: text, offset: 0 };
  return around(whole, offset, offset + text.length);
}

/**
 * The current selection, or null. `target` is where the triggering event happened (its composed
 * path's first node), so a selection inside an open shadow root is found through that root.
 */
export function readSelection(doc: Document, target?: EventTarget | null): SelectedText | null {
  const active = deepActiveElement(doc);
  if (isTextField(active)) return fieldSelection(active);
  if (target instanceof Element && isTextField(target)) return fieldSelection(target);

  let selection: Selection | null = null;
  const root = target instanceof Node ? target.getRootNode() : null;
  if (root && root !== doc && 'getSelection' in root && typeof (root as { getSelection?: unknown }).getSelection === 'function')
    selection = (root as unknown as { getSelection(): Selection | null }).getSelection();
  if (!selection || selection.isCollapsed) selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const text = selection.toString().slice(0, MAX_SELECTION_CHARS);
  if (!text.trim()) return null;
  const range = selection.getRangeAt(0).cloneRange();
  const container = range.commonAncestorContainer;
  return {
    text,
    node: container,
    ...blockContext(range, text),
    anchor: {
      getBoundingClientRect: () => {
        const rects = range.getClientRects();
        return rects[0] ?? range.getBoundingClientRect();
      },
      contextElement: container instanceof Element ? container : (container.parentElement ?? undefined),
    },
  };
}
