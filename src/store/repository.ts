/** Reads and all-or-nothing writes over the database. */
import type { FeedIssue, IngestReport, IngestSkipSummary } from '../feeds/types';
import type { Observation } from '../model/observation';
import {
  SNAPSHOTS_KEPT,
  type FeedFailure,
  type FeedState,
  type PulseDatabase,
  type Snapshot,
} from './db';
import { decodeSeries, seriesLength, seriesRecords, type StoredSeries } from './series';

export interface CommitMeta {
  fetchedAt: string;
  checksum: string;
  etag?: string;
  lastModified?: string;
  encoding?: string;
  warnings?: FeedIssue[];
  /** The validation's report; its rows read and skipped are kept with the snapshot. */
  report?: IngestReport;
}

/**
 * Stores a validated set as the feed's new current snapshot, in one transaction: a crash or a
 * closed tab midway leaves the previous data whole. The previous snapshots stay stored for
 * comparison and rollback; beyond SNAPSHOTS_KEPT the oldest are pruned in the same transaction.
 */
export async function commitSnapshot(
  db: PulseDatabase,
  feedId: string,
  observations: Observation[],
  meta: CommitMeta,
): Promise<number> {
  return db.transaction('rw', db.feeds, db.snapshots, db.series, async () => {
    const snapshotId = (await db.snapshots.add({
      feedId,
      fetchedAt: meta.fetchedAt,
      checksum: meta.checksum,
      rows: observations.length,
      encoding: meta.encoding,
      warnings: meta.warnings ?? [],
      ...skipSummary(meta.report),
    })) as number;
    await addSeries(db, seriesRecords(observations, snapshotId, feedId));
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
      ...skipSummary(meta.report),
      snapshotId,
      failures: 0,
    });
    await pruneSnapshots(db, feedId, snapshotId);
    return snapshotId;
  });
}

/**
 * Rows of series records made and stored at a time: a million rows stored in one write held
 * all their columns and, while IndexedDB took them, a serialised copy of each (some 50 MB).
 */
export const ROWS_PER_WRITE = 50_000;

/** Stores records as they are made, a few at a time, in the caller's transaction. */
async function addSeries(db: PulseDatabase, records: Iterable<StoredSeries>): Promise<void> {
  let batch: StoredSeries[] = [];
  let rows = 0;
  for (const record of records) {
    batch.push(record);
    rows += seriesLength(record);
    if (rows < ROWS_PER_WRITE) continue;
    await db.series.bulkAdd(batch);
    batch = [];
    rows = 0;
  }
  if (batch.length) await db.series.bulkAdd(batch);
}

/** The rows read and skipped of a report, as stored with a snapshot and its feed's state. */
function skipSummary(report: IngestReport | undefined): Partial<IngestSkipSummary> {
  if (!report) return {};
  return { rowsRead: report.rowsRead, rowsSkipped: report.rowsSkipped, skipped: report.skipped };
}

/** Deletes a feed's snapshots (and their observations) beyond the newest SNAPSHOTS_KEPT. */
async function pruneSnapshots(db: PulseDatabase, feedId: string, current: number): Promise<void> {
  const ids = (await db.snapshots.where('feedId').equals(feedId).primaryKeys()) as number[];
  const old = ids
    .sort((a, b) => b - a)
    .slice(SNAPSHOTS_KEPT)
    .filter((id) => id !== current);
  if (!old.length) return;
  await db.series.where('snapshotId').anyOf(old).delete();
  await db.snapshots.bulkDelete(old);
}

/** Records a successful check that found nothing new (304, the same bytes, or the manifest). */
export async function recordUnchanged(
  db: PulseDatabase,
  feedId: string,
  at: string,
): Promise<void> {
  await db.feeds.update(feedId, {
    lastSuccess: at,
    lastAttempt: at,
    lastError: undefined,
    failures: 0,
    retryAt: undefined,
  });
}

/** Records a failed refresh and when to try again; the data in place is not touched. */
export async function recordFailure(
  db: PulseDatabase,
  feedId: string,
  failure: FeedFailure,
  retryAt?: string,
): Promise<void> {
  const state: FeedState = (await db.feeds.get(feedId)) ?? { id: feedId };
  await db.feeds.put({
    ...state,
    lastAttempt: failure.at,
    lastError: { ...failure, issues: failure.issues.slice(0, 200) },
    failures: (state.failures ?? 0) + 1,
    retryAt,
  });
}

/** The observations on screen: those of each feed's current snapshot. */
export async function loadObservations(db: PulseDatabase): Promise<Observation[]> {
  return db.transaction('r', db.feeds, db.series, async () => {
    const current = await currentSnapshotIds(db);
    return decodeSeries(await db.series.where('snapshotId').anyOf(current).toArray());
  });
}

/** The observations of one indicator at one place (every breakdown), from the data shown. */
export async function loadSeries(
  db: PulseDatabase,
  indicator: string,
  geo: string,
): Promise<Observation[]> {
  return db.transaction('r', db.feeds, db.series, async () => {
    const current = await currentSnapshotIds(db);
    const stored = await db.series
      .where('[snapshotId+indicator+geo]')
      .anyOf(current.map((id) => [id, indicator, geo]))
      .toArray();
    return decodeSeries(stored);
  });
}

/** Rows stored, every snapshot included (tests, benchmark). */
export async function countObservations(db: PulseDatabase): Promise<number> {
  let rows = 0;
  await db.series.each((s) => {
    rows += seriesLength(s);
  });
  return rows;
}

async function currentSnapshotIds(db: PulseDatabase): Promise<number[]> {
  const states = await db.feeds.toArray();
  return states.map((s) => s.snapshotId).filter((id): id is number => id !== undefined);
}

export async function loadFeedStates(db: PulseDatabase): Promise<FeedState[]> {
  return db.feeds.toArray();
}

/** A feed's stored snapshots, newest first. */
export async function loadSnapshots(db: PulseDatabase, feedId: string): Promise<Snapshot[]> {
  const list = await db.snapshots.where('feedId').equals(feedId).toArray();
  return list.sort((a, b) => b.id! - a.id!);
}

export async function loadSnapshotObservations(
  db: PulseDatabase,
  snapshotId: number,
): Promise<Observation[]> {
  return decodeSeries(await db.series.where('snapshotId').equals(snapshotId).toArray());
}

/**
 * Makes an earlier stored snapshot the one shown, in one transaction. The newest data is kept
 * (it can be restored the same way); until the server publishes something else, refreshes do
 * not bring it back.
 */
export async function rollbackTo(
  db: PulseDatabase,
  feedId: string,
  snapshotId: number,
): Promise<void> {
  await db.transaction('rw', db.feeds, db.snapshots, async () => {
    const target = await db.snapshots.get(snapshotId);
    if (!target || target.feedId !== feedId) {
      throw new Error(`feed "${feedId}" has no stored snapshot ${snapshotId}`);
    }
    const newest = (await loadSnapshots(db, feedId))[0]!;
    const state: FeedState = (await db.feeds.get(feedId)) ?? { id: feedId };
    await db.feeds.put({
      ...state,
      snapshotId,
      checksum: target.checksum,
      rows: target.rows,
      encoding: target.encoding,
      warnings: target.warnings ?? [],
      rolledBackFrom: newest.id === snapshotId ? undefined : newest.checksum,
    });
  });
}

/** Forgets a feed entirely (a user feed being removed): state, snapshots and observations. */
export async function removeFeedData(db: PulseDatabase, feedId: string): Promise<void> {
  await db.transaction('rw', db.feeds, db.snapshots, db.series, async () => {
    await db.series.where('feed').equals(feedId).delete();
    await db.snapshots.where('feedId').equals(feedId).delete();
    await db.feeds.delete(feedId);
  });
}
