/**
 * Boundaries of the Regions pages, fetched same-origin from public/geo when a page first needs
 * them (never at first paint): regions for the map, departments only on a region page.
 */
import type { Topology } from 'topojson-specification';

export type GeometryName = 'regions' | 'departements';

const cache = new Map<GeometryName, Promise<Topology>>();

export function loadGeometry(name: GeometryName): Promise<Topology> {
  let pending = cache.get(name);
  if (!pending) {
    const url = new URL(`geo/${name}.topojson`, document.baseURI);
    pending = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`geo/${name}.topojson: HTTP ${response.status}`);
      return (await response.json()) as Topology;
    });
    // A failed load is retried the next time a page asks, not cached.
    pending.catch(() => cache.delete(name));
    cache.set(name, pending);
  }
  return pending;
}
