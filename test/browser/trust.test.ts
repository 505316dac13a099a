// Figures people can trust (issue 19), in a real Chromium against the built app: French pages
// show no English compiler text, reference values carry their date, and the disputed-figure halo
// stays visible in dark mode. Expected figures come from data/observations.csv, read here.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readObservations, type Row } from './expected.ts';
import {
  ROOT,
  appURL,
  firstPage,
  gotoApp,
  launchBrowser,
  screenshot,
  screenshotQuietly,
  trackErrors,
  type BrowserError,
  type LaunchedBrowser,
} from './helpers.ts';

const SETTLE_MS = 20_000;

let rows: Row[] = [];
let browser: LaunchedBrowser;
let page: Page;
let errors: BrowserError[];

beforeAll(async () => {
  rows = readObservations(resolve(ROOT, 'data/observations.csv'));
  browser = await launchBrowser();
  page = await firstPage(browser.context);
  errors = trackErrors(page);
});

afterAll(async () => {
  await browser?.close({ removeProfile: true });
});

/** The page has its data and its page-specific code, and has drawn `ready`. */
async function open(hash: string, ready: string): Promise<void> {
  await gotoApp(page, appURL(hash));
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="data-status"]')?.getAttribute('data-state') !==
        'loading' && !document.querySelector('.page-loading'),
    undefined,
    { timeout: SETTLE_MS },
  );
  await page.locator(ready).first().waitFor({ timeout: SETTLE_MS });
}

/**
 * Every text a French reader meets on the page, tables and tooltips' words included: text nodes
 * (all `<details>` opened, so chart tables are drawn) and accessible names, outside anything
 * marked `lang="en"` (the compiler's notes on the Sources page, the validator's reasons).
 */
async function frenchText(): Promise<string[]> {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
  // Chart tables are drawn once their <details> opens.
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('figure.chart details.chart-table')].every(
        (d) => d.querySelector('tr.data-row, tbody') !== null,
      ),
    undefined,
    { timeout: SETTLE_MS },
  );
  return page.evaluate(() => {
    const english = (el: Element | null) => el?.closest('[lang]')?.getAttribute('lang') === 'en';
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || english(parent) || parent.closest('script, style')) continue;
      const text = node.textContent?.trim();
      if (text) out.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [title]')) {
      if (english(el)) continue;
      for (const name of ['aria-label', 'title']) {
        const value = el.getAttribute(name);
        if (value) out.push(value);
      }
    }
    return out;
  });
}

/** The compiler's English, as transcribed in data/observations.csv (notes, source labels). */
const COMPILER_ENGLISH = [
  /\bpublished as\b/,
  /complements existing row/,
  /\b(press|official|interview|parliament)\s*\(/,
  /\b(relaying|quoting)\b/,
  /have a profile/,
  /connect monthly/,
  /\bQuote:/,
  /\bDate approximate\b/,
  /\bpilot phase\b/,
  /\bpress release\b/,
];

/** French written wrong: « au oct. 2024 », « du oct. », « 1 déc. », « région(s) ». */
const MONTHS = '(janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc)';
const BAD_FRENCH = [
  new RegExp(`\\b(au|du) ${MONTHS}\\.? \\d{4}`),
  new RegExp(`(^|[^\\d])1 ${MONTHS}\\.? \\d{4}`),
  /\w\(s\)/,
  /^;/,
];

const PAGES: [hash: string, ready: string][] = [
  ['#/', 'article.kpi'],
  ['#/regions', '.reference'],
  ['#/regions/75', '[data-testid="region-facts"]'],
  ['#/regions/11', '[data-testid="region-outreach"]'],
  ['#/regions/44', '[data-testid="region-figures"]'],
  ['#/activation', '[data-testid="target-national"]'],
  ['#/activation?geo=REG-75&rate=50&start=2025-06-01', '[data-testid="outreach-statement"]'],
  ['#/activation?geo=REG-11&start=2025-06-01', '[data-testid="outreach-context"]'],
  ['#/sources', '[data-testid="compiler-notes"]'],
];

describe('French pages', () => {
  it('looks for English the data really holds (each pattern matches a note or a source label)', () => {
    const compiler = rows.flatMap((r) => [r.note, r.source_label]);
    for (const pattern of COMPILER_ENGLISH) {
      expect(
        compiler.some((text) => pattern.test(text)),
        String(pattern),
      ).toBe(true);
    }
  });

  it.each(PAGES)(
    '%s shows no English compiler text and writes dates as French does',
    async (hash, ready) => {
      try {
        await open(hash, ready);
        const texts = await frenchText();
        expect(texts.length).toBeGreaterThan(20);
        for (const text of texts) {
          for (const pattern of [...COMPILER_ENGLISH, ...BAD_FRENCH]) {
            expect(text, `${hash}: ${pattern}`).not.toMatch(pattern);
          }
        }
        expect(errors).toEqual([]);
      } catch (error) {
        await screenshotQuietly(page, `trust-${hash.replace(/\W+/g, '-')}-FAILED`);
        throw error;
      }
    },
  );

  it('names each source by publisher and kind, quotes the source, and keeps the compiler’s note on the Sources page', async () => {
    await open('#/regions/44', '[data-testid="region-figures"]');
    const figures = page.locator('[data-testid="region-figures"]');
    expect(await figures.textContent()).toContain('ARS Grand Est (officiel)');
    // « le nombre de visiteurs connectés a augmenté de 127% » is the source's; the rest of the
    // compiler's note is not shown.
    expect(await figures.textContent()).toContain(
      '« le nombre de visiteurs connectés a augmenté de 127%',
    );

    await open('#/sources', '[data-testid="compiler-notes"]');
    // Each source's figures are listed when the reader opens its notes.
    for (const summary of await page.locator('[data-testid="compiler-notes"] > summary').all())
      await summary.click();
    await page.locator('[data-testid="compiler-notes"][open] li').first().waitFor();
    const notes = page.locator('[data-testid="compiler-notes"] [lang="en"]');
    const all = (await notes.allTextContents()).join('\n');
    expect(all).toContain('complements existing row');
    expect(all).toContain('press (Hospitalia relaying ANS');
    await screenshot(page, 'trust-sources-compiler-notes');
  });
});

describe('Comparisons', () => {
  it('dates the national reference of the ranking and flags figures months apart', async () => {
    await open('#/regions', '.reference');
    // The latest national rate of the CSV: published or computed from same-date counts.
    const national = rows
      .filter((r) => r.indicator === 'mes_activation_rate' && r.geo === 'FR' && !r.breakdown)
      .sort((a, b) => a.period.localeCompare(b.period))
      .at(-1)!;
    expect(national).toMatchObject({ period: '2026-01', value: '33.6' });
    const label = (await page.locator('.reference text').textContent())!.replace(/\s+/g, ' ');
    expect(label).toBe('France : 33,6 % (janv. 2026)');
    // Grand Est's 22,8 % is of 2024: more than 3 months from France's.
    const apart = page.locator('[data-testid="ranking-apart"]');
    expect((await apart.textContent())!.replace(/\s+/g, ' ')).toMatch(
      /plus de 3 mois de celui de la France \(janv\. 2026\) : .*Grand Est/,
    );
    await screenshot(page, 'trust-ranking-dated');
  });

  it('says when a row of headline figures mixes moments, each card with its date', async () => {
    await open('#/', 'article.kpi');
    expect(await page.locator('[data-testid="kpi-spread"]').textContent()).toMatch(
      /^Ces chiffres ne sont pas du même moment : du plus ancien \(.+\) au plus récent \(.+\)\./,
    );
    for (const card of await page.locator('article.kpi').all()) {
      expect(await card.locator('.kpi-date').textContent()).toMatch(/^\s*Date du chiffre : /);
    }
  });
});

describe('Dark mode', () => {
  it('keeps the disputed-figure halo and the dotted connectors at 3:1 against the background', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      await open('#/', 'figure[data-chart-id="mes-profiles"] .disputed-mark');
      const ratios = await page.evaluate(() => {
        const rgb = (css: string) => (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
        const lum = ([r, g, b]: number[]) =>
          [r!, g!, b!]
            .map((v) => v / 255)
            .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
            .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
        const ratio = (a: string, b: string) => {
          const [hi, lo] = [lum(rgb(a)), lum(rgb(b))].sort((x, y) => y - x) as [number, number];
          return (hi + 0.05) / (lo + 0.05);
        };
        const halo = document.querySelector('.disputed-mark')!;
        // The colour the chart is drawn on: the first opaque background up its ancestors.
        let bg = 'rgba(0, 0, 0, 0)';
        for (
          let el: Element | null = halo;
          el && /rgba\(.*, 0\)$|transparent/.test(bg);
          el = el.parentElement
        ) {
          bg = getComputedStyle(el).backgroundColor;
        }
        const connectors = [...document.querySelectorAll('path.connector')].map((c) => {
          const style = getComputedStyle(c);
          return { ratio: ratio(style.stroke, bg), opacity: Number(style.strokeOpacity) };
        });
        return { bg, halo: ratio(getComputedStyle(halo).stroke, bg), connectors };
      });
      expect(ratios.bg).toBe('rgb(21, 23, 28)'); // the dark theme's --bg
      expect(ratios.halo).toBeGreaterThanOrEqual(3);
      expect(ratios.connectors.length).toBeGreaterThan(0);
      for (const c of ratios.connectors) {
        expect(c.opacity).toBe(1);
        expect(c.ratio).toBeGreaterThanOrEqual(3);
      }
      await screenshot(page, 'trust-overview-dark');
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });
});
