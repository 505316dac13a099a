/** The IndexedDB database (Dexie): feeds' state, snapshots, observations. */
import Dexie, { type EntityTable } from 'dexie';
import type { FeedConfig, FeedIssue, IngestSkipSummary } from '../feeds/types';
import type { Observation } from '../model/observation';
import { DB_NAME, SERIES_INDEXES, encodeSeries, type StoredSeries } from './series';

export { DB_NAME, type StoredSeries };
/** Bump with a new `version(n).stores(...)` block and an upgrade; never edit an old block. */
export const SCHEMA_VERSION = 3;

/** What we know of a feed's last refreshes. */
export interface FeedState {
  id: string;
  /** Last time a refresh brought valid data (or confirmed it unchanged). */
  lastSuccess?: string;
  lastAttempt?: string;
  /** Why the last attempt failed; cleared by a success. */
  lastError?: FeedFailure;
  /** Failed attempts since the last success: drives the backoff. */
  failures?: number;
  /** After a failure, when the next automatic attempt is due (backoff with jitter, ISO). */
  retryAt?: string;
  etag?: string;
  lastModified?: string;
  /** SHA-256 of the raw bytes of the data in place. */
  checksum?: string;
  rows?: number;
  encoding?: string;
  warnings?: FeedIssue[];
  /** Rows read and rows skipped (place outside the reference, empty value) of the data shown. */
  rowsRead?: IngestSkipSummary['rowsRead'];
  rowsSkipped?: IngestSkipSummary['rowsSkipped'];
  skipped?: IngestSkipSummary['skipped'];
  /** The snapshot whose observations are shown (the last good one, or one rolled back to). */
  snapshotId?: number;
  /**
   * Checksum of data the user rolled back from: the same bytes coming back from the server are
   * not committed again (a new, different file is).
   */
  rolledBackFrom?: string;
}

/** Why a refresh failed. `quota`: the browser's storage is full (explained in plain words). */
export interface FeedFailure {
  at: string;
  message: string;
  issues: FeedIssue[];
  kind?: 'quota';
}

/** One good version of a feed's data; its observations are stored under its id. */
export interface Snapshot {
  id?: number;
  feedId: string;
  fetchedAt: string;
  checksum: string;
  rows: number;
  encoding?: string;
  warnings?: FeedIssue[];
  /** Rows read and skipped by the validation of this version (none before issue 15). */
  rowsRead?: number;
  rowsSkipped?: number;
  skipped?: IngestSkipSummary['skipped'];
}

/** Good snapshots kept per feed (the current one and the ones it can be rolled back to). */
export const SNAPSHOTS_KEPT = 3;

/** A feed added by the user of this browser (by https URL or by importing a file). */
export interface UserFeed {
  id: string;
  config: FeedConfig;
  addedAt: string;
  /** An imported file, kept in this browser so it can be validated again and exported. */
  file?: { name: string; bytes: ArrayBuffer; importedAt: string };
}

/** An observation as schema v1 and v2 stored it: one record per row. */
export type StoredObservation = Observation & { id?: number; snapshotId: number };

export class PulseDatabase extends Dexie {
  feeds!: EntityTable<FeedState, 'id'>;
  snapshots!: EntityTable<Snapshot, 'id'>;
  /** The observations, one record per series of a snapshot (src/store/series.ts). */
  series!: EntityTable<StoredSeries, 'id'>;
  userFeeds!: EntityTable<UserFeed, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      feeds: 'id',
      snapshots: '++id, feedId, fetchedAt',
      observations: '++id, feed, snapshotId, [indicator+geo]',
    });
    // v2: feeds added by the user; the last SNAPSHOTS_KEPT snapshots of a feed keep their
    // observations, and the feed's state names the one shown. v1 kept only the observations of
    // the last snapshot: that snapshot becomes the current one, and the older, empty snapshot
    // records (nothing to roll back to) are dropped.
    this.version(2)
      .stores({
        userFeeds: 'id',
      })
      .upgrade(async (tx) => {
        const feeds = tx.table<FeedState, string>('feeds');
        const snapshots = tx.table<Snapshot, number>('snapshots');
        const observations = tx.table<StoredObservation, number>('observations');
        const withRows = new Set(
          (await observations.orderBy('snapshotId').uniqueKeys()) as number[],
        );
        const empty = await snapshots.filter((s) => !withRows.has(s.id!)).primaryKeys();
        await snapshots.bulkDelete(empty);
        const kept = await snapshots.toArray();
        await feeds.toCollection().modify((state) => {
          const own = kept.filter((s) => s.feedId === state.id).map((s) => s.id!);
          if (own.length) state.snapshotId = Math.max(...own);
        });
      });
    // v3: observations stored as one record per series (snapshot, indicator, breakdown, place)
    // with columns of rows instead of one record per row with three indexes: storing 100k rows
    // took over 10 s. Every row of every stored snapshot moves over, in its order.
    this.version(3)
      .stores({
        series: SERIES_INDEXES,
        observations: null,
      })
      .upgrade(async (tx) => {
        const observations = tx.table<StoredObservation, number>('observations');
        const series = tx.table<StoredSeries, number>('series');
        const ids = (await observations.orderBy('snapshotId').uniqueKeys()) as number[];
        for (const snapshotId of ids) {
          const rows = await observations.where('snapshotId').equals(snapshotId).sortBy('id');
          await series.bulkAdd(encodeSeries(rows, snapshotId));
        }
      });
  }
}
