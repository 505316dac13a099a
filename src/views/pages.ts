/**
 * The pages other than the Overview, loaded when first opened (the first paint carries only the
 * Overview), for the app and for embed mode alike.
 */
import type { Component } from 'svelte';
import type { Page } from '../lib/urlState';

/**
 * A page's module, with what it needs before it can be drawn whole (its `preload`: a map's
 * boundaries): the page then appears in one piece rather than growing under the reader's eyes.
 * A failed preload is the page's own to show.
 */
async function withPreload<M extends { preload?: () => Promise<unknown> }>(
  module: Promise<M>,
): Promise<M> {
  const loaded = await module;
  await loaded.preload?.().catch(() => {});
  return loaded;
}

const loaders = {
  regions: () => withPreload(import('./regions/Regions.svelte')),
  region: () => import('./regions/RegionPage.svelte'),
  activation: () => import('./activation/Activation.svelte'),
  sources: () => import('./sources/Sources.svelte'),
  feeds: () => import('./feeds/Feeds.svelte'),
} satisfies Record<Exclude<Page, 'overview'>, () => Promise<{ default: Component }>>;

export function loadPage(page: Exclude<Page, 'overview'>): Promise<{ default: Component }> {
  return loaders[page]();
}
