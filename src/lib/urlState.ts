/**
 * The whole view state lives in the URL, so any view can be shared or bookmarked and opens the same.
 *
 * Form: `<page>?<params>` in the hash (hash URLs work from any sub-path of a static host), e.g.
 * `#/regions/53?v=1&ind=mes_activation_rate&date=2024-01-31&cmp=11,84&lang=en`. Embed mode is
 * `?embed=1` in the query string before the hash (what an `<iframe src>` carries); it is also read
 * from the hash so a pasted hash keeps it.
 *
 * Parsing is total: anything unknown or invalid is dropped (never thrown), so an old or hand-edited
 * link still opens a sensible view. `v` is the format version; links without it are read as the
 * current version, links from a newer version are read as well as this one understands them.
 */
import { LANGS, type Lang } from './format';
import { indicatorById } from '../model/indicators';
import { departementByCode, regionByCode } from '../model/geography';
import { checkPeriod } from '../model/period';

export const URL_STATE_VERSION = 1;

export const PAGES = ['overview', 'regions', 'region', 'activation', 'sources', 'feeds'] as const;
export type Page = (typeof PAGES)[number];

/** At most this many regions are compared with the one on screen (small multiples). */
export const MAX_COMPARED = 4;

export interface ViewState {
  page: Page;
  /** INSEE region code of the region page (`page === 'region'`). */
  region?: string;
  /** Indicator chosen on the map or ranking. */
  indicator?: string;
  /** Counts shown per 100 inhabitants. */
  perCapita: boolean;
  /** The as-of date of the map (`YYYY-MM-DD`). */
  date?: string;
  /** Regions compared with the current one, INSEE codes, at most `MAX_COMPARED`, no repeats. */
  compare: string[];
  /** Geography of the activation tracker: `FR`, `REG-<code>` or `DEP-<code>`. */
  geo?: string;
  /** A target the user set on the activation tracker (a count of profiles). */
  target?: number;
  /** Or a target activation rate, in percent of open profiles (`rate=50`); excludes `target`. */
  targetRate?: number;
  /** The day local outreach started (`start=2025-03-01`): the tracker compares before and after. */
  outreachStart?: string;
  /** Language asked for by the link; absent means the reader's own choice. */
  lang?: Lang;
  /** Embed mode: one chart, minimal chrome. */
  embed: boolean;
  /** The chart shown in embed mode (a `data-chart-id`). */
  chart?: string;
}

export const DEFAULT_STATE: ViewState = {
  page: 'overview',
  perCapita: false,
  compare: [],
  embed: false,
};

const PATHS: Record<string, Page> = {
  '': 'overview',
  overview: 'overview',
  regions: 'regions',
  activation: 'activation',
  sources: 'sources',
  feeds: 'feeds',
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const CHART_ID = /^[a-z0-9-]{1,40}$/;

function validGeo(value: string): boolean {
  if (value === 'FR') return true;
  if (value.startsWith('REG-')) return regionByCode.has(value.slice(4));
  if (value.startsWith('DEP-')) return departementByCode.has(value.slice(4));
  return false;
}

function validDay(value: string): boolean {
  return ISO_DAY.test(value) && checkPeriod(value) === null;
}

function flag(value: string | null): boolean {
  return value === '1' || value === 'true';
}

/** Reads a view state from `location.search` and `location.hash`. Never throws. */
export function parseViewState(search: string, hash: string): ViewState {
  const raw = hash.replace(/^#/, '');
  const queryAt = raw.indexOf('?');
  const path = (queryAt === -1 ? raw : raw.slice(0, queryAt)).replace(/^\/+|\/+$/g, '');
  const params = new URLSearchParams(queryAt === -1 ? '' : raw.slice(queryAt + 1));
  const outer = new URLSearchParams(search.replace(/^\?/, ''));

  const state: ViewState = { ...DEFAULT_STATE, compare: [] };
  const [first = '', second] = path.split('/').map(safeDecode);
  if (first === 'regions' && second !== undefined && regionByCode.has(second)) {
    state.page = 'region';
    state.region = second;
  } else {
    state.page = PATHS[first] ?? 'overview';
  }

  const indicator = params.get('ind');
  if (indicator && indicatorById.has(indicator)) state.indicator = indicator;
  state.perCapita = flag(params.get('pc'));
  const date = params.get('date');
  if (date && validDay(date)) state.date = date;
  const compare = params.get('cmp');
  if (compare) {
    const seen = new Set<string>();
    for (const code of compare.split(',')) {
      if (!regionByCode.has(code) || code === state.region || seen.has(code)) continue;
      if (seen.size === MAX_COMPARED) break;
      seen.add(code);
    }
    state.compare = [...seen];
  }
  const geo = params.get('geo');
  if (geo && validGeo(geo)) state.geo = geo;
  const target = Number(params.get('target'));
  const rate = Number(params.get('rate'));
  // One target at a time: a rate, when valid, is the one asked for.
  if (params.has('rate') && rate > 0 && rate <= 100) state.targetRate = rate;
  else if (params.has('target') && Number.isSafeInteger(target) && target > 0)
    state.target = target;
  const start = params.get('start');
  if (start && validDay(start)) state.outreachStart = start;
  const lang = params.get('lang');
  if (lang && (LANGS as readonly string[]).includes(lang)) state.lang = lang as Lang;
  state.embed = flag(outer.get('embed')) || flag(params.get('embed'));
  const chart = params.get('chart');
  if (chart && CHART_ID.test(chart)) state.chart = chart;
  return state;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * The hash for a view state (`#/…`), parameters in a fixed order so equal states give equal URLs.
 * Embed mode is not written here: it belongs to the query string (see `embedUrl`).
 */
export function serializeViewState(state: ViewState): string {
  const path =
    state.page === 'region' && state.region
      ? `/regions/${state.region}`
      : `/${state.page === 'overview' ? '' : state.page}`;
  const params = new URLSearchParams();
  params.set('v', String(URL_STATE_VERSION));
  if (state.indicator) params.set('ind', state.indicator);
  if (state.perCapita) params.set('pc', '1');
  if (state.date) params.set('date', state.date);
  if (state.compare.length > 0) params.set('cmp', state.compare.join(','));
  if (state.geo) params.set('geo', state.geo);
  if (state.target !== undefined) params.set('target', String(state.target));
  if (state.targetRate !== undefined) params.set('rate', String(state.targetRate));
  if (state.outreachStart) params.set('start', state.outreachStart);
  if (state.lang) params.set('lang', state.lang);
  if (state.chart) params.set('chart', state.chart);
  // Only the version: a plain page link stays short (`#/regions`).
  const query = params.size > 1 ? `?${params.toString().replace(/%2C/g, ',')}` : '';
  return `#${path}${query}`;
}

/** The address of an embeddable view of one chart, from the page's own address. */
export function embedUrl(pageHref: string, state: ViewState, chart: string): string {
  const url = new URL(pageHref);
  url.search = '?embed=1';
  url.hash = serializeViewState({ ...state, embed: true, chart });
  return url.toString();
}
