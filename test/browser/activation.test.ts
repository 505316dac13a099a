// The Activation tracker and the Overview on a phone, in a real Chromium against the built app.
// Expected figures are computed here from data/observations.csv, independently of the app's code.
import { resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { readObservations, type Row } from './expected.ts';
import {
  CHROMIUM_ARGS,
  ROOT,
  appURL,
  baseURL,
  firstPage,
  gotoApp,
  launchBrowser,
  newProfileDir,
  removeProfileDir,
  screenshot,
  screenshotQuietly,
  trackErrors,
  type BrowserError,
} from './helpers.ts';

const SETTLE_MS = 20_000;
const PHONE_WIDTH = 360;

// ---------------------------------------------------------------------------------------------
// Expectations from the CSV

let rows: Row[] = [];

interface Figure {
  row: Row;
  value: number;
  /** The day a cumulative count refers to: a month figure is read at the end of its month. */
  end: number;
}

function endOf(period: string): number {
  const [y, m, d] = period.split('-').map(Number) as [number, number?, number?];
  if (d !== undefined) return Date.UTC(y, m! - 1, d);
  if (m !== undefined) return Date.UTC(y, m, 0);
  return Date.UTC(y, 11, 31);
}

function nationalActivated(): Figure[] {
  return rows
    .filter((r) => r.indicator === 'mes_profiles_activated' && r.geo === 'FR' && !r.breakdown)
    .map((row) => ({ row, value: Number(row.value), end: endOf(row.period) }))
    .sort((a, b) => a.end - b.end);
}

/** Calendar months between two days (UTC ms): end of January to end of February is 1. */
function calendarMonths(from: number, to: number): number {
  const at = (t: number) => {
    const d = new Date(t);
    const days = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    return d.getUTCFullYear() * 12 + d.getUTCMonth() + d.getUTCDate() / days;
  };
  return at(to) - at(from);
}
const nf = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const fr = (n: number) => nf.format(n);
const sig3 = (n: number) => Number(n.toPrecision(3));
/** Text as the page shows it, with every kind of space made a plain one. */
const plain = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

beforeAll(() => {
  rows = readObservations(resolve(ROOT, 'data/observations.csv'));
});

// ---------------------------------------------------------------------------------------------
// Page helpers

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const status = document.querySelector('[data-testid="data-status"]');
      return (
        status !== null &&
        status.getAttribute('data-state') !== 'loading' &&
        !document.querySelector('.page-loading')
      );
    },
    undefined,
    { timeout: SETTLE_MS },
  );
  await page.waitForTimeout(300);
}

async function text(page: Page, selector: string): Promise<string> {
  return plain(await page.locator(selector).first().textContent({ timeout: SETTLE_MS }));
}

function describeErrors(errors: BrowserError[]): string {
  return errors.map((e) => `${e.kind}: ${e.text}`).join('\n');
}

const hashParams = (page: Page) =>
  new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '');

/** A phone: 360 px wide, touch, with the same guard as launchBrowser (only 127.0.0.1). */
async function launchPhone(): Promise<{ context: BrowserContext; profileDir: string }> {
  const profileDir = newProfileDir();
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: inject('chromiumPath'),
    headless: true,
    args: CHROMIUM_ARGS,
    serviceWorkers: 'block',
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: PHONE_WIDTH, height: 740 },
    hasTouch: true,
    isMobile: true,
  });
  const allowed = new URL(baseURL()).origin;
  await context.route('**', (route: Route) =>
    new URL(route.request().url()).origin === allowed
      ? route.continue()
      : route.abort('blockedbyclient'),
  );
  return { context, profileDir };
}

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

// ---------------------------------------------------------------------------------------------

describe('Activation tracker in Chromium', () => {
  it('shows the national figures of the CSV, takes a target into the URL and keeps it on reload', async () => {
    const browser = await launchBrowser();
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);
    try {
      await gotoApp(page, appURL('#/activation'));
      await settle(page);
      await page.locator('[data-testid="target-national"]').waitFor({ timeout: SETTLE_MS });

      // The national counts the page draws: each one a row of the CSV, one point per month (the
      // same month from two sources is drawn once, by the app's reconciliation rule).
      const drawn = await page
        .locator(
          'figure[data-chart-id="activation-profiles"] .point[data-series="mes_profiles_activated"]',
        )
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-period')));
      const all = nationalActivated();
      expect(drawn.every((p) => all.some((f) => f.row.period === p))).toBe(true);
      expect(new Set(drawn).size).toBe(drawn.length);
      expect(drawn.length).toBe(new Set(all.map((f) => f.row.period.slice(0, 7))).size);
      const figures = all.filter((f) => drawn.includes(f.row.period));
      expect(figures.length).toBeGreaterThanOrEqual(2);
      const latest = figures.at(-1)!;

      // Latest count of activated profiles, with its source link.
      const card = page.locator('article.kpi[data-kpi-id="mes_profiles_activated"]');
      expect(plain(await card.locator('.kpi-value').textContent())).toBe(plain(fr(latest.value)));
      expect(await card.locator('a').getAttribute('href')).toBe(latest.row.source_url);

      // Pace over 3 months: from the latest figure back to the latest one 2.5+ months earlier.
      const start = [...figures]
        .reverse()
        .find((f) => f !== latest && calendarMonths(f.end, latest.end) >= 2.5)!;
      const perMonth = sig3((latest.value - start.value) / calendarMonths(start.end, latest.end));
      const pace3 = page.locator('[data-testid="activation-pace"] [data-window="3"]');
      expect(plain(await pace3.locator('.pace-value').textContent())).toBe(
        plain(`${fr(perMonth)} par mois`),
      );
      expect(plain(await pace3.textContent())).toContain(plain(fr(start.value)));

      // National target: the one the data states, with its source.
      const targetRow = all.find((f) => /target \d+M activated by end \d{4}/.test(f.row.note))!;
      const [, millions, year] = /target (\d+)M activated by end (\d{4})/.exec(targetRow.row.note)!;
      const target = Number(millions) * 1_000_000;
      const national = page.locator('[data-testid="target-national"]');
      expect(plain(await national.locator('h3').textContent())).toContain(
        plain(`${fr(target)} profils activés d’ici fin ${year}`),
      );
      expect(
        await national.locator(`a[href="${targetRow.row.source_url}"]`).count(),
      ).toBeGreaterThan(0);
      const share = Math.round((latest.value / target) * 100);
      expect(await national.locator('[role="progressbar"]').getAttribute('aria-valuenow')).toBe(
        String(share),
      );
      expect(plain(await national.locator('.progress-gap').textContent())).toContain(
        plain(fr(target - latest.value)),
      );
      expect(await national.getAttribute('data-status')).toBe('projected');
      expect(await national.locator('.projection').count()).toBeGreaterThanOrEqual(2);

      // Monthly activations: published figures and averages over the period, told apart.
      const flows = rows.filter(
        (r) =>
          r.geo === 'FR' &&
          [
            'mes_activations_per_month_avg',
            'mes_first_connections_in_month',
            'mes_activations_last_2_months',
            'mes_activations_in_year',
          ].includes(r.indicator),
      );
      const table = page.locator('[data-testid="activation-monthly-table"]');
      expect(await table.locator('tr.data-row').count()).toBe(flows.length + figures.length - 1);
      expect(await table.locator('tr.data-row[data-kind="average"]').count()).toBeGreaterThan(0);
      expect(await table.locator('tr.data-row[data-kind="published"]').count()).toBeGreaterThan(0);
      expect(
        await text(
          page,
          '[data-testid="activation-monthly-table"] tr.data-row[data-kind="average"]',
        ),
      ).toContain('moyenne sur la période');
      const monthly = page.locator('figure[data-chart-id="activation-monthly"]');
      expect(
        await monthly.locator('.point[data-series="period-average"][data-derived="true"]').count(),
      ).toBeGreaterThan(0);

      // A target of the reader's: into the URL, and back after a reload.
      const mine = 30_000_000;
      await page.locator('[data-testid="activation-target"]').fill(String(mine));
      await page.locator('[data-testid="activation-target"]').press('Enter');
      await expect.poll(() => hashParams(page).get('target')).toBe(String(mine));
      const user = page.locator('[data-testid="target-user"]');
      const mineShare = String(Math.round((latest.value / mine) * 100));
      await expect
        .poll(() => user.locator('[role="progressbar"]').getAttribute('aria-valuenow'))
        .toBe(mineShare);

      await page.reload();
      await settle(page);
      await user.locator('[role="progressbar"]').waitFor({ timeout: SETTLE_MS });
      // Shown as French writes it; typed as "30000000" or "30 000 000" alike.
      expect(await page.locator('[data-testid="activation-target"]').inputValue()).toBe(fr(mine));
      expect(await user.locator('[role="progressbar"]').getAttribute('aria-valuenow')).toBe(
        mineShare,
      );
      await screenshot(page, 'activation-france-target');
      expect(errors, describeErrors(errors)).toEqual([]);
    } catch (error) {
      await screenshotQuietly(page, 'activation-france-FAILED');
      throw error;
    } finally {
      await browser.close({ removeProfile: true });
    }
  });

  it('says plainly when a region has too little data, and points to the feeds page', async () => {
    const browser = await launchBrowser();
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);
    try {
      await gotoApp(page, appURL('#/activation'));
      await settle(page);
      // A region with no count of activated profiles in the CSV.
      const withCounts = new Set(
        rows.filter((r) => r.indicator === 'mes_profiles_activated').map((r) => r.geo),
      );
      expect(withCounts.has('REG-44')).toBe(false);
      await page.locator('[data-testid="activation-geo"]').selectOption('REG-44');
      await expect.poll(() => hashParams(page).get('geo')).toBe('REG-44');

      const notice = page.locator('[data-testid="activation-thin"]');
      await notice.waitFor({ timeout: SETTLE_MS });
      expect(plain(await notice.textContent())).toContain('Peu de données pour Grand Est');
      expect(await notice.locator('a').getAttribute('href')).toMatch(/^#\/feeds/);

      await page.locator('[data-testid="activation-target"]').fill('2000000');
      await page.locator('[data-testid="activation-target"]').press('Enter');
      const user = page.locator('[data-testid="target-user"]');
      await expect.poll(() => user.getAttribute('data-status')).toBe('too-thin');
      expect(plain(await user.locator('.thin-sentence').textContent())).toMatch(
        /^Trop peu de données pour projeter/,
      );
      expect(await user.locator('[role="progressbar"]').count()).toBe(0);
      await screenshot(page, 'activation-thin-region');
      expect(errors, describeErrors(errors)).toEqual([]);
    } catch (error) {
      await screenshotQuietly(page, 'activation-thin-FAILED');
      throw error;
    } finally {
      await browser.close({ removeProfile: true });
    }
  });
  it('asks whether a bare 50 is a rate or a count, and follows a rate target', async () => {
    const browser = await launchBrowser();
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);
    try {
      await gotoApp(page, appURL('#/activation'));
      await settle(page);
      const input = page.locator('[data-testid="activation-target"]');
      await input.fill('50');
      await input.press('Enter');
      // Not silently 50 profiles: the page asks.
      await page.locator('[data-testid="target-as-rate"]').waitFor({ timeout: SETTLE_MS });
      expect(hashParams(page).get('target')).toBeNull();
      await page.locator('[data-testid="target-as-rate"]').click();
      await expect.poll(() => hashParams(page).get('rate')).toBe('50');
      // The latest national rate of the CSV, 33,6 % (January 2026), against 50 %.
      const latest = rows
        .filter((r) => r.indicator === 'mes_activation_rate' && r.geo === 'FR' && !r.breakdown)
        .sort((a, b) => a.period.localeCompare(b.period))
        .at(-1)!;
      const user = page.locator('[data-testid="target-user"]');
      await expect
        .poll(async () => plain(await user.locator('.progress-share').textContent()))
        .toContain(plain(`${fr(Number(latest.value))} % sur 50 %`));
      expect(await user.locator('[role="progressbar"]').getAttribute('aria-valuenow')).toBe(
        String(Math.round((Number(latest.value) / 50) * 100)),
      );
      expect(plain(await user.textContent())).toContain('points');
      await screenshot(page, 'activation-rate-target');
      expect(errors, describeErrors(errors)).toEqual([]);
    } catch (error) {
      await screenshotQuietly(page, 'activation-rate-target-FAILED');
      throw error;
    } finally {
      await browser.close({ removeProfile: true });
    }
  });

  it('compares activations before and after the start of local actions, or says it cannot', async () => {
    const browser = await launchBrowser();
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);
    try {
      await gotoApp(page, appURL('#/activation?geo=REG-11'));
      await settle(page);
      const start = page.locator('[data-testid="outreach-start"]');
      await start.fill('2025-06-01');
      await start.dispatchEvent('change');
      await expect.poll(() => hashParams(page).get('start')).toBe('2025-06-01');
      const statement = page.locator('[data-testid="outreach-statement"]');
      // Île-de-France has no count of activated profiles in the CSV: the data cannot tell.
      expect(rows.some((r) => r.geo === 'REG-11' && r.indicator === 'mes_profiles_activated')).toBe(
        false,
      );
      expect(await statement.getAttribute('data-told')).toBe('false');
      expect(plain(await statement.textContent())).toMatch(
        /^Les données ne permettent pas de le dire/,
      );
      // Its outreach figures are there, as context, never as an adoption rate.
      const context = page.locator('[data-testid="activation-outreach"] .facts');
      const sensitised = rows.find((r) => r.indicator === 'mes_people_sensitised')!;
      expect(plain(await context.textContent())).toContain(plain(fr(Number(sensitised.value))));
      expect(plain(await page.locator('[data-testid="outreach-context"]').textContent())).toContain(
        'pas des activations',
      );
      // France's own table beside it: the nation's pace over the same months, when it has one.
      const table = page.locator('[data-testid="outreach-table"]');
      expect(await table.locator('tr.data-row[data-geo="FR"]').count()).toBe(1);
      await page.reload();
      await settle(page);
      expect(await page.locator('[data-testid="outreach-start"]').inputValue()).toBe('2025-06-01');
      await screenshot(page, 'activation-outreach');
      expect(errors, describeErrors(errors)).toEqual([]);
    } catch (error) {
      await screenshotQuietly(page, 'activation-outreach-FAILED');
      throw error;
    } finally {
      await browser.close({ removeProfile: true });
    }
  });
});

describe('On a 360 px phone', () => {
  let phone: { context: BrowserContext; profileDir: string } | undefined;

  afterAll(async () => {
    if (!phone) return;
    await phone.context.close();
    removeProfileDir(phone.profileDir);
  });

  it('the overview has no horizontal scroll, tooltips open by tap, and the first chart is marked once', async () => {
    phone = await launchPhone();
    const page = await firstPage(phone.context);
    const errors = trackErrors(page);
    try {
      await gotoApp(page, appURL('#/'));
      await settle(page);
      await page.locator('figure[data-chart-id="mes-profiles"] .point').first().waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
      await expect
        .poll(() =>
          page.evaluate(
            () => performance.getEntriesByName('segur-pulse:first-chart', 'mark').length,
          ),
        )
        .toBe(1);
      expect(await page.locator('article[data-explainer]').count()).toBe(3);

      // Tap each point of the first chart where it is drawn: a tooltip opens, the page stays 360 px.
      const points = page.locator('figure[data-chart-id="mes-profiles"] .point');
      const count = await points.count();
      for (let i = 0; i < count; i++) {
        const point = points.nth(i);
        await point.scrollIntoViewIfNeeded();
        const box = (await point.boundingBox())!;
        await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
        await expect.poll(() => page.locator('[role="tooltip"]').count()).toBe(1);
        expect(await scrollWidth(page), `after tapping point ${i}`).toBeLessThanOrEqual(
          PHONE_WIDTH,
        );
      }
      const tooltip = plain(await page.locator('[role="tooltip"]').textContent());
      expect(tooltip).toMatch(/Source/);
      // A tap elsewhere closes it.
      await page.touchscreen.tap(5, 5);
      await expect.poll(() => page.locator('[role="tooltip"]').count()).toBe(0);

      await screenshot(page, 'overview-360');
      expect(errors, describeErrors(errors)).toEqual([]);
    } catch (error) {
      await screenshotQuietly(page, 'overview-360-FAILED');
      throw error;
    }
  });

  it('the activation tracker has no horizontal scroll either, and marks its first chart', async () => {
    const page = await firstPage(phone!.context);
    try {
      await gotoApp(page, appURL('#/activation'));
      await settle(page);
      await page.locator('[data-testid="target-national"]').waitFor({ timeout: SETTLE_MS });
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
      // Opened first, the tracker's own charts set the mark.
      await expect
        .poll(() =>
          page.evaluate(
            () => performance.getEntriesByName('segur-pulse:first-chart', 'mark').length,
          ),
        )
        .toBe(1);
      await screenshot(page, 'activation-360');
    } catch (error) {
      await screenshotQuietly(page, 'activation-360-FAILED');
      throw error;
    }
  });
});
