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

type ViewModule = { default: Component };
type View = Exclude<Page, 'overview'> | 'embed';

/** The views loaded so far: shown at once when opened again, in the same task. */
const loaded = new Map<View, ViewModule>();

function remember(view: View, module: Promise<ViewModule>): Promise<ViewModule> {
  return module.then((m) => {
    loaded.set(view, m);
    return m;
  });
}

export function loadPage(page: Exclude<Page, 'overview'>): Promise<ViewModule> {
  return remember(page, loaders[page]());
}

/** The embedded chart's view (`?embed=1`), loaded only in embed mode. */
export function loadEmbed(): Promise<ViewModule> {
  return remember('embed', import('./embed/Embed.svelte'));
}

/** A view's module if it has been loaded already (with what it needed first), else nothing. */
export function loadedView(view: View): ViewModule | undefined {
  return loaded.get(view);
}

/** The module of the view an address names; nothing to load for the Overview, always at hand. */
export async function loadView(state: { page: Page; embed?: boolean }): Promise<void> {
  if (state.embed) await loadEmbed();
  else if (state.page !== 'overview') await loadPage(state.page);
}
