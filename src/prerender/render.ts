/**
 * Build time only (the `prerender` plugin in vite.config.ts loads it through Vite's SSR): the
 * app's first screen, the Overview in French, rendered to HTML from the embedded data, so that
 * index.html shows the charts before any script has run. The live app replaces it once its own
 * data is ready (src/main.ts).
 */
import { render } from 'svelte/server';
import App from '../App.svelte';
import { parseFeed } from '../feeds/ingest';
import { dataFileOf } from '../feeds/manifest';
import { embeddedFeed } from '../feeds/registry';
import { i18n } from '../lib/i18n.svelte';
import { dataState } from '../sync/dataState.svelte';
import { overviewKey } from './overviewKey';

export interface Prerendered {
  /** The body of `<div id="app">`. */
  html: string;
  /** The key of the data it shows (see overviewKey). */
  key: string;
}

/**
 * `readData` reads a file of data/. Throws when the embedded data does not validate: a build never
 * ships a page the app would not show.
 */
export async function prerenderOverview(
  readData: (name: string) => Uint8Array,
  today: Date,
): Promise<Prerendered> {
  const file = dataFileOf(embeddedFeed.url);
  if (!file) throw new Error(`prerender: ${embeddedFeed.url} is not a file of data/`);
  const { observations } = parseFeed(embeddedFeed, readData(file), { today });
  if (!observations.length) throw new Error('prerender: the embedded data has no row');
  dataState.observations = observations;
  i18n.setLang('fr');
  // Svelte's hydration markers are dropped: the page is replaced, never hydrated.
  const html = render(App, {}).body.replace(/<!--[^]*?-->/g, '');
  return { html, key: await overviewKey(observations) };
}
