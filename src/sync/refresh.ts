/** One refresh of one feed: fetch, validate fully, then commit or record why not. */
import { checksum, fetchFeedBytes } from '../feeds/fetch';
import { parseFeed } from '../feeds/ingest';
import { FeedError, type FeedConfig, type FeedIssue } from '../feeds/types';
import type { PulseDatabase } from '../store/db';
import { commitSnapshot, recordFailure, recordUnchanged } from '../store/repository';

export type RefreshOutcome =
  | { feed: string; status: 'updated'; rows: number }
  | { feed: string; status: 'unchanged' }
  | { feed: string; status: 'failed'; message: string; issues: FeedIssue[] };

export interface RefreshOptions {
  /** Base URL that relative feed URLs resolve against (the app's own location). */
  baseUrl: string;
  now?: () => Date;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
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
    const fetched = await fetchFeedBytes(url, feed.id, {
      etag: state?.etag,
      lastModified: state?.lastModified,
      fetchImpl: options.fetchImpl,
      timeoutMs: options.timeoutMs,
    });
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
    if (state?.checksum === sum) {
      await recordUnchanged(db, feed.id, at);
      return { feed: feed.id, status: 'unchanged' };
    }
    const { observations, report } = parseFeed(feed, fetched.bytes, { today: now() });
    await commitSnapshot(db, feed.id, observations, {
      fetchedAt: at,
      checksum: sum,
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      encoding: report.encoding,
      warnings: report.warnings,
    });
    return { feed: feed.id, status: 'updated', rows: observations.length };
  } catch (e) {
    const issues = e instanceof FeedError ? e.issues : [{ feed: feed.id, reason: String(e) }];
    const message = e instanceof Error ? e.message : String(e);
    await recordFailure(db, feed.id, at, message, issues);
    return { feed: feed.id, status: 'failed', message, issues };
  }
}
