// The Feeds page in Chromium (import a file, map, save, see its figures, reload), and the
// Content-Security-Policy of every page: no violation is reported anywhere.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  appURL,
  baseURL,
  firstPage,
  gotoApp,
  inlineStyleSources,
  isFailedResourceLoad,
  launchBrowser,
  screenshot,
  screenshotQuietly,
  trackErrors,
  type BrowserError,
} from './helpers.ts';

// A synthetic regional export: made-up figures, an example.org source, markup in a note.
const SOURCE = 'https://example.org/synthetic/feeds-browser-test';
const XSS_NOTE = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
const FILE = [
  'Date;Code région;Profils ouverts;Remarque',
  `31/01/2024;53;1 234 567;"${XSS_NOTE.replace(/"/g, '""')}"`,
  '29/02/2024;53;1 250 000;=HYPERLINK("http://example.org","x")',
].join('\r\n');

/** Records CSP violations in the page from its very first script on. */
async function recordViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(
        `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);

const describeErrors = (errors: BrowserError[]) =>
  errors.map((e) => `${e.kind}: ${e.text}`).join('\n');

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** Serious and critical WCAG 2.1 A/AA violations on the page (axe runs over DevTools: CSP allows it). */
async function seriousA11yViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    const results = (await axe.run(document, {
      resultTypes: ['violations'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })) as { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

async function sourceLinks(page: Page): Promise<string[]> {
  return page.$$eval('a[href]', (links) => links.map((a) => a.getAttribute('href') ?? ''));
}

describe('Content-Security-Policy', () => {
  it('ships a strict policy and no page reports a violation', async () => {
    const browser = await launchBrowser();
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);
    await recordViolations(browser.context);
    try {
      await gotoApp(page, appURL('#/'));
      const policy = await page.getAttribute(
        'meta[http-equiv="Content-Security-Policy"]',
        'content',
      );
      // The first paint's stylesheet is inlined (vite.config.ts): allowed by its hash, and only it.
      const html = await (await fetch(appURL('#/'))).text();
      const styles = inlineStyleSources(html);
      expect(styles).toHaveLength(1);
      for (const directive of [
        "script-src 'self'",
        `style-src 'self' ${styles[0]};`,
        "connect-src 'self' https:",
        "worker-src 'self' blob:",
        "img-src 'self' data: blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "manifest-src 'self'",
      ]) {
        expect(policy, directive).toContain(directive);
      }
      expect(policy).not.toContain('unsafe');

      const pages = ['#/', '#/regions', '#/regions/53', '#/activation', '#/sources', '#/feeds'];
      for (const hash of pages) {
        await gotoApp(page, appURL(hash));
        await page.waitForSelector('main h1', { timeout: 20_000 });
        await page.waitForTimeout(500);
        expect(await violations(page), `CSP violations on ${hash}`).toEqual([]);
      }
      // Embed mode: the query string before the hash.
      await page.goto(new URL('?embed=1#/', baseURL()).href);
      await page.waitForTimeout(1000);
      expect(await violations(page), 'CSP violations in embed mode').toEqual([]);

      // The policy is enforced: an inline script added at run time does not run.
      const ran = await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__inlineRan = true';
        document.body.append(s);
        return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
      });
      expect(ran).toBe(false);
      expect((await violations(page)).join('\n')).toMatch(/script-src/);

      const cspErrors = errors.filter((e) => /Content Security Policy/i.test(e.text));
      expect(
        cspErrors.filter((e) => !/inline script/i.test(e.text)),
        describeErrors(cspErrors),
      ).toEqual([]);
    } catch (error) {
      await screenshotQuietly(page, 'csp-FAILED');
      throw error;
    } finally {
      await browser.close({ removeProfile: true });
    }
  });
});

describe('Feeds page in Chromium', () => {
  it('imports a file, maps it, saves it; its figures stay after a reload; export, delete, import back', async () => {
    const browser = await launchBrowser();
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);
    await recordViolations(browser.context);
    try {
      await gotoApp(page, appURL('#/feeds'));
      await page.waitForSelector('[data-testid="privacy-note"]');
      expect(await page.textContent('[data-testid="privacy-note"]')).toMatch(
        /restent dans ce navigateur/,
      );

      // An http address is refused with a clear message.
      await page.fill('#feed-url', 'http://example.org/synthetic.csv');
      await page.getByRole('button', { name: 'Lire ce flux', exact: true }).click();
      expect(await page.textContent('#feed-url-refused')).toMatch(/only https:\/\//);

      // An https address the browser may not read (here: blocked) says why and what to do.
      await page.fill('#feed-url', 'https://example.org/synthetic/no-cors.csv');
      await page.getByRole('button', { name: 'Lire ce flux', exact: true }).click();
      await page.waitForSelector('[data-testid="cors-hint"]');
      expect(await page.textContent('[role="alert"]')).toMatch(
        /could not be fetched from https:\/\/example\.org\/synthetic\/no-cors\.csv \(network error/,
      );

      await page.setInputFiles('#feed-file', {
        name: 'synthetic-export-ars.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(FILE, 'utf8'),
      });
      await page.waitForSelector('[data-testid="feed-draft"]');

      // Preview: the note is shown as text, never run or parsed as markup.
      const preview = await page.textContent('[data-testid="preview-table"]');
      expect(preview).toContain('<script>window.__xss=2</script>');
      expect(await page.$('[data-testid="preview-table"] img')).toBeNull();

      // Guesses pre-filled: the date, the region codes (with REG-), the numbers.
      expect(await page.inputValue('#map-period')).toBe('Date');
      expect(await page.inputValue('#map-geo')).toBe('Code région');
      expect(await page.inputValue('#map-geo-prefix')).toBe('REG-');
      expect(await page.inputValue('#map-value')).toBe('Profils ouverts');
      expect(await page.textContent('[data-testid="mapping-missing"]')).toMatch(
        /Indicateur, Adresse de la source/,
      );

      // One indicator and one source for the whole file; the note column.
      await page.selectOption('#map-indicator', { label: 'Valeur fixe…' });
      await page.fill('#map-indicator-value', 'mes_profiles_open');
      await page.selectOption('#map-sourceUrl', { label: 'Valeur fixe…' });
      await page.fill('#map-sourceUrl-value', SOURCE);
      await page.selectOption('#map-note', 'Remarque');
      await page.fill('#feed-name', 'Export synthétique ARS');

      await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
      await page.waitForSelector('[data-testid="check-valid"]');
      expect(await page.textContent('[data-testid="check-valid"]')).toMatch(/2 chiffres lus/);
      await page.click('[data-testid="save-feed"]');
      await page.waitForSelector('[data-testid="feeds-notice"]');
      expect(await page.textContent('[data-testid="feeds-notice"]')).toMatch(
        /Export synthétique ARS.* enregistré : 2 chiffres/,
      );
      await page.waitForSelector('li.user-feed[data-feed-id="user-export-synthetique-ars"]');
      await screenshot(page, 'feeds-saved');

      // Its figures are in the data: the Sources page lists its source.
      await gotoApp(page, appURL('#/sources'));
      await expect.poll(() => sourceLinks(page), { timeout: 15_000 }).toContain(SOURCE);

      // After a reload (IndexedDB), still there, on the Sources and Feeds pages.
      await page.reload();
      await expect.poll(() => sourceLinks(page), { timeout: 15_000 }).toContain(SOURCE);
      await gotoApp(page, appURL('#/feeds'));
      await page.waitForSelector('li.user-feed[data-feed-id="user-export-synthetique-ars"]');
      expect(await page.textContent('li.user-feed')).toMatch(
        /synthetic-export-ars\.csv.*2 chiffres/s,
      );

      expect(
        await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
      ).toBeUndefined();
      expect(await violations(page)).toEqual([]);

      // The configuration exports to a JSON file, with the imported file's content.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Exporter la configuration (JSON)' }).click(),
      ]);
      const exported = readFileSync((await download.path())!, 'utf8');
      const config = JSON.parse(exported) as { kind: string; feeds: { config: { id: string } }[] };
      expect(config.kind).toBe('segur-pulse-user-feeds');
      expect(config.feeds.map((f) => f.config.id)).toEqual(['user-export-synthetique-ars']);

      // Deleting the feed removes its figures.
      page.once('dialog', (dialog) => void dialog.accept());
      await page.click('li.user-feed button');
      await page.waitForSelector('li.user-feed', { state: 'detached' });
      await gotoApp(page, appURL('#/sources'));
      await page.waitForSelector('table.sources-table');
      await page.waitForTimeout(500);
      expect(await sourceLinks(page)).not.toContain(SOURCE);

      // Importing the exported configuration brings the feed and its figures back.
      await gotoApp(page, appURL('#/feeds'));
      await page.setInputFiles('input[type=file][accept=".json,application/json"]', {
        name: 'segur-pulse-flux.json',
        mimeType: 'application/json',
        buffer: Buffer.from(exported, 'utf8'),
      });
      await page.waitForSelector('li.user-feed[data-feed-id="user-export-synthetique-ars"]');
      expect(await page.textContent('[data-testid="feeds-notice"]')).toMatch(/1 flux importés/);
      await gotoApp(page, appURL('#/sources'));
      await expect.poll(() => sourceLinks(page), { timeout: 15_000 }).toContain(SOURCE);

      // Only the address the test refused to let out failed to load.
      const unexpected = errors.filter((e) => !isFailedResourceLoad(e));
      expect(unexpected, describeErrors(unexpected)).toEqual([]);
      expect(browser.blocked, 'requests outside 127.0.0.1').toEqual([
        'https://example.org/synthetic/no-cors.csv',
      ]);
    } catch (error) {
      await screenshotQuietly(page, 'feeds-FAILED');
      throw error;
    } finally {
      await browser.close({ removeProfile: true });
    }
  });

  it('shows the validation report (feed, row, column, reason) of a bad file and saves nothing', async () => {
    const browser = await launchBrowser();
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);
    try {
      await gotoApp(page, appURL('#/feeds'));
      await page.setInputFiles('#feed-file', {
        name: 'synthetic-bad.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('Date;Code région;Valeur\n2023-13;53;12\n31/01/2024;99;abc\n', 'utf8'),
      });
      await page.waitForSelector('[data-testid="feed-draft"]');
      await page.selectOption('#map-indicator', { label: 'Valeur fixe…' });
      await page.fill('#map-indicator-value', 'mes_profiles_open');
      await page.selectOption('#map-sourceUrl', { label: 'Valeur fixe…' });
      await page.fill('#map-sourceUrl-value', SOURCE);
      // Half the cells are bad: the header names still make the guesses.
      expect(await page.inputValue('#map-period')).toBe('Date');
      expect(await page.inputValue('#map-geo-prefix')).toBe('REG-');
      expect(await page.inputValue('#map-value')).toBe('Valeur');
      await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
      await page.waitForSelector('[data-testid="check-invalid"]');
      const rows = await page.$$eval('[data-testid="check-invalid"] tr.issue-row', (trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())),
      );
      expect(rows).toEqual([
        ['user-synthetic-bad', '2', 'period', '"2023-13" has no month 13'],
        ['user-synthetic-bad', '3', 'geo', expect.stringMatching(/unknown region code "99"/)],
        ['user-synthetic-bad', '3', 'value', '"abc" is not a number'],
      ]);
      expect(await page.isDisabled('[data-testid="save-feed"]')).toBe(true);
      // The preview, the mapping form and the report pass axe (WCAG 2.1 AA).
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, 'feeds-invalid-report');
      expect(errors, describeErrors(errors)).toEqual([]);
    } catch (error) {
      await screenshotQuietly(page, 'feeds-invalid-FAILED');
      throw error;
    } finally {
      await browser.close({ removeProfile: true });
    }
  });

  it('adds a data.gouv.fr tabular API feed by its https address: every page read, mapped, saved', async () => {
    const browser = await launchBrowser();
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);
    await recordViolations(browser.context);
    // Synthetic pages in the API's shape, served for a made-up resource id (never the network).
    const api = 'https://tabular-api.data.gouv.fr/api/resources/00000000-synthetic/data/';
    const rows = Array.from({ length: 60 }, (_, i) => ({
      __id: i + 1,
      mois: `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
      code_region: '84',
      profils_ouverts: 100_000 + i,
    }));
    const requests: string[] = [];
    await browser.context.route(`${api}**`, (route) => {
      const url = new URL(route.request().url());
      requests.push(url.search);
      const pageNo = Number(url.searchParams.get('page') ?? '1');
      const body = {
        data: rows.slice((pageNo - 1) * 50, pageNo * 50),
        links: { next: pageNo === 1 ? `${api}?page=2&page_size=50` : null },
        meta: { page: pageNo, page_size: 50, total: rows.length },
      };
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        headers: { 'Access-Control-Allow-Origin': '*' },
        body: JSON.stringify(body),
      });
    });
    try {
      await gotoApp(page, appURL('#/feeds'));
      await page.fill('#feed-url', `${api}?page_size=50`);
      await page.getByRole('button', { name: 'Lire ce flux', exact: true }).click();
      await page.waitForSelector('[data-testid="feed-draft"]');
      expect(requests).toEqual(['?page_size=50', '?page=2&page_size=50']);
      expect(await page.textContent('[data-testid="feed-draft"]')).toMatch(
        /API tabulaire de data\.gouv\.fr/,
      );
      // The API's __id is not a column; the guesses fill the rest.
      const columns = await page.$$eval('[data-testid="preview-table"] th', (ths) =>
        ths.map((th) => th.textContent),
      );
      expect(columns).toEqual(['mois', 'code_region', 'profils_ouverts']);
      expect(await page.inputValue('#map-geo-prefix')).toBe('REG-');
      await page.selectOption('#map-indicator', { label: 'Valeur fixe…' });
      await page.fill('#map-indicator-value', 'mes_profiles_open');
      await page.selectOption('#map-sourceUrl', { label: 'Valeur fixe…' });
      await page.fill('#map-sourceUrl-value', SOURCE);
      await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
      await page.waitForSelector('[data-testid="check-valid"]');
      expect(await page.textContent('[data-testid="check-valid"]')).toMatch(/60 chiffres lus/);
      await page.click('[data-testid="save-feed"]');
      await page.waitForSelector('li.user-feed');
      expect(await page.textContent('li.user-feed')).toMatch(/Adresse : https:\/\/tabular-api/);

      await gotoApp(page, appURL('#/sources'));
      await expect.poll(() => sourceLinks(page), { timeout: 15_000 }).toContain(SOURCE);
      expect(await violations(page)).toEqual([]);
      expect(errors, describeErrors(errors)).toEqual([]);
    } catch (error) {
      await screenshotQuietly(page, 'feeds-tabular-FAILED');
      throw error;
    } finally {
      await browser.close({ removeProfile: true });
    }
  });
});
