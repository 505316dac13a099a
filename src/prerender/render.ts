/**
 * Build time only (the `prerender` plugin in vite.config.ts loads it through Vite's SSR): the
 * app's first screen, the Overview in French, rendered to HTML from the embedded data, so that
 * index.html shows the charts before any script has run. The live app replaces it once its own
 * data is ready (src/main.ts).
 */
import { render } from 'svelte/server';
import type { Topology } from 'topojson-specification';
import App from '../App.svelte';
import { checksum } from '../lib/checksum';
import { parseFeed } from '../feeds/ingest';
import { dataFileOf } from '../feeds/manifest';
import { embeddedFeed } from '../feeds/registry';
import type { Observation } from '../model/observation';
import { i18n } from '../lib/i18n.svelte';
import { PRERENDER_ORIGIN } from '../lib/pageAddress';
import { prerenderFirstScreenOnly } from '../lib/renderQueue';
import { router } from '../lib/router.svelte';
import { DEFAULT_STATE } from '../lib/urlState';
import { dataState } from '../sync/dataState.svelte';
import Activation from '../views/activation/Activation.svelte';
import Embed from '../views/embed/Embed.svelte';
import Feeds from '../views/feeds/Feeds.svelte';
import { mapLayoutFiles } from '../charts/regionMapLayout';
import Overview from '../views/overview/Overview.svelte';
import { provideViews } from '../views/pages';
import { provideMapLayout } from '../views/regions/mapLayouts';
import RegionPage from '../views/regions/RegionPage.svelte';
import Regions from '../views/regions/Regions.svelte';
import Sources from '../views/sources/Sources.svelte';
import { overviewKey, pagesKey } from './overviewKey';
import { prerenderedRoutes, type PrerenderedRoute } from './routes';

// Every view at hand: a server render shows a module's "loading" step rather than wait for it.
provideViews({
  overview: Overview,
  regions: Regions,
  region: RegionPage,
  activation: Activation,
  sources: Sources,
  feeds: Feeds,
  embed: Embed,
});

export interface Prerendered {
  /** The body of `<div id="app">`. */
  html: string;
  /** The key of the data it shows (see overviewKey). */
  key: string;
}

/** The embedded data, parsed and validated by the app's own code. */
function embeddedData(
  readData: (name: string) => Uint8Array,
  today: Date,
): { observations: Observation[]; bytes: Uint8Array } {
  const file = dataFileOf(embeddedFeed.url);
  if (!file) throw new Error(`prerender: ${embeddedFeed.url} is not a file of data/`);
  const bytes = readData(file);
  const { observations } = parseFeed(embeddedFeed, bytes, { today });
  if (!observations.length) throw new Error('prerender: the embedded data has no row');
  return { observations, bytes };
}

/**
 * The app's body at its current view, as HTML to be shown, never hydrated: Svelte's hydration
 * markers are dropped, and so are style attributes (a bar's width), which the
 * Content-Security-Policy would refuse; links written from the page's address point to `./`.
 */
function renderApp(): string {
  return render(App)
    .body.replace(/<!--[^]*?-->/g, '')
    .replace(/ style="[^"]*"/g, '')
    .replaceAll(PRERENDER_ORIGIN, './');
}

/**
 * `readData` reads a file of data/. Throws when the embedded data does not validate: a build never
 * ships a page the app would not show.
 */
export async function prerenderOverview(
  readData: (name: string) => Uint8Array,
  today: Date,
): Promise<Prerendered> {
  const { observations } = embeddedData(readData, today);
  dataState.observations = observations;
  i18n.setLang('fr');
  router.state = { ...DEFAULT_STATE, compare: [] };
  return { html: renderApp(), key: await overviewKey(observations) };
}

export interface PrerenderedPages {
  /** The key of the data they show (see pagesKey). */
  key: string;
  pages: { route: PrerenderedRoute; html: string }[];
}

/**
 * Every view of src/prerender/routes.ts, from the embedded data, in French; `readGeometry` reads
 * a boundaries file of public/geo/.
 */
export async function prerenderPages(
  readData: (name: string) => Uint8Array,
  readGeometry: (name: 'regions' | 'departements') => Topology,
  today: Date,
): Promise<PrerenderedPages> {
  const { observations, bytes } = embeddedData(readData, today);
  dataState.observations = observations;
  i18n.setLang('fr');
  for (const [name, layout] of mapLayoutFiles(readGeometry)) provideMapLayout(name, layout);
  prerenderFirstScreenOnly(true);
  const pages = prerenderedRoutes().map((route) => {
    router.state = route.state;
    return { route, html: renderApp() };
  });
  prerenderFirstScreenOnly(false);
  router.state = { ...DEFAULT_STATE, compare: [] };
  return { key: pagesKey([{ id: embeddedFeed.id, checksum: await checksum(bytes) }]), pages };
}
