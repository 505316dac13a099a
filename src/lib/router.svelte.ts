/** Hash routing: `#/` Overview, `#/sources`. Hash URLs work from any sub-path of a static host. */
export type Route = 'overview' | 'sources';

const ROUTES: Record<string, Route> = { '': 'overview', '/': 'overview', '/sources': 'sources' };

export function routeOf(hash: string): Route {
  return ROUTES[hash.replace(/^#/, '').replace(/\/$/, '') || '/'] ?? 'overview';
}

export const router = $state({
  route: routeOf(typeof location === 'undefined' ? '' : location.hash),
});

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => {
    router.route = routeOf(location.hash);
  });
}
