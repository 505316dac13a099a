// The Overview prerendered into the built index.html (src/prerender/, public/prerender-gate.js):
// shown before any of the app's scripts has run, only where it is what the app would show, and
// replaced by the live app with the same figures. Expected numbers come from
// data/observations.csv, parsed here independently of the app.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { CHART_IDS, expectedPointCounts, readObservations } from './expected.ts';
import {
  ROOT,
  appURL,
  baseURL,
  firstPage,
  isFailedResourceLoad,
  launchBrowser,
  screenshotQuietly,
  trackErrors,
  type LaunchedBrowser,
} from './helpers.ts';

const expected = expectedPointCounts(readObservations(resolve(ROOT, 'data/observations.csv')));
const SETTLE_MS = 15_000;
const KEY_STORAGE = 'segur-pulse:overview-key';

let browser: LaunchedBrowser | undefined;
afterEach(async () => {
  await browser?.close({ removeProfile: true });
  browser = undefined;
});

/** A page whose app scripts (assets/*.js) never load: what index.html shows on its own. */
async function withoutAppScripts(): Promise<Page> {
  browser = await launchBrowser();
  await browser.context.route('**/assets/*.js', (route) => route.abort());
  return firstPage(browser.context);
}

/** Whether the prerendered Overview is on screen, and its points per chart. */
async function prerendered(page: Page) {
  return page.evaluate(
    (ids) => {
      const app = document.querySelector<HTMLElement>('#app[data-prerendered]');
      const counts: Record<string, number> = {};
      for (const id of ids) {
        counts[id] = document.querySelectorAll(
          `#app[data-prerendered] figure[data-chart-id="${id}"] .point`,
        ).length;
      }
      return {
        present: app !== null,
        visible: app !== null && app.getClientRects().length > 0,
        counts,
        mark: performance.getEntriesByName('segur-pulse:first-chart', 'mark').length,
      };
    },
    CHART_IDS as readonly string[],
  );
}

describe('prerendered overview', () => {
  it('shows every chart with its points before any app script has run, and sets the first-chart mark', async () => {
    const page = await withoutAppScripts();
    await page.goto(appURL('#/'));
    await page.waitForFunction(
      () => performance.getEntriesByName('segur-pulse:first-chart', 'mark').length > 0,
      null,
      { timeout: SETTLE_MS },
    );
    const shown = await prerendered(page);
    await screenshotQuietly(page, 'prerender-without-scripts');
    expect(shown.present).toBe(true);
    expect(shown.visible).toBe(true);
    expect(shown.mark).toBe(1);
    for (const id of CHART_IDS) expect(shown.counts[id], id).toBe(expected[id]);
    // The page says it is still loading: the figures are the published ones, not yet checked
    // against the cache or the network.
    await expect
      .poll(() => page.locator('[data-testid="data-status"]').getAttribute('data-state'))
      .toBe('loading');
  });

  it('on a phone keeps the place of its charts but shows them only with the app (drawn too wide)', async () => {
    const page = await withoutAppScripts();
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(appURL('#/'));
    await page.waitForLoadState('load');
    await page.waitForTimeout(300);
    const phone = await page.evaluate(() => {
      const plot = document.querySelector<HTMLElement>('#app[data-prerendered] .plot')!;
      return {
        kpis: document.querySelectorAll('#app[data-prerendered] .kpi-grid > *').length,
        plotHeight: plot.getBoundingClientRect().height,
        svgVisibility: getComputedStyle(plot.querySelector('svg')!).visibility,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        mark: performance.getEntriesByName('segur-pulse:first-chart', 'mark').length,
      };
    });
    await screenshotQuietly(page, 'prerender-phone');
    expect(phone.kpis).toBeGreaterThan(0);
    expect(phone.plotHeight).toBe(280);
    expect(phone.svgVisibility).toBe('hidden');
    expect(phone.overflow).toBe(0);
    expect(phone.mark).toBe(0);
  });

  it('is replaced by the live app with the same figures, and the key of what it showed is stored', async () => {
    browser = await launchBrowser();
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);
    await page.goto(appURL('#/'));
    const before = await page.evaluate(() => ({
      kpis: document.querySelector('#app[data-prerendered] .kpi-grid')?.textContent,
      periods: [...document.querySelectorAll('#app[data-prerendered] .point')].map(
        (p) => `${p.closest('figure')?.dataset.chartId} ${(p as HTMLElement).dataset.period}`,
      ),
    }));
    expect(before.kpis).toBeTruthy();
    await page.waitForSelector('[data-testid="data-status"][data-state="fresh"]', {
      timeout: SETTLE_MS,
    });
    await expect
      .poll(() => page.evaluate((k) => localStorage.getItem(k), KEY_STORAGE), {
        timeout: SETTLE_MS,
      })
      .toBe(await page.getAttribute('meta[name="segur-pulse-prerender"]', 'content'));
    const after = await page.evaluate(() => ({
      prerendered: document.querySelectorAll('[data-prerendered]').length,
      kpis: document.querySelector('#app .kpi-grid')?.textContent,
      periods: [...document.querySelectorAll('#app .point')].map(
        (p) => `${p.closest('figure')?.dataset.chartId} ${(p as HTMLElement).dataset.period}`,
      ),
      ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
    }));
    expect(after.prerendered).toBe(0);
    expect(after.kpis).toBe(before.kpis);
    expect(after.periods).toEqual(before.periods);
    expect(new Set(after.ids).size).toBe(after.ids.length);
    expect(errors).toEqual([]);

    // The next visit shows it again (same data), and the live app still takes over.
    await page.addInitScript(() => {
      new MutationObserver((records) => {
        for (const record of records) {
          if ((record.target as Element).getAttribute('data-prerender') === 'shown') {
            (window as unknown as { gateShown: boolean }).gateShown = true;
          }
        }
      }).observe(document, {
        attributes: true,
        subtree: true,
        attributeFilter: ['data-prerender'],
      });
    });
    await page.reload();
    expect(
      await page.evaluate(() => (window as unknown as { gateShown?: boolean }).gateShown),
    ).toBe(true);
    await page.waitForSelector('#app:not([data-prerendered]) .point', { timeout: SETTLE_MS });
    expect(errors).toEqual([]);
  });

  it('stays hidden where it is not what the app would show', async () => {
    const page = await withoutAppScripts();
    const errors = trackErrors(page);
    const hiddenAt = async (url: string, storage: Record<string, string> = {}) => {
      await page.goto(new URL('favicon.svg', baseURL()).href);
      await page.evaluate((items) => {
        localStorage.clear();
        for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
      }, storage);
      await page.goto(url);
      await page.waitForLoadState('load');
      const shown = await prerendered(page);
      expect(shown.present, url).toBe(true);
      return !shown.visible;
    };
    // Another page, an embed, English, or data the app showed that differs from the page's.
    expect(await hiddenAt(appURL('#/regions'))).toBe(true);
    expect(await hiddenAt(appURL('#/activation'))).toBe(true);
    expect(
      await hiddenAt(new URL('?embed=1#/?v=1&embed=1&chart=mes-profiles', baseURL()).href),
    ).toBe(true);
    expect(await hiddenAt(appURL('#/?v=1&lang=en'))).toBe(true);
    expect(await hiddenAt(appURL('#/'), { 'segur-pulse:lang': 'en' })).toBe(true);
    expect(await hiddenAt(appURL('#/'), { [KEY_STORAGE]: 'sha256:other-data' })).toBe(true);
    // The plain overview, French chosen, and the same data as last time: shown.
    const meta = await page.getAttribute('meta[name="segur-pulse-prerender"]', 'content');
    expect(await hiddenAt(appURL('#/'), { 'segur-pulse:lang': 'fr', [KEY_STORAGE]: meta! })).toBe(
      false,
    );
    expect(await hiddenAt(baseURL())).toBe(false);
    expect(errors.filter((e) => !isFailedResourceLoad(e))).toEqual([]);
  });

  it('gives way to the page the address names, and the app shows it', async () => {
    browser = await launchBrowser();
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);
    await page.goto(appURL('#/sources'));
    await page.waitForSelector('#app:not([data-prerendered]) h1', { timeout: SETTLE_MS });
    expect(await page.locator('h1').textContent()).toBe('Sources');
    expect(await page.locator('[data-prerendered]').count()).toBe(0);
    expect(await page.locator('figure[data-chart-id]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('prerendered views besides the Overview', () => {
  it('shows a view from its own prerendered page before any app script has run', async () => {
    const page = await withoutAppScripts();
    const errors = trackErrors(page);
    const shownAt = async (address: string) => {
      // A new document each time: from one view to another by the hash alone, the page stays.
      await page.goto('about:blank');
      await page.goto(address);
      await page.waitForFunction(
        () => performance.getEntriesByName('segur-pulse:first-chart', 'mark').length > 0,
        null,
        { timeout: SETTLE_MS },
      );
      return page.evaluate(() => {
        const route = document.querySelector<HTMLElement>('#prerendered-route')!;
        return {
          state: document.documentElement.dataset.prerender,
          visible: !route.hidden && route.getClientRects().length > 0,
          overviewVisible: document.querySelector('#app')!.getClientRects().length > 0,
          h1: route.querySelector('h1')?.textContent,
          regions: route.querySelectorAll('figure[data-chart-id="region-map"] path[data-geo]')
            .length,
          points: route.querySelectorAll('.point').length,
          sources: route.querySelectorAll('tr.source-row').length,
        };
      });
    };
    const regions = await shownAt(appURL('#/regions'));
    await screenshotQuietly(page, 'prerender-regions-without-scripts');
    expect(regions).toMatchObject({ state: 'route', visible: true, overviewVisible: false });
    expect(regions.regions).toBeGreaterThanOrEqual(18);
    expect((await shownAt(appURL('#/regions/75'))).points).toBeGreaterThan(0);
    expect((await shownAt(appURL('#/activation?v=1&geo=REG-44'))).h1).toBeTruthy();
    expect((await shownAt(appURL('#/sources'))).sources).toBeGreaterThan(0);
    const embed = await shownAt(new URL('?embed=1#/?v=1&chart=mes-rate', baseURL()).href);
    expect(embed.points).toBe(expected['mes-rate']);
    // No style the Content-Security-Policy refuses, no script error.
    expect(errors.filter((e) => !isFailedResourceLoad(e))).toEqual([]);
  });

  it('is replaced by the live app, which stores the key of its data for the next visit', async () => {
    browser = await launchBrowser();
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);
    await page.goto(appURL('#/regions'));
    await page.waitForSelector('[data-testid="data-status"][data-state="fresh"]', {
      timeout: SETTLE_MS,
    });
    await page.waitForSelector('#app:not([data-prerendered]) figure[data-chart-id="region-map"]');
    expect(await page.locator('#prerendered-route').count()).toBe(0);
    expect(await page.locator('[data-prerendered]').count()).toBe(0);
    const listed = JSON.parse(
      (await page.getAttribute('meta[name="segur-pulse-prerender-pages"]', 'content'))!,
    ) as { key: string };
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('segur-pulse:pages-key')), {
        timeout: SETTLE_MS,
      })
      .toBe(listed.key);
    // Data other than the pages' (a feed added, a newer file): the app renders the view itself.
    await page.evaluate(() => localStorage.setItem('segur-pulse:pages-key', 'other=sha256:x'));
    const fetched: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/prerender/')) fetched.push(r.url());
    });
    await page.reload();
    await page.waitForSelector('#app:not([data-prerendered]) figure[data-chart-id="region-map"]', {
      timeout: SETTLE_MS,
    });
    expect(fetched).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('gives way to the app only once the app has drawn the same charts: none blanks out', async () => {
    browser = await launchBrowser();
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);
    // At every frame: how many charts the reader sees with their points, and whether the app
    // was being built unseen under the prerendered page.
    await page.addInitScript(() => {
      const frames: { drawn: number; staging: boolean }[] = [];
      (window as unknown as { frames_: typeof frames }).frames_ = frames;
      const look = () => {
        const drawn = [...document.querySelectorAll('figure[data-chart-id]')].filter(
          (figure) =>
            figure.querySelector('.point') !== null &&
            figure.getClientRects().length > 0 &&
            getComputedStyle(figure).visibility === 'visible',
        ).length;
        frames.push({ drawn, staging: document.querySelector('[data-staging]') !== null });
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page.goto(appURL('#/activation'));
    await page.waitForFunction(
      () =>
        performance.getEntriesByName('segur-pulse:app-mounted', 'mark').length > 0 &&
        !document.documentElement.hasAttribute('data-rendering'),
      null,
      { timeout: SETTLE_MS },
    );
    const frames = await page.evaluate(
      () => (window as unknown as { frames_: { drawn: number; staging: boolean }[] }).frames_,
    );
    const firstDrawn = frames.findIndex((f) => f.drawn > 0);
    expect(firstDrawn).toBeGreaterThanOrEqual(0);
    const seen = frames.slice(firstDrawn).map((f) => f.drawn);
    // The two charts of the tracker's first screen, from the prerendered page then the app's.
    expect(Math.min(...seen)).toBe(2);
    expect(frames.some((f) => f.staging)).toBe(true);
    expect(frames.at(-1)?.staging).toBe(false);
    expect(
      await page.locator('#app:not([data-prerendered]) figure .point').count(),
    ).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
