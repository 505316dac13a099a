/**
 * The app's data, as the views see it: painted from IndexedDB first, then refreshed in the
 * background. A failed refresh changes the status, never the observations on screen.
 *
 * For other pages (e.g. the Feeds page):
 * - `refreshNow(feedId?: string): Promise<void>` refreshes one feed (or every feed) now,
 *   whatever the schedule, and updates `dataState` (and the other open tabs).
 * - `reloadObservations(): Promise<void>` reloads observations and feed states from IndexedDB
 *   (call it after adding, importing or deleting a user feed) and tells the other tabs.
 */
import { registryFeeds } from '../feeds/registry';
import type { FeedConfig, Observation } from '../feeds/types';
import { PulseDatabase, type FeedState } from '../store/db';
import { loadFeedStates, loadObservations } from '../store/repository';
import { refreshFeed, type RefreshOutcome } from './refresh';

export type DataStatus = 'loading' | 'cached' | 'refreshing' | 'fresh' | 'error';

export const dataState = $state({
  observations: [] as Observation[],
  feedStates: [] as FeedState[],
  status: 'loading' as DataStatus,
  /** Failed refreshes of the last round, for the status line. */
  failures: [] as Extract<RefreshOutcome, { status: 'failed' }>[],
  /** When the data on screen was last confirmed by a successful refresh. */
  updatedAt: undefined as string | undefined,
});

let db: PulseDatabase | undefined;

export interface StartOptions {
  feeds?: FeedConfig[];
  baseUrl?: string;
  database?: PulseDatabase;
}

/** Paints from the cache, then refreshes every feed. Resolves when the refresh round ends. */
export async function startData(options: StartOptions = {}): Promise<void> {
  db = options.database ?? new PulseDatabase();
  try {
    await reloadFromStore();
    if (dataState.observations.length) {
      dataState.status = 'cached';
      performance.mark('segur-pulse:cache-painted');
    }
  } catch (e) {
    // A broken or blocked IndexedDB (private mode, quota) must not stop the refresh.
    console.warn('IndexedDB unavailable', e);
  }
  await refreshAll(options);
}

export async function refreshAll(options: StartOptions = {}): Promise<void> {
  if (!db) throw new Error('startData() first');
  const feeds = options.feeds ?? registryFeeds;
  const baseUrl = options.baseUrl ?? document.baseURI;
  const hadData = dataState.observations.length > 0;
  dataState.status = hadData ? 'refreshing' : 'loading';
  const outcomes = await Promise.all(feeds.map((f) => refreshFeed(db!, f, { baseUrl })));
  dataState.failures = outcomes.filter((o) => o.status === 'failed');
  if (outcomes.some((o) => o.status === 'updated') || !hadData) await reloadFromStore();
  else dataState.feedStates = await loadFeedStates(db);
  dataState.status = dataState.failures.length ? 'error' : 'fresh';
  const successes = dataState.feedStates.map((s) => s.lastSuccess).filter(Boolean) as string[];
  dataState.updatedAt = successes.sort().at(-1);
}

async function reloadFromStore(): Promise<void> {
  const [observations, feedStates] = await Promise.all([
    loadObservations(db!),
    loadFeedStates(db!),
  ]);
  dataState.observations = observations;
  dataState.feedStates = feedStates;
}

/** Refreshes one feed (or all) now, whatever the schedule. */
export async function refreshNow(feedId?: string): Promise<void> {
  const feeds = feedId ? registryFeeds.filter((f) => f.id === feedId) : registryFeeds;
  await refreshAll({ feeds });
}

/** Reloads what is on screen from IndexedDB (after a user feed was added or removed). */
export async function reloadObservations(): Promise<void> {
  if (!db) throw new Error('startData() first');
  await reloadFromStore();
}
