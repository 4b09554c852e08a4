// `mx-lookup serve <site-dir>`: a static server for a source folder, as a CDN would serve it —
// ETag / If-None-Match (sirv), gzip or brotli (compression), cache headers (the manifest is always
// revalidated; bundles and deltas never change once written), and CORS so that extensions and
// pages on other origins can sync. Bound to 127.0.0.1.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import compression from 'compression';
import sirv from 'sirv';

export interface SourceServer {
  url: string;
  /** Bytes written to the network (headers and bodies) since the start, for the bench. */
  bytesSent(): number;
  close(): Promise<void>;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'if-none-match',
  'access-control-expose-headers': 'etag, content-length',
  'access-control-max-age': '86400',
};

export function startSourceServer(siteDir: string, port = 0): Promise<SourceServer> {
  const files = sirv(siteDir, {
    dev: true, // read files on each request: `publish` may run while serving
    etag: true,
    dotfiles: false,
    setHeaders(res, pathname) {
      res.setHeader('cache-control', pathname.endsWith('/manifest.json') || pathname === '/manifest.json' ? 'no-cache' : 'public, max-age=31536000, immutable');
      if (pathname.endsWith('.json')) res.setHeader('content-type', 'application/json; charset=utf-8');
    },
  });
  const compress = compression();
  const sockets = new Set<import('node:net').Socket>();
  let closedBytes = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(CORS)) res.setHeader(name, value);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD, OPTIONS' }).end();
      return;
    }
    compress(req as never, res as never, () =>
      files(req, res, () => {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      }),
    );
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      closedBytes += socket.bytesWritten;
      sockets.delete(socket);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${bound}`,
        bytesSent: () => closedBytes + [...sockets].reduce((n, s) => n + s.bytesWritten, 0),
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
