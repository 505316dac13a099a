/**
 * First visit: the same-origin feeds (the embedded data) fetched, validated in full and shown
 * while Dexie loads and opens; the start round then fetches, validates and stores them as on any
 * refresh, with the bytes downloaded here (one download), and shows what it stored (the same
 * rows: no second render). A feed this cannot show is left to the round, which reports why.
 */
import { registryFeeds } from '../feeds/registry';
import type { FetchResult } from '../feeds/fetch';
import { onAppOrigin, session } from './session';
import { dataState, showValidated } from './state.svelte';

/** The first-visit preview's downloads, each used once by the round (see refreshFeed). */
const prefetches = new Map<string, Promise<FetchResult | undefined>>();

export function takePrefetched(url: string): Promise<FetchResult | undefined> | undefined {
  const download = prefetches.get(url);
  prefetches.delete(url);
  return download;
}

/** Forgets the downloads the round did not use (at the end of each round). */
export function clearPrefetched(): void {
  prefetches.clear();
}

export async function previewFirstVisit(): Promise<void> {
  const { baseUrl, fetchImpl } = session.settings;
  const feeds = (session.settings.feeds ?? registryFeeds).filter((f) => onAppOrigin(f, baseUrl));
  if (!feeds.length) return;
  // Through the refresh module (loaded next anyway): importing feeds/fetch itself here would
  // make the bundler put its chunk in the first paint.
  const fetchCode = import('./refresh');
  // Registered at once, so that the round never downloads a file a second time.
  const downloads = feeds.map((feed) => {
    const url = new URL(feed.url, baseUrl).href;
    const download = fetchCode
      .then(({ fetchFeedBytes }) => fetchFeedBytes(url, feed.id, { fetchImpl }))
      .catch(() => undefined);
    prefetches.set(url, download);
    return download;
  });
  try {
    const [{ parseFeed }, { WORKER_MIN_BYTES }] = await Promise.all([
      import('../feeds/ingest'),
      import('./ingest/client'),
    ]);
    await Promise.all(
      feeds.map(async (feed, i) => {
        try {
          const fetched = await downloads[i];
          // A big feed is parsed once, in the round's worker, not twice and on the page.
          if (fetched?.status !== 'ok' || fetched.bytes.byteLength >= WORKER_MIN_BYTES) return;
          const { observations } = parseFeed(feed, fetched.bytes, { today: new Date() });
          // The round may have stored and shown this feed already.
          if (!dataState.observations.some((o) => o.feed === feed.id)) {
            showValidated(feed.id, observations);
          }
        } catch {
          // Invalid or unreachable: the round says why.
        }
      }),
    );
  } catch (e) {
    console.warn('first-visit preview unavailable', e);
  }
}
