// The Regions pages in a real Chromium: the map by keyboard, the date slider, a region page.
// Expected values are computed here from the CSV the app is fed (data/observations.csv, or a
// synthetic feed of all 18 regions served with page.route), independently of the app's model.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { BrowserContext, Page, Route } from 'playwright-core';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, readObservations, type Row } from './expected.ts';
import {
  ROOT,
  appURL,
  firstPage,
  gotoApp,
  launchBrowser,
  screenshot,
  screenshotQuietly,
  trackErrors,
  type LaunchedBrowser,
} from './helpers.ts';

const CSV_PATH = resolve(ROOT, 'data/observations.csv');
const SETTLE_MS = 20_000;
const RATE = 'mes_activation_rate';
const OPEN = 'mes_profiles_open';
const ACTIVATED = 'mes_profiles_activated';

// INSEE codes straight from the package the app also depends on, not from the app's model.
const require = createRequire(import.meta.url);
const cogRegions = (
  require('@etalab/decoupage-administratif/data/regions.json') as { code: string; zone: string }[]
).filter((r) => r.zone === 'metro' || r.zone === 'drom');
const cogDepartements = (
  require('@etalab/decoupage-administratif/data/departements.json') as {
    code: string;
    region: string;
    zone: string;
  }[]
).filter((d) => d.zone === 'metro' || d.zone === 'drom');
const REGION_CODES = cogRegions.map((r) => r.code);

// ---------------------------------------------------------------------------------------------
// Expectations, from the rules of issue 4: the latest figure whose period ended by the date; a
// region's own figure first, else the sum of all its departments at one period; rates as published
// or activated / open of the same period.

function periodEnd(period: string): string {
  const [y, m, d] = period.split('-').map(Number) as [number, number?, number?];
  if (d !== undefined) return period;
  const last = m === undefined ? new Date(Date.UTC(y, 11, 31)) : new Date(Date.UTC(y, m, 0));
  return last.toISOString().slice(0, 10);
}

interface Candidate {
  period: string;
  value: number;
  published: boolean;
}

function countsOf(rows: Row[], indicator: string, code: string): Candidate[] {
  const own = rows
    .filter((r) => r.indicator === indicator && r.breakdown === '' && r.geo === `REG-${code}`)
    .map((r) => ({ period: r.period, value: Number(r.value), published: true }));
  const members = cogDepartements.filter((d) => d.region === code).map((d) => `DEP-${d.code}`);
  const byPeriod = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (r.indicator !== indicator || r.breakdown !== '' || !members.includes(r.geo)) continue;
    const at = byPeriod.get(r.period) ?? new Map<string, number>();
    if (!at.has(r.geo)) at.set(r.geo, Number(r.value));
    byPeriod.set(r.period, at);
  }
  const rolled = [...byPeriod]
    .filter(([period, at]) => at.size === members.length && !own.some((o) => o.period === period))
    .map(([period, at]) => ({
      period,
      value: [...at.values()].reduce((a, b) => a + b, 0),
      published: false,
    }));
  return [...own, ...rolled];
}

function candidates(rows: Row[], indicator: string, code: string): Candidate[] {
  if (indicator !== RATE) return countsOf(rows, indicator, code);
  const open = countsOf(rows, OPEN, code);
  const derived = countsOf(rows, ACTIVATED, code).flatMap((a) => {
    const o = open.find((x) => x.period === a.period);
    return o && o.value > 0
      ? [{ period: a.period, value: (a.value / o.value) * 100, published: false }]
      : [];
  });
  const published = rows
    .filter((r) => r.indicator === RATE && r.breakdown === '' && r.geo === `REG-${code}`)
    .map((r) => ({ period: r.period, value: Number(r.value), published: true }));
  return [...derived, ...published];
}

/** Each region's expected map value as of a day (YYYY-MM-DD); absent = no data. */
function expectedMap(rows: Row[], indicator: string, day: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const code of REGION_CODES) {
    const known = candidates(rows, indicator, code).filter((c) => periodEnd(c.period) <= day);
    known.sort(
      (a, b) =>
        periodEnd(a.period).localeCompare(periodEnd(b.period)) ||
        Number(a.published) - Number(b.published),
    );
    const latest = known.at(-1);
    if (latest) out[`REG-${code}`] = latest.value;
  }
  return out;
}

function regionsWithAnyFigure(rows: Row[], indicator: string): number {
  return REGION_CODES.filter((code) => candidates(rows, indicator, code).length > 0).length;
}

const todayUTC = () => new Date().toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------
// DOM probes

async function mapValues(page: Page): Promise<Record<string, number>> {
  return page.$$eval('figure[data-chart-id="region-map"] path[data-geo]', (paths) =>
    Object.fromEntries(
      paths
        .filter((p) => p.hasAttribute('data-value'))
        .map((p) => [p.getAttribute('data-geo'), Number(p.getAttribute('data-value'))]),
    ),
  );
}

async function mapDate(page: Page): Promise<string> {
  // A control's step reaches the address after the frame that shows it (router.svelte.ts): read it
  // after the next frame, from a timeout queued behind the router's.
  const hashDate = await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return new URLSearchParams(location.hash.split('?')[1] ?? '').get('date');
  });
  return hashDate ?? todayUTC();
}

function expectValuesClose(
  actual: Record<string, number>,
  expected: Record<string, number>,
  context: string,
) {
  expect(Object.keys(actual).sort(), `regions with a value, ${context}`).toEqual(
    Object.keys(expected).sort(),
  );
  for (const [geo, value] of Object.entries(expected)) {
    expect(actual[geo], `${geo}, ${context}`).toBeCloseTo(value, 6);
  }
}

async function openRegions(page: Page, hash = '#/regions'): Promise<void> {
  await gotoApp(page, appURL(hash));
  await page.waitForFunction(
    () =>
      document.querySelectorAll('figure[data-chart-id="region-map"] path[data-geo]').length === 18,
    undefined,
    { timeout: SETTLE_MS },
  );
  // Data arrive after the first paint on a first visit: wait for the refresh to land.
  await page.waitForFunction(
    () =>
      ['fresh', 'cached', 'error'].includes(
        document.querySelector('[data-testid="data-status"]')?.getAttribute('data-state') ?? '',
      ),
    undefined,
    { timeout: SETTLE_MS },
  );
}

/** The map is on screen with its 18 shapes (a page re-mount briefly removes it). */
const mapShown = (page: Page) =>
  page.waitForFunction(
    () =>
      document.querySelectorAll('figure[data-chart-id="region-map"] path[data-geo]').length === 18,
    undefined,
    { timeout: 5_000 },
  );

const focusedGeo = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-geo') ?? null);

// ---------------------------------------------------------------------------------------------

describe('Regions on the embedded data', () => {
  let rows: Row[] = [];
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CSV_PATH)) throw new Error(`${CSV_PATH} is missing`);
    rows = readObservations(CSV_PATH);
    browser = await launchBrowser();
    page = await firstPage(browser.context);
  });

  afterAll(async () => {
    await browser?.close({ removeProfile: true });
  });

  it('draws the 18 regions, with values exactly where the data has them, and says data are sparse', async () => {
    const errors = trackErrors(page);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    try {
      await openRegions(page);
      // A first visit to the page loads its own code, not the Overview's (src/views/pages.ts).
      expect(scripts.some((path) => /^\/assets\/Regions-[\w-]+\.js$/.test(path))).toBe(true);
      expect(scripts.filter((path) => /^\/assets\/Overview-/.test(path))).toEqual([]);
      // The data is the build's: the key of its Overview, for the next visit, is index.html's,
      // not computed again from the Overview's series (src/prerender/overviewKey.ts).
      await page.waitForFunction(() => localStorage.getItem('segur-pulse:overview-key') !== null);
      expect(await page.evaluate(() => localStorage.getItem('segur-pulse:overview-key'))).toBe(
        await page.getAttribute('meta[name="segur-pulse-prerender"]', 'content'),
      );
      expect(scripts.filter((path) => /^\/assets\/overviewView-/.test(path))).toEqual([]);
      const day = await mapDate(page);
      expectValuesClose(await mapValues(page), expectedMap(rows, RATE, day), `as of ${day}`);
      const covered = regionsWithAnyFigure(rows, RATE);
      const coverage = page.locator('[data-testid="regions-coverage"]');
      expect(await coverage.getAttribute('data-regions-with-data')).toBe(String(covered));
      if (covered < 18) {
        expect(await coverage.locator('a[href*="#/feeds"]').count()).toBe(1);
        expect(await coverage.textContent()).toContain(`${covered} région`);
      }
      // Every region is listed in the table (built once the page is idle), with "pas de
      // données" where there is none.
      const tableRows = page.locator('figure[data-chart-id="region-map"] tr.data-row');
      await tableRows.nth(17).waitFor({ state: 'attached' });
      expect(await tableRows.count()).toBe(18);
      const noData = await page.locator('path.no-data').count();
      expect(noData).toBe(18 - Object.keys(expectedMap(rows, RATE, day)).length);
      await screenshot(page, 'regions-embedded');
      expect(errors.filter((e) => e.kind === 'pageerror')).toEqual([]);
    } catch (error) {
      await screenshotQuietly(page, 'regions-embedded-FAILED');
      throw error;
    }
  });

  it('opens the Overview from the navigation, its code loaded then', async () => {
    await openRegions(page);
    const overviewCode = page.waitForRequest((request) =>
      /\/assets\/Overview-[\w-]+\.js$/.test(request.url()),
    );
    await page.locator('header nav a').first().click();
    await overviewCode;
    await page.waitForFunction(
      () =>
        /^#\/?(\?|$)/.test(location.hash) &&
        document.querySelectorAll('figure[data-chart-id="mes-rate"] .point').length > 0,
      undefined,
      { timeout: SETTLE_MS },
    );
    expect(await page.locator('.page-error').count()).toBe(0);
    expect(await page.locator('figure[data-chart-id="region-map"]').count()).toBe(0);
  });

  it('moves through dates with the keyboard, showing the latest value at or before each', async () => {
    await openRegions(page);
    const slider = page.locator('input[type=range][data-testid="map-date"]');
    await slider.focus();
    await page.keyboard.press('Home');
    await mapShown(page);
    let day = await mapDate(page);
    expectValuesClose(await mapValues(page), expectedMap(rows, RATE, day), `Home, ${day}`);
    // Step month by month through the whole range: every step must match the CSV.
    const max = Number(await slider.getAttribute('max'));
    const seen = new Set<string>();
    // The slider keeps the keyboard focus from one step to the next.
    const sliderFocused = () =>
      page.waitForFunction(
        () => document.activeElement?.getAttribute('data-testid') === 'map-date',
        undefined,
        { timeout: 5_000 },
      );
    for (let i = 0; i < max; i++) {
      await sliderFocused();
      await page.keyboard.press('ArrowRight');
      await mapShown(page);
      day = await mapDate(page);
      seen.add(JSON.stringify(await mapValues(page)));
      expectValuesClose(
        await mapValues(page),
        expectedMap(rows, RATE, day),
        `step ${i + 1}, ${day}`,
      );
    }
    expect(Number(await slider.inputValue())).toBe(max);
    // The data change over time: the map is not the same at every date.
    expect(seen.size).toBeGreaterThan(1);
    expect(await slider.getAttribute('aria-valuetext')).toBeTruthy();
  });

  it('plays through the months and pauses, from the keyboard', async () => {
    await openRegions(page, '#/regions?date=2022-01-31');
    const dates = new Set<string>([await mapDate(page)]);
    await page.locator('[data-testid="map-play"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /date=2022-03-31/.test(location.hash), undefined, {
      timeout: 5_000,
    });
    dates.add(await mapDate(page));
    // The play button keeps the focus while the months go by, so the same key pauses.
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'map-play',
      undefined,
      { timeout: 5_000 },
    );
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-testid="map-play"]').getAttribute('aria-pressed')).toBe(
      'false',
    );
    const paused = await mapDate(page);
    await page.waitForTimeout(1_500);
    await mapShown(page);
    expect(await mapDate(page), 'no step after pause').toBe(paused);
    expect(dates.size).toBe(2);
    // What the map shows at the paused date is what the data say at that date.
    expectValuesClose(await mapValues(page), expectedMap(rows, RATE, paused), `paused, ${paused}`);
  });

  it('draws the ranking at its own width, again after an indicator with no bar, and stacks it on a phone', async () => {
    // The ranking's plot is drawn again when an indicator without any bar gives way to one with
    // bars (the embedded data have no region figure of activated profiles): its width comes from
    // the resize observer (charts/observeWidth.ts), not a read while the page is updated.
    const ranking = page.locator('figure[data-chart-id="region-ranking"]');
    const drawn = () =>
      ranking.evaluate((figure) => {
        const plot = figure.querySelector<HTMLElement>('.plot');
        const svg = plot?.querySelector('svg');
        const name = svg?.querySelector('.bar text');
        return {
          plotWidth: plot?.clientWidth ?? 0,
          viewBoxWidth: Number(svg?.getAttribute('viewBox')?.split(' ')[2] ?? 0),
          nameAnchor: name?.getAttribute('text-anchor') ?? '',
        };
      });
    const indicator = page.locator('[data-testid="map-indicator"]');
    try {
      await openRegions(page);
      const wide = await drawn();
      expect(wide.plotWidth).toBeGreaterThan(520);
      expect(wide.viewBoxWidth).toBe(Math.min(wide.plotWidth, 720));
      expect(wide.nameAnchor).toBe('end');

      await indicator.selectOption(ACTIVATED);
      await expect.poll(() => ranking.locator('.bar').count()).toBe(0);
      await indicator.selectOption(RATE);
      await expect.poll(() => ranking.locator('.bar').count()).toBeGreaterThan(0);
      expect(await drawn()).toEqual(wide);

      // Narrowed while there is no plot to observe: the plot drawn again afterwards must learn
      // the new width for itself (the ranking still remembers the wide one).
      await indicator.selectOption(ACTIVATED);
      await expect.poll(() => ranking.locator('.bar').count()).toBe(0);
      await page.setViewportSize({ width: 360, height: 800 });
      await indicator.selectOption(RATE);
      await expect.poll(async () => (await drawn()).nameAnchor).toBe('start');
      const phone = await drawn();
      expect(phone.plotWidth).toBeLessThan(360);
      expect(phone.viewBoxWidth).toBe(phone.plotWidth);
    } catch (error) {
      await screenshotQuietly(page, 'regions-ranking-width-FAILED');
      throw error;
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('never lets the national reference line cross a name or a value, at 320, 390 and 1280 px', async () => {
    const ranking = page.locator('figure[data-chart-id="region-ranking"]');
    try {
      await openRegions(page);
      for (const width of [320, 390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        // Drawn at the new width: the viewBox follows the plot's measured width.
        await page.waitForFunction(
          () => {
            const plot = document.querySelector<HTMLElement>(
              'figure[data-chart-id="region-ranking"] .plot',
            );
            const viewBox = plot?.querySelector('svg')?.getAttribute('viewBox')?.split(' ');
            return !!plot && Number(viewBox?.[2]) === Math.min(plot.clientWidth, 720);
          },
          undefined,
          { timeout: SETTLE_MS },
        );
        const found = await ranking.evaluate((figure) => {
          const lines = [...figure.querySelectorAll('.reference line')].map((l) =>
            l.getBoundingClientRect(),
          );
          const texts = [...figure.querySelectorAll('.bar text')];
          const crossed = texts
            .filter((t) => {
              const box = t.getBoundingClientRect();
              return lines.some(
                (l) =>
                  l.left < box.right &&
                  l.right > box.left &&
                  l.top < box.bottom &&
                  l.bottom > box.top,
              );
            })
            .map((t) => t.textContent!.replace(/\s+/g, ' ').trim());
          return { lines: lines.length, texts: texts.length, crossed };
        });
        expect(found.lines, `${width}px: a reference line is drawn`).toBeGreaterThan(0);
        expect(found.texts, `${width}px: names and values are drawn`).toBeGreaterThan(2);
        expect(found.crossed, `${width}px`).toEqual([]);
        await screenshot(page, `regions-ranking-reference-${width}`);
      }
    } catch (error) {
      await screenshotQuietly(page, 'regions-ranking-reference-FAILED');
      throw error;
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('reaches a region by keyboard, shows its value, and opens it with Enter', async () => {
    await openRegions(page);
    const withData = Object.keys(expectedMap(rows, RATE, todayUTC()));
    const target = withData[0] ?? 'REG-53';
    await page.locator('[data-testid="map-indicator"]').focus();
    for (let i = 0; i < 40 && !(await focusedGeo(page)); i++) await page.keyboard.press('Tab');
    expect(await focusedGeo(page), 'Tab reaches a region shape').toMatch(/^REG-/);
    for (let i = 0; i < 18 && (await focusedGeo(page)) !== target; i++) {
      await page.keyboard.press('ArrowRight');
    }
    expect(await focusedGeo(page)).toBe(target);
    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    const tooltip = page.locator('figure[data-chart-id="region-map"] [role="tooltip"]');
    expect(await tooltip.isVisible()).toBe(true);
    const name = (label ?? '').split(' : ')[0]!;
    expect(await tooltip.textContent()).toContain(name);
    expect(label).toMatch(/ : .+ (le|en) /);

    await page.keyboard.press('Enter');
    const code = target.slice(4);
    await page.waitForFunction((c) => location.hash.startsWith(`#/regions/${c}`), code);
    await page.waitForSelector(`[data-testid="region-name"][data-region="${code}"]`);
    expect(await page.locator('[data-testid="region-name"]').textContent()).toBe(name);
  });

  it("loads a region's department map only for a region page with department figures", async () => {
    const boundaryRequests: string[] = [];
    const onRequest = (request: { url(): string }) => {
      if (request.url().includes('/geo/')) boundaryRequests.push(new URL(request.url()).pathname);
    };
    page.on('request', onRequest);
    try {
      await page.goto('about:blank');
      await openRegions(page);
      // Bretagne: no department figure in the embedded data.
      await gotoApp(page, appURL('#/regions/53'));
      await page.locator('[data-testid="region-name"][data-region="53"]').waitFor();
      expect(boundaryRequests.filter((u) => u.includes('/geo/departements'))).toEqual([]);
      // Grand Est: Meurthe-et-Moselle (54) has figures, so its department map is drawn.
      const grandEst = rows.filter((r) => r.geo === 'DEP-54');
      expect(grandEst.length, 'the embedded data has figures for DEP-54').toBeGreaterThan(0);
      await gotoApp(page, appURL('#/regions/44'));
      const departmentShapes = page.locator(
        'figure[data-chart-id="department-map"] path[data-geo]',
      );
      await departmentShapes.first().waitFor({ timeout: SETTLE_MS });
      const codes = await departmentShapes.evaluateAll((els) =>
        els.map((el) => el.getAttribute('data-geo')),
      );
      const members = cogDepartements.filter((d) => d.region === '44').map((d) => `DEP-${d.code}`);
      expect(codes.sort()).toEqual(members.sort());
      expect(boundaryRequests.filter((u) => u.includes('/geo/departements'))).toEqual([
        expect.stringMatching(/\/geo\/departements-44\.layout\.json$/),
      ]);
      // Projected at build time: the boundaries themselves are never fetched.
      expect(boundaryRequests.filter((u) => u.endsWith('.topojson'))).toEqual([]);
    } finally {
      page.off('request', onRequest);
    }
  });

  it('lists every figure of a region and its departments with its source', async () => {
    // Bourgogne-Franche-Comté (27) has published figures in the embedded data.
    const code = '27';
    await gotoApp(page, appURL(`#/regions/${code}`));
    const members = new Set(
      cogDepartements.filter((d) => d.region === code).map((d) => `DEP-${d.code}`),
    );
    const own = rows.filter((r) => r.geo === `REG-${code}` || members.has(r.geo));
    expect(own.length, 'the embedded data has figures for region 27').toBeGreaterThan(0);
    await page.waitForSelector('[data-testid="region-figures"] tr.data-row', {
      timeout: SETTLE_MS,
    });
    const shown = await page.$$eval('[data-testid="region-figures"] tr.data-row', (trs) =>
      trs.map((tr) => ({
        geo: tr.getAttribute('data-geo'),
        indicator: tr.getAttribute('data-indicator'),
        period: tr.getAttribute('data-period'),
        value: Number(tr.getAttribute('data-value')),
        computed: tr.getAttribute('data-computed') === 'true',
        href: tr.querySelector('a[href^="http"]')?.getAttribute('href') ?? null,
      })),
    );
    const published = shown.filter((r) => !r.computed);
    expect(
      published.map((r) => `${r.geo}|${r.indicator}|${r.period}|${r.value}|${r.href}`).sort(),
    ).toEqual(
      own
        .map((r) => `${r.geo}|${r.indicator}|${r.period}|${Number(r.value)}|${r.source_url}`)
        .sort(),
    );
    // The rate chart draws the region's published rates next to France.
    const regionRates = candidates(rows, RATE, code).length;
    expect(
      await page
        .locator(`figure[data-chart-id="region-rate"] .point[data-series="REG-${code}"]`)
        .count(),
    ).toBe(regionRates);
    await screenshot(page, 'region-27-embedded');
  });
});

// ---------------------------------------------------------------------------------------------
// A synthetic feed with every region (made-up values, never published).

const SYNTHETIC_SOURCE = 'https://example.org/synthetic-regions';

function syntheticRows(): Row[] {
  const row = (over: Partial<Row>): Row => ({
    indicator: RATE,
    breakdown: '',
    geo: 'FR',
    period: '2024-06-30',
    precision: 'day',
    value: '0',
    qualifier: '=',
    source_url: SYNTHETIC_SOURCE,
    source_label: 'synthetic test feed',
    note: 'synthetic',
    ...over,
  });
  const out: Row[] = [row({ value: '25' })];
  REGION_CODES.forEach((code, i) => {
    out.push(row({ geo: `REG-${code}`, period: '2023-06-30', value: String(10 + i) }));
    out.push(row({ geo: `REG-${code}`, period: '2024-06-30', value: String(20 + i * 0.5) }));
  });
  // Bretagne's four departments: counts that roll up to the region (1 000 000 open, 180 000 activated).
  const opens = { '22': 100000, '29': 200000, '35': 300000, '56': 400000 };
  const activated = { '22': 30000, '29': 40000, '35': 50000, '56': 60000 };
  for (const [dep, v] of Object.entries(opens)) {
    out.push(row({ indicator: OPEN, geo: `DEP-${dep}`, period: '2024-09-30', value: String(v) }));
  }
  for (const [dep, v] of Object.entries(activated)) {
    out.push(
      row({ indicator: ACTIVATED, geo: `DEP-${dep}`, period: '2024-09-30', value: String(v) }),
    );
  }
  return out;
}

/** Serves the synthetic feed in place of the embedded one (no manifest: a plain GET). */
async function serveSynthetic(context: BrowserContext, csv: string): Promise<void> {
  await context.route(
    (url) => url.pathname.endsWith('/data/manifest.json'),
    (route: Route) => route.fulfill({ status: 404, body: 'not found' }),
  );
  await context.route(
    (url) => url.pathname.endsWith('/data/observations.csv'),
    (route: Route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/csv; charset=utf-8',
        headers: { 'x-fixture': 'synthetic-regions.csv' },
        body: csv,
      }),
  );
}

describe('Regions on a synthetic feed of all 18 regions (synthetic-regions.csv)', () => {
  const rows = syntheticRows();
  const csv = Papa.unparse(rows, { columns: [...CSV_COLUMNS] });
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    await serveSynthetic(browser.context, csv);
    page = await firstPage(browser.context);
  });

  afterAll(async () => {
    await browser?.close({ removeProfile: true });
  });

  it('colours all 18 regions, ranks them against France, and no longer calls the data sparse', async () => {
    const errors = trackErrors(page);
    try {
      await openRegions(page);
      await page.waitForFunction(
        () => document.querySelectorAll('path[data-geo][data-value]').length === 18,
        undefined,
        { timeout: SETTLE_MS },
      );
      const day = await mapDate(page);
      expectValuesClose(await mapValues(page), expectedMap(rows, RATE, day), `as of ${day}`);
      expect(await page.locator('path.no-data').count()).toBe(0);
      const coverage = page.locator('[data-testid="regions-coverage"]');
      expect(await coverage.getAttribute('data-regions-with-data')).toBe('18');
      expect(await coverage.locator('a').count()).toBe(0);

      const bars = page.locator('figure[data-chart-id="region-ranking"] .bar');
      expect(await bars.count()).toBe(18);
      const barValues = await bars.evaluateAll((els) =>
        els.map((el) => Number(el.getAttribute('data-value'))),
      );
      expect(barValues).toEqual([...barValues].sort((a, b) => b - a));
      expect(
        await page
          .locator('figure[data-chart-id="region-ranking"] .reference')
          .getAttribute('data-value'),
      ).toBe('25');
      await screenshot(page, 'regions-synthetic');
      expect(errors.filter((e) => e.kind === 'pageerror')).toEqual([]);
    } catch (error) {
      await screenshotQuietly(page, 'regions-synthetic-FAILED');
      throw error;
    }
  });

  it('shows the 2023 values before mid-2024 and counts by indicator', async () => {
    await openRegions(page, '#/regions?date=2024-01-31');
    expectValuesClose(
      await mapValues(page),
      expectedMap(rows, RATE, '2024-01-31'),
      'as of 2024-01-31',
    );
    await page.locator('[data-testid="map-indicator"]').selectOption(OPEN);
    await page.waitForFunction(() => location.hash.includes('ind=mes_profiles_open'));
    expectValuesClose(
      await mapValues(page),
      expectedMap(rows, OPEN, '2024-01-31'),
      'profiles open as of 2024-01-31',
    );
  });

  it('shows counts per 100 inhabitants of the INSEE legal population', async () => {
    // Bretagne's population summed here from the communes, as published in the package.
    const communes = require('@etalab/decoupage-administratif/data/communes.json') as {
      type: string;
      region?: string;
      population?: number;
    }[];
    const bretagne = communes
      .filter((c) => c.type === 'commune-actuelle' && c.region === '53')
      .reduce((sum, c) => sum + (c.population ?? 0), 0);
    await openRegions(page, '#/regions?ind=mes_profiles_open&pc=1&date=2024-12-31');
    await page.waitForFunction(
      () => document.querySelectorAll('path[data-geo][data-value]').length === 1,
      undefined,
      { timeout: SETTLE_MS },
    );
    const values = await mapValues(page);
    expect(Object.keys(values)).toEqual(['REG-53']);
    expect(values['REG-53']).toBeCloseTo((1_000_000 / bretagne) * 100, 6);
    const label = await page.locator('path[data-geo="REG-53"]').getAttribute('aria-label');
    expect(label).toContain('pour 100 habitants');
  });

  it('rolls Bretagne up from its departments and recomputes its rate from the sums', async () => {
    await gotoApp(page, appURL('#/regions/53'));
    await page.waitForSelector('[data-testid="region-figures"] tr.data-row', {
      timeout: SETTLE_MS,
    });
    const computed = await page.$$eval(
      '[data-testid="region-figures"] tr.data-row[data-computed="true"]',
      (trs) =>
        trs.map((tr) => [
          tr.getAttribute('data-indicator'),
          tr.getAttribute('data-period'),
          Number(tr.getAttribute('data-value')),
        ]),
    );
    expect(computed).toContainEqual([OPEN, '2024-09-30', 1_000_000]);
    expect(computed).toContainEqual([ACTIVATED, '2024-09-30', 180_000]);
    const rate = computed.find((c) => c[0] === RATE && c[1] === '2024-09-30');
    expect(rate?.[2]).toBeCloseTo(18, 6);
    // The department map shows the four departments, all with a value.
    await page.locator('[data-testid="region-indicator"]').selectOption(OPEN);
    await page.waitForFunction(
      () =>
        document.querySelectorAll('figure[data-chart-id="department-map"] path[data-value]')
          .length === 4,
      undefined,
      { timeout: SETTLE_MS },
    );
    // Compare with up to four regions, by keyboard: the box keeps the focus, the fifth is disabled.
    for (const code of ['11', '24', '27', '28']) {
      await page.locator(`[data-testid="compare-${code}"]`).focus();
      await page.keyboard.press('Space');
      await page.waitForFunction(
        (id) => document.activeElement?.getAttribute('data-testid') === id,
        `compare-${code}`,
        { timeout: 5_000 },
      );
      expect(await page.locator(`[data-testid="compare-${code}"]`).isChecked()).toBe(true);
    }
    expect(await page.locator('[data-testid="compare-32"]').isDisabled()).toBe(true);
    expect(await page.locator('figure[data-chart-id="region-compare"] .panel').count()).toBe(5);
    await screenshot(page, 'region-53-synthetic');
  });
});
