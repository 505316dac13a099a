/** The IndexedDB database (Dexie): feeds' state, snapshots, observations. */
import Dexie, { type EntityTable } from 'dexie';
import type { FeedConfig, FeedIssue, Observation } from '../feeds/types';

export const DB_NAME = 'segur-pulse';
/** Bump with a new `version(n).stores(...)` block and an upgrade; never edit an old block. */
export const SCHEMA_VERSION = 2;

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

/** A feed added by the user of this browser (by https URL or by importing a file). */
export interface UserFeed {
  id: string;
  config: FeedConfig;
  addedAt: string;
  /** An imported file, kept in this browser so it can be validated again and exported. */
  file?: { name: string; bytes: ArrayBuffer; importedAt: string };
}

export type StoredObservation = Observation & { id?: number; snapshotId: number };

export class PulseDatabase extends Dexie {
  feeds!: EntityTable<FeedState, 'id'>;
  snapshots!: EntityTable<Snapshot, 'id'>;
  observations!: EntityTable<StoredObservation, 'id'>;
  userFeeds!: EntityTable<UserFeed, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      feeds: 'id',
      snapshots: '++id, feedId, fetchedAt',
      observations: '++id, feed, snapshotId, [indicator+geo]',
    });
    // v2: feeds added by the user.
    this.version(2).stores({
      userFeeds: 'id',
    });
  }
}
