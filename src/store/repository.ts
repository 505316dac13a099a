/** Reads and all-or-nothing writes over the database. */
import type { FeedIssue, Observation } from '../feeds/types';
import type { FeedState, PulseDatabase, StoredObservation } from './db';

export interface CommitMeta {
  fetchedAt: string;
  checksum: string;
  etag?: string;
  lastModified?: string;
  encoding?: string;
  warnings?: FeedIssue[];
}

/**
 * Replaces a feed's observations with a validated set, in one transaction: a crash or a
 * closed tab midway leaves the previous data whole.
 */
export async function commitSnapshot(
  db: PulseDatabase,
  feedId: string,
  observations: Observation[],
  meta: CommitMeta,
): Promise<void> {
  await db.transaction('rw', db.feeds, db.snapshots, db.observations, async () => {
    const snapshotId = (await db.snapshots.add({
      feedId,
      fetchedAt: meta.fetchedAt,
      checksum: meta.checksum,
      rows: observations.length,
    })) as number;
    await db.observations.where('feed').equals(feedId).delete();
    await db.observations.bulkAdd(observations.map((o) => ({ ...o, feed: feedId, snapshotId })));
    await db.feeds.put({
      id: feedId,
      lastSuccess: meta.fetchedAt,
      lastAttempt: meta.fetchedAt,
      etag: meta.etag,
      lastModified: meta.lastModified,
      checksum: meta.checksum,
      rows: observations.length,
      encoding: meta.encoding,
      warnings: meta.warnings ?? [],
    });
  });
}

/** Records a successful check that found nothing new (304, or the same bytes). */
export async function recordUnchanged(
  db: PulseDatabase,
  feedId: string,
  at: string,
): Promise<void> {
  await db.feeds.update(feedId, { lastSuccess: at, lastAttempt: at, lastError: undefined });
}

/** Records a failed refresh; the data in place is not touched. */
export async function recordFailure(
  db: PulseDatabase,
  feedId: string,
  at: string,
  message: string,
  issues: FeedIssue[],
): Promise<void> {
  const state: FeedState = (await db.feeds.get(feedId)) ?? { id: feedId };
  await db.feeds.put({
    ...state,
    lastAttempt: at,
    lastError: { at, message, issues: issues.slice(0, 200) },
  });
}

export async function loadObservations(db: PulseDatabase): Promise<Observation[]> {
  const stored = await db.observations.toArray();
  return stored.map(stripStorage);
}

export async function loadSeries(
  db: PulseDatabase,
  indicator: string,
  geo: string,
): Promise<Observation[]> {
  const stored = await db.observations.where('[indicator+geo]').equals([indicator, geo]).toArray();
  return stored.map(stripStorage);
}

export async function loadFeedStates(db: PulseDatabase): Promise<FeedState[]> {
  return db.feeds.toArray();
}

function stripStorage({ id: _id, snapshotId: _s, ...o }: StoredObservation): Observation {
  return o;
}
