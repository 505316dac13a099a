/**
 * The build's prerender (src/prerender/render.ts) run in Node as the `prerender` plugin of
 * vite.config.ts runs it: through Vite's SSR with Svelte's production output (the test
 * environment would load Svelte's client runtime, which cannot render to a string).
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { createServer } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');

/** Gives `use` the render module, loaded in a server closed afterwards. */
export async function withPrerender<T>(
  use: (render: typeof import('../src/prerender/render')) => Promise<T>,
): Promise<T> {
  const server = await createServer({
    configFile: false,
    root: ROOT,
    mode: 'production',
    plugins: [svelte({ compilerOptions: { dev: false } })],
    cacheDir: resolve(tmpdir(), 'segur-pulse-prerender-tests'),
    server: { middlewareMode: true, hmr: false, ws: false },
    // Modules loaded for Node only: no browser dependencies to scan and pre-bundle (the scan
    // cannot resolve the build's virtual modules and warned on every build).
    optimizeDeps: { noDiscovery: true, include: [] },
    appType: 'custom',
    logLevel: 'warn',
  });
  try {
    return await use(
      (await server.ssrLoadModule(
        '/src/prerender/render.ts',
      )) as typeof import('../src/prerender/render'),
    );
  } finally {
    await server.close();
  }
}

/** A file of the embedded default, data/. */
export const readData = (name: string) => readFileSync(resolve(ROOT, 'data', name));

/** A boundaries file of public/geo/. */
export const readGeometry = (name: string) =>
  JSON.parse(readFileSync(resolve(ROOT, 'public/geo', `${name}.topojson`), 'utf8'));
