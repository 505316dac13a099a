/**
 * The pages other than the Overview, loaded when first opened (the first paint carries only the
 * Overview), for the app and for embed mode alike.
 */
import type { Component } from 'svelte';
import type { Page } from '../lib/urlState';

const loaders = {
  regions: () => import('./regions/Regions.svelte'),
  region: () => import('./regions/RegionPage.svelte'),
  activation: () => import('./activation/Activation.svelte'),
  sources: () => import('./sources/Sources.svelte'),
  feeds: () => import('./feeds/Feeds.svelte'),
} satisfies Record<Exclude<Page, 'overview'>, () => Promise<{ default: Component }>>;

export function loadPage(page: Exclude<Page, 'overview'>): Promise<{ default: Component }> {
  return loaders[page]();
}
