/**
 * The names of index.html's meta elements with the keys it was built with: vite.config.ts writes
 * them, public/prerender-gate.js and builtOverviewKey (overviewKey.ts) read them. A module of its
 * own, importing nothing: Vite's config loader bundles what the config imports, and warns about
 * app code it will not load natively in a later version (imports without a file extension).
 */
export const OVERVIEW_META_NAME = 'segur-pulse-prerender';
export const PAGES_META_NAME = 'segur-pulse-prerender-pages';
