// The key of the Overview on screen, stored for public/prerender-gate.js: taken from index.html
// when the data is the build's, computed from the observations otherwise.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syntheticObservation } from '../../test/synthetic';
import {
  OVERVIEW_KEY_STORAGE,
  builtOverviewKey,
  overviewKey,
  pagesKey,
  rememberShown,
} from './overviewKey';

const BUILT_FEEDS = [{ id: 'embedded', checksum: 'sha256:synthetic-built-file' }];
const BUILT_OVERVIEW_KEY = 'sha256:synthetic-built-overview';
const observations = [
  syntheticObservation({ indicator: 'mes_activated', period: '2024-06', value: 1200 }),
];

function builtPage(pagesMeta = JSON.stringify({ key: pagesKey(BUILT_FEEDS), pages: {} })): void {
  document.head.innerHTML =
    `<meta name="segur-pulse-prerender" content="${BUILT_OVERVIEW_KEY}">` +
    `<meta name="segur-pulse-prerender-pages" content='${pagesMeta}'>`;
}

beforeEach(() => localStorage.clear());
afterEach(() => {
  document.head.innerHTML = '';
});

describe('rememberShown', () => {
  it("stores index.html's key, without computing it, when the data is the build's", async () => {
    builtPage();
    // A user feed without a file stored does not change the data on screen.
    const feeds = [...BUILT_FEEDS, { id: 'user-feed' }];
    expect(builtOverviewKey(feeds)).toBe(BUILT_OVERVIEW_KEY);
    await rememberShown(observations, feeds);
    expect(localStorage.getItem(OVERVIEW_KEY_STORAGE)).toBe(BUILT_OVERVIEW_KEY);
  });

  it('computes the key of the observations when the data is not the build’s', async () => {
    builtPage();
    const refreshed = [{ id: 'embedded', checksum: 'sha256:synthetic-newer-file' }];
    expect(builtOverviewKey(refreshed)).toBeUndefined();
    await rememberShown(observations, refreshed);
    const computed = await overviewKey(observations);
    expect(computed).not.toBe(BUILT_OVERVIEW_KEY);
    expect(localStorage.getItem(OVERVIEW_KEY_STORAGE)).toBe(computed);
  });

  it('computes it on a page without the build’s keys, or with a broken list', async () => {
    const computed = await overviewKey(observations);
    await rememberShown(observations, BUILT_FEEDS);
    expect(localStorage.getItem(OVERVIEW_KEY_STORAGE)).toBe(computed);
    builtPage('{broken');
    expect(builtOverviewKey(BUILT_FEEDS)).toBeUndefined();
    localStorage.clear();
    await rememberShown(observations, BUILT_FEEDS);
    expect(localStorage.getItem(OVERVIEW_KEY_STORAGE)).toBe(computed);
  });
});
