/**
 * The pages, each loaded when first opened, for the app and for embed mode alike: a page opened
 * first loads its own code and not another's (the Overview's charts are no part of `#/regions`).
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
  overview: () => import('./overview/Overview.svelte'),
  regions: () => withPreload(import('./regions/Regions.svelte')),
  region: () => import('./regions/RegionPage.svelte'),
  activation: () => import('./activation/Activation.svelte'),
  sources: () => import('./sources/Sources.svelte'),
  feeds: () => import('./feeds/Feeds.svelte'),
} satisfies Record<Page, () => Promise<{ default: Component }>>;

type ViewModule = { default: Component };
type View = Page | 'embed';

/** The views loaded so far: shown at once when opened again, in the same task. */
const loaded = new Map<View, ViewModule>();

function remember(view: View, module: Promise<ViewModule>): Promise<ViewModule> {
  return module.then((m) => {
    loaded.set(view, m);
    return m;
  });
}

export function loadPage(page: Page): Promise<ViewModule> {
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

/**
 * Views at hand without loading: the build's server render of every page (src/prerender/), which
 * cannot wait for a module in the middle of a render.
 */
export function provideViews(views: Partial<Record<View, Component>>): void {
  for (const [view, component] of Object.entries(views)) {
    loaded.set(view as View, { default: component });
  }
}

/** The modules of the view an address names: its page, and in embed mode the embed's frame. */
export async function loadView(state: { page: Page; embed?: boolean }): Promise<void> {
  await Promise.all([state.embed ? loadEmbed() : undefined, loadPage(state.page)]);
}
