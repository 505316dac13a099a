// @vitest-environment node
// `npm run dev`: the dev server serves data/ beside the app (publishData in vite.config.ts), and
// the app's own import of data/feeds.json still reaches the browser as a module.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let server: ViteDevServer;
let base: string;

beforeAll(async () => {
  server = await createServer({
    configFile: resolve(ROOT, 'vite.config.ts'),
    root: ROOT,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, ws: false },
  });
  await server.listen();
  const address = server.httpServer!.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
}, 60_000);
afterAll(async () => {
  await server?.close();
});

describe('dev server', () => {
  it('serves the published data files as they are', async () => {
    const feeds = await fetch(`${base}/data/feeds.json`);
    expect(feeds.headers.get('content-type')).toBe('application/json');
    expect((await feeds.json()).feeds[0].id).toBe('embedded');
    const csv = await fetch(`${base}/data/observations.csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv');
    expect((await csv.text()).split('\n')[0]).toMatch(/^indicator,breakdown,geo,period/);
  });

  it("gives the app's import of data/feeds.json as a JavaScript module", async () => {
    const module = await fetch(`${base}/data/feeds.json?import`);
    expect(module.headers.get('content-type')).toMatch(/javascript/);
    expect(await module.text()).toMatch(/export default/);
  });
});
