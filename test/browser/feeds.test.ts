// The Feeds page in Chromium (import a file, map, save, see its figures, reload), and the
// Content-Security-Policy of every page: no violation is reported anywhere.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticArsWideCsv } from '../syntheticArs.ts';
import {
  ROOT,
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

      // An http address is refused with a clear message, in French.
      await page.fill('#feed-url', 'http://example.org/synthetic.csv');
      await page.getByRole('button', { name: 'Lire ce flux', exact: true }).click();
      expect(await page.textContent('#feed-url-refused')).toMatch(
        /seules les adresses https:\/\/ sont acceptées/,
      );

      // An https address the browser may not read (here: blocked) says why and what to do.
      await page.fill('#feed-url', 'https://example.org/synthetic/no-cors.csv');
      await page.getByRole('button', { name: 'Lire ce flux', exact: true }).click();
      await page.waitForSelector('[data-testid="cors-hint"]');

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

      // Guesses pre-filled: the date, the region codes, the column of profiles, the note.
      expect(await page.inputValue('#map-period')).toBe('Date');
      expect(await page.inputValue('#map-geo')).toBe('Code région');
      expect(await page.inputValue('#map-geo-kind')).toBe('region');
      expect(
        await page
          .getByLabel('Indicateur de la colonne « Profils ouverts »')
          .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent?.trim()),
      ).toBe('Profils Mon espace santé ouverts (profils)');
      expect(await page.inputValue('#map-note')).toBe('Remarque');

      // The source: its label is pre-filled; the user adds the page where it is published.
      expect(await page.inputValue('#source-label')).toMatch(
        /^Fichier synthetic-export-ars\.csv, importé le /,
      );
      await page.fill('#source-url', SOURCE);
      await page.fill('#feed-name', 'Export synthétique ARS');
      await page.waitForSelector('[data-testid="check-valid"]');
      expect(await page.textContent('[data-testid="report-observations"]')).toBe(
        '2 chiffres à enregistrer',
      );
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
      const exported = await exportConfig(page);
      const config = JSON.parse(exported) as {
        kind: string;
        feeds: { config: { id: string; source: unknown } }[];
      };
      expect(config.kind).toBe('segur-pulse-user-feeds');
      expect(config.feeds.map((f) => f.config.id)).toEqual(['user-export-synthetique-ars']);
      expect(config.feeds[0]!.config.source).toMatchObject({ url: SOURCE });

      // Deleting the feed removes its figures.
      page.once('dialog', (dialog) => void dialog.accept());
      await page.click('li.user-feed button');
      await page.waitForSelector('li.user-feed', { state: 'detached' });
      await gotoApp(page, appURL('#/sources'));
      await page.waitForSelector('table.sources-table');
      await page.waitForTimeout(500);
      expect(await sourceLinks(page)).not.toContain(SOURCE);

      // Importing the exported configuration brings the feed and its figures back.
      await importConfig(page, exported);
      expect(await page.textContent('[data-testid="feeds-notice"]')).toMatch(/1 flux importé\./);
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

  it('takes the wide ARS export in one import with the guessed mapping: 18 regions on the map, the ranking and the tracker', async () => {
    const browser = await launchBrowser();
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);
    try {
      await gotoApp(page, appURL('#/feeds'));
      // The import helper's fixture: Windows-1252, `;`, `janv. 2025`, no source column.
      await page.setInputFiles(
        '#feed-file',
        resolve(ROOT, 'test/fixtures/feeds/synthetic-ars-wide-win1252.csv'),
      );
      await page.waitForSelector('[data-testid="feed-draft"]');
      expect(await page.textContent('[data-testid="feed-draft"]')).toContain(
        'Lu en windows-1252, séparateur « ; ».',
      );
      expect(await page.textContent('[data-testid="dates-read"]')).toContain(
        '« janv. 2025 » lu comme janv. 2025',
      );
      // Nothing to fill in: the report is there, the user confirms by saving.
      await page.waitForSelector('[data-testid="check-valid"]');
      expect(await page.textContent('[data-testid="report-headline"]')).toBe('216 lignes lues');
      expect(await page.textContent('[data-testid="report-observations"]')).toBe(
        '432 chiffres à enregistrer',
      );
      expect(
        await page.$$eval('[data-testid="report-indicators"] li', (lis) =>
          lis.map((li) => li.textContent),
        ),
      ).toEqual([
        'Profils Mon espace santé ouverts\u00a0: 216',
        'Profils Mon espace santé activés\u00a0: 216',
      ]);
      expect(await page.textContent('[data-testid="report-span"]')).toBe(
        'Période : de janv. 2025 à déc. 2025',
      );
      expect(await page.textContent('[data-testid="report-places"]')).toBe('Lieux : 18 régions');
      await screenshot(page, 'feeds-ars-report');
      await page.click('[data-testid="save-feed"]');
      await page.waitForSelector('li.user-feed[data-feed-id="user-synthetic-ars-wide-win1252"]');

      // The map's data table and the ranking show every region with a value.
      await gotoApp(page, appURL('#/regions?ind=mes_profiles_open&date=2025-12-31'));
      await page.waitForFunction(
        () => document.querySelectorAll('path[data-geo][data-value]').length === 18,
        undefined,
        { timeout: 20_000 },
      );
      expect(await page.locator('figure[data-chart-id="region-ranking"] .bar').count()).toBe(18);
      // The map's table is built once the page is idle.
      await page
        .locator('figure[data-chart-id="region-map"] tr.data-row')
        .nth(17)
        .waitFor({ state: 'attached' });
      const tableValues = await page.$$eval(
        'figure[data-chart-id="region-map"] tr.data-row',
        (trs) => trs.map((tr) => tr.textContent ?? ''),
      );
      expect(tableValues).toHaveLength(18);
      expect(tableValues.filter((t) => /pas de données/.test(t))).toEqual([]);
      await screenshot(page, 'feeds-ars-regions');

      // The tracker of one region shows its months.
      await gotoApp(page, appURL('#/activation?geo=REG-53'));
      await page.waitForSelector('[data-testid="activation-monthly-table"] tr.data-row', {
        timeout: 20_000,
      });
      const months = await page.$$eval(
        '[data-testid="activation-monthly-table"] tr.data-row td:first-child',
        (tds) => tds.map((td) => td.textContent?.trim()),
      );
      expect(months).toHaveLength(11);
      expect(months[0]).toBe('de janv. 2025 à févr. 2025');
      expect(months.at(-1)).toBe('de nov. 2025 à déc. 2025');
      expect(errors.filter((e) => e.kind === 'pageerror')).toEqual([]);
    } catch (error) {
      await screenshotQuietly(page, 'feeds-ars-FAILED');
      throw error;
    } finally {
      await browser.close({ removeProfile: true });
    }
  });

  it('reads a workbook below its title rows, takes a user-defined indicator, and re-imports the same figures', async () => {
    const browser = await launchBrowser();
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);
    try {
      await gotoApp(page, appURL('#/feeds'));
      await page.setInputFiles(
        '#feed-file',
        resolve(ROOT, 'test/fixtures/feeds/synthetic-ars-workbook.xlsx'),
      );
      await page.waitForSelector('[data-testid="sheet-choice"]');
      expect(await page.inputValue('#feed-sheet')).toBe('Profils MES');
      expect(await page.inputValue('#feed-header-row')).toBe('4');
      expect(await page.textContent('[data-testid="header-row-note"]')).toMatch(
        /Ligne 4 détectée comme en-tête/,
      );
      expect(await page.textContent('[data-testid="rows-above"]')).toMatch(/^\s*ligne 1 : /);
      const lines = await page.$$eval('[data-testid="preview-table"] tbody th', (ths) =>
        ths.map((th) => th.textContent),
      );
      expect(lines).toEqual(['5', '6', '7', '8', '9']);

      // The header line can be said by hand, and back.
      await page.fill('#feed-header-row', '5');
      await page.press('#feed-header-row', 'Enter');
      await page.waitForFunction(() =>
        document
          .querySelector('[data-testid="header-row-note"]')
          ?.textContent?.includes('Ligne 5 choisie (détectée : ligne 4)'),
      );
      await page.fill('#feed-header-row', '4');
      await page.press('#feed-header-row', 'Enter');
      await page.waitForSelector('[data-testid="check-valid"]');

      // The activated profiles go to an indicator the user defines.
      const activated = page.getByLabel(
        'Indicateur de la colonne « Nombre de profils MES activés »',
      );
      await activated.selectOption({ label: 'Définir un nouvel indicateur…' });
      await page.getByLabel('Nom en français').fill('Profils activés (classeur synthétique)');
      await page.getByLabel(/^Unité \(par exemple/).fill('profils');
      await page.getByRole('button', { name: 'Ajouter l’indicateur' }).click();
      await page.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid="report-indicators"] li')].some((li) =>
          li.textContent?.startsWith('Profils activés (classeur synthétique)'),
        ),
      );
      expect(await page.textContent('[data-testid="report-observations"]')).toBe(
        '432 chiffres à enregistrer',
      );
      await page.click('[data-testid="save-feed"]');
      await page.waitForSelector('li.user-feed[data-feed-id="user-synthetic-ars-workbook"]');
      await expect
        .poll(() => page.textContent('li.user-feed'), { timeout: 15_000 })
        .toMatch(/432 chiffres/);

      // The user's indicator is in the map's chooser, after the catalogue's, and shows its
      // regional figures.
      await gotoApp(page, appURL('#/regions'));
      await page.waitForSelector('[data-testid="map-indicator"]');
      const choices = await page.$$eval('[data-testid="map-indicator"] option', (os) =>
        os.map((o) => o.textContent?.trim()),
      );
      expect(choices.at(-1)).toBe('Profils activés (classeur synthétique)');
      await page
        .locator('[data-testid="map-indicator"]')
        .selectOption({ label: 'Profils activés (classeur synthétique)' });
      await page.waitForFunction(
        () => document.querySelectorAll('path[data-geo][data-value]').length > 0,
        undefined,
        { timeout: 20_000 },
      );

      // The exported configuration (sheet, header row, the indicator) re-imports the same figures.
      await gotoApp(page, appURL('#/feeds'));
      const exported = await exportConfig(page);
      const config = JSON.parse(exported) as { feeds: { config: Record<string, unknown> }[] };
      expect(config.feeds[0]!.config).toMatchObject({
        format: 'spreadsheet',
        sheet: 'Profils MES',
        headerRow: 4,
        indicators: [{ id: 'user_profils_actives_classeur_synthetique', kind: 'stock' }],
      });
      page.once('dialog', (dialog) => void dialog.accept());
      await page.click('li.user-feed button');
      await page.waitForSelector('li.user-feed', { state: 'detached' });
      await importConfig(page, exported);
      await expect
        .poll(() => page.textContent('li.user-feed'), { timeout: 15_000 })
        .toMatch(/432 chiffres/);
      expect(errors.filter((e) => e.kind === 'pageerror')).toEqual([]);
    } catch (error) {
      await screenshotQuietly(page, 'feeds-workbook-FAILED');
      throw error;
    } finally {
      await browser.close({ removeProfile: true });
    }
  });

  it('checks and saves a big file in the pipeline’s worker', async () => {
    const browser = await launchBrowser();
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);
    try {
      await gotoApp(page, appURL('#/feeds'));
      const workers: string[] = [];
      page.on('worker', (worker) => workers.push(worker.url()));
      await page.setInputFiles('#feed-file', {
        name: 'synthetic-ars-big.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(syntheticArsWideCsv(26, 'données synthétiques')),
      });
      await page.waitForSelector('[data-testid="check-valid"]', { timeout: 30_000 });
      expect(workers.length).toBeGreaterThan(0);
      expect(await page.textContent('[data-testid="report-headline"]')).toBe(
        '5\u202f616 lignes lues',
      );
      expect(await page.textContent('[data-testid="report-observations"]')).toBe(
        '11\u202f232 chiffres à enregistrer',
      );
      await page.click('[data-testid="save-feed"]');
      await page.waitForSelector('li.user-feed[data-feed-id="user-synthetic-ars-big"]', {
        timeout: 30_000,
      });
      await expect
        .poll(() => page.textContent('li.user-feed'), { timeout: 15_000 })
        .toMatch(/11\u202f232 chiffres/);
      expect(errors.filter((e) => e.kind === 'pageerror')).toEqual([]);
    } catch (error) {
      await screenshotQuietly(page, 'feeds-big-FAILED');
      throw error;
    } finally {
      await browser.close({ removeProfile: true });
    }
  });

  it('reports skipped rows in French before saving, on a 360 px phone', async () => {
    const browser = await launchBrowser();
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);
    try {
      await page.setViewportSize({ width: 360, height: 740 });
      await gotoApp(page, appURL('#/feeds'));
      await page.setInputFiles(
        '#feed-file',
        resolve(ROOT, 'test/fixtures/feeds/synthetic-spf-codes-skipped.csv'),
      );
      await page.waitForSelector('[data-testid="check-valid"]');
      expect(await page.textContent('[data-testid="report-headline"]')).toMatch(
        /^17 lignes lues, 9 ignorées\u00a0: reg \(code inconnu\)\u00a0: 07 \(2\), 08 \(2\), 00 \(2\)\u00a0; reg \(collectivité d’outre-mer hors référentiel\)\u00a0: 977 \(2\)/,
      );
      await page.click('[data-testid="report-skipped"] summary');
      const groups = await page.$$eval('[data-testid="report-skipped"] li', (lis) =>
        lis.map((li) => li.textContent?.replace(/\s+/g, ' ').trim()),
      );
      expect(groups[0]).toBe('reg « 07 » (code inconnu) : 2 — premières lignes : 3, 11');
      expect(await page.textContent('[data-testid="report-observations"]')).toBe(
        '15 chiffres à enregistrer',
      );
      // The page fits the phone: nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, 'feeds-spf-phone');
      // Saved, the feed keeps its report: the list says what was left out.
      await page.click('[data-testid="save-feed"]');
      await page.waitForSelector('li.user-feed[data-feed-id="user-synthetic-spf-codes-skipped"]');
      await expect
        .poll(() => page.textContent('[data-testid="feed-skipped"]'), { timeout: 15_000 })
        .toMatch(/^17 lignes lues, 9 ignorées\u00a0: reg /);
      expect(errors.filter((e) => e.kind === 'pageerror')).toEqual([]);
    } catch (error) {
      await screenshotQuietly(page, 'feeds-spf-FAILED');
      throw error;
    } finally {
      await browser.close({ removeProfile: true });
    }
  });

  it('shows the errors of a malformed file with their file line, in French and under lang=en', async () => {
    const browser = await launchBrowser();
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);
    // Row 2's note spans two lines of the file: the bad row is on line 4.
    const bad = Buffer.from(
      'Date;Code région;Nombre de profils ouverts;Remarque\n2025-01;53;100;"note sur\ndeux lignes"\n2025-02;53;abc;\n',
      'utf8',
    );
    const issueRows = () =>
      page.$$eval('[data-testid="check-invalid"] tr.issue-row', (trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())),
      );
    try {
      await gotoApp(page, appURL('#/feeds'));
      await page.setInputFiles('#feed-file', {
        name: 'synthetic-bad.csv',
        mimeType: 'text/csv',
        buffer: bad,
      });
      await page.waitForSelector('[data-testid="check-invalid"]');
      expect(await page.textContent('[data-testid="check-invalid"] p')).toBe(
        'Le fichier n’est pas valide (1 problème). Rien n’a été enregistré.',
      );
      expect(await issueRows()).toEqual([
        ['user-synthetic-bad', '4', 'Nombre de profils ouverts', '« abc » n’est pas un nombre'],
      ]);
      expect(await page.isDisabled('[data-testid="save-feed"]')).toBe(true);
      // The preview, the mapping form and the report pass axe (WCAG 2.1 AA).
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, 'feeds-invalid-report');

      await gotoApp(page, appURL('#/feeds?lang=en'));
      await page.waitForSelector('h1');
      expect(await page.textContent('main h1')).toBe('Data feeds');
      await page.setInputFiles('#feed-file', {
        name: 'synthetic-bad.csv',
        mimeType: 'text/csv',
        buffer: bad,
      });
      await page.waitForSelector('[data-testid="check-invalid"]');
      expect(await page.textContent('[data-testid="check-invalid"] p')).toBe(
        'The file is not valid (1 problem). Nothing was saved.',
      );
      expect(await issueRows()).toEqual([
        ['user-synthetic-bad', '4', 'Nombre de profils ouverts', '"abc" is not a number'],
      ]);
      expect(await page.textContent('[data-testid="value-fields"] legend')).toBe(
        'Values and indicators',
      );
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
      expect(await page.inputValue('#map-geo-kind')).toBe('region');
      expect(await page.inputValue('#source-label')).toMatch(
        /^Données de tabular-api\.data\.gouv\.fr, lues le /,
      );
      await page.fill('#source-url', SOURCE);
      await page.waitForSelector('[data-testid="check-valid"]');
      expect(await page.textContent('[data-testid="report-observations"]')).toBe(
        '60 chiffres à enregistrer',
      );
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

/** Clicks the export button and returns the downloaded configuration. */
async function exportConfig(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter la configuration (JSON)' }).click(),
  ]);
  return readFileSync((await download.path())!, 'utf8');
}

/** Imports a configuration file on the Feeds page and waits for its feeds to be listed. */
async function importConfig(page: Page, text: string): Promise<void> {
  await gotoApp(page, appURL('#/feeds'));
  await page.setInputFiles('input[type=file][accept=".json,application/json"]', {
    name: 'segur-pulse-flux.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text, 'utf8'),
  });
  await page.waitForSelector('li.user-feed');
}
