// Refresh in a real Chromium: one refresher for three tabs (Web Locks + BroadcastChannel), bad
// files and cut refreshes that leave the charts whole, rollback, and data/manifest.json picked up
// by the periodic refresh without a reload. The feed and the manifest are served by routes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feeds/ingest';
import { describeIssue } from '../../src/feeds/issueText';
import { embeddedFeed } from '../../src/feeds/registry';
import { FeedError } from '../../src/feeds/types';
import { CHART_IDS, expectedPointCounts, parseObservations, type ChartId } from './expected.ts';
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

const CSV = readFileSync(resolve(ROOT, 'data/observations.csv'));
const FIXTURES = resolve(ROOT, 'test/fixtures/feeds');
const SETTLE_MS = 15_000;

/** The embedded file without its first national INSi row: a real, smaller next version. */
const CSV_V2 = Buffer.from(
  (() => {
    const lines = CSV.toString('utf8').split('\n');
    const i = lines.findIndex((l) => l.startsWith('insi_calls_per_month,,FR,'));
    // One note changed too: the compiler's notes are English, marked so in the diff.
    const n = lines.findIndex((l) =>
      l.endsWith(',opt-out rate after Feb/March notifications 1.48%'),
    );
    lines[n] = lines[n]!.replace(/1\.48%$/, '1.5% (synthetic edit)');
    return [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
  })(),
);

let expected: Record<ChartId, number>;
let expectedV2: Record<ChartId, number>;
beforeAll(() => {
  expected = expectedPointCounts(parseObservations(CSV.toString('utf8')));
  expectedV2 = expectedPointCounts(parseObservations(CSV_V2.toString('utf8')));
  expect(expectedV2['insi-calls']).toBe(expected['insi-calls'] - 1);
});

// ---------------------------------------------------------------------------------------------
// Routes: what the "server" answers for the feed and the manifest, and what was asked.

type Answer =
  | { kind: 'file'; body: Buffer; etag?: string; delayMs?: number }
  | { kind: 'abort' }
  | { kind: 'hold' }
  | { kind: 'status'; status: number };

interface FakeServer {
  feed: Answer;
  manifest: Answer;
  feedRequests: string[];
  manifestRequests: number;
  release(): void;
}

const isFeed = (url: URL) => url.pathname.endsWith('/data/observations.csv');
const isManifest = (url: URL) => url.pathname.endsWith('/data/manifest.json');

async function serveData(context: BrowserContext): Promise<FakeServer> {
  let releaseHeld: () => void = () => {};
  let held = new Promise<void>((r) => (releaseHeld = r));
  const server: FakeServer = {
    feed: { kind: 'file', body: CSV, etag: '"v1"' },
    manifest: { kind: 'status', status: 404 },
    feedRequests: [],
    manifestRequests: 0,
    release() {
      releaseHeld();
      held = new Promise<void>((r) => (releaseHeld = r));
    },
  };
  const answer = async (route: Route, a: Answer, contentType: string) => {
    if (a.kind === 'abort') return route.abort('internetdisconnected');
    if (a.kind === 'hold') {
      await held;
      return route.abort('connectionreset').catch(() => undefined);
    }
    if (a.kind === 'status') return route.fulfill({ status: a.status, body: 'not found' });
    const match = route.request().headers()['if-none-match'];
    if (a.delayMs) await new Promise((r) => setTimeout(r, a.delayMs));
    if (a.etag && match === a.etag) return route.fulfill({ status: 304 }).catch(() => undefined);
    const headers: Record<string, string> = { 'Content-Type': contentType };
    if (a.etag) headers.ETag = a.etag;
    return route.fulfill({ status: 200, body: a.body, headers }).catch(() => undefined);
  };
  await context.route(isFeed, (route) => {
    server.feedRequests.push(route.request().headers()['if-none-match'] ?? '');
    return answer(route, server.feed, 'text/csv');
  });
  await context.route(isManifest, (route) => {
    server.manifestRequests += 1;
    return answer(route, server.manifest, 'application/json');
  });
  return server;
}

function manifestFor(body: Buffer): Buffer {
  return Buffer.from(
    JSON.stringify({
      version: 1,
      generatedAt: '2026-11-22T08:00:00Z',
      feeds: [
        {
          id: 'embedded',
          file: 'observations.csv',
          sha256: createHash('sha256').update(body).digest('hex'),
          rows: parseObservations(body.toString('utf8')).length,
          fetchedAt: '2026-11-22T08:00:00Z',
          source: 'synthetic manifest of the sync browser test',
        },
      ],
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Probes

async function pointCounts(page: Page): Promise<Record<ChartId, number>> {
  return page.evaluate(
    (ids) =>
      Object.fromEntries(
        ids.map((id) => [
          id,
          document.querySelectorAll(`figure[data-chart-id="${id}"] .point`).length,
        ]),
      ),
    CHART_IDS as unknown as string[],
  ) as Promise<Record<ChartId, number>>;
}

async function status(page: Page): Promise<{ state: string; text: string }> {
  return page.evaluate(() => {
    const el = document.querySelector('[data-testid="data-status"]');
    return {
      state: el?.getAttribute('data-state') ?? '',
      text: (el?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    };
  });
}

async function waitFor(
  page: Page,
  what: string,
  condition: () => Promise<boolean>,
  timeout = SETTLE_MS,
): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await condition().catch(() => false)) return;
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for ${what}; status ${JSON.stringify(await status(page).catch(() => null))}, points ${JSON.stringify(await pointCounts(page).catch(() => null))}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

const same = (a: Record<ChartId, number>, b: Record<ChartId, number>) =>
  CHART_IDS.every((id) => a[id] === b[id]);

async function waitForCounts(page: Page, counts: Record<ChartId, number>, what: string) {
  await waitFor(page, what, async () => same(await pointCounts(page), counts));
}

async function waitForState(page: Page, state: string) {
  await waitFor(page, `data-state="${state}"`, async () => (await status(page)).state === state);
}

/** Opens the app and waits for the start refresh to end with the embedded data on screen. */
async function openFresh(page: Page): Promise<void> {
  await gotoApp(page, appURL('#/'));
  await waitForState(page, 'fresh');
  await waitForCounts(page, expected, 'the embedded data on screen');
}

let browser: LaunchedBrowser | undefined;
afterEach(async () => {
  await browser?.close({ removeProfile: true });
  browser = undefined;
});

// ---------------------------------------------------------------------------------------------

describe('one refresher across tabs', () => {
  it('three tabs: one request per refresh, and all three show the new data', async () => {
    browser = await launchBrowser();
    const server = await serveData(browser.context);
    // A fake clock, so that "later" (past the gap that keeps 'online' from refetching what a
    // tab has just checked) needs no waiting.
    await browser.context.clock.install();
    const tabs = [await firstPage(browser.context)];
    const errors = tabs.map(trackErrors);
    try {
      await openFresh(tabs[0]!);
      for (let i = 1; i < 3; i++) {
        const tab = await browser.context.newPage();
        errors.push(trackErrors(tab));
        tabs.push(tab);
        await openFresh(tab);
      }
      const supported = await tabs[0]!.evaluate(
        () => 'locks' in navigator && typeof BroadcastChannel === 'function',
      );
      expect(supported, 'Chromium has Web Locks and BroadcastChannel').toBe(true);

      // The server now has a new version, answered slowly so the three refreshes overlap.
      server.feedRequests.length = 0;
      server.feed = { kind: 'file', body: CSV_V2, etag: '"v2"', delayMs: 1500 };
      await browser.context.clock.fastForward(15_000);
      // The browser comes back online in every tab at once.
      await Promise.all(
        tabs.map((tab) => tab.evaluate(() => window.dispatchEvent(new Event('online')))),
      );
      // While the one request is pending, the refreshing tab shows a progress bar.
      await waitFor(tabs[0]!, 'a progress bar in some tab', async () => {
        const bars = await Promise.all(
          tabs.map((t) => t.locator('[data-testid="data-status"] progress').count()),
        );
        return bars.some((n) => n > 0);
      });
      for (const tab of tabs) await waitForCounts(tab, expectedV2, 'the new version in every tab');
      for (const tab of tabs) await waitForState(tab, 'fresh');
      expect(server.feedRequests, 'requests to the feed for one refresh of three tabs').toEqual([
        '"v1"',
      ]);

      // "Actualiser maintenant" in the second tab only: the others are told over the
      // BroadcastChannel and show the newer file too.
      server.feed = { kind: 'file', body: CSV, etag: '"v3"' };
      await tabs[1]!.getByRole('button', { name: 'Actualiser maintenant' }).click();
      for (const tab of tabs) await waitForCounts(tab, expected, 'the manual refresh in every tab');
      expect(server.feedRequests).toEqual(['"v1"', '"v2"']);
      await waitForState(tabs[1]!, 'fresh');
      const line = await status(tabs[1]!);
      expect(line.text).toMatch(/À jour (maintenant|il y a \d+ s)/);
      expect(line.text).toMatch(/Prochaine actualisation dans 6 h/);

      await screenshot(tabs[2]!, 'sync-three-tabs');
      const pageErrors = errors.flat().filter((e) => e.kind === 'pageerror');
      expect(pageErrors).toEqual([]);
    } catch (error) {
      await screenshotQuietly(tabs[0]!, 'sync-three-tabs-FAILED');
      throw error;
    }
  });
});

interface Fixture {
  file: string;
  format: string;
  outcome: 'valid' | 'invalid';
  errors?: { row?: number; column?: string; reasonMatches: string }[];
}

/** A fixture's reason pattern, found anywhere in a longer text (the status line). */

/** Bad files of test/fixtures/feeds served as the embedded feed (a representative subset). */
const BAD_FILES = [
  'synthetic-empty.csv',
  'synthetic-tidy-header-only.csv',
  'synthetic-tidy-truncated.csv',
  'synthetic-html-error-page.csv',
  'synthetic-json-instead-of-csv.csv',
  'synthetic-xlsx-binary.csv',
  'synthetic-tidy-pipe-delimiter.csv',
  'synthetic-tidy-renamed-column.csv',
  'synthetic-tidy-non-numeric-value.csv',
  'synthetic-tidy-conflicting-duplicates.csv',
  'synthetic-tidy-activated-more-than-open.csv',
  'synthetic-tidy-impossible-month.csv',
  'synthetic-tidy-unknown-region.csv',
];

/** Numbers are grouped with narrow no-break spaces, which the page's text may give as spaces. */
const oneSpace = (text: string) => text.replace(/\s+/g, ' ');

/** The first problem the app's own parser finds in a bad file, as a French reader sees it. */
function firstProblemInFrench(bytes: Uint8Array): string {
  try {
    parseFeed(embeddedFeed, bytes);
  } catch (e) {
    if (e instanceof FeedError) return describeIssue(e.issues[0]!, 'fr');
    throw e;
  }
  throw new Error('the file is valid');
}

describe('a bad refresh keeps the last good data', () => {
  it(`each of ${BAD_FILES.length} bad files: the charts keep their points, the error names feed, row and reason`, async () => {
    const manifest = JSON.parse(readFileSync(resolve(FIXTURES, 'expected.json'), 'utf8')) as {
      fixtures: Fixture[];
    };
    browser = await launchBrowser();
    const server = await serveData(browser.context);
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);
    try {
      await openFresh(page);
      for (const [i, file] of BAD_FILES.entries()) {
        const fixture = manifest.fixtures.find((f) => f.file === file);
        expect(fixture, `${file} in expected.json`).toMatchObject({
          format: 'tidy-csv',
          outcome: 'invalid',
        });
        const first = fixture!.errors![0]!;
        const body = readFileSync(resolve(FIXTURES, file));
        const problem = firstProblemInFrench(body);
        server.feed = {
          kind: 'file',
          body,
          etag: `"bad-${i}"`,
        };
        const before = server.feedRequests.length;
        await page.getByRole('button', { name: 'Actualiser maintenant' }).click();
        await waitFor(page, `${file} fetched`, async () => server.feedRequests.length > before);
        await waitFor(page, `${file}: error status`, async () => {
          const s = await status(page);
          return s.state === 'error' && oneSpace(s.text).includes(oneSpace(problem));
        });
        const s = await status(page);
        // Where, in the reader's language: the feed by its name, the file's line.
        expect(s.text, file).toMatch(/Flux « Chiffres publiés [^»]+» :/);
        if (first.row !== undefined) expect(s.text, file).toContain(`ligne ${first.row}`);
        expect(s.text, file).toMatch(/les données affichées ont été vérifiées/);
        expect(await pointCounts(page), `${file}: points kept`).toEqual(expected);
      }

      // The Sources page shows the last failure's report, row by row.
      await gotoApp(page, appURL('#/sources'));
      const report = page.locator('[data-feed-id="embedded"] [data-testid="feed-error"]');
      await report.waitFor({ timeout: SETTLE_MS });
      const last = manifest.fixtures.find((f) => f.file === BAD_FILES.at(-1))!.errors![0]!;
      const cells = await report.locator('tr.issue-row').first().locator('td').allInnerTexts();
      expect(cells[0]).toBe(String(last.row));
      expect(cells[1]).toBe(last.column);
      expect(oneSpace(cells[2]!)).toBe(
        oneSpace(firstProblemInFrench(readFileSync(resolve(FIXTURES, BAD_FILES.at(-1)!)))),
      );
      await screenshot(page, 'sync-sources-bad-file');

      // A good file again: the error goes, the status is fresh.
      server.feed = { kind: 'file', body: CSV, etag: '"v1"' };
      await gotoApp(page, appURL('#/'));
      await page.getByRole('button', { name: 'Actualiser maintenant' }).click();
      await waitForState(page, 'fresh');
      expect(await pointCounts(page)).toEqual(expected);
      expect(errors.filter((e) => e.kind === 'pageerror')).toEqual([]);
    } catch (error) {
      await screenshotQuietly(page, 'sync-bad-files-FAILED');
      throw error;
    }
  });

  it('a refresh cut in the middle, or a tab closed during it, leaves the data whole', async () => {
    browser = await launchBrowser();
    const server = await serveData(browser.context);
    let page = await firstPage(browser.context);
    try {
      await openFresh(page);
      // Connection cut while the new version downloads.
      server.feed = { kind: 'abort' };
      await page.getByRole('button', { name: 'Actualiser maintenant' }).click();
      await waitFor(page, 'the reason, in French', async () =>
        /erreur réseau/.test((await status(page)).text),
      );
      expect((await status(page)).state).toBe('error');
      expect(await pointCounts(page)).toEqual(expected);

      // The tab is closed while its refresh waits for the server; a new tab finds the data.
      server.feed = { kind: 'hold' };
      await page.getByRole('button', { name: 'Actualiser maintenant' }).click();
      await waitFor(page, 'the held request', async () => server.feedRequests.length >= 3);
      await page.close();
      server.release();
      server.feed = { kind: 'abort' };
      page = await browser.context.newPage();
      await gotoApp(page, appURL('#/'));
      await waitForCounts(page, expected, 'the data after the closed tab');
    } catch (error) {
      await screenshotQuietly(page, 'sync-cut-FAILED');
      throw error;
    }
  });
  it('never shows the validator’s English while the reasons’ French texts load', async () => {
    browser = await launchBrowser();
    const server = await serveData(browser.context);
    const page = await firstPage(browser.context);
    // The texts' module is loaded only once a refresh fails: hold it to see what shows meanwhile.
    let releaseTexts: () => void = () => {};
    const textsHeld = new Promise<void>((r) => (releaseTexts = r));
    let textsAsked = false;
    await page.route('**/assets/issueText-*.js', async (route: Route) => {
      textsAsked = true;
      await textsHeld;
      await route.continue();
    });
    try {
      await openFresh(page);
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { statusTexts: string[] }).statusTexts = seen;
        const line = document.querySelector('[data-testid="data-status"]')!;
        new MutationObserver(() => seen.push(line.textContent ?? '')).observe(line, {
          subtree: true,
          childList: true,
          characterData: true,
        });
      });
      server.feed = { kind: 'abort' };
      await page.getByRole('button', { name: 'Actualiser maintenant' }).click();
      await waitForState(page, 'error');
      await waitFor(page, 'the texts asked for', async () => textsAsked);
      const waiting = await status(page);
      expect(waiting.text).toMatch(/Actualisation impossible.*Flux « Chiffres publiés/);
      expect(waiting.text).not.toMatch(/could not|network error/);

      releaseTexts();
      await waitFor(page, 'the reason, in French', async () =>
        /impossible de lire .* \(erreur réseau : hors connexion ou accès bloqué\)/.test(
          (await status(page)).text,
        ),
      );
      const seen = await page.evaluate(
        () => (window as unknown as { statusTexts: string[] }).statusTexts,
      );
      expect(seen.filter((text) => /could not|network error/.test(text))).toEqual([]);
      expect(await pointCounts(page)).toEqual(expected);
    } catch (error) {
      releaseTexts();
      await screenshotQuietly(page, 'sync-reason-texts-FAILED');
      throw error;
    }
  });
});

describe('snapshots', () => {
  it('shows what changed between two versions and rolls back to the earlier one', async () => {
    browser = await launchBrowser();
    const server = await serveData(browser.context);
    const page = await firstPage(browser.context);
    try {
      await openFresh(page);
      server.feed = { kind: 'file', body: CSV_V2, etag: '"v2"' };
      await page.getByRole('button', { name: 'Actualiser maintenant' }).click();
      await waitForCounts(page, expectedV2, 'the new version');

      await gotoApp(page, appURL('#/sources'));
      const card = page.locator('[data-feed-id="embedded"]');
      await card.locator('tr.snapshot-row').nth(1).waitFor({ timeout: SETTLE_MS });
      expect(await card.locator('tr.snapshot-row').count()).toBe(2);
      const diff = card.locator('[data-testid="snapshot-diff"]');
      await diff.waitFor({ timeout: SETTLE_MS });
      // Compared from the older version to the shown one: one figure removed.
      expect(await diff.innerText()).toMatch(/0 chiffres ajoutés, 1 retirés, 1 modifiés/);
      expect(await diff.locator('.diff-removed li').innerText()).toMatch(/INSi|France/);
      const notes = diff.locator('.diff-changed .diff-note');
      expect(await notes.allInnerTexts()).toEqual([
        'opt-out rate after Feb/March notifications 1.48%',
        'opt-out rate after Feb/March notifications 1.5% (synthetic edit)',
      ]);
      expect(await notes.evaluateAll((els) => els.map((e) => e.getAttribute('lang')))).toEqual([
        'en',
        'en',
      ]);

      await card.getByRole('button', { name: 'Afficher cette version' }).click();
      await waitFor(
        page,
        'the older version shown',
        async () =>
          (await card
            .locator('tr.snapshot-row[data-current="true"]')
            .getAttribute('data-snapshot-id')) ===
          (await card.locator('tr.snapshot-row').nth(1).getAttribute('data-snapshot-id')),
      );
      await gotoApp(page, appURL('#/'));
      await waitForCounts(page, expected, 'the rolled-back version on the Overview');
      // The server still has the version rolled back from: a refresh does not bring it back.
      await page.getByRole('button', { name: 'Actualiser maintenant' }).click();
      await waitForState(page, 'fresh');
      expect(await pointCounts(page)).toEqual(expected);
    } catch (error) {
      await screenshotQuietly(page, 'sync-snapshots-FAILED');
      throw error;
    }
  });
});

describe('data/manifest.json', () => {
  it('the periodic refresh reads the manifest: unchanged without download, then a new version without reload', async () => {
    browser = await launchBrowser();
    const server = await serveData(browser.context);
    server.manifest = { kind: 'file', body: manifestFor(CSV) };
    const page = await firstPage(browser.context);
    await page.clock.install();
    try {
      await openFresh(page);
      expect(server.manifestRequests).toBe(1);
      expect(server.feedRequests).toHaveLength(1);

      // Six hours later, same manifest: checked, nothing downloaded.
      await page.clock.fastForward('06:00:05');
      await waitFor(page, 'the periodic manifest read', async () => server.manifestRequests === 2);
      await waitForState(page, 'fresh');
      expect(server.feedRequests).toHaveLength(1);

      // The scheduled job publishes a new version: the next periodic refresh brings it.
      server.manifest = { kind: 'file', body: manifestFor(CSV_V2) };
      server.feed = { kind: 'file', body: CSV_V2, etag: '"v2"' };
      await page.clock.fastForward('06:00:05');
      await waitForCounts(page, expectedV2, 'the published version, without reload');
      expect(server.manifestRequests).toBe(3);
      expect(server.feedRequests).toHaveLength(2);
    } catch (error) {
      await screenshotQuietly(page, 'sync-manifest-FAILED');
      throw error;
    }
  });
});

describe('same figure, several sources', () => {
  it('marks the disputed points; the tooltip and the Sources page give every value and source', async () => {
    browser = await launchBrowser();
    await serveData(browser.context);
    const page = await firstPage(browser.context);
    try {
      await openFresh(page);
      const disputed = page.locator(
        'figure[data-chart-id="mes-profiles"] .point[data-disputed="true"]',
      );
      expect(await disputed.count()).toBe(2);
      expect(
        await disputed.evaluateAll((els) => els.map((e) => e.getAttribute('data-period'))),
      ).toEqual(expect.arrayContaining(['2022-05-31', '2024-02']));
      expect(await disputed.first().locator('.disputed-mark').count()).toBe(1);
      await expect
        .poll(() =>
          page.locator('figure[data-chart-id="mes-profiles"] .disputed-legend').isVisible(),
        )
        .toBe(true);
      expect(await page.locator('figure[data-chart-id="dmp-docs"] .disputed-legend').count()).toBe(
        0,
      );

      await page
        .locator('figure[data-chart-id="mes-profiles"] .point[data-period="2022-05-31"]')
        .focus();
      const tooltip = page.locator('figure[data-chart-id="mes-profiles"] [role="tooltip"]');
      await tooltip.waitFor({ timeout: SETTLE_MS });
      const text = (await tooltip.innerText()).replace(/\s+/g, ' ');
      expect(text).toMatch(/11\s200\s000/);
      expect(text).toMatch(/environ 15\s000\s000/);
      expect(text).toMatch(/18 mai 2022/);
      // The other source, named by publisher and kind (its transcription quotes O. Clatz).
      expect(text).toMatch(/source : Hospitalia \(presse\)/);

      await gotoApp(page, appURL('#/sources'));
      const groups = page.locator('[data-testid="disputes"] tbody.dispute');
      await groups.first().waitFor({ timeout: SETTLE_MS });
      expect(await groups.count()).toBe(2);
      expect(await page.locator('[data-testid="disputes"] tr.dispute-row').count()).toBe(4);
      expect(
        await page.locator('[data-testid="disputes"] tr.dispute-row[data-shown="true"] a').count(),
      ).toBe(2);
      await screenshot(page, 'sync-sources-disputes');
    } catch (error) {
      await screenshotQuietly(page, 'sync-disputed-FAILED');
      throw error;
    }
  });
});

describe('without Web Locks and BroadcastChannel', () => {
  it('each tab refreshes on its own and shows the data', async () => {
    browser = await launchBrowser();
    await browser.context.addInitScript(() => {
      delete (Navigator.prototype as unknown as { locks?: unknown }).locks;
      delete (window as unknown as { BroadcastChannel?: unknown }).BroadcastChannel;
    });
    const server = await serveData(browser.context);
    const page = await firstPage(browser.context);
    const errors = trackErrors(page);
    await openFresh(page);
    expect(await page.evaluate(() => 'locks' in navigator)).toBe(false);
    server.feed = { kind: 'file', body: CSV_V2, etag: '"v2"' };
    await page.getByRole('button', { name: 'Actualiser maintenant' }).click();
    await waitForCounts(page, expectedV2, 'the new version');
    expect(errors.filter((e) => e.kind === 'pageerror')).toEqual([]);
  });
});

describe('full storage', () => {
  it('explains a QuotaExceededError in plain words and keeps the data', async () => {
    browser = await launchBrowser();
    // Storage "fills up" on demand: adding observations (series records since schema v3) then
    // fails as a full disk does, in the ingest worker, which stores what a refresh fetched.
    let full = false;
    const FULL_DISK = `{
      const add = IDBObjectStore.prototype.add;
      IDBObjectStore.prototype.add = function (...args) {
        if (this.name === 'series') {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return add.apply(this, args);
      };
    }
`;
    const workers: string[] = [];
    await browser.context.route('**/assets/ingest.worker*.js', async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      workers.push(full ? 'full' : 'room');
      await route.fulfill({ response, body: full ? FULL_DISK + body : body });
    });
    const server = await serveData(browser.context);
    const page = await firstPage(browser.context);
    try {
      await openFresh(page);
      full = true;
      server.feed = { kind: 'file', body: CSV_V2, etag: '"v2"' };
      await page.getByRole('button', { name: 'Actualiser maintenant' }).click();
      await waitForState(page, 'error');
      const line = await status(page);
      expect(line.text).toMatch(/L’espace de stockage de ce navigateur est plein/);
      expect(line.text).toMatch(/Les données précédentes sont conservées/);
      expect(await pointCounts(page)).toEqual(expected);
      // The write that failed was the worker's.
      expect(workers.at(-1)).toBe('full');
    } catch (error) {
      await screenshotQuietly(page, 'sync-quota-FAILED');
      throw error;
    }
  });
});
