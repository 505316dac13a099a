// public/prerender-gate.js decides, before the first paint, whether the prerendered Overview is
// shown. It cannot import the app's URL parser, so its answers are checked here against it: it
// may show the page only where the app shows the French Overview.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import gateSource from '../../public/prerender-gate.js?raw';
import { LANG_STORAGE_KEY } from '../lib/i18n.svelte';
import { parseViewState } from '../lib/urlState';
import { OVERVIEW_KEY_STORAGE } from './overviewKey';

const PAGE_KEY = 'sha256:built-from-the-embedded-data';
const FIRST_CHART = 'segur-pulse:first-chart';

function runGate(address: string, stored: Record<string, string> = {}): boolean {
  history.replaceState(null, '', address);
  localStorage.clear();
  for (const [key, value] of Object.entries(stored)) localStorage.setItem(key, value);
  document.documentElement.removeAttribute('data-prerender');
  new Function(gateSource)();
  return document.documentElement.getAttribute('data-prerender') === 'shown';
}

/** What the app itself shows at that address: the French Overview, or something else. */
function appShowsFrenchOverview(address: string, storedLang?: string): boolean {
  const url = new URL(address, 'http://127.0.0.1/');
  const state = parseViewState(url.search, url.hash);
  const lang = state.lang ?? storedLang ?? 'fr';
  return state.page === 'overview' && !state.embed && lang === 'fr';
}

beforeEach(() => {
  document.head.innerHTML = `<meta name="segur-pulse-prerender" content="${PAGE_KEY}">`;
  document.body.innerHTML = '<div id="app" data-prerendered><p>Aperçu</p></div>';
  performance.clearMarks();
});
afterEach(() => {
  document.head.innerHTML = '';
  localStorage.clear();
  history.replaceState(null, '', '/');
});

describe('prerender gate', () => {
  const cases: { address: string; lang?: string; shown: boolean }[] = [
    { address: '/', shown: true },
    { address: '/#', shown: true },
    { address: '/#/', shown: true },
    { address: '/tableau/#/', shown: true },
    { address: '/#/', lang: 'fr', shown: true },
    { address: '/#/', lang: 'en', shown: false },
    { address: '/#/regions', shown: false },
    { address: '/#/regions/53?v=1&cmp=11', shown: false },
    { address: '/#/activation', shown: false },
    { address: '/#/sources', shown: false },
    { address: '/#/feeds', shown: false },
    { address: '/#/?v=1&lang=en', shown: false },
    { address: '/?embed=1#/?v=1&embed=1&chart=mes-rate', shown: false },
    { address: '/?x=1&embed=1#/', shown: false },
  ];

  it.each(cases)(
    '$address (language stored: $lang) -> shown: $shown',
    ({ address, lang, shown }) => {
      const stored: Record<string, string> = lang ? { [LANG_STORAGE_KEY]: lang } : {};
      expect(runGate(address, stored)).toBe(shown);
      // Never shown where the app would show something else.
      if (shown) expect(appShowsFrenchOverview(address, lang)).toBe(true);
    },
  );

  it('shows the page only when the app last showed the same data, or nothing yet', () => {
    expect(runGate('/#/', { [OVERVIEW_KEY_STORAGE]: PAGE_KEY })).toBe(true);
    expect(runGate('/#/', { [OVERVIEW_KEY_STORAGE]: 'sha256:newer-data' })).toBe(false);
    expect(runGate('/#/', {})).toBe(true);
  });

  it('does nothing on a page built without a prerendered Overview (the dev server)', () => {
    document.head.innerHTML = '';
    expect(runGate('/#/')).toBe(false);
  });

  it('sets the first-chart mark once a prerendered point is in the page, after a frame', async () => {
    expect(runGate('/#/')).toBe(true);
    const point = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    point.setAttribute('class', 'point');
    document.querySelector('#app')!.append(point);
    await expect.poll(() => performance.getEntriesByName(FIRST_CHART, 'mark').length).toBe(1);
  });

  it('looks for the point at each frame while the page is being parsed', async () => {
    const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    try {
      expect(runGate('/#/')).toBe(true);
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      await frame();
      await frame();
      expect(performance.getEntriesByName(FIRST_CHART, 'mark')).toHaveLength(0);
      document.querySelector('#app')!.innerHTML = '<svg><g class="point"></g></svg>';
      await expect.poll(() => performance.getEntriesByName(FIRST_CHART, 'mark').length).toBe(1);
    } finally {
      readyState.mockRestore();
    }
  });

  it('marks by a task of the highest priority where the browser has scheduler.postTask', async () => {
    const postTask = vi.fn((callback: () => void, _options: unknown) =>
      Promise.resolve(callback()),
    );
    vi.stubGlobal('scheduler', { postTask });
    try {
      expect(runGate('/#/')).toBe(true);
      document.querySelector('#app')!.innerHTML = '<svg><g class="point"></g></svg>';
      await expect.poll(() => performance.getEntriesByName(FIRST_CHART, 'mark').length).toBe(1);
      expect(postTask.mock.calls[0]![1]).toEqual({ priority: 'user-blocking' });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('sets no mark on a phone, where the stylesheet hides the prerendered charts', async () => {
    // The gate asks the same media query as the stylesheet's rule that hides them.
    const query = /var CHARTS_HIDDEN = '([^']+)'/.exec(gateSource)![1]!;
    const rule = new RegExp(
      `@media ${query.replace(/[()]/g, '\\$&')} \\{[^@]*#app\\[data-prerendered\\] \\.plot svg \\{\\s*visibility: hidden`,
    );
    // Read as a file (vitest hands CSS imports over empty), from the project's root.
    expect(readFileSync('src/app.css', 'utf8')).toMatch(rule);
    vi.stubGlobal('matchMedia', (media: string) => ({ matches: media === query, media }));
    try {
      expect(runGate('/#/')).toBe(true);
      document.querySelector('#app')!.innerHTML = '<svg><g class="point"></g></svg>';
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(performance.getEntriesByName(FIRST_CHART, 'mark')).toHaveLength(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('sets no mark when the page is not shown', async () => {
    expect(runGate('/#/regions')).toBe(false);
    document.querySelector('#app')!.innerHTML = '<svg><g class="point"></g></svg>';
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(performance.getEntriesByName(FIRST_CHART, 'mark')).toHaveLength(0);
  });
});
