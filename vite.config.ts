import { createServer, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { VitePWA } from 'vite-plugin-pwa';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileHints } from './scripts/compileHints.ts';
import { OVERVIEW_META_NAME, PAGES_META_NAME } from './src/prerender/metaNames.ts';
import { MANIFEST_HREF } from './src/lib/serviceWorker.ts';
import { buildCommuneIndex, type CommuneRecord } from './src/search/communeIndex.ts';

const DATA_DIR = resolve(import.meta.dirname, 'data');
/** Files of the embedded default published beside the app, fetched same-origin at run time. */
const PUBLISHED_DATA = /\.(csv|json|md)$/;

/**
 * Installable, offline app shell (vite-plugin-pwa, Workbox). The shell (HTML, JS, CSS, icons, the
 * region boundaries) is precached; the published data (`data/*.csv|json`) is network-first, so a
 * refresh always asks the network and the cached copy is used only when the network fails. The
 * app registers the service worker itself once its page is whole (src/lib/serviceWorker.ts), not
 * at the `load` event as the plugin's own script would. Paths are relative, like the rest of the
 * build. In Chromium the page itself is then served without the worker
 * (public/sw-static-routes.js).
 */
function pwa() {
  return VitePWA({
    registerType: 'autoUpdate',
    injectRegister: false,
    manifest: {
      id: './',
      name: 'Ségur Pulse — indicateurs du Ségur du numérique en santé',
      short_name: 'Ségur Pulse',
      description:
        'Les chiffres publics du Ségur du numérique en santé (Mon espace santé, DMP, INSi), chacun avec sa source et sa date, consultables hors ligne.',
      lang: 'fr',
      dir: 'ltr',
      start_url: './',
      scope: './',
      display: 'standalone',
      theme_color: '#000091',
      background_color: '#ffffff',
      // PNGs only: Chromium checks a page's installability as it loads and takes a scalable SVG
      // icon first, drawing it in a document of its own on the page's main thread (some 60 ms of
      // one task, traced under Lighthouse, while the app starts); a PNG is only decoded.
      icons: [
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
        {
          src: 'icon-maskable-512.png',
          sizes: '512x512',
          type: 'image/png',
          purpose: 'maskable',
        },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}', 'geo/*.layout.json'],
      // Loaded by few, when first used, then cached (see runtimeCaching), so not precached for every
      // visitor: the spreadsheet reader (~115 KB gzip, once for the page and once for the ingest
      // worker), for the few who import a workbook; the search field's communes (241 KB gzip).
      // The prerendered views (src/prerender/routes.ts) are many and each is needed only at its
      // own address: cached when first fetched, not at install.
      globIgnores: ['**/assets/xlsx-*.js', '**/*commune-index-*.js', 'prerender/**'],
      navigateFallback: 'index.html',
      // Opening a data file, a boundary file or an asset (a link on the Sources page) must give the
      // file itself, not the app.
      navigateFallbackDenylist: [
        /\/(?:data|geo|assets|prerender)\//,
        /\.(?:csv|json|topojson|md|webmanifest|png|svg|js|css)(?:\?.*)?$/,
      ],
      cleanupOutdatedCaches: true,
      // The app's page straight from a cache, without starting the worker (public/sw-static-routes.js).
      importScripts: ['sw-static-routes.js'],
      // A new version takes over at once and the first visit is controlled without a reload,
      // so it already works offline; data is never in the precache, so nothing stale is kept.
      skipWaiting: true,
      clientsClaim: true,
      runtimeCaching: [
        {
          // Hashed name: a cached copy is never stale.
          urlPattern: ({ url, sameOrigin }) =>
            sameOrigin && /\/assets\/[\w-]*commune-index-[\w-]+\.js$/.test(url.pathname),
          handler: 'CacheFirst',
          options: { cacheName: 'segur-pulse-communes', expiration: { maxEntries: 2 } },
        },
        {
          // Named by their content's hash: a copy once cached is right for as long as its name is
          // listed in index.html.
          urlPattern: ({ url, sameOrigin }) =>
            sameOrigin && /\/prerender\/[\w.-]+\.html$/.test(url.pathname),
          handler: 'CacheFirst',
          options: {
            cacheName: 'segur-pulse-prerender',
            expiration: { maxEntries: 60 },
          },
        },
        {
          urlPattern: ({ url, sameOrigin }) =>
            sameOrigin && /\/assets\/xlsx-[\w-]+\.js$/.test(url.pathname),
          // Hashed file names: a cached copy is always the right one.
          handler: 'CacheFirst',
          options: { cacheName: 'segur-pulse-spreadsheet', expiration: { maxEntries: 4 } },
        },
        {
          urlPattern: ({ url, sameOrigin }) =>
            sameOrigin && /\/data\/[\w.-]+\.(?:csv|json)$/.test(url.pathname),
          handler: 'NetworkFirst',
          options: {
            cacheName: 'segur-pulse-data',
            networkTimeoutSeconds: 15,
            // Refreshes may add a query string (cache busting): one cached copy per file.
            matchOptions: { ignoreSearch: true },
            expiration: { maxEntries: 50 },
          },
        },
      ],
    },
  });
}

/** Serves `data/` at `<base>data/` in dev and copies it into the build, so feeds are same-origin. */
function publishData(): Plugin {
  return {
    name: 'segur-pulse:publish-data',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const [path = '', query = ''] = (req.url ?? '').split('?');
        // `?import`: the app's own import of data/feeds.json, which Vite turns into a module.
        if (new URLSearchParams(query).has('import')) return next();
        const m = /\/data\/([\w.-]+)$/.exec(path);
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

/**
 * `virtual:commune-index`: the communes of the search field (src/search/communeIndex.ts), built
 * from @etalab/decoupage-administratif when the module is first asked for, as a JS module of its
 * own that the app imports only when the field is first used. Kept out of the service worker's
 * precache (see pwa()), so that no visitor downloads it without searching.
 */
function communeIndex(): Plugin {
  const id = 'virtual:commune-index';
  const resolved = `\0${id}`;
  return {
    name: 'segur-pulse:commune-index',
    resolveId: (source) => (source === id ? resolved : undefined),
    load(moduleId) {
      if (moduleId !== resolved) return undefined;
      const file = resolve(
        import.meta.dirname,
        'node_modules/@etalab/decoupage-administratif/data/communes.json',
      );
      const records = JSON.parse(readFileSync(file, 'utf8')) as CommuneRecord[];
      return `export default ${JSON.stringify(buildCommuneIndex(records))};`;
    },
  };
}

/**
 * Runs `use` with a module of src/ loaded through Vite's SSR in a server of its own, closed
 * afterwards: the build's Node-side work done by the app's own code (prerendered pages, maps).
 */
async function withSsrModule<M, T>(path: string, use: (module: M) => Promise<T> | T): Promise<T> {
  const server = await createServer({
    configFile: false,
    root: import.meta.dirname,
    plugins: [svelte()],
    server: { middlewareMode: true, hmr: false, ws: false },
    // Modules loaded for Node only: no browser dependencies to scan and pre-bundle (the scan
    // cannot resolve the build's virtual modules and warned on every build).
    optimizeDeps: { noDiscovery: true, include: [] },
    appType: 'custom',
    logLevel: 'warn',
  });
  try {
    return await use((await server.ssrLoadModule(path)) as M);
  } finally {
    await server.close();
  }
}

type MapLayoutModule = typeof import('./src/charts/regionMapLayout');

/** The boundaries of public/geo, which the maps are projected from. */
const readTopology = (name: string) =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `public/geo/${name}.topojson`), 'utf8'));

/** Every map's layout file, by its path in the build. */
function mapLayoutTexts({ mapLayoutFile, mapLayoutFiles }: MapLayoutModule): Map<string, string> {
  return new Map(
    [...mapLayoutFiles(readTopology)].map(([name, layout]) => [
      mapLayoutFile(name),
      JSON.stringify(layout),
    ]),
  );
}

/**
 * `geo/<map>.layout.json`: every map of the Regions pages projected here, once, from the
 * boundaries in public/geo (src/charts/regionMapLayout.ts), rather than in the reader's browser at
 * each first visit (370 ms of the Regions page's first task at 4x CPU). Written beside the app by
 * the build, served the same way by the dev server.
 */
function mapLayouts(): Plugin {
  return {
    name: 'segur-pulse:map-layouts',
    configureServer(server) {
      let texts: Promise<Map<string, string>> | undefined;
      server.middlewares.use((request, response, next) => {
        const file = /\/(geo\/[\w-]+\.layout\.json)(?:\?|$)/.exec(request.url ?? '')?.[1];
        if (!file) return next();
        texts ??= server
          .ssrLoadModule('/src/charts/regionMapLayout.ts')
          .then((module) => mapLayoutTexts(module as MapLayoutModule));
        texts.then((all) => {
          const text = all.get(file);
          if (text === undefined) return next();
          response.setHeader('Content-Type', 'application/json');
          response.end(text);
        }, next);
      });
    },
    async generateBundle() {
      const texts = await withSsrModule('/src/charts/regionMapLayout.ts', mapLayoutTexts);
      for (const [fileName, source] of texts) this.emitFile({ type: 'asset', fileName, source });
    },
  };
}

/**
 * vite-plugin-pwa's `<link rel="manifest">` taken out of the built index.html: the app links the
 * manifest with the service worker, once its page is whole (src/lib/serviceWorker.ts). Runs after
 * the plugin's own HTML transform (both `post`, this one later in the list of plugins).
 */
function manifestLinkedByTheApp(): Plugin {
  // The plugin's tag exactly: another (a crossorigin attribute, another file) fails the build.
  const tag = `<link rel="manifest" href="${MANIFEST_HREF}">`;
  return {
    name: 'segur-pulse:manifest-linked-by-the-app',
    enforce: 'post',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!html.includes(tag)) throw new Error(`no ${tag} to take out`);
        return html.replace(tag, '');
      },
    },
  };
}

/**
 * The page's `<link rel="stylesheet">` to the build's own CSS (one file: `cssCodeSplit: false`),
 * replaced by one `<style>` with the same rules, and the hash of that style added to the CSP's
 * style-src. The file stays in the build, unused.
 */
function inlineStylesheets(html: string, cssOf: (file: string) => string): string {
  const links = [
    ...html.matchAll(/<link rel="stylesheet"[^>]* href="\.\/(assets\/[\w.-]+\.css)">\n?\s*/g),
  ];
  if (!links.length) return html;
  const css = links.map(([, file]) => cssOf(file!)).join('\n');
  const hash = createHash('sha256').update(css).digest('base64');
  const csp = /(http-equiv="Content-Security-Policy"\s+content="[^"]*style-src 'self')/;
  if (!csp.test(html)) throw new Error("prerender: no style-src 'self' in the CSP to extend");
  let out = html.replace(csp, `$1 'sha256-${hash}'`);
  for (const [whole] of links.slice(1)) out = out.replace(whole, '');
  return out.replace(links[0]![0], `<style>${css}</style>\n    `);
}

/** HTML attribute text: the JSON of a <meta content="…">. */
const attributeText = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * Build only: index.html gets the Overview prerendered from the embedded data
 * (src/prerender/render.ts, through Vite's SSR), its data key, and public/prerender-gate.js, which
 * shows it before any script has run when it is what the app would show (see src/main.ts). The
 * first paint's stylesheets are inlined, so that painting waits for no request; the
 * Content-Security-Policy allows that one <style> by its hash, and no other inline style.
 *
 * The other views of src/prerender/routes.ts are rendered too, each to
 * `prerender/<view>.<hash>.html` (the body of the app at that view, no styles of its own), listed
 * in index.html with their data key for the gate, which fetches the one of the address.
 */
function prerender(): Plugin {
  let pages: { key: string; fileName: string; html: string }[] = [];
  return {
    name: 'segur-pulse:prerender',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler() {
        for (const page of pages)
          this.emitFile({ type: 'asset', fileName: page.fileName, source: page.html });
      },
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        type RenderModule = typeof import('./src/prerender/render');
        return withSsrModule<RenderModule, string>(
          '/src/prerender/render.ts',
          async ({ prerenderOverview, prerenderPages }) => {
            const readData = (name: string) => readFileSync(resolve(DATA_DIR, name));
            const today = new Date();
            const page = await prerenderOverview(readData, today);
            const others = await prerenderPages(readData, readTopology, today);
            pages = others.pages.map(({ route, html }) => ({
              key: route.key,
              fileName: `prerender/${route.slug}.${createHash('sha256').update(html).digest('hex').slice(0, 8)}.html`,
              html,
            }));
            const list = {
              key: others.key,
              pages: Object.fromEntries(pages.map((p) => [p.key, p.fileName])),
            };
            const app = '<div id="app"></div>';
            const title = '</title>';
            if (!html.includes(app) || !html.includes(title)) {
              throw new Error(`prerender: index.html has no ${app} or no ${title}`);
            }
            // The gate right after the title: before the stylesheets, which a classic script would
            // otherwise wait for, and after the Content-Security-Policy, which covers it.
            const gate =
              `<meta name="${OVERVIEW_META_NAME}" content="${page.key}" />\n` +
              `    <meta name="${PAGES_META_NAME}" content="${attributeText(JSON.stringify(list))}" />\n` +
              '    <script src="./prerender-gate.js"></script>';
            return inlineStylesheets(
              html
                .replace(title, `${title}\n    ${gate}`)
                .replace(
                  app,
                  '<div id="prerendered-route" data-prerendered hidden></div>\n    ' +
                    `<div id="app" data-prerendered>${page.html}</div>`,
                ),
              (file) => {
                const asset = ctx.bundle?.[file];
                if (asset?.type !== 'asset') throw new Error(`prerender: no ${file} in the build`);
                return String(asset.source);
              },
            );
          },
        );
      },
    },
  };
}

export default defineConfig({
  // Relative base: the built site works from any sub-path of any static host.
  base: './',
  plugins: [
    svelte(),
    publishData(),
    communeIndex(),
    mapLayouts(),
    prerender(),
    compileHints(),
    pwa(),
    manifestLinkedByTheApp(),
    svelteTesting(),
  ],
  // One stylesheet for the whole app, inlined into index.html (see prerender()): a page loaded
  // later (Regions, Sources…) brings no stylesheet of its own to wait for.
  // The commune index (communeIndex()) is a chunk of about 760 KB (240 KB gzipped) by design: it
  // loads only when the search field is first used.
  // No modulepreload links added by script before each dynamic import: inserting them (26 for the
  // app's start) cost 180-350 ms of main thread at 4x CPU in traces, in the task that starts the
  // app. The browser fetches a module's own imports as soon as it has parsed it, and the service
  // worker serves them all from its cache after the first visit.
  build: {
    target: 'es2022',
    cssCodeSplit: false,
    chunkSizeWarningLimit: 800,
    modulePreload: false,
  },
  // The ingest worker (src/sync/ingest/) is a module worker: ES output keeps its chunks shareable.
  worker: { format: 'es' },
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
