/**
 * First visit: the same-origin feeds (the embedded data) fetched, validated in full in a worker
 * and shown while Dexie loads and opens; the start round then stores them as on any refresh, with
 * the bytes downloaded here (one download) and the observations read from them here (one read in
 * one worker: a second worker reading the same bytes again took some 120 ms of processor time
 * while the page built itself), and shows what it stored (the same rows: no second render). The
 * page's own thread parses nothing: a cold parse of the embedded feed there was one task of
 * 130-240 ms at 4x CPU. A feed this cannot show is left to the round, which reports why (on the
 * page, where no worker can run).
 */
import { registryFeeds } from '../feeds/registry';
import type { FetchResult } from '../feeds/fetch';
import type { ValidatedFeed } from './ingest/commit';
import { onAppOrigin, session } from './session';
import { dataState, showValidated } from './state.svelte';

/** The first-visit preview's downloads, each used once by the round (see refreshFeed). */
const prefetches = new Map<string, Promise<FetchResult | undefined>>();
/** What the preview read from those downloads, each stored once by the round. */
const validations = new Map<string, Promise<ValidatedFeed | undefined>>();

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

export function takeValidated(url: string): Promise<ValidatedFeed | undefined> | undefined {
  const validated = validations.get(url);
  validations.delete(url);
  return validated;
}

/** Forgets the downloads and readings the round did not use (at the end of each round). */
export function clearPrefetched(): void {
  prefetches.clear();
  validations.clear();
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
  const urls = feeds.map((feed) => new URL(feed.url, baseUrl).href);
  const downloads = urls.map((url, i) => {
    const feed = feeds[i]!;
    const download = fetchCode
      .then(({ fetchFeedBytes }) => fetchFeedBytes(url, feed.id, { fetchImpl }))
      .catch(() => undefined);
    prefetches.set(url, download);
    return download;
  });
  try {
    const { WORKER_MIN_BYTES, checkFeed } = await import('./ingest/client');
    const readings = feeds.map(async (feed, i): Promise<ValidatedFeed | undefined> => {
      const fetched = await downloads[i];
      // A big feed is parsed once, in the round's worker, not twice and on the page.
      if (fetched?.status !== 'ok' || fetched.bytes.byteLength >= WORKER_MIN_BYTES) return;
      try {
        // Every observation back, not a sample: the feed is small.
        const { sample, report } = await checkFeed(
          { feed, bytes: fetched.bytes, today: new Date(), sampleSize: Infinity },
          { worker: 'always' },
        );
        return { feed, bytes: fetched.bytes, observations: sample, report };
      } catch {
        // Invalid: the round reads it again and says why.
        return undefined;
      }
    });
    readings.forEach((reading, i) => validations.set(urls[i]!, reading));
    await Promise.all(
      feeds.map(async (feed, i) => {
        const read = await readings[i];
        // Another tab's round may have stored and shown this feed already.
        if (read && !dataState.observations.some((o) => o.feed === feed.id)) {
          showValidated(feed.id, read.observations);
        }
      }),
    );
  } catch (e) {
    console.warn('first-visit preview unavailable', e);
  }
}
