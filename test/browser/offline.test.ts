// The installable, offline app shell in a real Chromium with its service worker running (the other
// browser tests block service workers). The app is served under a sub-path by a server this test
// owns, so "the network is cut" is real: the server is closed and the browser set offline.
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { resolve } from 'node:path';
import { expectedPointCounts, readObservations } from './expected.ts';
import {
  CHROMIUM_ARGS,
  ROOT,
  baseURL,
  newProfileDir,
  removeProfileDir,
  screenshot,
  screenshotQuietly,
  trackErrors,
} from './helpers.ts';
import { startTestSite, type TestSite } from './proxy.ts';

const expected = expectedPointCounts(readObservations(resolve(ROOT, 'data/observations.csv')));
const SETTLE_MS = 20_000;

let context: BrowserContext | undefined;
let site: TestSite | undefined;
let profileDir: string | undefined;

afterEach(async () => {
  await context?.close();
  await site?.close();
  if (profileDir) removeProfileDir(profileDir);
  context = site = profileDir = undefined;
});

async function launchWithServiceWorkers(): Promise<{ context: BrowserContext; page: Page }> {
  profileDir = newProfileDir();
  const launched = await chromium.launchPersistentContext(profileDir, {
    executablePath: inject('chromiumPath'),
    headless: true,
    args: CHROMIUM_ARGS,
    serviceWorkers: 'allow',
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 900 },
  });
  return { context: launched, page: launched.pages()[0] ?? (await launched.newPage()) };
}

async function waitForPoints(page: Page, chart: string, count: number): Promise<void> {
  await page.waitForFunction(
    ([id, n]) => document.querySelectorAll(`figure[data-chart-id="${id}"] .point`).length === n,
    [chart, count] as const,
    { timeout: SETTLE_MS },
  );
}

describe('offline app shell (service worker)', () => {
  it('is installable: the manifest is linked and served, with its icons', async () => {
    site = await startTestSite(baseURL());
    const launched = await launchWithServiceWorkers();
    context = launched.context;
    const { page } = launched;
    // What the page was doing when it asked for the service worker to be registered.
    await page.addInitScript(() => {
      const container = navigator.serviceWorker;
      const register = container.register.bind(container);
      container.register = (...args: Parameters<ServiceWorkerContainer['register']>) => {
        (window as unknown as { atRegistration: unknown }).atRegistration = {
          mounted: performance.getEntriesByName('segur-pulse:app-mounted').length > 0,
          rendering: document.documentElement.hasAttribute('data-rendering'),
          // The start's refresh round over: the first visit's data stored, the status settled.
          status: document.querySelector('[data-testid="data-status"]')?.getAttribute('data-state'),
          manifestLinked: document.querySelector('link[rel="manifest"]') !== null,
        };
        return register(...args);
      };
    });
    await page.goto(`${site.appBase}#/`);
    // Not in index.html: Chromium would check the page's installability while the app builds it
    // (src/lib/serviceWorker.ts); the app links it with the service worker.
    const served = await page.evaluate(async () => (await fetch('./index.html')).text());
    expect(served).toContain('<link rel="icon"');
    expect(served).not.toContain('rel="manifest"');
    const manifestLink = page.locator('link[rel="manifest"]');
    await manifestLink.waitFor({ state: 'attached' });
    const manifestHref = await manifestLink.getAttribute('href');
    expect(manifestHref).toBe('./manifest.webmanifest');
    const manifest = await page.evaluate(async (href) => {
      const response = await fetch(href);
      const body = (await response.json()) as {
        name: string;
        short_name: string;
        lang: string;
        start_url: string;
        scope: string;
        display: string;
        icons: { src: string; sizes: string; type: string; purpose?: string }[];
      };
      const icons = await Promise.all(
        body.icons.map(async (icon) => {
          const r = await fetch(new URL(icon.src, new URL(href, location.href)));
          return { ...icon, status: r.status, contentType: r.headers.get('content-type') };
        }),
      );
      return { ...body, icons };
    }, manifestHref!);
    expect(manifest.name).toContain('Ségur');
    expect(manifest.short_name).toBe('Ségur Pulse');
    expect(manifest.lang).toBe('fr');
    expect(manifest.display).toBe('standalone');
    // Relative to the manifest: the install works from any sub-path.
    expect(manifest.start_url).toBe('./');
    expect(manifest.scope).toBe('./');
    // PNGs only: Chromium's installability check, run as the page loads, draws an SVG icon on
    // the page's main thread (vite.config.ts).
    expect(manifest.icons.map((i) => i.type)).toEqual(manifest.icons.map(() => 'image/png'));
    const sizes = manifest.icons.map((i) => i.sizes);
    expect(sizes).toContain('192x192');
    expect(sizes).toContain('512x512');
    for (const icon of manifest.icons) {
      expect(icon.status, icon.src).toBe(200);
      expect(icon.contentType, icon.src).toContain(icon.type);
    }
    // The tab's icon: one PNG. Chromium draws an SVG favicon on the page's main thread while the
    // app starts (index.html).
    const tabIcon = await page.evaluate(async () => {
      const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"]')];
      const response = await fetch(links[0]!.href);
      return {
        types: links.map((l) => l.type),
        status: response.status,
        contentType: response.headers.get('content-type'),
      };
    });
    expect(tabIcon).toEqual({ types: ['image/png'], status: 200, contentType: 'image/png' });
    // The app registers the service worker once its page is whole (src/lib/serviceWorker.ts).
    const registered = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return registration.active?.scriptURL ?? '';
    });
    expect(registered).toBe(`${site.appBase}sw.js`);
    // Not while the app was still building its page, nor storing its first data: its install
    // would slow that work.
    expect(
      await page.evaluate(() => (window as unknown as { atRegistration: unknown }).atRegistration),
    ).toEqual({ mounted: true, rendering: false, status: 'fresh', manifestLinked: true });

    // Under the worker's control, opening a data file gives the file, not the app's page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: SETTLE_MS,
    });
    // (A JSON file: a CSV navigation turns into a download.)
    const file = await page.goto(`${site.appBase}data/feeds.json`);
    expect(file?.fromServiceWorker(), 'the navigation went through the worker').toBe(true);
    expect(JSON.parse((await file?.text()) ?? '')).toHaveProperty('feeds');
  });

  it('loads once online, then with the network cut: the shell, the charts and other pages show', async () => {
    site = await startTestSite(baseURL());
    const launched = await launchWithServiceWorkers();
    context = launched.context;
    const { page } = launched;
    const errors = trackErrors(page);
    try {
      await page.goto(`${site.appBase}#/`);
      await waitForPoints(page, 'mes-profiles', expected['mes-profiles']);
      // The worker has precached the shell and controls the page (clientsClaim).
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
        timeout: SETTLE_MS,
      });
      const cached = await page.evaluate(async () => {
        const names = await caches.keys();
        const urls: string[] = [];
        for (const name of names) {
          for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
        }
        return urls;
      });
      expect(
        cached.some((u) => /\/index\.html(\?|$)/.test(u)),
        'index.html precached',
      ).toBe(true);
      expect(
        cached.some((u) => /\/assets\/index-[\w-]+\.js/.test(u)),
        'app JS precached',
      ).toBe(true);

      // The page is also stored for the static route (public/sw-static-routes.js): a new tab at
      // the app's address gets it from the browser's cache without the worker running; an
      // address with a query still goes through the worker.
      expect(cached, 'the page stored for the static route').toContain(site.appBase);
      const sourceOf = async (url: string) => {
        const tab = await context!.newPage();
        try {
          await tab.goto(url);
          return await tab.evaluate(
            () =>
              (
                performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming & {
                  workerMatchedSourceType?: string;
                }
              ).workerMatchedSourceType,
          );
        } finally {
          await tab.close();
        }
      };
      expect(await sourceOf(`${site.appBase}#/`), 'the app page, by the static route').toBe(
        'cache',
      );
      expect(await sourceOf(`${site.appBase}?embed=1#/?v=1&embed=1`), 'with a query').toBe('');

      // Cut the network: the server is gone and the browser is offline.
      await site.close();
      site = undefined;
      await context.setOffline(true);

      const response = await page.reload();
      expect(response?.fromServiceWorker(), 'the page came from the service worker').toBe(true);
      await page.waitForSelector('.site-header', { timeout: SETTLE_MS });
      for (const [chart, count] of Object.entries(expected)) {
        await waitForPoints(page, chart, count);
      }
      // The service worker's data cache never passes for a successful refresh: offline, the status
      // says the data could not be refreshed (same contract as the Overview's offline restart).
      await page.waitForFunction(
        () =>
          ['error', 'cached'].includes(
            document.querySelector('[data-testid="data-status"]')?.getAttribute('data-state') ?? '',
          ),
        undefined,
        { timeout: SETTLE_MS },
      );
      await screenshot(page, 'offline-reload');

      // A page not visited yet loads its code from the precache too.
      await page.evaluate(() => (location.hash = '#/sources'));
      await page.waitForSelector('main h1', { timeout: SETTLE_MS });
      expect(await page.locator('.page-error').count(), 'page failed to load offline').toBe(0);

      const pageErrors = errors.filter((e) => e.kind === 'pageerror');
      expect(pageErrors.map((e) => e.text)).toEqual([]);
    } catch (error) {
      await screenshotQuietly(page, 'offline-reload-FAILED');
      throw error;
    }
  });
});
