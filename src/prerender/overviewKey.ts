/**
 * The key of what the Overview shows (the checksum of `overviewContent`), and the one the app last
 * showed, kept in localStorage for public/prerender-gate.js: the overview prerendered into
 * index.html is shown while the app loads only when its key is the one the app last showed.
 */
import type { Observation } from '../model/observation';
import { checksum } from '../lib/checksum';
import { overviewContent } from '../views/overview/overviewView';

/** Read by public/prerender-gate.js under this name. */
export const OVERVIEW_KEY_STORAGE = 'segur-pulse:overview-key';

export function overviewKey(observations: readonly Observation[]): Promise<string> {
  return checksum(new TextEncoder().encode(overviewContent(observations)));
}

/** Stores the key of the observations on screen (nothing, where storage is refused). */
export async function rememberShown(observations: readonly Observation[]): Promise<void> {
  const key = await overviewKey(observations);
  try {
    localStorage.setItem(OVERVIEW_KEY_STORAGE, key);
  } catch {
    // Without storage the prerendered page is shown on every visit, as on a first one.
  }
}

/** Read by public/prerender-gate.js under this name. */
export const PAGES_KEY_STORAGE = 'segur-pulse:pages-key';

/**
 * The key of the data every other prerendered page shows (src/prerender/routes.ts): each feed
 * with stored data, by the checksum of the file stored. Those pages are shown while the app loads
 * only when it is the key the app last showed.
 */
export function pagesKey(feeds: readonly { id: string; checksum?: string }[]): string {
  return feeds
    .filter((f) => f.checksum)
    .map((f) => `${f.id}=${f.checksum}`)
    .sort()
    .join(' ');
}

/** Stores the key of the feeds on screen (nothing, where storage is refused). */
export function rememberPagesKey(feeds: readonly { id: string; checksum?: string }[]): void {
  try {
    localStorage.setItem(PAGES_KEY_STORAGE, pagesKey(feeds));
  } catch {
    // Without storage the prerendered pages are shown on every visit, as on a first one.
  }
}
