/** One refresh of one feed: fetch, validate fully, then commit or record why not. */
import { fetchFeedBytes, type FetchResult } from '../feeds/fetch';
import { checksum } from '../lib/checksum';
import { ingestFeed } from './ingest/client';
import { commitValidated, validatedFor, type ValidatedFeed } from './ingest/commit';
import type { Manifest, ManifestEntry } from '../feeds/manifest';
import { FeedError, type FeedConfig, type FeedIssue } from '../feeds/types';
import { type Observation } from '../model/observation';
import type { FeedState, PulseDatabase } from '../store/db';
import { isQuotaError } from '../store/quota';
import { recordFailure, recordUnchanged } from '../store/repository';
import { backoffDelay, refreshIntervalMs } from './policy';

export { fetchFeedBytes };

export type RefreshOutcome =
  | { feed: string; status: 'updated'; rows: number }
  | { feed: string; status: 'unchanged'; via?: 'manifest' }
  | { feed: string; status: 'failed'; message: string; issues: FeedIssue[]; quota?: true };

export interface RefreshOptions {
  /** Base URL that relative feed URLs resolve against (the app's own location). */
  baseUrl: string;
  now?: () => Date;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  /** Jitter source of the backoff after a failure. */
  random?: () => number;
  /**
   * The same-origin manifest (data/manifest.json) read for this round: null when there is none
   * (404), undefined when not read. Only same-origin feeds listed in it use it.
   */
  manifest?: { url: string; manifest: Manifest } | null;
  /**
   * An answer already fetched for this URL in this visit (the first visit's preview): used
   * instead of fetching again. Undefined, or a promise of undefined: fetch.
   */
  prefetched?: (url: string) => Promise<FetchResult | undefined> | undefined;
  /**
   * What the first visit's preview read and validated from the prefetched answer for this URL:
   * stored as it is when it was read from the very bytes stored, with the same configuration.
   */
  validated?: (url: string) => Promise<ValidatedFeed | undefined> | undefined;
  /** The feed's new observations, once all valid and before they are stored (see ingestFeed). */
  onValidated?: (observations: Observation[]) => void;
}

export async function refreshFeed(
  db: PulseDatabase,
  feed: FeedConfig,
  options: RefreshOptions,
): Promise<RefreshOutcome> {
  const now = options.now ?? (() => new Date());
  const at = now().toISOString();
  const url = new URL(feed.url, options.baseUrl).href;
  const state = await db.feeds.get(feed.id);
  try {
    const entry = manifestEntryFor(feed, url, options);
    if (entry && isKnown(state, `sha256:${entry.entry.sha256}`)) {
      await recordUnchanged(db, feed.id, at);
      return { feed: feed.id, status: 'unchanged', via: 'manifest' };
    }
    const target = entry?.fileUrl ?? url;
    const fetched =
      (await options.prefetched?.(target)) ??
      (await fetchFeedBytes(target, feed.id, {
        // The manifest says the file changed: no conditional request.
        etag: entry ? undefined : state?.etag,
        lastModified: entry ? undefined : state?.lastModified,
        fetchImpl: options.fetchImpl,
        timeoutMs: options.timeoutMs,
      }));
    if (fetched.status === 'not-modified' && state?.checksum) {
      await recordUnchanged(db, feed.id, at);
      return { feed: feed.id, status: 'unchanged' };
    }
    if (fetched.status === 'not-modified') {
      throw new FeedError([
        { feed: feed.id, reason: 'the server answered "not modified" but no data is stored' },
      ]);
    }
    const sum = await checksum(fetched.bytes);
    if (entry && sum !== `sha256:${entry.entry.sha256}`) {
      throw new FeedError([
        {
          feed: feed.id,
          reason: `${entry.fileUrl} does not match the SHA-256 in data/manifest.json (a new version may be being published; it will be tried again)`,
        },
      ]);
    }
    if (isKnown(state, sum)) {
      await recordUnchanged(db, feed.id, at);
      return { feed: feed.id, status: 'unchanged' };
    }
    const meta = {
      fetchedAt: at,
      checksum: sum,
      etag: fetched.etag,
      lastModified: fetched.lastModified,
    };
    // Read already (the first visit's preview, in its worker): stored without reading again.
    const validated = validatedFor(await options.validated?.(target), feed, fetched.bytes);
    if (validated) {
      options.onValidated?.(validated.observations);
      return { feed: feed.id, status: 'updated', rows: await commitValidated(db, validated, meta) };
    }
    // Parsed, validated and committed off the page (src/sync/ingest/), unless the page shows the
    // rows before they are stored (a first visit without a preview): then off the page for big
    // feeds only, a worker costing more time to start than a small feed takes to parse.
    const { rows } = await ingestFeed(
      db,
      { feed, bytes: fetched.bytes, today: now(), meta },
      { onValidated: options.onValidated, worker: options.onValidated ? 'auto' : 'always' },
    );
    return { feed: feed.id, status: 'updated', rows };
  } catch (e) {
    const quota = isQuotaError(e);
    const issues: FeedIssue[] =
      e instanceof FeedError
        ? e.issues
        : [
            {
              feed: feed.id,
              reason: quota
                ? 'the browser storage is full: the new data could not be saved'
                : String(e),
            },
          ];
    const message = e instanceof FeedError ? e.message : (issues[0]?.reason ?? String(e));
    const failures = (state?.failures ?? 0) + 1;
    const delay = backoffDelay(failures, refreshIntervalMs(feed), options.random ?? Math.random);
    const retryAt = new Date(now().getTime() + delay).toISOString();
    try {
      await recordFailure(
        db,
        feed.id,
        { at, message, issues, kind: quota ? 'quota' : undefined },
        retryAt,
      );
    } catch (recordError) {
      // With the storage full even the failure may not be written; the outcome still says why.
      console.warn('could not record the failure', recordError);
    }
    return quota
      ? { feed: feed.id, status: 'failed', message, issues, quota: true }
      : { feed: feed.id, status: 'failed', message, issues };
  }
}

/** The data in place, or the data the user rolled back from: nothing to commit. */
function isKnown(state: FeedState | undefined, sum: string): boolean {
  return (
    state?.snapshotId !== undefined && (state.checksum === sum || state.rolledBackFrom === sum)
  );
}

function manifestEntryFor(
  feed: FeedConfig,
  url: string,
  options: RefreshOptions,
): { entry: ManifestEntry; fileUrl: string } | undefined {
  const m = options.manifest;
  if (!m) return undefined;
  if (new URL(url).origin !== new URL(m.url).origin) return undefined;
  const entry = m.manifest.feeds.find((f) => f.id === feed.id);
  if (!entry) return undefined;
  return { entry, fileUrl: new URL(entry.file, m.url).href };
}
