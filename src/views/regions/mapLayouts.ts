/**
 * The maps of the Regions pages, projected at build time (src/charts/regionMapLayout.ts,
 * geo/<map>.layout.json beside the app) and fetched same-origin when a page first needs them
 * (never at first paint): the regions' map, or one region's departments.
 */
import { mapLayoutFile, type MapLayout, type MapName } from '../../charts/regionMapLayout';

const cache = new Map<MapName, Promise<MapLayout>>();
/** Layouts already at hand: a page's `{#await}` then draws its map at once, without a pending state. */
const loaded = new Map<MapName, MapLayout>();

/** Gives a map's layout without fetching it (the build's server render, src/prerender/). */
export function provideMapLayout(name: MapName, layout: MapLayout): void {
  loaded.set(name, layout);
}

/** A map's layout, as it is when already loaded, or the promise of it. */
export function loadMapLayout(name: MapName): MapLayout | Promise<MapLayout> {
  const ready = loaded.get(name);
  if (ready) return ready;
  let pending = cache.get(name);
  if (!pending) {
    const file = mapLayoutFile(name);
    pending = fetch(new URL(file, document.baseURI)).then(async (response) => {
      if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
      const layout = (await response.json()) as MapLayout;
      loaded.set(name, layout);
      return layout;
    });
    // A failed load is retried the next time a page asks, not cached.
    pending.catch(() => cache.delete(name));
    cache.set(name, pending);
  }
  return pending;
}
