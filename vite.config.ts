import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

const DATA_DIR = resolve(import.meta.dirname, 'data');
/** Files of the embedded default published beside the app, fetched same-origin at run time. */
const PUBLISHED_DATA = /\.(csv|json|md)$/;

/** Serves `data/` at `<base>data/` in dev and copies it into the build, so feeds are same-origin. */
function publishData(): Plugin {
  return {
    name: 'segur-pulse:publish-data',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /\/data\/([\w.-]+)$/.exec((req.url ?? '').split('?')[0] ?? '');
        if (!m || !PUBLISHED_DATA.test(m[1]!)) return next();
        try {
          const body = readFileSync(resolve(DATA_DIR, m[1]!));
          res.setHeader('Content-Type', m[1]!.endsWith('.json') ? 'application/json' : 'text/csv');
          res.end(body);
        } catch {
          next();
        }
      });
    },
    generateBundle() {
      for (const name of readdirSync(DATA_DIR).filter((n) => PUBLISHED_DATA.test(n))) {
        this.emitFile({
          type: 'asset',
          fileName: `data/${name}`,
          source: readFileSync(resolve(DATA_DIR, name)),
        });
      }
    },
  };
}

export default defineConfig({
  // Relative base: the built site works from any sub-path of any static host.
  base: './',
  plugins: [svelte(), publishData(), svelteTesting()],
  build: { target: 'es2022' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/unit/**/*.test.ts'],
          environment: 'happy-dom',
          setupFiles: ['test/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
