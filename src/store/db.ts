/** The IndexedDB database (Dexie): feeds' state, snapshots, observations. */
import Dexie, { type EntityTable } from 'dexie';
import type { FeedIssue, Observation } from '../feeds/types';

export const DB_NAME = 'segur-pulse';
/** Bump with a new `version(n).stores(...)` block and an upgrade; never edit an old block. */
export const SCHEMA_VERSION = 1;

/** What we know of a feed's last refreshes. */
export interface FeedState {
  id: string;
  /** Last time a refresh brought valid data (or confirmed it unchanged). */
  lastSuccess?: string;
  lastAttempt?: string;
  /** Why the last attempt failed; cleared by a success. */
  lastError?: { at: string; message: string; issues: FeedIssue[] };
  etag?: string;
  lastModified?: string;
  /** SHA-256 of the raw bytes of the data in place. */
  checksum?: string;
  rows?: number;
  encoding?: string;
  warnings?: FeedIssue[];
}

export interface Snapshot {
  id?: number;
  feedId: string;
  fetchedAt: string;
  checksum: string;
  rows: number;
}

export type StoredObservation = Observation & { id?: number; snapshotId: number };

export class PulseDatabase extends Dexie {
  feeds!: EntityTable<FeedState, 'id'>;
  snapshots!: EntityTable<Snapshot, 'id'>;
  observations!: EntityTable<StoredObservation, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(SCHEMA_VERSION).stores({
      feeds: 'id',
      snapshots: '++id, feedId, fetchedAt',
      observations: '++id, feed, snapshotId, [indicator+geo]',
    });
  }
}
