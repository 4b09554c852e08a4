// The tiny Markdown subset of index text (**bold**, _italic_ or *italic*, `code`) as lit-html
// templates. Text is always inserted as text: index content never becomes markup.
import { html, type TemplateResult } from 'lit-html';

const INLINE = /\*\*([^*]+)\*\*|__([^_]+)__|(?<![\w*])\*([^*\s][^*]*)\*(?!\w)|(?<!\w)_([^_\s][^_]*)_(?!\w)|`([^`]+)`/g;

export function inlineMarkdown(text: string): (string | TemplateResult)[] {
  const out: (string | TemplateResult)[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    const [, bold, bold2, em, em2, code] = m;
    if (bold ?? bold2) out.push(html`<strong>${bold ?? bold2}</strong>`);
    else if (em ?? em2) out.push(html`<em>${em ?? em2}</em>`);
    else if (code) out.push(html`<code>${code}</code>`);
    last = at + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
