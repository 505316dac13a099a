/**
 * The IndexedDB schemas of earlier releases, exactly as they shipped (Dexie syntax), for tests
 * that open a database written by them: upgrades, the plain cache reader, the app's start.
 */
import Dexie from 'dexie';

const V1_STORES = {
  feeds: 'id',
  snapshots: '++id, feedId, fetchedAt',
  observations: '++id, feed, snapshotId, [indicator+geo]',
};

/** Schema v1: one observation record per row, nothing of later versions. */
export function openSchemaV1(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores(V1_STORES);
  return db;
}

/** Schema v2: v1 and the user feeds; still one observation record per row. */
export function openSchemaV2(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores(V1_STORES);
  db.version(2).stores({ userFeeds: 'id' });
  return db;
}
