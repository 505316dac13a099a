/**
 * The Dexie database class, once its module (db.ts, with Dexie) has been loaded by anything. The
 * cache-first paint does not load it; a page that imports the store itself (Sources, Feeds) has
 * it, and can then get the app's connection synchronously (dataState's `database()`).
 */
import type { PulseDatabase } from './db';

type DatabaseClass = new (name?: string) => PulseDatabase;
let loaded: DatabaseClass | undefined;

export function setDatabaseClass(c: DatabaseClass): void {
  loaded = c;
}

export function databaseClass(): DatabaseClass | undefined {
  return loaded;
}
