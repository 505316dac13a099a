// The header's place search in a real Chromium: by keyboard (WAI-ARIA 1.2 combobox), by touch,
// its field's place held from the first paint, and its communes loaded only when it is used.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
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

/** The search once loaded (the first paint has a plain field in its place). */
const FIELD = '[data-testid="place-search"]';

async function hashOf(page: Page): Promise<string> {
  return page.evaluate(() => location.hash);
}

describe('place search by keyboard', () => {
  let browser: LaunchedBrowser;
  let page: Page;
  let errors: BrowserError[];
  const communeRequests: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await firstPage(browser.context);
    errors = trackErrors(page);
    page.on('request', (r) => {
      if (/commune-index-[\w-]+\.js$/.test(r.url())) communeRequests.push(r.url());
    });
    await gotoApp(page, appURL('#/'));
    await page.waitForSelector(FIELD, { timeout: SETTLE_MS });
  });
  afterAll(async () => {
    await browser?.close({ removeProfile: true });
  });

  it('loads the communes only once the field is used', async () => {
    expect(communeRequests, 'before the field is used').toEqual([]);
    await page.locator(FIELD).focus();
    await expect.poll(() => communeRequests.length, { timeout: SETTLE_MS }).toBe(1);
  });

  it('follows the combobox pattern: role, expanded, controls, active descendant, a live count', async () => {
    const field = page.locator(FIELD);
    expect(await field.getAttribute('role')).toBe('combobox');
    expect(await field.getAttribute('aria-autocomplete')).toBe('list');
    expect(await field.getAttribute('aria-expanded')).toBe('false');
    const listId = (await field.getAttribute('aria-controls')) ?? '';
    const list = page.locator(`#${listId}`);
    expect(await list.getAttribute('role')).toBe('listbox');

    await field.fill('');
    await page.keyboard.type('Landes');
    const status = page.locator('[data-testid="place-search-status"]');
    await expect.poll(() => status.textContent(), { timeout: SETTLE_MS }).toMatch(/lieux trouvés/);
    expect(await status.getAttribute('role')).toBe('status');
    expect(await field.getAttribute('aria-expanded')).toBe('true');
    const options = list.locator('[role="option"]');
    const count = await options.count();
    expect(await status.textContent()).toContain(`${count} lieux trouvés`);
    // The department before the commune of the same name.
    expect(await options.first().getAttribute('data-kind')).toBe('departement');
    expect(await options.first().getAttribute('data-code')).toBe('40');
    expect(await field.getAttribute('aria-activedescendant')).toBeNull();

    await page.keyboard.press('ArrowDown');
    const first = await options.nth(0).getAttribute('id');
    expect(await field.getAttribute('aria-activedescendant')).toBe(first);
    expect(await options.nth(0).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('End');
    expect(await field.getAttribute('aria-activedescendant')).toBe(
      await options.nth(count - 1).getAttribute('id'),
    );
    await page.keyboard.press('ArrowDown');
    expect(await field.getAttribute('aria-activedescendant'), 'wraps to the first').toBe(first);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Home');
    expect(await field.getAttribute('aria-activedescendant')).toBe(first);
    // The focus never left the field.
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.keyboard.press('Escape');
    expect(await field.getAttribute('aria-expanded')).toBe('false');
    expect(await field.inputValue()).toBe('Landes');
    await page.keyboard.press('Escape');
    expect(await field.inputValue()).toBe('');
  });

  it('a commune by name, without accents or hyphens, leads to its department’s tracker', async () => {
    const field = page.locator(FIELD);
    await field.focus();
    await page.keyboard.type('mont de marsan');
    await expect
      .poll(() => page.locator('[role="option"]').first().textContent(), { timeout: SETTLE_MS })
      .toContain('Mont-de-Marsan');
    await screenshot(page, 'search-mont-de-marsan');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => hashOf(page), { timeout: SETTLE_MS }).toContain('geo=DEP-40');
    expect(await hashOf(page)).toMatch(/^#\/activation\?/);
    await page.waitForSelector('[data-testid="activation-geo"]', { timeout: SETTLE_MS });
    expect(await page.locator('[data-testid="activation-geo"]').inputValue()).toBe('DEP-40');
    expect(await field.inputValue()).toBe('');
  });

  it('a postal code gives its communes; a region by name leads to its page', async () => {
    const field = page.locator(FIELD);
    await field.focus();
    await page.keyboard.type('40000');
    await expect
      .poll(() => page.locator('[data-testid="place-search-status"]').textContent(), {
        timeout: SETTLE_MS,
      })
      .toMatch(/^1 lieu trouvé/);
    expect(await page.locator('[role="option"]').first().textContent()).toContain('Mont-de-Marsan');
    await field.fill('');
    await page.keyboard.type('grand est');
    await expect
      .poll(() => page.locator('[role="option"]').first().getAttribute('data-kind'), {
        timeout: SETTLE_MS,
      })
      .toBe('region');
    await page.keyboard.press('Enter');
    await expect.poll(() => hashOf(page), { timeout: SETTLE_MS }).toMatch(/^#\/regions\/44\b/);
    await page.waitForSelector('[data-testid="region-name"][data-region="44"]', {
      timeout: SETTLE_MS,
    });
    expect(errors.filter((e) => e.kind === 'pageerror')).toEqual([]);
  });
});

describe('place search by touch', () => {
  it('a tap on a commune opens its department’s tracker; options are finger-sized', async () => {
    // A phone: touch events, a narrow viewport.
    const browser = await launchBrowser(undefined, {
      hasTouch: true,
      isMobile: true,
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
    });
    const page = await firstPage(browser.context);
    try {
      await gotoApp(page, appURL('#/'));
      await page.waitForSelector(FIELD, { timeout: SETTLE_MS });
      await page.locator(FIELD).tap();
      await page.keyboard.type('Mont-de-Marsan');
      const option = page.locator('[role="option"]', { hasText: 'Mont-de-Marsan' }).first();
      await option.waitFor({ timeout: SETTLE_MS });
      const box = await option.boundingBox();
      expect(box?.height ?? 0, 'option height (px)').toBeGreaterThanOrEqual(44);
      const fieldBox = await page.locator(FIELD).boundingBox();
      expect(fieldBox?.height ?? 0, 'field height (px)').toBeGreaterThanOrEqual(44);
      await screenshot(page, 'search-touch');
      await option.tap();
      await expect.poll(() => hashOf(page), { timeout: SETTLE_MS }).toContain('geo=DEP-40');
      await page.waitForSelector('[data-testid="activation-geo"]', { timeout: SETTLE_MS });
      expect(await page.locator('[data-testid="activation-geo"]').inputValue()).toBe('DEP-40');
    } catch (error) {
      await screenshotQuietly(page, 'search-touch-FAILED');
      throw error;
    } finally {
      await browser.close({ removeProfile: true });
    }
  });
});

describe('place search: its place in the header', () => {
  it('is held from the first paint: nothing in the header moves when the search loads', async () => {
    const browser = await launchBrowser();
    const page = await firstPage(browser.context);
    // Hold the search's code until the first paint's field has been measured.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/PlaceSearch-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    const headerBoxes = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.site-header > *')].map((el) => {
          const r = el.getBoundingClientRect();
          return [
            el.className,
            Math.round(r.x),
            Math.round(r.y),
            Math.round(r.width),
            Math.round(r.height),
          ];
        }),
      );
    try {
      await gotoApp(page, appURL('#/'));
      await page.waitForSelector('.place-search-input', { timeout: SETTLE_MS });
      expect(await page.locator(FIELD).count(), 'the search is still held').toBe(0);
      const before = await headerBoxes();
      release();
      await page.waitForSelector(FIELD, { timeout: SETTLE_MS });
      expect(await headerBoxes()).toEqual(before);
    } finally {
      release();
      await browser.close({ removeProfile: true });
    }
  });
});
