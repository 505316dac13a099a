/**
 * The key of what the Overview shows (the checksum of `overviewContent`), and the one the app last
 * showed, kept in localStorage for public/prerender-gate.js: the overview prerendered into
 * index.html is shown while the app loads only when its key is the one the app last showed.
 */
import type { Observation } from '../feeds/types';
import { checksum } from '../feeds/fetch';
import { overviewContent } from '../views/overview/overviewModel';

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
