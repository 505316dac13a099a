// The whole dataset from the Sources page, in a real Chromium: one zip with the dashboard's data
// and, apart, a feed the user added; unzipped here, its CSV files validated by the project's own
// validate-feed code (scripts/validate-feed.ts, what `npm run validate-feed` runs).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Download } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { validateFeed } from '../../scripts/validate-feed';
import {
  appURL,
  firstPage,
  gotoApp,
  launchBrowser,
  screenshotQuietly,
  trackErrors,
} from './helpers.ts';

const SETTLE_MS = 20_000;
// A synthetic export (made up figures, never published statistics), from a source that has no web
// address: named by its label only, as a user's feed may be (issue 15).
const SOURCE = 'Export synthétique du tableau de bord (test du jeu de données)';
const FILE = [
  'Date;Code région;Profils ouverts',
  '31/01/2024;53;1 234 567',
  '29/02/2024;53;1 250 000',
].join('\r\n');

const dir = mkdtempSync(join(tmpdir(), 'segur-pulse-dataset-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the whole dataset', () => {
  it('downloads as one zip: the dashboard’s data and the user’s feed, each CSV valid', async () => {
    const browser = await launchBrowser();
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);
    try {
      // The user adds a feed of their own (Feeds page: a file, mapped once, saved).
      await gotoApp(page, appURL('#/feeds'));
      await page.setInputFiles('#feed-file', {
        name: 'synthetic-dataset-export.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(FILE, 'utf8'),
      });
      await page.waitForSelector('[data-testid="feed-draft"]', { timeout: SETTLE_MS });
      // The guessed mapping (dates, region codes, « Profils ouverts ») is kept; the source is a
      // label, with no address.
      await page.fill('#source-label', SOURCE);
      await page.fill('#source-url', '');
      await page.fill('#feed-name', 'Export synthétique');
      await page.waitForSelector('[data-testid="check-valid"]', { timeout: SETTLE_MS });
      expect(await page.textContent('[data-testid="report-observations"]')).toBe(
        '2 chiffres à enregistrer',
      );
      await page.click('[data-testid="save-feed"]');
      await page.waitForSelector('[data-testid="feeds-notice"]', { timeout: SETTLE_MS });

      await gotoApp(page, appURL('#/sources'));
      const button = page.locator('[data-testid="download-dataset"]');
      await button.waitFor({ timeout: SETTLE_MS });
      // Wait for the user's figures to be among the data on screen.
      await expect
        .poll(() => page.getByText(SOURCE).count(), { timeout: SETTLE_MS })
        .toBeGreaterThan(0);
      const [download] = (await Promise.all([
        page.waitForEvent('download', { timeout: SETTLE_MS }),
        button.click(),
      ])) as [Download, unknown];
      expect(download.suggestedFilename()).toMatch(/^segur-pulse-donnees-\d{4}-\d{2}-\d{2}\.zip$/);
      await expect
        .poll(() => page.locator('.dataset [role="status"]').textContent())
        .toMatch(/^Archive segur-pulse-donnees-.*\.zip téléchargée : [\d\s\u202f]+ chiffres\.$/);

      const files = Object.fromEntries(
        Object.entries(unzipSync(new Uint8Array(readFileSync(await download.path())))).map(
          ([path, bytes]) => [path, strFromU8(bytes)],
        ),
      );
      const userPath = 'user-feeds/user-export-synthetique.csv';
      expect(Object.keys(files).sort()).toEqual(
        ['README.md', 'data/embedded.csv', 'datapackage.json', 'schema.json', userPath].sort(),
      );
      expect(files['README.md']).toContain('## Licence');
      expect(files['README.md']).toContain('## Citer');
      expect(files['README.md']).toContain(SOURCE);
      expect(files[userPath]!.trim().split('\n')).toHaveLength(3);
      // No address, the label instead: the tidy format allows it (data/schema.json).
      expect(files[userPath]).toContain(`2024-01-31,day,1234567,=,,${SOURCE}`);

      // Every CSV passes the project's own validation, as `npm run validate-feed -- <file>`.
      for (const path of ['data/embedded.csv', userPath]) {
        const file = join(dir, path.replace('/', '-'));
        writeFileSync(file, files[path]!);
        const out: string[] = [];
        const code = await validateFeed([file], {
          out: (l) => out.push(l),
          err: (l) => out.push(l),
        });
        expect(code, `${path}\n${out.join('\n')}`).toBe(0);
      }
      expect(errors.filter((e) => e.kind === 'pageerror')).toEqual([]);
    } catch (error) {
      await screenshotQuietly(page, 'dataset-FAILED');
      throw error;
    } finally {
      await browser.close({ removeProfile: true });
    }
  });
});
