/**
 * The page's address for views that write it into links (an embed's way back, a feed's address).
 * In the build's server render (src/prerender/) there is no page: they get a stand-in, which the
 * prerender turns into `./`, the app's own folder, wherever it is served from.
 */
export const PRERENDER_ORIGIN = 'https://prerender.invalid/';

export function pageHref(): string {
  return typeof location === 'undefined' ? PRERENDER_ORIGIN : location.href;
}

export function baseUri(): string {
  return typeof document === 'undefined' ? PRERENDER_ORIGIN : document.baseURI;
}
