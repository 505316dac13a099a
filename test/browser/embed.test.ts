// Sharing in a real Chromium: embed mode (alone and in an iframe of another site), chart downloads
// (CSV, SVG, PNG) and the built site served from a sub-path, as on any static host.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Download, Frame, Page } from 'playwright-core';
import Papa from 'papaparse';
import { loadEnv } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ROOT,
  SCREENSHOT_DIR,
  appShown,
  appURL,
  baseURL,
  firstPage,
  gotoApp,
  inlineStyleSources,
  launchBrowser,
  screenshot,
  screenshotQuietly,
  trackErrors,
  type BrowserError,
  type LaunchedBrowser,
} from './helpers.ts';
import { SUB_PATH, startTestSite, type TestSite } from './proxy.ts';

const SETTLE_MS = 20_000;

let site: TestSite;
beforeAll(async () => {
  site = await startTestSite(baseURL());
});
afterAll(async () => {
  await site?.close();
});

function describeErrors(errors: BrowserError[]): string {
  return errors
    .map((e) => `${e.kind}: ${e.text}${e.location ? ` @ ${e.location}` : ''}`)
    .join('\n');
}

/** Lets the launched browser reach the test site too (the guard allows only the app's origin). */
async function allowTestSite(browser: LaunchedBrowser): Promise<void> {
  await browser.context.route(`${site.origin}/**`, (route) => route.continue());
}

async function pointCount(target: Page | Frame, chart: string): Promise<number> {
  return target.locator(`figure[data-chart-id="${chart}"] .point`).count();
}

/**
 * Waits until the chart has points and their number holds still for half a second, and returns it.
 * (How many points a chart has is the Overview tests' business; here it must be non-zero and the
 * same wherever the chart is shown.)
 */
async function waitForPoints(target: Page | Frame, chart: string): Promise<number> {
  const deadline = Date.now() + SETTLE_MS;
  let last = -1;
  let since = Date.now();
  while (Date.now() < deadline) {
    const seen = await pointCount(target, chart).catch(() => -1);
    if (seen !== last) {
      last = seen;
      since = Date.now();
    } else if (seen > 0 && Date.now() - since >= 500) {
      return seen;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(
    `chart ${chart}: no stable, non-zero number of points after ${SETTLE_MS} ms (last ${last})`,
  );
}

describe('embed mode', () => {
  it('shows one chart, its sources and a link back, without the site chrome', async () => {
    const browser = await launchBrowser();
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);
    try {
      await gotoApp(page, appURL('?embed=1#/?chart=mes-rate&lang=en'));
      await waitForPoints(page, 'mes-rate');
      expect(await page.locator('figure[data-chart-id]').count(), 'charts on the page').toBe(1);
      expect(await page.locator('.site-header, nav, .site-footer').count(), 'site chrome').toBe(0);

      const sources = page.locator('[data-testid="embed-source"] a[href^="http"]');
      expect(await sources.count(), 'source links in the source line').toBeGreaterThan(0);

      const back = page.locator('[data-testid="embed-back"]');
      expect(await back.getAttribute('target')).toBe('_top');
      const backUrl = new URL((await back.getAttribute('href')) ?? '');
      expect(backUrl.search, 'the link back leaves embed mode').toBe('');
      expect(backUrl.hash).toContain('lang=en');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');

      // Downloads and the citation stay available; the embed is not offered inside an embed.
      expect(await page.locator('[data-testid="chart-actions"] button[data-format]').count()).toBe(
        4,
      );
      expect(await page.locator('[data-action="cite"]').count()).toBe(1);
      expect(await page.locator('[data-action="embed"]').count()).toBe(0);
      expect(await page.title()).toMatch(/ — Ségur Pulse$/);
      expect(await page.locator('h1').textContent()).toBe(
        await page.locator('figure[data-chart-id="mes-rate"] .chart-title').textContent(),
      );

      await screenshot(page, 'embed-mes-rate');
      expect(errors, describeErrors(errors)).toEqual([]);
    } catch (error) {
      await screenshotQuietly(page, 'embed-mes-rate-FAILED');
      throw error;
    } finally {
      await browser.close({ removeProfile: true });
    }
  });

  it('lists the charts it can show when the chart id is unknown', async () => {
    const browser = await launchBrowser();
    const page = await firstPage(browser.context);
    try {
      await gotoApp(page, appURL('?embed=1#/?chart=no-such-chart'));
      const links = page.locator('[data-testid="embed"] li a');
      await expect.poll(() => links.count(), { timeout: SETTLE_MS }).toBe(4);
      const href = (await links.first().getAttribute('href')) ?? '';
      expect(href).toContain('embed=1');
      expect(href).toContain('chart=mes-profiles');
    } finally {
      await browser.close({ removeProfile: true });
    }
  });

  it('works in an iframe of another site, and its link back opens the dashboard at the top', async () => {
    const browser = await launchBrowser();
    await allowTestSite(browser);
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);
    const embedSrc = appURL('?embed=1#/?chart=mes-profiles');
    site.page(
      '/host.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host site</title></head>
       <body><h1>Another site</h1>
       <iframe id="chart" title="Ségur Pulse chart" src="${embedSrc}" width="640" height="560"></iframe>
       </body></html>`,
    );
    try {
      await page.goto(`${site.origin}/host.html`);
      const frameElement = await page.waitForSelector('iframe#chart');
      const frame = await frameElement.contentFrame();
      if (!frame) throw new Error('the iframe has no content frame');
      await waitForPoints(frame, 'mes-profiles');
      // The points may be the prerendered page's, the app still built under it: its link back
      // and the app's are then both in the frame.
      await appShown(frame);
      expect(new URL(frame.url()).origin, 'the frame is cross-origin').not.toBe(site.origin);
      await screenshot(page, 'embed-in-iframe');

      await frame.locator('[data-testid="embed-back"]').click();
      await page.waitForURL((url) => url.origin === new URL(baseURL()).origin, {
        timeout: SETTLE_MS,
      });
      const top = new URL(page.url());
      expect(top.searchParams.get('embed')).toBeNull();
      await page.waitForSelector('.site-header', { timeout: SETTLE_MS });
      const pageErrors = errors.filter((e) => e.kind === 'pageerror');
      expect(pageErrors, describeErrors(pageErrors)).toEqual([]);
    } catch (error) {
      await screenshotQuietly(page, 'embed-in-iframe-FAILED');
      throw error;
    } finally {
      await browser.close({ removeProfile: true });
    }
  });
});

/**
 * One kind of embedded view: the full view it is taken from, and what its embed must show. Each
 * names its language: the browser keeps the language a previous view asked for.
 */
interface EmbedKind {
  name: string;
  /** The full view (no embed), where the chart's "Intégrer" gives the snippet. */
  view: string;
  chart: string;
  /** What the embedded view must show for the state its address carries. */
  check: (frame: Frame) => Promise<void>;
}

const text = async (frame: Frame, selector: string) =>
  ((await frame.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
/** Digits and letters only: numbers are grouped with narrow no-break spaces. */
const squeezed = (s: string) => s.replace(/\s/g, '');

const KINDS: EmbedKind[] = [
  {
    name: 'an Overview chart, in English',
    view: '#/?lang=en',
    chart: 'mes-rate',
    check: async (frame) => {
      expect(await frame.locator('html').getAttribute('lang')).toBe('en');
      expect(await text(frame, '.chart-title')).toMatch(/activation rate/i);
    },
  },
  {
    name: 'the map of the regions, at a date and indicator',
    view: '#/regions?ind=mes_activation_rate&date=2024-06-30&lang=fr',
    chart: 'region-map',
    check: async (frame) => {
      expect(await text(frame, '.chart-title')).toContain('30 juin 2024');
      // Brittany's figure of January 2024 is on the map at the end of June 2024; Grand Est's
      // (December 2024) is not yet.
      expect(await frame.locator('path.shape[data-code="27"]').getAttribute('fill')).not.toMatch(
        /^url\(/,
      );
      expect(await frame.locator('path.shape[data-code="44"]').getAttribute('fill')).toMatch(
        /^url\(/,
      );
    },
  },
  {
    name: 'the ranking of the regions',
    view: '#/regions?ind=mes_activation_rate&date=2025-01-31&lang=fr',
    chart: 'region-ranking',
    check: async (frame) => {
      expect(await text(frame, '.chart-title')).toContain('31 janv. 2025');
      expect(await frame.locator('figure[data-chart-id="region-ranking"] svg').count()).toBe(1);
    },
  },
  {
    name: 'a region’s chart against France',
    view: '#/regions/44?lang=fr',
    chart: 'region-rate',
    check: async (frame) => {
      expect(await text(frame, '.chart-title')).toContain('Grand Est');
      expect(await frame.locator('.point').count()).toBeGreaterThan(0);
    },
  },
  {
    name: 'a region’s departments on a map, per 100 inhabitants',
    view: '#/regions/44?ind=mes_profiles_open&pc=1&lang=fr',
    chart: 'department-map',
    check: async (frame) => {
      expect(await text(frame, '.chart-title')).toMatch(/par département/);
      expect(await frame.locator('path.shape[data-code="54"]').count()).toBe(1);
      expect(await text(frame, 'figure[data-chart-id="department-map"] .legend')).toContain(
        '100 habitants',
      );
    },
  },
  {
    name: 'small multiples of compared regions',
    view: '#/regions/44?cmp=27,84&lang=fr',
    chart: 'region-compare',
    check: async (frame) => {
      expect(
        await frame
          .locator('.panel')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-geo'))),
      ).toEqual(['REG-44', 'REG-27', 'REG-84']);
    },
  },
  {
    name: 'the activation tracker for France, with a target',
    view: '#/activation?target=40000000&lang=fr',
    chart: 'activation-target',
    check: async (frame) => {
      expect(squeezed(await text(frame, '[data-testid="target-user"]'))).toContain('40000000');
      expect(await frame.locator('[data-testid="target-national"]').count()).toBe(1);
      expect(await frame.locator('#activation-target').count(), 'no target input').toBe(0);
    },
  },
  {
    name: 'the activation tracker for a region, in English',
    view: '#/activation?geo=REG-44&lang=en',
    chart: 'activation-target',
    check: async (frame) => {
      expect(await text(frame, '[data-testid="target-user"] h3')).toBe('Target for Grand Est');
      expect(await frame.locator('[data-testid="target-national"]').count()).toBe(0);
    },
  },
  {
    name: 'the activation tracker for a department, with a target',
    view: '#/activation?geo=DEP-54&target=500000&lang=fr',
    chart: 'activation-target',
    check: async (frame) => {
      expect(await text(frame, '[data-testid="target-user"] h3')).toBe(
        'Objectif pour Meurthe-et-Moselle (54)',
      );
    },
  },
  {
    name: 'the monthly activations of France',
    view: '#/activation?lang=fr',
    chart: 'activation-monthly',
    check: async (frame) => {
      expect(await frame.locator('.point').count()).toBeGreaterThan(0);
    },
  },
];

/** A host page of another origin: the snippet as pasted, and a record of every height message. */
function hostPage(snippet: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Another site</title></head>
<body><h1>Another site</h1>
<script>window.heightMessages = [];
addEventListener("message", function (e) {
  if (e.data && e.data.type === "segur-pulse:height")
    window.heightMessages.push({ origin: e.origin, data: e.data });
});</script>
${snippet}
<p>After the chart.</p>
</body></html>`;
}

describe('every kind of view, embedded in a page of another origin', () => {
  let browser: LaunchedBrowser;
  let page: Page;
  let errors: BrowserError[];
  beforeAll(async () => {
    browser = await launchBrowser();
    await allowTestSite(browser);
    page = await firstPage(browser.context);
    errors = trackErrors(page);
  });
  afterAll(async () => {
    await browser?.close({ removeProfile: true });
  });

  it('offers "Intégrer" on every chart of every page that has charts', async () => {
    for (const [view, charts] of [
      ['#/', ['mes-profiles', 'mes-rate', 'dmp-docs', 'insi-calls']],
      ['#/regions', ['region-map', 'region-ranking']],
      [
        '#/regions/44?cmp=27',
        ['region-rate', 'region-activated', 'region-open', 'department-map', 'region-compare'],
      ],
      [
        '#/activation',
        ['activation-profiles', 'activation-rate', 'activation-monthly', 'activation-target'],
      ],
    ] as const) {
      await gotoApp(page, appURL(view));
      for (const chart of charts) {
        await page.waitForSelector(`[data-chart-id="${chart}"] [data-action="embed"]`, {
          timeout: SETTLE_MS,
        });
      }
      const withoutEmbed = await page
        .locator('figure[data-chart-id]:not(:has([data-action="embed"]))')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-chart-id')));
      expect(withoutEmbed, `${view}: charts without "Intégrer"`).toEqual([]);
    }
  });

  for (const kind of KINDS) {
    it(`${kind.name}: renders, tells its height, follows its address`, async () => {
      // The snippet as a reader copies it from the full view.
      await gotoApp(page, appURL(kind.view));
      const container = page.locator(`[data-chart-id="${kind.chart}"]`);
      await container.locator('[data-action="embed"]').click({ timeout: SETTLE_MS });
      const snippet = await container.locator('[data-testid="embed-code"]').inputValue();
      const hostPath = `/host-${kind.chart}-${KINDS.indexOf(kind)}.html`;
      site.page(hostPath, hostPage(snippet));
      try {
        await page.goto(`${site.origin}${hostPath}`);
        const iframe = page.locator('iframe[data-segur-pulse-chart]');
        const frame = await (await iframe.elementHandle())!.contentFrame();
        if (!frame) throw new Error('the iframe has no content frame');
        // The frame has no address until its navigation has started (about:blank or '' before).
        await expect.poll(() => /^https?:/.test(frame.url()), { timeout: SETTLE_MS }).toBe(true);
        expect(new URL(frame.url()).origin).toBe(new URL(baseURL()).origin);
        expect(new URL(frame.url()).origin).not.toBe(site.origin);

        // It renders the chart alone, with its source line and the link back.
        await frame.waitForSelector(`[data-testid="embed"][data-chart="${kind.chart}"]`);
        await appShown(frame);
        await frame.waitForSelector(
          `[data-chart-id="${kind.chart}"] [data-testid="chart-actions"]`,
          {
            timeout: SETTLE_MS,
          },
        );
        await frame.waitForSelector('[data-testid="embed-source"]', { timeout: SETTLE_MS });
        expect(await frame.locator('[data-chart-id]').count(), 'charts shown').toBe(1);
        expect(await frame.locator('.site-header, nav, .site-footer').count()).toBe(0);
        expect(await frame.locator('h1').count()).toBe(1);
        expect(await frame.locator('[data-testid="embed-back"]').getAttribute('target')).toBe(
          '_top',
        );
        await kind.check(frame);

        // Its height arrives, from the app's origin, for this chart, and the host's iframe takes
        // it: the embed fits without a scrollbar.
        const embedHeight = () =>
          frame
            .locator('[data-testid="embed"]')
            .evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
        await expect
          .poll(
            async () => {
              const messages = await page.evaluate(
                () =>
                  (window as unknown as { heightMessages: { data: { height: number } }[] })
                    .heightMessages,
              );
              return messages.at(-1)?.data.height === (await embedHeight());
            },
            { timeout: SETTLE_MS },
          )
          .toBe(true);
        const messages = await page.evaluate(
          () =>
            (
              window as unknown as {
                heightMessages: { origin: string; data: Record<string, unknown> }[];
              }
            ).heightMessages,
        );
        const last = messages.at(-1)!;
        expect(last.origin).toBe(new URL(baseURL()).origin);
        expect(last.data).toEqual({
          type: 'segur-pulse:height',
          version: 1,
          chart: kind.chart,
          height: await embedHeight(),
        });
        await expect
          .poll(() => iframe.evaluate((el) => Math.round(el.getBoundingClientRect().height)))
          .toBe(last.data.height);
        expect(
          await frame.evaluate(
            () => document.documentElement.scrollHeight <= document.documentElement.clientHeight,
          ),
          'no scrollbar in the frame',
        ).toBe(true);
        await screenshot(page, `embed-kind-${kind.chart}-${KINDS.indexOf(kind)}`);
      } catch (error) {
        await screenshotQuietly(page, `embed-kind-${kind.chart}-FAILED`);
        throw error;
      }
    });
  }

  it('follows a new address: another date on the map, a new height told', async () => {
    const src = appURL(
      '?embed=1#/regions?ind=mes_activation_rate&date=2024-06-30&lang=fr&chart=region-map',
    );
    site.page(
      '/host-follow.html',
      hostPage(`<iframe src="${src.replace(/&/g, '&amp;')}" title="map" width="600" height="300"
        data-segur-pulse-chart="region-map"></iframe>`),
    );
    await page.goto(`${site.origin}/host-follow.html`);
    const frame = await (await page.locator('iframe').elementHandle())!.contentFrame();
    if (!frame) throw new Error('the iframe has no content frame');
    await frame.waitForSelector('figure[data-chart-id="region-map"] path.shape', {
      timeout: SETTLE_MS,
    });
    expect(await text(frame, '.chart-title')).toContain('30 juin 2024');
    const before = await page.evaluate(
      () => (window as unknown as { heightMessages: unknown[] }).heightMessages.length,
    );
    expect(before).toBeGreaterThan(0);
    await frame.evaluate(() => {
      location.hash = location.hash
        .replace('date=2024-06-30', 'date=2025-01-31')
        .replace('lang=fr', 'lang=en');
    });
    await expect
      .poll(() => text(frame, '.chart-title'), { timeout: SETTLE_MS })
      .toContain('31 Jan 2025');
    expect(await frame.locator('path.shape[data-code="44"]').getAttribute('fill')).not.toMatch(
      /^url\(/,
    );
    expect(await frame.locator('html').getAttribute('lang')).toBe('en');
    const pageErrors = errors.filter((e) => e.kind === 'pageerror');
    expect(pageErrors, describeErrors(pageErrors)).toEqual([]);
  });
});

describe('chart downloads', () => {
  let browser: LaunchedBrowser;
  let page: Page;
  let errors: BrowserError[];
  /** Points of the chart on screen: the files must carry exactly these. */
  let shownPoints = 0;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await firstPage(browser.context);
    errors = trackErrors(page);
    await gotoApp(page, appURL('#/'));
    shownPoints = await waitForPoints(page, 'mes-profiles');
  });
  afterAll(async () => {
    await browser?.close({ removeProfile: true });
  });

  async function download(format: 'csv' | 'svg' | 'png'): Promise<{ name: string; bytes: Buffer }> {
    const button = page.locator(
      `figure[data-chart-id="mes-profiles"] button[data-format="${format}"]`,
    );
    const [file] = (await Promise.all([
      page.waitForEvent('download', { timeout: SETTLE_MS }),
      button.click(),
    ])) as [Download, unknown];
    const path = await file.path();
    return { name: file.suggestedFilename(), bytes: readFileSync(path) };
  }

  it('CSV: BOM, one row per point with its source, named after the chart and the day', async () => {
    const { name, bytes } = await download('csv');
    expect(name).toMatch(/^segur-pulse-mes-profiles-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8').slice(1), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(shownPoints);
    for (const row of parsed.data) {
      expect(row.source_url, JSON.stringify(row)).toMatch(/^https?:\/\//);
      expect(row.period).toMatch(/^\d{4}(-\d{2}){0,2}$/);
      expect(Number.isFinite(Number(row.value))).toBe(true);
    }
    await expect
      .poll(() =>
        page.locator('figure[data-chart-id="mes-profiles"] [role="status"]').textContent(),
      )
      .toContain(name);
  });

  it('works by keyboard: Tab reaches the buttons, Enter downloads', async () => {
    const csv = page.locator('figure[data-chart-id="insi-calls"] button[data-format="csv"]');
    await csv.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await csv.evaluate((el) => el === document.activeElement)).toBe(true);
    const [file] = (await Promise.all([
      page.waitForEvent('download', { timeout: SETTLE_MS }),
      page.keyboard.press('Enter'),
    ])) as [Download, unknown];
    expect(file.suggestedFilename()).toMatch(/^segur-pulse-insi-calls-.*\.csv$/);
  });

  it('SVG: a standalone picture with the title, the sources and the marks, styles inlined', async () => {
    const { name, bytes } = await download('svg');
    expect(name).toMatch(/^segur-pulse-mes-profiles-\d{4}-\d{2}-\d{2}\.svg$/);
    const svg = bytes.toString('utf8');
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const title = await page
      .locator('figure[data-chart-id="mes-profiles"] .chart-title')
      .textContent();
    expect(svg).toContain((title ?? '').trim().slice(0, 30));
    expect(svg).toContain('Sources');
    expect(svg).toContain('https://');
    expect((svg.match(/class="point\b/g) ?? []).length).toBe(shownPoints);
    expect(svg).toMatch(/style="[^"]*fill:/);
    expect(svg).not.toContain('tabindex');
    // It renders on its own, outside the page: load it as an image in a blank page.
    const size = await page.evaluate(async (text) => {
      const img = new Image();
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
      await img.decode();
      return { width: img.naturalWidth, height: img.naturalHeight };
    }, svg);
    expect(size.width).toBeGreaterThan(200);
    expect(size.height).toBeGreaterThan(200);
  });

  it('SVG in the dark theme: drawn on the dark background it was seen on', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      const { bytes } = await download('svg');
      const svg = bytes.toString('utf8');
      // The first shape is the background: the dark theme's --bg, #15171c.
      expect(svg).toMatch(/^<svg[^>]*><rect[^>]*style="fill: rgb\(21, 23, 28\);?"/);
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });

  it('PNG: the same picture at twice the size', async () => {
    const { name, bytes } = await download('png');
    expect(name).toMatch(/\.png$/);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = bytes.readUInt32BE(16);
    const svgWidth = await page
      .locator('figure[data-chart-id="mes-profiles"] svg.drawing')
      .evaluate((el) => Number(el.getAttribute('viewBox')?.split(' ')[2]));
    expect(width).toBe(Math.round(svgWidth * 2));
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(resolve(SCREENSHOT_DIR, 'download-mes-profiles.png'), bytes);
    expect(errors, describeErrors(errors)).toEqual([]);
  });

  it('PNG card: 1200×630, with the title, the latest figure with its date, and the source', async () => {
    const [file] = (await Promise.all([
      page.waitForEvent('download', { timeout: SETTLE_MS }),
      page.locator('figure[data-chart-id="mes-profiles"] button[data-format="card"]').click(),
    ])) as [Download, unknown];
    expect(file.suggestedFilename()).toMatch(
      /^segur-pulse-mes-profiles-1200x630-\d{4}-\d{2}-\d{2}\.png$/,
    );
    const bytes = readFileSync(await file.path());
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(resolve(SCREENSHOT_DIR, 'download-mes-profiles-card.png'), bytes);
    // Something is drawn in each band of the card: the title at the top, the figure under it,
    // the drawing, the source and address at the foot (the words are unit-tested: cardWords).
    const inked = await page.evaluate(async (base64) => {
      const image = await createImageBitmap(
        new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }),
      );
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const band = (top: number, bottom: number) => {
        const { data } = context.getImageData(0, top, image.width, bottom - top);
        const [r, g, b] = [data[0]!, data[1]!, data[2]!];
        let count = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (Math.abs(data[i]! - r) + Math.abs(data[i + 1]! - g) + Math.abs(data[i + 2]! - b) > 96)
            count++;
        }
        return count;
      };
      return { title: band(40, 100), figure: band(100, 150), foot: band(560, 620) };
    }, bytes.toString('base64'));
    expect(inked.title, 'title band').toBeGreaterThan(500);
    expect(inked.figure, 'figure band').toBeGreaterThan(300);
    expect(inked.foot, 'foot band').toBeGreaterThan(300);
  });

  it('exports every chart of the Regions page as SVG and PNG (map and ranking included)', async () => {
    await gotoApp(page, appURL('#/regions'));
    // The map draws once its boundaries are loaded: wait for it (and the ranking beside it).
    for (const id of ['region-map', 'region-ranking']) {
      await page.waitForSelector(`figure[data-chart-id="${id}"] button[data-format="svg"]`, {
        timeout: SETTLE_MS,
      });
    }
    const ids = await page
      .locator('figure[data-chart-id]:has(button[data-format="svg"])')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-chart-id') ?? ''));
    for (const id of ids) {
      const [file] = (await Promise.all([
        page.waitForEvent('download', { timeout: SETTLE_MS }),
        page.locator(`figure[data-chart-id="${id}"] button[data-format="svg"]`).click(),
      ])) as [Download, unknown];
      const svg = readFileSync(await file.path(), 'utf8');
      expect(file.suggestedFilename(), id).toContain(`segur-pulse-${id}-`);
      expect(svg, id).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(svg.length, id).toBeGreaterThan(1000);
      if (id === 'region-map') {
        // The colour legend travels with the map: every bin and the hatched "no data" swatch.
        const labels = await page
          .locator('figure[data-chart-id="region-map"] .legend li')
          .evaluateAll((els) =>
            els.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()),
          );
        expect(labels.length, 'map legend entries').toBeGreaterThan(1);
        for (const label of labels) expect(svg, label).toContain(`>${label}</text>`);
        expect(svg).toMatch(/<pattern[^>]*id="region-map-hatch"/);
        expect(svg).toMatch(/fill:\s*url\((&quot;|")?#region-map-hatch/);
        // A map draws no qualifier shapes: its footer does not explain any.
        expect(svg).not.toContain('Formes :');
      }
      // The PNG too, kept beside the screenshots for a look.
      const [png] = (await Promise.all([
        page.waitForEvent('download', { timeout: SETTLE_MS }),
        page.locator(`figure[data-chart-id="${id}"] button[data-format="png"]`).click(),
      ])) as [Download, unknown];
      const bytes = readFileSync(await png.path());
      expect(bytes.subarray(1, 4).toString(), id).toBe('PNG');
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      writeFileSync(resolve(SCREENSHOT_DIR, `download-${id}.png`), bytes);
    }
    await gotoApp(page, appURL('#/'));
    await waitForPoints(page, 'mes-profiles');
  });

  it('loads the export code only when a download is asked', async () => {
    const other = await launchBrowser();
    const fresh = await firstPage(other.context);
    const scripts: string[] = [];
    fresh.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    try {
      await gotoApp(fresh, appURL('#/'));
      await waitForPoints(fresh, 'mes-rate');
      // The export's modules (charts/chartCsv.ts, charts/chartPicture.ts), by their chunks' names.
      const exportCode = (name: string) => new RegExp(`/${name}-[\\w-]+\\.js$`);
      expect(
        scripts.filter((s) => exportCode('chart(Csv|Picture)').test(s)),
        'before a download',
      ).toEqual([]);
      await Promise.all([
        fresh.waitForEvent('download'),
        fresh.locator('figure[data-chart-id="mes-rate"] button[data-format="csv"]').click(),
      ]);
      expect(
        scripts.some((s) => exportCode('chartCsv').test(s)),
        'after a download',
      ).toBe(true);
      // A CSV needs no picture code.
      expect(scripts.some((s) => exportCode('chartPicture').test(s))).toBe(false);
    } finally {
      await other.close({ removeProfile: true });
    }
  });

  it('copies the embed link and code; the link opens the same chart in embed mode', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(baseURL()).origin,
    });
    const figure = page.locator('figure[data-chart-id="dmp-docs"]');
    await figure.locator('[data-action="embed"]').click();
    await figure.locator('[data-action="copy-embed-code"]').click();
    await expect.poll(() => figure.locator('[role="status"]').textContent()).toBe('Copié.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      await figure.locator('[data-testid="embed-code"]').inputValue(),
    );
    await figure.locator('[data-action="copy-embed-link"]').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^http/);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const url = new URL(copied);
    expect(url.searchParams.get('embed')).toBe('1');
    expect(url.hash).toContain('chart=dmp-docs');
    // Once the app has taken the place of the prerendered pages: until then index.html also holds
    // the Overview's four charts, hidden.
    await gotoApp(page, copied);
    await waitForPoints(page, 'dmp-docs');
    expect(await page.locator('figure[data-chart-id]').count()).toBe(1);
  });
});

describe('static deploy under a sub-path', () => {
  it(`serves the app from ${SUB_PATH}: assets, data and charts load, the CSP is intact`, async () => {
    const browser = await launchBrowser();
    await allowTestSite(browser);
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    site.requests.length = 0;
    try {
      await page.goto(`${site.appBase}#/`);
      await waitForPoints(page, 'mes-profiles');
      await page.goto(`${site.appBase}#/sources`);
      await page.waitForSelector('main h1', { timeout: SETTLE_MS });
      // The data is asked for once the app runs, which may come after the Sources page shows.
      await expect
        .poll(() => site.requests.some((p) => p.startsWith(`${SUB_PATH}data/`)), {
          timeout: SETTLE_MS,
        })
        .toBe(true);
      expect(failed, 'requests that failed under the sub-path').toEqual([]);
      const outside = site.requests.filter((p) => !p.startsWith(SUB_PATH));
      expect(outside, 'requests that escaped the sub-path').toEqual([]);

      // The Content-Security-Policy written in index.html ships unchanged (its %VITE_…% values
      // filled in from .env, as Vite does), and the built page has no inline script for it to refuse.
      const csp = (html: string) =>
        /<meta[^>]+http-equiv="Content-Security-Policy"[^>]*content="([^"]*)"/i
          .exec(html)?.[1]
          ?.replace(/\s+/g, ' ')
          .trim();
      const env = loadEnv('production', ROOT, 'VITE_');
      const source = readFileSync(resolve(ROOT, 'index.html'), 'utf8').replace(
        /%(VITE_\w+)%/g,
        (whole, name: string) => env[name] ?? whole,
      );
      const built = await (await fetch(site.appBase)).text();
      expect(csp(source), 'index.html has a CSP meta').toBeTruthy();
      // The build adds one source: the hash of the first paint's inlined stylesheet.
      const styles = inlineStyleSources(built);
      expect(styles).toHaveLength(1);
      expect(csp(built), 'CSP meta of the built index.html').toBe(
        csp(source)?.replace("style-src 'self'", `style-src 'self' ${styles[0]}`),
      );
      expect(csp(built)).toMatch(/script-src 'self'(;|$)/);
      const inlineScripts = [...built.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(
        ([, attributes, body]) => !/\bsrc=/.test(attributes ?? '') || (body ?? '').trim() !== '',
      );
      expect(
        inlineScripts.map(([whole]) => whole.slice(0, 80)),
        'inline scripts',
      ).toEqual([]);
      expect(errors, describeErrors(errors)).toEqual([]);
    } catch (error) {
      await screenshotQuietly(page, 'subpath-FAILED');
      throw error;
    } finally {
      await browser.close({ removeProfile: true });
    }
  });
});
