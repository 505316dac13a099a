// A second web server on 127.0.0.1 for the sharing and deploy tests: it serves the built app under
// a sub-path (`/tableau/`, forwarded to the preview server, as a static host would serve a copied
// dist/), and host pages of "another site" that put the app in an iframe. Closing it cuts the
// network for real, which the offline test needs (a service worker is not fooled by that).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const SUB_PATH = '/tableau/';

/** Response headers a static host sends and the app or the service worker may read. */
const FORWARDED = [
  'content-type',
  'etag',
  'last-modified',
  'cache-control',
  'content-security-policy',
];

export interface TestSite {
  origin: string;
  /** The app's address under the sub-path, e.g. `http://127.0.0.1:1234/tableau/`. */
  appBase: string;
  /** Serves `html` at `path` (a host page). */
  page(path: string, html: string): void;
  /** Paths asked for, in order (without the origin). */
  requests: string[];
  close(): Promise<void>;
}

export async function startTestSite(upstream: string): Promise<TestSite> {
  const pages = new Map<string, string>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push(url);
    const path = url.split('?')[0]!;
    const hosted = pages.get(path);
    if (hosted !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(hosted);
      return;
    }
    if (!url.startsWith(SUB_PATH)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const target = new URL(url.slice(SUB_PATH.length), upstream);
    const headers: Record<string, string> = {};
    for (const name of ['if-none-match', 'if-modified-since', 'accept']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    fetch(target, { headers, redirect: 'manual' })
      .then(async (upstreamResponse) => {
        const out: Record<string, string> = {};
        for (const name of FORWARDED) {
          const value = upstreamResponse.headers.get(name);
          if (value) out[name] = value;
        }
        res.writeHead(upstreamResponse.status, out);
        res.end(Buffer.from(await upstreamResponse.arrayBuffer()));
      })
      .catch((error: unknown) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    appBase: `${origin}${SUB_PATH}`,
    page: (path, html) => void pages.set(path, html),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
