/**
 * Every page of the app, loaded cold (a fresh profile) and warm (IndexedDB filled, a new tab) at
 * 4x CPU, beside the floor page (scripts/bench/floor/) loaded the same ways in the same rounds:
 * when its main content was painted (the first-chart mark), how much the layout shifted and the
 * longest main-thread task until the page had settled.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { PageId } from './budgets';
import {
  askPage,
  CPU_THROTTLE,
  FIRST_CHART_MARK,
  openProfile,
  throttle,
  waitInPage,
  withProfile,
} from './browser';
import { gzipSize } from './bytes';
import { layoutShiftScore, type Shift } from './stats';

export interface BenchPage {
  id: PageId;
  /** Appended to the app's address. */
  path: string;
}

/** The pages, as a reader opens them (a link, a bookmark, an iframe). */
export const PAGES: BenchPage[] = [
  { id: 'overview', path: '' },
  { id: 'regions', path: '#/regions' },
  { id: 'region', path: '#/regions/75' },
  { id: 'activation', path: '#/activation' },
  { id: 'activation-shared', path: '#/activation?v=1&geo=REG-75' },
  { id: 'sources', path: '#/sources' },
  { id: 'feeds', path: '#/feeds' },
  { id: 'embed', path: '?embed=1#/?chart=mes-rate' },
];

/** Where the floor page is served, beside the app. */
export const FLOOR_PATH = 'bench-floor/';

/** What one load of one page gave. */
export interface PageLoad {
  /** The first-chart mark, from navigation start; undefined when none was set. */
  firstChartMs?: number;
  /** Cumulative layout shift (the largest burst, as Lighthouse counts it) and the plain sum. */
  cls: number;
  clsSum: number;
  /** The shifts, with the elements that moved (for finding them). */
  shifts: (Shift & { sources: string[] })[];
  /** The longest main-thread task (Long Tasks API: 50 ms and more), 0 when none. */
  longestTaskMs: number;
  longTasks: number;
  /** Gzip bytes of the JS requested before the mark. */
  jsBeforeChart: number;
  domContentLoadedMs?: number;
  /** How long after the mark the page was still busy (the end of the load's window). */
  settledMs: number;
}

/**
 * Installed before the page's own scripts: records layout shifts without recent input (with the
 * elements that moved) and long tasks, from the start of the document. Plain JS in a string:
 * tsx would wrap a function's inner functions in a helper the page does not have.
 */
const OBSERVE_LOAD = `(() => {
  const load = (window.__benchLoad = { shifts: [], tasks: [] });
  const describe = (node) => {
    if (!(node instanceof Element)) return node ? node.nodeName : '?';
    const chart = node.closest('[data-chart-id]')?.getAttribute('data-chart-id');
    const cls = typeof node.className === 'string' ? node.className.split(' ')[0] : '';
    return node.localName + (node.id ? '#' + node.id : '') + (cls ? '.' + cls : '') +
      (chart ? ' in ' + chart : '');
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        load.shifts.push({
          at: e.startTime,
          value: e.value,
          sources: (e.sources || []).map((s) =>
            describe(s.node) + ' y ' + Math.round(s.previousRect.y) + '→' +
            Math.round(s.currentRect.y) + ' h ' + Math.round(s.previousRect.height) + '→' +
            Math.round(s.currentRect.height)),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) load.tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // A browser without these entry types: the figures stay empty.
  }
})();`;

/** Quiet this long after the mark and the last long task: the load is over. */
const QUIET_MS = 2_000;
/** The most a load is watched after its mark. */
const SETTLE_MAX_MS = 30_000;
const MARK_TIMEOUT_MS = 60_000;

/** Set by the app once it has replaced the prerendered page or mounted (src/start.ts). */
const APP_MOUNTED_MARK = 'segur-pulse:app-mounted';

/**
 * Loads `url` in `page` (throttled) and measures it, until it has settled: the first-chart mark
 * set, the app mounted (`app`: not the floor page), then no long task or shift for QUIET_MS.
 */
export async function measureLoad(
  page: Page,
  url: string,
  outDir: string,
  app = true,
): Promise<PageLoad> {
  const cdp = await throttle(page, CPU_THROTTLE);
  await page.addInitScript({ content: OBSERVE_LOAD });
  await page.goto(url, { waitUntil: 'commit' });
  const marked = await waitInPage(
    cdp,
    `performance.getEntriesByName(${JSON.stringify(FIRST_CHART_MARK)}).length > 0`,
    MARK_TIMEOUT_MS,
  );
  // Settled: the app mounted, then nothing shifted and no long task for QUIET_MS (the start's
  // refresh, the app taking over a prerendered page). Asked four times a second, by the
  // protocol, as the mark is.
  const quietSince = `(() => {
    const load = window.__benchLoad;
    const mark = performance.getEntriesByName(${JSON.stringify(FIRST_CHART_MARK)})[0];
    const mounted = performance.getEntriesByName(${JSON.stringify(APP_MOUNTED_MARK)})[0];
    if (${app} && !mounted) return 0;
    let last = Math.max(mark ? mark.startTime : 0, mounted ? mounted.startTime : 0);
    for (const [start, duration] of load.tasks) last = Math.max(last, start + duration);
    for (const shift of load.shifts) last = Math.max(last, shift.at);
    return performance.now() - last;
  })()`;
  await waitInPage(cdp, `${quietSince} >= ${QUIET_MS}`, marked ? SETTLE_MAX_MS : 0, 250);
  const seen = await askPage<{
    mark?: number;
    shifts: PageLoad['shifts'];
    tasks: [number, number][];
    js: string[];
    domContentLoaded?: number;
    now: number;
  }>(
    cdp,
    `(() => {
      const mark = performance.getEntriesByName(${JSON.stringify(FIRST_CHART_MARK)})[0]?.startTime;
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        mark,
        shifts: window.__benchLoad.shifts,
        tasks: window.__benchLoad.tasks,
        js: performance.getEntriesByType('resource')
          .filter((r) => r.name.endsWith('.js') && r.startTime < (mark ?? Infinity))
          .map((r) => new URL(r.name).pathname),
        domContentLoaded: nav?.domContentLoadedEventEnd,
        now: performance.now(),
      };
    })()`,
  );
  if (!seen) throw new Error(`no answer from ${url}`);
  const durations = seen.tasks.map(([, d]) => d);
  const files = seen.js.map((p) => p.replace(/^\//, ''));
  return {
    firstChartMs: seen.mark,
    cls: layoutShiftScore(seen.shifts),
    clsSum: seen.shifts.reduce((n, s) => n + s.value, 0),
    shifts: seen.shifts,
    longestTaskMs: Math.max(0, ...durations),
    longTasks: durations.length,
    jsBeforeChart: files.reduce((n, f) => {
      try {
        return n + gzipSize(readFileSync(join(outDir, f)));
      } catch {
        return n; // not a file of the build (the floor's own script)
      }
    }, 0),
    domContentLoadedMs: seen.domContentLoaded,
    settledMs: seen.now - (seen.mark ?? 0),
  };
}

/** A load in a fresh profile, as a first visit. */
export function coldLoad(url: string, outDir: string, app = true): Promise<PageLoad> {
  return withProfile(async (context) => {
    const page = context.pages()[0] ?? (await context.newPage());
    return measureLoad(page, url, outDir, app);
  });
}

/** A load in a new tab of a primed profile, as a reader coming back. */
export async function warmLoad(
  context: BrowserContext,
  url: string,
  outDir: string,
  app = true,
): Promise<PageLoad> {
  const page = await context.newPage();
  try {
    return await measureLoad(page, url, outDir, app);
  } finally {
    await page.close();
  }
}

export interface PageRuns {
  cold: PageLoad[];
  warm: PageLoad[];
}

export interface PagesFigures {
  floor: PageRuns;
  pages: Partial<Record<PageId, PageRuns>>;
}

/**
 * `runs` rounds; in each, the floor and every page cold, then the floor and every page warm, so
 * that a slower quarter of an hour slows the floor as much as the pages it is compared with.
 */
export async function measurePages(
  appUrl: string,
  outDir: string,
  pages: BenchPage[],
  runs: number,
  log: (message: string) => void,
): Promise<PagesFigures> {
  const floorUrl = new URL(FLOOR_PATH, appUrl).href;
  const urlOf = (page: BenchPage) => new URL(page.path, appUrl).href;
  const figures: PagesFigures = {
    floor: { cold: [], warm: [] },
    pages: Object.fromEntries(pages.map((p) => [p.id, { cold: [], warm: [] }])),
  };
  // The app's warm profile: data stored by a first visit, every page opened once (its code in the
  // caches); the floor's own profile (the app's service worker would answer for the floor's
  // address, which is in its scope).
  const app = await openProfile();
  const floor = await openProfile();
  try {
    const primer = app.context.pages()[0] ?? (await app.context.newPage());
    await primer.goto(new URL('#/', appUrl).href);
    await primer.waitForSelector('[data-testid="data-status"][data-state="fresh"]', {
      timeout: 60_000,
    });
    await primer.evaluate(() => navigator.serviceWorker?.ready);
    for (const page of pages) {
      await primer.goto(urlOf(page));
      await primer.waitForTimeout(500);
    }
    await primer.close();
    const floorPrimer = floor.context.pages()[0] ?? (await floor.context.newPage());
    await floorPrimer.goto(floorUrl);
    await floorPrimer.close();

    const describe = (load: PageLoad) =>
      `${load.firstChartMs === undefined ? 'no mark' : `${load.firstChartMs.toFixed(0)} ms`}, CLS ${load.cls.toFixed(3)}, longest task ${load.longestTaskMs.toFixed(0)} ms`;
    for (let round = 1; round <= runs; round++) {
      figures.floor.cold.push(await coldLoad(floorUrl, outDir, false));
      log(`round ${round}/${runs} cold floor: ${describe(figures.floor.cold.at(-1)!)}`);
      for (const page of pages) {
        const load = await coldLoad(urlOf(page), outDir);
        figures.pages[page.id]!.cold.push(load);
        log(`round ${round}/${runs} cold ${page.id}: ${describe(load)}`);
      }
      figures.floor.warm.push(await warmLoad(floor.context, floorUrl, outDir, false));
      log(`round ${round}/${runs} warm floor: ${describe(figures.floor.warm.at(-1)!)}`);
      for (const page of pages) {
        const load = await warmLoad(app.context, urlOf(page), outDir);
        figures.pages[page.id]!.warm.push(load);
        log(`round ${round}/${runs} warm ${page.id}: ${describe(load)}`);
      }
    }
  } finally {
    await app.close();
    await floor.close();
  }
  return figures;
}
