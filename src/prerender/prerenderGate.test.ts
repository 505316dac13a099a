// public/prerender-gate.js decides, before the first paint, whether the prerendered Overview is
// shown. It cannot import the app's URL parser, so its answers are checked here against it: it
// may show the page only where the app shows the French Overview.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import gateSource from '../../public/prerender-gate.js?raw';
import { LANG_STORAGE_KEY } from '../lib/i18n.svelte';
import { parseViewState } from '../lib/urlState';
import { embedUrl, serializeViewState } from '../lib/urlState';
import { OVERVIEW_KEY_STORAGE, PAGES_KEY_STORAGE } from './overviewKey';
import { prerenderedRoutes, routeKey } from './routes';

const PAGE_KEY = 'sha256:built-from-the-embedded-data';
const FIRST_CHART = 'segur-pulse:first-chart';

function runGate(address: string, stored: Record<string, string> = {}): boolean {
  history.replaceState(null, '', address);
  localStorage.clear();
  for (const [key, value] of Object.entries(stored)) localStorage.setItem(key, value);
  document.documentElement.removeAttribute('data-prerender');
  for (const left of document.querySelectorAll('.type-warmup')) left.remove();
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
      `@media ${query.replace(/[()]/g, '\\$&')} \\{[^@]*\\[data-prerendered\\] \\.plot svg \\{\\s*visibility: hidden`,
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

describe('prerender gate, other views', () => {
  const PAGES_KEY = 'embedded=sha256:built';
  const routes = prerenderedRoutes();
  const files = Object.fromEntries(routes.map((r) => [r.key, `prerender/${r.slug}.html`]));
  let fetched: string[] = [];

  function addressOf(route: (typeof routes)[number]): string {
    if (route.state.embed) {
      const url = new URL(embedUrl('http://127.0.0.1/', route.state, route.state.chart!));
      return url.pathname + url.search + url.hash;
    }
    return '/' + serializeViewState(route.state);
  }

  function runGateAt(
    address: string,
    stored: Record<string, string> = {},
    answer = '<main>vue</main>',
  ) {
    fetched = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (file: string) => {
        fetched.push(file);
        return answer === 'offline'
          ? Promise.reject(new TypeError('Failed to fetch'))
          : new Response(answer);
      }),
    );
    document.head.innerHTML =
      `<meta name="segur-pulse-prerender" content="${PAGE_KEY}">` +
      `<meta name="segur-pulse-prerender-pages" content='${JSON.stringify({ key: PAGES_KEY, pages: files })}'>`;
    document.body.innerHTML =
      '<div id="prerendered-route" data-prerendered hidden></div><div id="app" data-prerendered></div>';
    runGate(address, stored);
  }

  afterEach(() => vi.unstubAllGlobals());

  it('fetches the page of every prerendered view at its address, for the view the app shows there', () => {
    for (const route of routes) {
      const address = addressOf(route);
      runGateAt(address);
      expect(fetched, address).toEqual([files[route.key]]);
      const url = new URL(address, 'http://127.0.0.1/');
      expect(routeKey(url.search, url.hash)).toBe(route.key);
      expect(parseViewState(url.search, url.hash)).toEqual(route.state);
      expect(document.documentElement.getAttribute('data-prerender')).toBe('route-pending');
    }
  });

  it('reads the address as the app does: trailing slashes and the format version do not matter', () => {
    for (const address of [
      '/#/regions/',
      '/#/regions?v=1',
      '/tableau/#regions/75',
      '/?embed=1#/?chart=mes-rate',
    ]) {
      runGateAt(address);
      expect(fetched, address).toHaveLength(1);
    }
  });

  it('lays the type scale out for a view only: the Overview is painted as it is parsed', () => {
    runGate('/#/');
    expect(document.querySelector('.type-warmup')).toBeNull();
    runGateAt('/#/regions');
    expect(document.querySelectorAll('.type-warmup .small.strong')).toHaveLength(1);
  });

  it('leaves any other state to the app: a date, an indicator, a target, a department, English', () => {
    for (const address of [
      '/#/regions?v=1&date=2024-01-31',
      '/#/regions/75?v=1&ind=mes_profiles_open',
      '/#/activation?v=1&geo=REG-75&target=2000000',
      '/#/activation?v=1&geo=DEP-54',
      '/#/sources?v=1&lang=en',
      '/#/nowhere',
    ]) {
      runGateAt(address);
      expect(fetched, address).toEqual([]);
      expect(document.documentElement.hasAttribute('data-prerender')).toBe(false);
    }
    runGateAt('/#/regions', { [LANG_STORAGE_KEY]: 'en' });
    expect(fetched).toEqual([]);
  });

  it('shows the page only when the app last showed the same data, or nothing yet', () => {
    runGateAt('/#/regions', { [PAGES_KEY_STORAGE]: PAGES_KEY });
    expect(fetched).toHaveLength(1);
    runGateAt('/#/regions', { [PAGES_KEY_STORAGE]: 'embedded=sha256:newer' });
    expect(fetched).toEqual([]);
  });

  it('shows the fetched page, tells the app, and marks once it is painted', async () => {
    const told = vi.fn();
    document.addEventListener('segur-pulse:prerender', told);
    try {
      runGateAt('/#/sources', {}, '<main><table><tr class="source-row"></tr></table></main>');
      // While it is fetched, a line of text in each size and weight of the type scale, for a frame.
      const warmup = document.querySelectorAll('.type-warmup');
      expect(warmup).toHaveLength(1);
      expect(warmup[0]!.getAttribute('aria-hidden')).toBe('true');
      expect([...warmup[0]!.children].map((line) => line.className)).toEqual([
        '',
        'strong',
        'small',
        'small strong',
        'heading',
        'title',
        'chart',
      ]);
      await expect.poll(() => told.mock.calls.length).toBe(1);
      await expect.poll(() => document.querySelector('.type-warmup')).toBeNull();
      const route = document.getElementById('prerendered-route')!;
      expect(route.hidden).toBe(false);
      expect(route.querySelector('tr.source-row')).not.toBeNull();
      expect(document.documentElement.getAttribute('data-prerender')).toBe('route');
      await expect.poll(() => performance.getEntriesByName(FIRST_CHART, 'mark').length).toBe(1);
    } finally {
      document.removeEventListener('segur-pulse:prerender', told);
    }
  });

  it('gives up when the page cannot be had (offline, never fetched): the app renders the view', async () => {
    const told = vi.fn();
    document.addEventListener('segur-pulse:prerender', told);
    try {
      runGateAt('/#/regions', {}, 'offline');
      await expect.poll(() => told.mock.calls.length).toBe(1);
      await expect.poll(() => document.querySelector('.type-warmup')).toBeNull();
      expect(document.documentElement.hasAttribute('data-prerender')).toBe(false);
      expect(document.getElementById('prerendered-route')!.hidden).toBe(true);
      expect(performance.getEntriesByName(FIRST_CHART, 'mark')).toHaveLength(0);
    } finally {
      document.removeEventListener('segur-pulse:prerender', told);
    }
  });
});
