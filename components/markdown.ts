// The tiny Markdown subset of index text (**bold**, _italic_ or *italic*, `code`) as lit-html
// templates. Text is always inserted as text: index content never becomes markup.
import { html, type TemplateResult } from 'lit-html';

const INLINE = /\*\*([^*]+)\*\*|__([^_]+)__|(?<![\w*])\*([^*\s][^*]*)\*(?!\w)|(?<!\w)_([^_\s][^_]*)_(?!\w)|`([^`]+)`/g;

// A left-to-right run inside right-to-left text: Latin words, numbers, units and the comparison
// signs between them ("6 mg", "SpO2 < 90%", "COVID-19"). Brackets stay outside so they pair up.
const LTR_RUN = /[A-Za-z0-9](?:[A-Za-z0-9 .,:%<>=≤≥/+\-–×·]*[A-Za-z0-9%])?/g;

/**
 * `text` with its left-to-right runs isolated (`<bdi dir="ltr">`), for right-to-left text: a dose
 * or a threshold keeps its order ("SpO2 < 90%" never reads "90% > SpO2").
 */
export function isolateLtr(text: string): (string | TemplateResult)[] {
  const out: (string | TemplateResult)[] = [];
  let last = 0;
  for (const m of text.matchAll(LTR_RUN)) {
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    out.push(html`<bdi dir="ltr">${m[0]}</bdi>`);
    last = at + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function inlineMarkdown(text: string, dir: 'ltr' | 'rtl' = 'ltr'): (string | TemplateResult)[] {
  const plain = (t: string) => (dir === 'rtl' ? isolateLtr(t) : [t]);
  const out: (string | TemplateResult)[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) out.push(...plain(text.slice(last, at)));
    const [, bold, bold2, em, em2, code] = m;
    if (bold ?? bold2) out.push(html`<strong>${plain(bold ?? bold2 ?? '')}</strong>`);
    else if (em ?? em2) out.push(html`<em>${plain(em ?? em2 ?? '')}</em>`);
    else if (code) out.push(html`<code dir="ltr">${code}</code>`);
    last = at + m[0].length;
  }
  if (last < text.length) out.push(...plain(text.slice(last)));
  return out;
}
