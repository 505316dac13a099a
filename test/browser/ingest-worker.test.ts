// The app's refresh hands a big feed to the ingest worker (src/sync/ingest/) in a real Chromium:
// the data is parsed, validated and stored off the page, and shown once stored.
// The feed is SYNTHETIC (scripts/bench/syntheticFeed.ts), served by page.route, never app data.
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKER_MIN_BYTES } from '../../src/sync/ingest/client';
import { syntheticTidyCsv } from '../../scripts/bench/syntheticFeed';
import {
  appURL,
  firstPage,
  gotoApp,
  launchBrowser,
  screenshotQuietly,
  type LaunchedBrowser,
} from './helpers.ts';

const ROWS = 4_000;
const csv = syntheticTidyCsv(ROWS);

/** Observations stored in the app's IndexedDB (schema v3: a series' rows in parallel columns). */
function storedRows(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('segur-pulse');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('series').objectStore('series').getAll();
          all.onsuccess = () =>
            resolve(
              (all.result as { periods: string[] }[]).reduce(
                (rows, s) => rows + s.periods.length,
                0,
              ),
            );
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close({ removeProfile: true });
});

describe('refresh of a big feed', () => {
  it('runs in the ingest worker, stores every row and shows the data', async () => {
    expect(Buffer.byteLength(csv)).toBeGreaterThan(WORKER_MIN_BYTES);
    const page = await firstPage(browser.context);
    // The synthetic feed stands in for the embedded one; no manifest, so it is fetched as is.
    await page.route('**/data/manifest.json', (route: Route) => route.fulfill({ status: 404 }));
    await page.route('**/data/observations.csv*', (route: Route) =>
      route.fulfill({ body: csv, contentType: 'text/csv' }),
    );
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      await gotoApp(page, appURL('#/'));
      await page.waitForSelector('[data-testid="data-status"][data-state="fresh"]', {
        timeout: 45_000,
      });
      expect(pageErrors).toEqual([]);
      expect(workers.some((url) => /ingest\.worker/.test(url))).toBe(true);
      expect(await storedRows(page)).toBe(ROWS);
      // The overview draws the synthetic national series: the data reached the page.
      await page.waitForSelector('.point', { timeout: 15_000 });
    } catch (error) {
      await screenshotQuietly(page, 'ingest-worker-failure');
      throw error;
    }
  });
});

describe('first visit', () => {
  it('reads the embedded feed once, in one worker, and stores it: the page parses nothing', async () => {
    const fresh = await launchBrowser();
    try {
      const page = await firstPage(fresh.context);
      const workers: string[] = [];
      page.on('worker', (worker) => workers.push(worker.url()));
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await gotoApp(page, appURL('#/activation'));
      await page.waitForSelector('[data-testid="data-status"][data-state="fresh"]', {
        timeout: 45_000,
      });
      // One worker reads the feed for the preview; the round stores what it read.
      expect(workers.filter((url) => /ingest\.worker/.test(url))).toHaveLength(1);
      expect(await storedRows(page)).toBe(119);
      // The parser's code (the feed reader, papaparse, the ingest job) never ran on the page.
      const pageScripts = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname),
      );
      expect(pageScripts.filter((p) => /\/assets\/(job|papaparse|ingest)-/.test(p))).toEqual([]);
      expect(await page.locator('#app figure .point').count()).toBeGreaterThan(0);
      expect(pageErrors).toEqual([]);
    } finally {
      await fresh.close({ removeProfile: true });
    }
  });
});
