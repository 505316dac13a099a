/**
 * First visit: the same-origin feeds (the embedded data) fetched, validated in full in a worker
 * and shown while Dexie loads and opens; the start round then validates and stores them as on any
 * refresh, in a worker too, with the bytes downloaded here (one download), and shows what it
 * stored (the same rows: no second render). The page's own thread parses nothing: a cold parse of
 * the embedded feed there was one task of 130-240 ms at 4x CPU. A feed this cannot show is left to
 * the round, which reports why (on the page, where no worker can run).
 */
import { registryFeeds } from '../feeds/registry';
import type { FetchResult } from '../feeds/fetch';
import { onAppOrigin, session } from './session';
import { dataState, showValidated } from './state.svelte';

/** The first-visit preview's downloads, each used once by the round (see refreshFeed). */
const prefetches = new Map<string, Promise<FetchResult | undefined>>();

let preview: Promise<void> = Promise.resolve();

/** Resolves once the first-visit preview has shown what it could (at once without one). */
export function previewEnded(): Promise<void> {
  return preview;
}

export function takePrefetched(url: string): Promise<FetchResult | undefined> | undefined {
  const download = prefetches.get(url);
  prefetches.delete(url);
  return download;
}

/** Forgets the downloads the round did not use (at the end of each round). */
export function clearPrefetched(): void {
  prefetches.clear();
}

export function previewFirstVisit(): Promise<void> {
  preview = showPreview();
  return preview;
}

async function showPreview(): Promise<void> {
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
    const { WORKER_MIN_BYTES, checkFeed } = await import('./ingest/client');
    await Promise.all(
      feeds.map(async (feed, i) => {
        try {
          const fetched = await downloads[i];
          // A big feed is parsed once, in the round's worker, not twice and on the page.
          if (fetched?.status !== 'ok' || fetched.bytes.byteLength >= WORKER_MIN_BYTES) return;
          // Every observation back, not a sample: the feed is small.
          const { sample: observations } = await checkFeed(
            { feed, bytes: fetched.bytes, today: new Date(), sampleSize: Infinity },
            { worker: 'always' },
          );
          // Another tab's round may have stored and shown this feed already.
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
