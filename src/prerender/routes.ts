/**
 * The views prerendered besides the Overview (which is in index.html itself): each page's plain
 * address, every region's page, the activation tracker of France and of each region, and the
 * embed of each Overview chart. Each is written at build time to a page of its own under
 * `prerender/`; public/prerender-gate.js fetches the one for the address it is opened at, if any,
 * and shows it before the app's code has run. Views with other state (a map date, an indicator,
 * compared regions, a target, a department, English) are left to the app.
 *
 * A view is found by its key: the address reduced to what picks the view (`routeKey`).
 * public/prerender-gate.js computes the same key, by the same rules, without importing this
 * (a unit test holds the two together).
 */
import { embedUrl, serializeViewState, DEFAULT_STATE, type ViewState } from '../lib/urlState';
import { regions } from '../model/geography';
import { EMBEDDABLE } from '../views/embed/embeddable';

/** A prerendered view: its key (see routeKey), the state the app reads there, a file name. */
export interface PrerenderedRoute {
  key: string;
  state: ViewState;
  /** `prerender/<slug>.<hash>.html` once built; the slug is the key made file-safe. */
  slug: string;
}

/**
 * The key of an address: `embed:` for an embed, then the hash's path without its slashes, then
 * its parameters but the format version `v`, in their order. Two addresses of the same prerendered
 * view have the same key; an address with anything more (another parameter) has another.
 */
export function routeKey(search: string, hash: string): string {
  const embed = /[?&]embed=(?:1|true)(?:&|$)/.test(search);
  const raw = hash.replace(/^#/, '');
  const queryAt = raw.indexOf('?');
  const path = (queryAt < 0 ? raw : raw.slice(0, queryAt)).replace(/^\/+|\/+$/g, '');
  const params = (queryAt < 0 ? '' : raw.slice(queryAt + 1))
    .split('&')
    .filter((p) => p !== '' && !/^v=/.test(p) && !(embed && /^embed=/.test(p)));
  return (embed ? 'embed:' : '') + path + (params.length ? `?${params.join('&')}` : '');
}

function state(change: Partial<ViewState>): ViewState {
  return { ...DEFAULT_STATE, compare: [], ...change };
}

function route(view: ViewState): PrerenderedRoute {
  const address = view.embed
    ? new URL(embedUrl('https://example.org/', view, view.chart!))
    : new URL(serializeViewState(view), 'https://example.org/');
  const key = routeKey(address.search, address.hash);
  return { key, state: view, slug: key.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '') };
}

/** Every prerendered view but the Overview. */
export function prerenderedRoutes(): PrerenderedRoute[] {
  return [
    route(state({ page: 'regions' })),
    ...regions.map((r) => route(state({ page: 'region', region: r.code }))),
    route(state({ page: 'activation' })),
    ...regions.map((r) => route(state({ page: 'activation', geo: `REG-${r.code}` }))),
    route(state({ page: 'sources' })),
    route(state({ page: 'feeds' })),
    ...EMBEDDABLE.overview.map((chart) => route(state({ embed: true, chart }))),
  ];
}
