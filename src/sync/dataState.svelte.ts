/**
 * The app's data, as the views see it: painted from IndexedDB first, then refreshed in the
 * background. A failed refresh changes the status, never the observations on screen.
 *
 * For other pages (e.g. the Feeds page):
 * - `refreshNow(feedId?: string): Promise<void>` refreshes one feed (or every feed) now,
 *   whatever the schedule, and updates `dataState` (and the other open tabs).
 * - `reloadObservations(): Promise<void>` reloads observations and feed states from IndexedDB
 *   (call it after adding, importing or deleting a user feed) and tells the other tabs.
 * - `rollbackFeed(feedId, snapshotId)` shows an earlier stored snapshot of a feed (Sources page).
 *
 * The first paint reads the cache with the plain IndexedDB API (src/store/paintRead.ts); Dexie,
 * the repository and the refresh code are loaded with import() after it. This module sequences
 * the start; the state is in state.svelte.ts, the shared session in session.ts, the first-visit
 * preview in firstVisit.ts, a refresh round and other tabs' messages in round.ts.
 */
import { afterNextPaint } from '../lib/nextPaint';
import type { PulseDatabase } from '../store/db';
import { readForPaint, type PaintRead } from '../store/paintRead';
import { DB_NAME } from '../store/series';
import { openTabChannel } from './crossTab';
import { previewFirstVisit } from './firstVisit';
import { requestPersistence } from './persistence';
import { isoTime, refreshIntervalMs } from './policy';
import { nextDue, onTabMessage, runRound } from './round';
import { RefreshScheduler } from './scheduler';
import {
  importStore,
  loadFeedList,
  refreshable,
  reloadFromStore,
  session,
  setFeedList,
  type StartOptions,
} from './session';
import { dataState, settle } from './state.svelte';

export { dataState, type DataStatus, type FeedFailureView } from './state.svelte';
export type { StartOptions } from './session';

/**
 * The database the app uses (after startData). A page asking for it has loaded the store modules
 * itself (it reads or writes through them) and hands over their database class, so the connection
 * can be made now even when startData is still painting from the cache.
 */
export function database(Database?: new () => PulseDatabase): PulseDatabase {
  if (!session.db && session.ownDatabase && Database) session.db = new Database();
  if (!session.db) throw new Error('startData() first');
  return session.db;
}

/** Paints from the cache, then refreshes every feed. Resolves when the start round ends. */
export async function startData(options: StartOptions = {}): Promise<void> {
  session.scheduler?.stop();
  session.scheduler = undefined;
  session.channel?.close();
  let ready = () => {};
  session.schedulerReady = new Promise((resolve) => (ready = resolve));
  try {
    await startWith(options, ready);
  } finally {
    ready();
  }
}

async function startWith(options: StartOptions, ready: () => void): Promise<void> {
  session.db = options.database;
  session.ownDatabase = !options.database;
  session.settings = { ...options, baseUrl: options.baseUrl ?? document.baseURI };
  dataState.storageError = undefined;
  void requestPersistence().then((persisted) => {
    if (persisted !== undefined) dataState.persisted = persisted;
  });
  const cache = await paintFromCache(options.database?.name ?? DB_NAME);
  if (cache === 'painted') await afterPaint();
  let store;
  try {
    store = session.store ??= await importStore();
  } catch (e) {
    // The code could not be loaded (offline without the service worker's copy): what is on
    // screen stays; nothing can be refreshed or stored in this visit.
    console.warn('data layer unavailable', e);
    dataState.storageError = String(e);
    settle();
    return;
  }
  performance.mark('segur-pulse:store-loaded');
  session.db ??= new store.PulseDatabase();
  if (cache === 'absent') {
    // Nothing stored before this visit: what the first-visit preview shows stays until the
    // round has stored the data.
    try {
      await loadFeedList();
      dataState.feedStates = await store.loadFeedStates(session.db);
    } catch (e) {
      console.warn('IndexedDB unavailable', e);
      dataState.storageError = String(e);
    }
  } else if (cache === 'unread') {
    try {
      await reloadFromStore();
      if (dataState.observations.length) {
        dataState.status = 'cached';
        performance.mark('segur-pulse:cache-painted');
      }
    } catch (e) {
      // A broken or blocked IndexedDB (private mode, quota) must not stop the refresh.
      console.warn('IndexedDB unavailable', e);
      dataState.storageError = String(e);
    }
  }
  session.channel = openTabChannel((message) => void onTabMessage(message));
  const scheduler = new RefreshScheduler({
    round: runRound,
    nextDue,
    minIntervalMs: () => Math.min(...refreshable().map(refreshIntervalMs), Infinity),
    onSchedule: (at) => {
      dataState.nextRefreshAt = at === undefined ? undefined : isoTime(at);
    },
    win: options.schedule === false ? undefined : window,
    doc: options.schedule === false ? undefined : document,
  });
  session.scheduler = scheduler;
  ready();
  try {
    await scheduler.start();
  } catch (e) {
    // Each feed's failure is recorded by refreshFeed; this is the storage itself failing.
    console.warn('refresh failed', e);
    dataState.storageError = String(e);
    settle();
  }
}

/**
 * Resolves once there is something to show: data (from the cache or the first-visit preview), or
 * the reason there is none (the status has left 'loading').
 */
export function whenShown(): Promise<void> {
  return new Promise((resolve) => {
    const stop = $effect.root(() => {
      $effect(() => {
        if (dataState.observations.length || dataState.status !== 'loading') {
          resolve();
          queueMicrotask(() => stop());
        }
      });
    });
  });
}

/** Refreshes one feed (or all) now, whatever the schedule. */
export async function refreshNow(feedId?: string): Promise<void> {
  // Right after the first paint the scheduler may still be loading.
  if (!session.scheduler) await session.schedulerReady;
  if (!session.scheduler) throw new Error('startData() first');
  await session.scheduler.trigger('manual', feedId ? [feedId] : undefined);
}

/** Reloads what is on screen from IndexedDB (after a user feed was added or removed). */
export async function reloadObservations(): Promise<void> {
  session.store ??= await importStore();
  database(session.store.PulseDatabase);
  await loadFeedList();
  await reloadFromStore();
  if (!dataState.progress) settle();
  session.channel?.post({ type: 'data', feeds: [] });
  await session.scheduler?.reschedule();
}

/** Shows an earlier stored snapshot of a feed, here and in the other tabs. */
export async function rollbackFeed(feedId: string, snapshotId: number): Promise<void> {
  session.store ??= await importStore();
  const db = database(session.store.PulseDatabase);
  await session.store.rollbackTo(db, feedId, snapshotId);
  await reloadFromStore();
  session.channel?.post({ type: 'data', feeds: [feedId] });
}

/**
 * Shows the cached data read without Dexie. `absent`: no database yet (first visit); `unread`:
 * nothing to show or not readable that way (an older version, an error): Dexie then reads it.
 */
async function paintFromCache(name: string): Promise<'painted' | 'absent' | 'unread'> {
  const early = name === DB_NAME ? earlyRead : undefined;
  earlyRead = undefined;
  try {
    const cached = await (early ?? readForPaint(name));
    if (cached.kind === 'absent') {
      // First visit: the feeds are fetched and parsed (in workers) while Dexie loads.
      void previewFirstVisit();
      return 'absent';
    }
    if (cached.kind !== 'data' || !cached.observations.length) return 'unread';
    dataState.observations = cached.observations;
    dataState.feedStates = cached.feedStates;
    setFeedList(cached.userFeeds);
    dataState.status = 'cached';
    performance.mark('segur-pulse:cache-painted');
    return 'painted';
  } catch (e) {
    console.warn('cache not readable without Dexie, reading it with Dexie', e);
    return 'unread';
  }
}

/**
 * The app's cache, read as soon as this module loads: the read runs while the app mounts, and
 * the first startData uses it.
 */
let earlyRead: Promise<PaintRead> | undefined =
  typeof indexedDB !== 'undefined' && typeof document !== 'undefined'
    ? readForPaint(DB_NAME)
    : undefined;
// Read or not, a failure is handled where the result is used (or nowhere, if never used).
earlyRead?.catch(() => {});

/**
 * Resolves once the browser has painted the cached data and is idle (the charts drawn), so that
 * loading Dexie does not delay them; within 2 s whatever happens (a hidden tab paints no frame).
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    void afterNextPaint().then(() => {
      if (typeof requestIdleCallback === 'function') {
        requestIdleCallback(() => resolve(), { timeout: 1000 });
      } else setTimeout(resolve, 0);
    });
    setTimeout(resolve, 2000);
  });
}
