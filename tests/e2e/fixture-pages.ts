// The fixture pages of the end-to-end tests, shared by the Chromium (Playwright) and the Firefox
// (puppeteer-core) suites: a static server for tests/fixtures/pages, the popover contract, and the
// functions that run inside a page to find where a person would click. Those are handed to
// Playwright's or Puppeteer's `evaluate`, which send their source text: they use nothing from
// outside their own body.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PAGES = join(ROOT, 'tests', 'fixtures', 'pages');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.pdf': 'application/pdf' };

/** The popover host the extension inserts into a page (or a frame). */
export const POPOVER = '[data-mx-lookup-popover]';

export interface FixtureServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves tests/fixtures/pages on 127.0.0.1 and records every request URL it receives; `files` adds
 * files made by a test (`{ '/note.pdf': bytes }`, or `{ body, type }` for an address without an extension).
 */
export async function serveFixtures(extraHeaders: Record<string, string> = {}, files: Record<string, Uint8Array | { body: Uint8Array; type: string }> = {}): Promise<FixtureServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')).replace(/^(\.\.[/\\])+/, '');
    const made = files[path];
    if (made) {
      const { body, type } = made instanceof Uint8Array ? { body: made, type: TYPES[extname(path)] ?? 'application/octet-stream' } : made;
      res.writeHead(200, { 'content-type': type, ...extraHeaders });
      res.end(body);
      return;
    }
    const file = join(PAGES, path === '/' ? 'ehr.html' : path);
    if (!file.startsWith(PAGES) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...extraHeaders });
    res.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((done) => server.close(() => done())) };
}

export interface Point {
  x: number;
  y: number;
}

/**
 * In the page: the viewport centre of `word` inside `el` (or inside the element `selector` of
 * `el`'s open shadow root when `inShadow`), found with a DOM Range.
 */
export function wordCentre(el: Element, args: { selector: string; word: string; inShadow: boolean }): Point {
  const container = args.inShadow ? el.shadowRoot?.querySelector(args.selector) : el;
  if (!container) throw new Error(`${args.selector} not found`);
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node.textContent ?? '').indexOf(args.word);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + args.word.length);
    const r = range.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }
  throw new Error(`"${args.word}" not found`);
}

/** In the page: the on-screen centre of `word` inside a <textarea> or text <input>, measured with a mirror of the field. */
export function fieldWordCentre(el: Element, word: string): Point {
  const field = el as HTMLTextAreaElement;
  const at = field.value.indexOf(word);
  if (at < 0) throw new Error(`"${word}" not found`);
  const style = getComputedStyle(field);
  const box = field.getBoundingClientRect();
  const mirror = document.createElement('div');
  for (const prop of ['boxSizing', 'width', 'fontFamily', 'fontSize', 'fontWeight', 'lineHeight', 'letterSpacing', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth'] as const)
    mirror.style[prop] = style[prop];
  Object.assign(mirror.style, { position: 'fixed', visibility: 'hidden', top: `${box.top}px`, left: `${box.left}px`, whiteSpace: 'pre-wrap', overflowWrap: 'break-word' });
  mirror.textContent = field.value.slice(0, at);
  const span = document.createElement('span');
  span.textContent = word;
  mirror.append(span);
  document.body.append(mirror);
  const r = span.getBoundingClientRect();
  mirror.remove();
  return { x: r.left + r.width / 2 - field.scrollLeft, y: r.top + r.height / 2 - field.scrollTop };
}

/** In the page: where the content of the <iframe> `el` starts in the viewport (inside its border). */
export function frameContentOrigin(el: Element): Point {
  const r = el.getBoundingClientRect();
  return { x: r.left + el.clientLeft, y: r.top + el.clientTop };
}
