// The Overview and Sources pages in a real Chromium, against the built app served on 127.0.0.1.
// Expected numbers come from data/observations.csv, parsed here independently of the app.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHART_IDS,
  disputedGroups,
  distinctSourceUrls,
  drawnRows,
  expectedPointCounts,
  readObservations,
  type ChartId,
  type Row,
} from './expected.ts';
import {
  ROOT,
  appURL,
  firstPage,
  gotoApp,
  isFailedResourceLoad,
  launchBrowser,
  removeProfileDir,
  screenshot,
  screenshotQuietly,
  trackErrors,
  type BrowserError,
} from './helpers.ts';

const CSV_PATH = resolve(ROOT, 'data/observations.csv');
const STATES = ['loading', 'refreshing', 'fresh', 'cached', 'error'];
const QUALIFIERS = ['=', '~', '>', '<'];
const SETTLE_MS = 15_000;

/**
 * The feed request, whatever query string the app adds (cache busting, conditional GET), and
 * data/manifest.json, which a refresh reads first and which can stand for the feed.
 */
const isFeed = (url: URL) =>
  url.pathname.endsWith('/data/observations.csv') || url.pathname.endsWith('/data/manifest.json');

let rows: Row[] = [];
let expected: Record<ChartId, number>;
/** Profile left by the first visit, reused by the offline restart. */
let primedProfile: string | undefined;

beforeAll(() => {
  if (!existsSync(CSV_PATH)) {
    throw new Error(`${CSV_PATH} is missing: the browser tests compute their expectations from it`);
  }
  rows = readObservations(CSV_PATH);
  expected = expectedPointCounts(rows);
  for (const id of CHART_IDS) {
    if (expected[id] === 0) throw new Error(`data/observations.csv has no rows for chart ${id}`);
  }
});

afterAll(() => {
  if (primedProfile) removeProfileDir(primedProfile);
});

// ---------------------------------------------------------------------------------------------
// DOM probes

interface PointInfo {
  series: string | null;
  qualifier: string | null;
  period: string | null;
}

async function pointCounts(page: Page): Promise<Record<ChartId, number>> {
  return page.evaluate(
    (ids) => {
      const counts: Record<string, number> = {};
      for (const id of ids) {
        counts[id] = document.querySelectorAll(`figure[data-chart-id="${id}"] .point`).length;
      }
      return counts;
    },
    CHART_IDS as unknown as string[],
  ) as Promise<Record<ChartId, number>>;
}

async function pointsOf(page: Page, id: ChartId): Promise<PointInfo[]> {
  return page.$$eval(`figure[data-chart-id="${id}"] .point`, (els) =>
    els.map((el) => ({
      series: el.getAttribute('data-series'),
      qualifier: el.getAttribute('data-qualifier'),
      period: el.getAttribute('data-period'),
    })),
  );
}

async function status(page: Page): Promise<{ state: string | null; text: string } | null> {
  return page.evaluate(() => {
    const el = document.querySelector('[data-testid="data-status"]');
    return el
      ? { state: el.getAttribute('data-state'), text: (el.textContent ?? '').trim() }
      : null;
  });
}

/** A short description of what the page shows, for failure messages. */
async function observed(page: Page): Promise<string> {
  try {
    const dom = await page.evaluate(() => ({
      url: location.href,
      status: (() => {
        const el = document.querySelector('[data-testid="data-status"]');
        return el
          ? {
              state: el.getAttribute('data-state'),
              text: (el.textContent ?? '').trim().slice(0, 200),
            }
          : 'no [data-testid="data-status"]';
      })(),
      figures: [...document.querySelectorAll('figure')].map((f) => ({
        'data-chart-id': f.getAttribute('data-chart-id'),
        points: f.querySelectorAll('.point').length,
        dataRows: f.querySelectorAll('details tr.data-row').length,
      })),
      kpis: [...document.querySelectorAll('article.kpi')].map((a) => a.getAttribute('data-kpi-id')),
      bodyStart: (document.body?.innerText ?? '').replace(/\s+/g, ' ').slice(0, 300),
    }));
    return JSON.stringify(dom);
  } catch (error) {
    return `(page not readable: ${String(error)})`;
  }
}

async function waitUntil(
  page: Page,
  description: string,
  condition: () => Promise<boolean>,
  timeout = SETTLE_MS,
): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await condition().catch(() => false)) return;
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeout} ms waiting for ${description}.\nObserved: ${await observed(page)}`,
      );
    }
    await page.waitForTimeout(100);
  }
}

const sameCounts = (a: Record<ChartId, number>, b: Record<ChartId, number>) =>
  CHART_IDS.every((id) => a[id] === b[id]);

function describeErrors(errors: BrowserError[]): string {
  return errors
    .map((e) => `${e.kind}: ${e.text}${e.location ? ` @ ${e.location}` : ''}`)
    .join('\n');
}

const sorted = (values: (string | null)[]) => [...values].map(String).sort();

/** The checks a painted Overview must pass, whatever the source of its data. */
async function expectOverviewPainted(page: Page): Promise<void> {
  await waitUntil(page, `point counts ${JSON.stringify(expected)}`, async () =>
    sameCounts(await pointCounts(page), expected),
  ).catch(() => undefined); // the assertion below reports the difference
  expect(await pointCounts(page), `points per chart; observed ${await observed(page)}`).toEqual(
    expected,
  );

  for (const id of CHART_IDS) {
    const points = await pointsOf(page, id);
    const bad = points.filter(
      (p) => !p.series || !p.period || !QUALIFIERS.includes(p.qualifier ?? ''),
    );
    expect
      .soft(bad, `${id}: .point without data-series/data-period or a valid data-qualifier`)
      .toEqual([]);
  }
}

/** Points of the charts that plot the CSV's rows one for one carry their periods and qualifiers. */
async function expectPointsMatchRows(page: Page): Promise<void> {
  const drawn = drawnRows(rows);
  const national = drawn.filter((r) => r.geo === 'FR' && r.breakdown === '');
  const direct: Record<'mes-profiles' | 'dmp-docs' | 'insi-calls', Row[]> = {
    'mes-profiles': national.filter((r) =>
      ['mes_profiles_open', 'mes_profiles_activated'].includes(r.indicator),
    ),
    'dmp-docs': drawn.filter((r) => r.geo === 'FR' && r.indicator === 'dmp_docs_sent_per_month'),
    'insi-calls': drawn.filter((r) => r.geo === 'FR' && r.indicator === 'insi_calls_per_month'),
  };
  const seriesKey: Record<keyof typeof direct, (r: Row) => string> = {
    'mes-profiles': (r) => r.indicator,
    'dmp-docs': (r) => r.breakdown,
    'insi-calls': (r) => r.indicator,
  };
  for (const [id, chartRows] of Object.entries(direct) as [keyof typeof direct, Row[]][]) {
    const points = await pointsOf(page, id);
    expect
      .soft(sorted(points.map((p) => p.period)), `${id}: data-period of the points vs CSV periods`)
      .toEqual(sorted(chartRows.map((r) => r.period)));
    expect
      .soft(
        sorted(points.map((p) => p.qualifier)),
        `${id}: data-qualifier of the points vs CSV qualifiers (empty = '=')`,
      )
      .toEqual(sorted(chartRows.map((r) => r.qualifier || '=')));
    expect
      .soft(new Set(points.map((p) => p.series)).size, `${id}: number of distinct data-series`)
      .toBe(new Set(chartRows.map(seriesKey[id])).size);
  }
  // Same figure from two sources (May 2022 open, Feb 2024 activated): one point each, marked.
  const mesRows = rows.filter(
    (r) =>
      r.geo === 'FR' &&
      r.breakdown === '' &&
      ['mes_profiles_open', 'mes_profiles_activated'].includes(r.indicator),
  );
  expect
    .soft(
      await page
        .locator('figure[data-chart-id="mes-profiles"] .point[data-disputed="true"]')
        .count(),
      'mes-profiles: one .point[data-disputed="true"] per figure published by two sources',
    )
    .toBe(disputedGroups(mesRows));
}

async function expectTablesAndSources(page: Page): Promise<void> {
  for (const id of CHART_IDS) {
    const figure = page.locator(`figure[data-chart-id="${id}"]`);
    expect
      .soft(await figure.locator('details').count(), `${id}: a <details> data table in the figure`)
      .toBeGreaterThan(0);
    expect
      .soft(await figure.locator('details tr.data-row').count(), `${id}: tr.data-row per point`)
      .toBe(expected[id]);
    expect
      .soft(await figure.locator('a[href^="http"]').count(), `${id}: source links a[href^="http"]`)
      .toBeGreaterThan(0);
  }
}

// ---------------------------------------------------------------------------------------------

describe('Overview in Chromium', () => {
  it('(a) first visit with a fresh profile: four charts, KPI cards, no errors', async () => {
    const browser = await launchBrowser();
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);
    const workers: { url: string; ended: boolean }[] = [];
    page.on('worker', (worker) => {
      const seen = { url: worker.url(), ended: false };
      workers.push(seen);
      worker.on('close', () => (seen.ended = true));
    });
    try {
      await gotoApp(page, appURL('#/'));
      await expectOverviewPainted(page);
      await expectPointsMatchRows(page);
      await expectTablesAndSources(page);

      const kpis = page.locator('article.kpi[data-kpi-id]');
      expect(await kpis.count(), `KPI cards; observed ${await observed(page)}`).toBeGreaterThan(0);
      await expect.poll(() => kpis.first().isVisible()).toBe(true);

      // The first visit validates the feed and stores it: the status settles on "fresh".
      await waitUntil(
        page,
        'data-state="fresh"',
        async () => (await status(page))?.state === 'fresh',
      );
      expect(STATES).toContain((await status(page))?.state);

      // ICU's data is loaded first in a worker of its own (src/lib/warmIntl.ts), which the page
      // ends once it has said both languages are loaded: a worker that never answers stays.
      const intlWorkers = () => workers.filter((w) => /\/warmIntl\.worker[^/]*\.js$/.test(w.url));
      await expect.poll(() => intlWorkers().map((w) => w.ended)).toEqual([true]);

      // Every script of the page's own thread arrived marked to be compiled as it downloads,
      // off that thread (scripts/compileHints.ts); workers are built apart.
      const scripts = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .filter((url) => /\/assets\/[^/]+\.js$/.test(url) && !/\.worker-/.test(url)),
      );
      expect(scripts.length, 'scripts loaded').toBeGreaterThan(3);
      for (const url of scripts) {
        const firstLine = (await (await fetch(url)).text()).split('\n')[0];
        expect(firstLine, url).toBe('//# allFunctionsCalledOnLoad');
      }

      await screenshot(page, 'overview-first-visit');
      expect(errors, describeErrors(errors)).toEqual([]);
      expect.soft(browser.blocked, 'requests outside 127.0.0.1 (blocked)').toEqual([]);
      primedProfile = browser.profileDir;
    } catch (error) {
      await screenshotQuietly(page, 'overview-first-visit-FAILED');
      throw error;
    } finally {
      await browser.close({ removeProfile: primedProfile === undefined });
    }
  });

  it('(b) Sources page lists the feed and every source URL of the data', async () => {
    const browser = await launchBrowser();
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);
    const sourceUrls = distinctSourceUrls(rows);
    const hrefs = () =>
      page.$$eval('a[href]', (links) =>
        links.flatMap((a) => [a.getAttribute('href') ?? '', (a as HTMLAnchorElement).href]),
      );
    const missingUrls = async () => {
      const present = new Set(await hrefs());
      return sourceUrls.filter((u) => !present.has(u) && !present.has(new URL(u).href));
    };
    try {
      await gotoApp(page, appURL('#/sources'));
      await waitUntil(
        page,
        `links to all ${sourceUrls.length} source URLs on #/sources`,
        async () => (await missingUrls()).length === 0,
      ).catch(() => undefined);
      expect(
        await missingUrls(),
        `source URLs without a link; observed ${await observed(page)}`,
      ).toEqual([]);

      // The feed itself is listed: its URL (or file name) appears as a link or as text.
      const listsFeed = await page.evaluate(
        () =>
          [...document.querySelectorAll('a[href]')].some((a) =>
            (a.getAttribute('href') ?? '').includes('observations.csv'),
          ) || (document.body.textContent ?? '').includes('observations.csv'),
      );
      expect(listsFeed, 'the feed data/observations.csv is listed on #/sources').toBe(true);

      await screenshot(page, 'sources');
      expect(errors, describeErrors(errors)).toEqual([]);
    } catch (error) {
      await screenshotQuietly(page, 'sources-FAILED');
      throw error;
    } finally {
      await browser.close({ removeProfile: true });
    }
  });

  it('(c) restart offline with the same profile: paints from IndexedDB before any network request', async () => {
    const profileDir = primedProfile ?? (await primeProfile());
    const browser = await launchBrowser(profileDir);
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);

    // Records, inside the page, when the first .point enters the DOM.
    await browser.context.addInitScript(() => {
      const w = window as unknown as { __firstPointAt?: number };
      const check = () => {
        if (w.__firstPointAt === undefined && document.querySelector('.point')) {
          w.__firstPointAt = Date.now();
          observer.disconnect();
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true, attributes: true });
    });

    // The feed request is held until points are visible, then fails as if offline. If the app
    // waited for the network before painting, no point would ever appear.
    let pointsVisible!: () => void;
    const pointsShown = new Promise<void>((done) => (pointsVisible = done));
    const feedRequests: { at: number; url: string }[] = [];
    await browser.context.route(isFeed, async (route: Route) => {
      feedRequests.push({ at: Date.now(), url: route.request().url() });
      await Promise.race([pointsShown, new Promise((done) => setTimeout(done, 20_000))]);
      await route.abort('internetdisconnected').catch(() => undefined);
    });

    try {
      await gotoApp(page, appURL('#/'));
      try {
        await page.waitForSelector('.point', { state: 'attached', timeout: 20_000 });
      } catch {
        throw new Error(
          `No .point appeared within 20 s while data/observations.csv was held ` +
            `(${feedRequests.length} request(s) to it): the Overview did not paint from IndexedDB ` +
            `before the network.\nObserved: ${await observed(page)}`,
        );
      }
      pointsVisible();
      const firstPointAt = await page.evaluate(
        () => (window as unknown as { __firstPointAt?: number }).__firstPointAt,
      );

      await expectOverviewPainted(page);

      // The background refresh fails: the status says so, the charts stay.
      await waitUntil(page, 'data-state "error" or "cached"', async () =>
        ['error', 'cached'].includes((await status(page))?.state ?? ''),
      ).catch(() => undefined);
      const finalStatus = await status(page);
      expect(['error', 'cached'], `data-status; observed ${await observed(page)}`).toContain(
        finalStatus?.state,
      );
      expect(await pointCounts(page), 'charts stay after the failed refresh').toEqual(expected);

      console.log(
        `[offline restart] ${feedRequests.length} request(s) to data/observations.csv; ` +
          `status ${JSON.stringify(finalStatus)}`,
      );
      expect(firstPointAt, 'first .point time recorded in the page').toBeTypeOf('number');
      const early = feedRequests.filter((r) => r.at < (firstPointAt ?? 0));
      expect(
        early,
        `feed requests made before the first .point appeared (at ${firstPointAt})`,
      ).toEqual([]);

      await screenshot(page, 'overview-offline');
      const pageErrors = errors.filter((e) => e.kind === 'pageerror');
      expect(pageErrors, describeErrors(pageErrors)).toEqual([]);
    } catch (error) {
      await screenshotQuietly(page, 'overview-offline-FAILED');
      throw error;
    } finally {
      pointsVisible();
      await browser.close({ removeProfile: true });
      primedProfile = undefined;
    }
  });

  it('(d) first visit with the feed unreachable: an error status, no crash', async () => {
    const browser = await launchBrowser();
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);
    let feedRequests = 0;
    await browser.context.route(isFeed, (route: Route) => {
      feedRequests += 1;
      return route.abort('internetdisconnected');
    });
    try {
      await gotoApp(page, appURL('#/'));
      await waitUntil(page, 'data-state="error" with a message', async () => {
        const s = await status(page);
        return s?.state === 'error' && s.text.length > 0;
      }).catch(() => undefined);
      const finalStatus = await status(page);
      expect(finalStatus, `data-status; observed ${await observed(page)}`).toMatchObject({
        state: 'error',
      });
      expect(finalStatus?.text, 'an error message in [data-testid="data-status"]').not.toBe('');
      expect(feedRequests, 'the feed was requested').toBeGreaterThan(0);

      await screenshot(page, 'overview-first-visit-feed-unreachable');
      const pageErrors = errors.filter((e) => e.kind === 'pageerror');
      expect(pageErrors, describeErrors(pageErrors)).toEqual([]);
      const otherConsoleErrors = errors.filter(
        (e) => e.kind === 'console' && !isFailedResourceLoad(e),
      );
      if (otherConsoleErrors.length > 0) {
        console.log(`[feed unreachable] console errors:\n${describeErrors(otherConsoleErrors)}`);
      }
    } catch (error) {
      await screenshotQuietly(page, 'overview-first-visit-feed-unreachable-FAILED');
      throw error;
    } finally {
      await browser.close({ removeProfile: true });
    }
  });
});

/** When test (a) did not leave a profile behind: a first visit that stores the data. */
async function primeProfile(): Promise<string> {
  const browser = await launchBrowser();
  try {
    const page = await firstPage(browser.context);
    await gotoApp(page, appURL('#/'));
    await waitUntil(page, 'data-state="fresh" after a first visit', async () => {
      return (await status(page))?.state === 'fresh';
    });
  } catch (error) {
    await browser.close({ removeProfile: true });
    throw error;
  }
  await browser.close();
  return browser.profileDir;
}
