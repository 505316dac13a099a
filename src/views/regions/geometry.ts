/**
 * Boundaries of the Regions pages, fetched same-origin from public/geo when a page first needs
 * them (never at first paint): regions for the map, departments only on a region page.
 */
import type { Topology } from 'topojson-specification';

export type GeometryName = 'regions' | 'departements';

const cache = new Map<GeometryName, Promise<Topology>>();
/** Boundaries already at hand: a page's `{#await}` then draws its map at once, without a pending state. */
const loaded = new Map<GeometryName, Topology>();

/** Gives the boundaries without fetching them (the build's server render, src/prerender/). */
export function provideGeometry(name: GeometryName, topology: Topology): void {
  loaded.set(name, topology);
}

/** The boundaries, as they are when already loaded, or the promise of them. */
export function loadGeometry(name: GeometryName): Topology | Promise<Topology> {
  const ready = loaded.get(name);
  if (ready) return ready;
  let pending = cache.get(name);
  if (!pending) {
    const url = new URL(`geo/${name}.topojson`, document.baseURI);
    pending = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`geo/${name}.topojson: HTTP ${response.status}`);
      const topology = (await response.json()) as Topology;
      loaded.set(name, topology);
      return topology;
    });
    // A failed load is retried the next time a page asks, not cached.
    pending.catch(() => cache.delete(name));
    cache.set(name, pending);
  }
  return pending;
}
