// The demo server: the hospital page with the widget, the test EHR page, the Infobutton links,
// the built widget and its index, and the React app using the widget as a package (demo/react,
// built into demo/react/dist). Static files through sirv, bound to 127.0.0.1 only; compressed
// (gzip or brotli, as nginx's `gzip on`) only when asked, since many hospital servers do not.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import compression from 'compression';
import sirv from 'sirv';
import { PROJECT_ROOT as root } from './default-index';

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** The widget's chunks carry a hash of their content in their name (mx-lookup-shared-9CuQEHvE.js). */
const HASHED_CHUNK = /\/mx-lookup-[a-z-]+-[\w-]{8}\.js$/;

/**
 * What a hospital's server can send for the widget's files (widget/README.md): a hashed chunk never
 * changes, so it is kept a year without asking again; the two files a page names (mx-lookup.js,
 * mx-lookup.iife.js) are used from the cache at once and revalidated in the background
 * (stale-while-revalidate), so a new version reaches the next visit. The guidance parts are fetched
 * revalidated by the widget itself (a cached index answers meanwhile), as every other file here.
 */
function widgetCaching(res: ServerResponse, pathname: string): void {
  if (HASHED_CHUNK.test(pathname)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  else if (/\/mx-lookup(\.iife)?\.js$/.test(pathname)) res.setHeader('Cache-Control', 'public, max-age=0, stale-while-revalidate=604800');
}

const mounts: [string, Handler][] = [
  ['/widget/', sirv(join(root, 'widget', 'dist'), { dev: true, etag: true, setHeaders: widgetCaching })],
  ['/ehr/', sirv(join(root, 'tests', 'fixtures', 'pages'), { dev: true })],
  ['/react/', sirv(join(root, 'demo', 'react', 'dist'), { dev: true, etag: true })],
  ['/', sirv(join(root, 'demo'), { dev: true, etag: true })],
];

export interface DemoServer {
  url: string;
  /** Every request path the server received (tests check that no typed or selected text is among them). */
  requests: string[];
  close(): Promise<void>;
}

export interface DemoServerOptions {
  /**
   * Compress what compresses (HTML, CSS, JS, JSON; not the .gz index parts), gzip or brotli as the
   * browser accepts, as a server with nginx's `gzip on` does. Off by default: many hospital servers
   * send files as they are, and the widget must be usable there.
   */
  compress?: boolean;
}

/** Starts the demo server on `port` (0 = any free port), adding `headers` to every answer. */
export function startDemoServer(port = 0, headers: Record<string, string> = {}, options: DemoServerOptions = {}): Promise<DemoServer> {
  const requests: string[] = [];
  const compress = options.compress ? compression() : undefined;
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    const mount = mounts.find(([prefix]) => (req.url ?? '/').startsWith(prefix));
    if (!mount) {
      res.writeHead(404).end();
      return;
    }
    const [prefix, handler] = mount;
    if (prefix !== '/') req.url = (req.url ?? '/').slice(prefix.length - 1);
    handler(req, res, () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'));
  };
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (compress) compress(req as never, res as never, () => serve(req, res));
    else serve(req, res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${bound}`, requests, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
