// axe-core on every route, in the light and the dark theme: no serious or critical violation.
// axe runs through page.evaluate (DevTools protocol), which the page's Content-Security-Policy
// does not apply to; injecting it as a <script> tag would be refused by `script-src 'self'`.
// Closed <details> (the charts' data tables) are opened first so the tables are checked too.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SCREENSHOT_DIR,
  appURL,
  firstPage,
  gotoApp,
  launchBrowser,
  screenshot,
  screenshotQuietly,
  trackErrors,
  type LaunchedBrowser,
} from './helpers.ts';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const SETTLE_MS = 20_000;

const ROUTES: { name: string; url: string }[] = [
  { name: 'overview', url: '#/' },
  { name: 'regions', url: '#/regions' },
  { name: 'region-53', url: '#/regions/53' },
  { name: 'activation', url: '#/activation' },
  { name: 'sources', url: '#/sources' },
  { name: 'feeds', url: '#/feeds' },
  { name: 'embed', url: '?embed=1#/?chart=mes-profiles' },
];
const SCHEMES = ['light', 'dark'] as const;
/** A common phone width, where wide tables scroll sideways. */
const PHONE = { width: 390, height: 844 };

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Waits until the route has painted: data loaded, lazy page code in, no loading placeholder. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const status = document.querySelector('[data-testid="data-status"]');
      const embed = document.querySelector('[data-testid="embed"]');
      const loaded = embed
        ? embed.querySelector('figure, li')
        : status && status.getAttribute('data-state') !== 'loading';
      return Boolean(loaded) && !document.querySelector('.page-loading');
    },
    undefined,
    { timeout: SETTLE_MS },
  );
  await nextFrames(page);
}

/**
 * Two frames: charts measure their width in a ResizeObserver (run after layout, before paint) and
 * redraw; once a second frame starts, that redraw is in the DOM. An event, not a guessed delay.
 */
function nextFrames(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

async function axeViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
  // Opened tables are laid out, and their scroll boxes measured (lib/scrollRegion.ts).
  await nextFrames(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    const results = (await axe.run(document, {
      resultTypes: ['violations'],
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    })) as { violations: Violation[] };
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

function describeViolations(violations: Violation[]): string {
  return violations
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map(
            (n) =>
              `    ${n.target.join(' ')} — ${(n.failureSummary ?? '').split('\n').slice(1, 2).join(' ').trim()}`,
          )
          .join('\n'),
    )
    .join('\n');
}

describe('accessibility (axe-core)', () => {
  let browser: LaunchedBrowser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await firstPage(browser.context);
  });
  afterAll(async () => {
    await browser?.close({ removeProfile: true });
  });

  it('prints readably: no navigation or buttons, tables shown, source URLs written out', async () => {
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    await page.goto('about:blank');
    await gotoApp(page, appURL('#/'));
    try {
      await settle(page);
      const printed = await page.evaluate(() => {
        const visible = (el: Element) => {
          const box = (el as HTMLElement).getBoundingClientRect();
          return getComputedStyle(el).display !== 'none' && box.width > 0 && box.height > 0;
        };
        const link = document.querySelector('.data-table a[href^="http"]');
        return {
          nav: [...document.querySelectorAll('.site-header nav, .lang-toggle')].some(visible),
          buttons: [...document.querySelectorAll('main button')].filter(visible).length,
          figures: [...document.querySelectorAll('figure[data-chart-id]')].filter(visible).length,
          tableRows: [...document.querySelectorAll('tr.data-row')].filter(visible).length,
          linkAfter: link ? getComputedStyle(link, '::after').content : null,
          href: link?.getAttribute('href') ?? null,
          background: getComputedStyle(document.documentElement).backgroundColor,
          ink: getComputedStyle(document.body).color,
        };
      });
      expect(printed.nav, 'navigation printed').toBe(false);
      expect(printed.buttons, 'buttons printed').toBe(0);
      expect(printed.figures).toBeGreaterThan(0);
      expect(printed.tableRows, 'data tables printed (closed <details> included)').toBeGreaterThan(
        0,
      );
      expect(printed.linkAfter).toContain(printed.href ?? 'no link');
      // Black on white whatever the screen theme.
      expect(printed.background).toBe('rgb(255, 255, 255)');
      expect(printed.ink).toBe('rgb(0, 0, 0)');
      await screenshot(page, 'print-overview');
      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      writeFileSync(resolve(SCREENSHOT_DIR, 'print-overview.pdf'), pdf);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('the skip link moves the keyboard to the content and stays on the page', async () => {
    await gotoApp(page, appURL('#/regions'));
    await settle(page);
    const before = await page.evaluate(() => location.hash);
    // Focused directly: where Tab starts from depends on what the earlier tests focused.
    await page.locator('.skip-link').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main', undefined, {
      timeout: 5_000,
    });
    // Still the Regions page: "#main" is not taken for an address of the router.
    expect(await page.evaluate(() => location.hash)).toBe(before);
    expect(await page.locator('figure[data-chart-id="region-map"]').count()).toBe(1);
  });

  it('every route fits a 360 px phone: no horizontal scroll of the page', async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    try {
      const wide: string[] = [];
      for (const route of ROUTES) {
        await page.goto('about:blank');
        await gotoApp(page, appURL(route.url));
        await settle(page);
        // Tables and the disputes list are opened as a reader would; they must scroll inside.
        await page.evaluate(() => {
          for (const details of document.querySelectorAll('details')) details.open = true;
        });
        await nextFrames(page);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 360) {
          wide.push(`${route.name}: ${width}px`);
          await screenshotQuietly(page, `phone-${route.name}-TOO-WIDE`);
        }
      }
      expect(wide).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  /** axe on one route in a fresh document: no serious or critical violation, no page error. */
  async function checkRoute(route: { name: string; url: string }, label: string): Promise<void> {
    const errors = trackErrors(page);
    // A fresh document per route: embed mode is decided at load, and each check starts clean.
    await page.goto('about:blank');
    await gotoApp(page, appURL(route.url));
    try {
      await settle(page);
      const violations = await axeViolations(page);
      const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      const minor = violations.filter((v) => !blocking.includes(v));
      if (minor.length > 0) {
        console.log(`[axe ${label}] minor/moderate:\n${describeViolations(minor)}`);
      }
      if (blocking.length > 0) {
        console.log(`[axe ${label}] SERIOUS/CRITICAL:\n${describeViolations(blocking)}`);
      }
      // Rule ids and selectors only: the full report is printed above.
      expect(
        blocking.map(
          (v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
        ),
      ).toEqual([]);
      expect(errors.filter((e) => e.kind === 'pageerror').map((e) => e.text)).toEqual([]);
      await screenshot(page, `a11y-${label.replace(/\W+/g, '-')}`);
    } catch (error) {
      await screenshotQuietly(page, `a11y-${label.replace(/\W+/g, '-')}-FAILED`);
      throw error;
    }
  }

  for (const scheme of SCHEMES) {
    for (const route of ROUTES) {
      it(`${route.name} (${scheme}): no serious or critical violation`, async () => {
        await page.emulateMedia({ colorScheme: scheme });
        await checkRoute(route, `${route.name} ${scheme}`);
      });
    }
  }

  // On a phone wide tables scroll sideways: each must be reachable by keyboard and named
  // (scrollable-region-focusable), and nothing may overlap or be cut.
  for (const route of ROUTES) {
    it(`${route.name} at ${PHONE.width} px: no serious or critical violation`, async () => {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.setViewportSize(PHONE);
      try {
        await checkRoute(route, `${route.name} ${PHONE.width}px`);
        // Each box that scrolls is a tab stop and a region named by its table's caption.
        const boxes = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.table-scroll')]
            .filter((box) => box.scrollWidth > box.clientWidth + 1)
            .map((box) => ({
              tabIndex: box.tabIndex,
              role: box.getAttribute('role'),
              name:
                document
                  .getElementById(box.getAttribute('aria-labelledby') ?? '')
                  ?.textContent?.trim() ?? '',
            })),
        );
        for (const box of boxes) {
          expect(box).toMatchObject({ tabIndex: 0, role: 'region', name: expect.any(String) });
          expect(box.name).not.toBe('');
        }
        // The page that showed the defect has such boxes: this check is not empty there.
        if (route.name === 'sources') expect(boxes.length).toBeGreaterThan(0);
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    });
  }
});
