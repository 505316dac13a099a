/**
 * The cache-first paint without Dexie: the plain IndexedDB API opens the app's database at
 * whatever version it has (no upgrade) and reads the observations of each feed's current
 * snapshot. Dexie (37 KB gzip) and the repository load after the first paint, for refreshes and
 * writes. Anything this reader does not recognise is left to the Dexie path, which upgrades.
 */
import type { Observation } from '../model/observation';
import type { FeedState, UserFeed } from './db';
import { DB_NAME, SERIES_TABLE, decodeSeries, type StoredSeries } from './series';

export type PaintRead =
  | { kind: 'data'; observations: Observation[]; feedStates: FeedState[]; userFeeds: UserFeed[] }
  /** No database yet (first visit): nothing to paint, and none was created. */
  | { kind: 'absent' }
  /** A database of another layout (an older version): the Dexie path upgrades and reads it. */
  | { kind: 'other-version'; version: number };

const STORES = ['feeds', SERIES_TABLE, 'userFeeds'];

/** Reads what the app shows from the cache; rejects on an IndexedDB error. */
export async function readForPaint(
  name = DB_NAME,
  idb: IDBFactory = indexedDB,
): Promise<PaintRead> {
  // On a first visit, listing the databases is much quicker than opening one that does not
  // exist (which creates it, then deletes it when the creation is aborted).
  if (typeof idb.databases === 'function') {
    const list = await idb.databases().catch(() => undefined);
    if (list && !list.some((d) => d.name === name)) return { kind: 'absent' };
  }
  return open(name, idb);
}

function open(name: string, idb: IDBFactory): Promise<PaintRead> {
  return new Promise<PaintRead>((resolve, reject) => {
    let absent = false;
    const request = idb.open(name);
    // Only a database that does not exist gets here (no version asked): do not create it, so
    // that Dexie creates it with its schema.
    request.onupgradeneeded = () => {
      absent = true;
      request.transaction?.abort();
    };
    request.onerror = () => {
      if (absent) resolve({ kind: 'absent' });
      else reject(request.error ?? new Error(`IndexedDB "${name}" could not be opened`));
    };
    request.onblocked = () => reject(new Error(`IndexedDB "${name}" is blocked`));
    request.onsuccess = () => {
      const db = request.result;
      // Never hold up an upgrade (Dexie's, here or in another tab).
      db.onversionchange = () => db.close();
      const fail = (error: unknown) => {
        db.close();
        reject(
          error instanceof Error || error instanceof DOMException
            ? error
            : new Error(String(error)),
        );
      };
      const otherVersion = () => {
        const version = db.version;
        db.close();
        resolve({ kind: 'other-version', version });
      };
      if (!STORES.every((s) => db.objectStoreNames.contains(s))) return otherVersion();
      try {
        const tx = db.transaction(STORES, 'readonly');
        const seriesStore = tx.objectStore(SERIES_TABLE);
        if (!seriesStore.indexNames.contains('snapshotId')) return otherVersion();
        const records: StoredSeries[] = [];
        let feedStates: FeedState[] = [];
        let userFeeds: UserFeed[] = [];
        // Resolved with the last answer rather than on the transaction's completion: one turn
        // of the (busy) main thread fewer before the paint.
        let pending = 2;
        const answered = () => {
          if (--pending > 0) return;
          db.close();
          try {
            resolve({ kind: 'data', observations: decodeSeries(records), feedStates, userFeeds });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        };
        const feeds = tx.objectStore('feeds').getAll();
        feeds.onsuccess = () => {
          feedStates = feeds.result as FeedState[];
          const index = seriesStore.index('snapshotId');
          for (const state of feedStates) {
            if (state.snapshotId === undefined) continue;
            pending += 1;
            const got = index.getAll(state.snapshotId);
            got.onsuccess = () => {
              for (const record of got.result as StoredSeries[]) records.push(record);
              answered();
            };
          }
          answered();
        };
        const users = tx.objectStore('userFeeds').getAll();
        users.onsuccess = () => {
          userFeeds = users.result as UserFeed[];
          answered();
        };
        tx.onerror = () => fail(tx.error);
        tx.onabort = () => fail(tx.error ?? new Error('IndexedDB read aborted'));
      } catch (error) {
        fail(error);
      }
    };
  });
}
