/**
 * The key of what the Overview shows (the checksum of `overviewContent`), and the one the app last
 * showed, kept in localStorage for public/prerender-gate.js: the overview prerendered into
 * index.html is shown while the app loads only when its key is the one the app last showed.
 */
import type { Observation } from '../model/observation';
import { checksum } from '../lib/checksum';
import { OVERVIEW_META_NAME, PAGES_META_NAME } from './metaNames';

/** A feed as the keys see it: its stored file's checksum, when it has one. */
type FeedFile = { id: string; checksum?: string };

/** Read by public/prerender-gate.js under this name. */
export const OVERVIEW_KEY_STORAGE = 'segur-pulse:overview-key';

export async function overviewKey(observations: readonly Observation[]): Promise<string> {
  // Loaded only to compute it: the app seldom needs to (see rememberShown).
  const { overviewContent } = await import('../views/overview/overviewView');
  return checksum(new TextEncoder().encode(overviewContent(observations)));
}

/**
 * The overview key index.html was built with, when `feeds` are the data it was built from (their
 * key is the build's pages key): the observations on screen are then the build's, and so is their
 * key. Nothing elsewhere (other data, a page without those elements: the dev server's).
 */
export function builtOverviewKey(feeds: readonly FeedFile[]): string | undefined {
  const overview = document
    .querySelector(`meta[name="${OVERVIEW_META_NAME}"]`)
    ?.getAttribute('content');
  const pages = document.querySelector(`meta[name="${PAGES_META_NAME}"]`)?.getAttribute('content');
  if (!overview || !pages) return undefined;
  try {
    return (JSON.parse(pages) as { key?: unknown }).key === pagesKey(feeds) ? overview : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Stores the key of the observations on screen, those of `feeds` (nothing, where storage is
 * refused). Taken from the page where the data is the build's: computing it is the whole
 * Overview's series and a digest, 25-30 ms of the main thread after every start (100 at 4x CPU).
 */
export async function rememberShown(
  observations: readonly Observation[],
  feeds: readonly FeedFile[],
): Promise<void> {
  const key = builtOverviewKey(feeds) ?? (await overviewKey(observations));
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
export function pagesKey(feeds: readonly FeedFile[]): string {
  return feeds
    .filter((f) => f.checksum)
    .map((f) => `${f.id}=${f.checksum}`)
    .sort()
    .join(' ');
}

/** Stores the key of the feeds on screen (nothing, where storage is refused). */
export function rememberPagesKey(feeds: readonly FeedFile[]): void {
  try {
    localStorage.setItem(PAGES_KEY_STORAGE, pagesKey(feeds));
  } catch {
    // Without storage the prerendered pages are shown on every visit, as on a first one.
  }
}
