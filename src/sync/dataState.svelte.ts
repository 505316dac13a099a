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
 * the repository and the refresh code are loaded with import() after it.
 */
import { registryFeeds } from '../feeds/registry';
import { normaliseConfig, userVocabulary } from '../feeds/mapping';
import { setUserIndicators } from '../model/indicators';
import { afterNextPaint } from '../lib/nextPaint';
import type { FeedConfig, FeedIssue } from '../feeds/types';
import type { Observation } from '../model/observation';
import type { FeedState, PulseDatabase, UserFeed } from '../store/db';
import { readForPaint, type PaintRead } from '../store/paintRead';
import { DB_NAME } from '../store/series';
import { openTabChannel, withFeedLock, type CrossTabMessage, type TabChannel } from './crossTab';
import { readManifest } from './manifest';
import {
  isoTime,
  nextRefreshAt,
  refreshIntervalMs,
  shouldRefresh,
  type RefreshReason,
} from './policy';
import type { FetchResult } from '../feeds/fetch';
import type { RefreshOutcome } from './refresh';
import { RefreshScheduler } from './scheduler';

/** What the data layer needs beyond the first paint: Dexie, the repository, the refresh. */
async function importStore() {
  const [db, repository, refresh] = await Promise.all([
    import('../store/db'),
    import('../store/repository'),
    import('./refresh'),
  ]);
  return {
    PulseDatabase: db.PulseDatabase,
    loadFeedStates: repository.loadFeedStates,
    loadObservations: repository.loadObservations,
    rollbackTo: repository.rollbackTo,
    refreshFeed: refresh.refreshFeed,
  };
}
type Store = Awaited<ReturnType<typeof importStore>>;

export type DataStatus = 'loading' | 'cached' | 'refreshing' | 'fresh' | 'error';

/** A feed whose last attempt failed, for the status line. */
export interface FeedFailureView {
  feed: string;
  message: string;
  issues: FeedIssue[];
  quota: boolean;
}

class DataState {
  /**
   * Raw, not deeply reactive: the array is only ever replaced whole, and a deep proxy
   * made every model function read each figure through proxy traps (about half of the overview's
   * first render at 4x CPU throttling).
   */
  observations = $state.raw<Observation[]>([]);
  feedStates = $state<FeedState[]>([]);
  /** Every feed: the registry's, then the user's (URL feeds are refreshed, files are not). */
  feeds = $state<(FeedConfig & { imported?: boolean })[]>([]);
  status = $state<DataStatus>('loading');
  /** Feeds whose last attempt failed (from the stored states, so every tab agrees). */
  failures = $state<FeedFailureView[]>([]);
  /** When the data on screen was last confirmed by a successful refresh. */
  updatedAt = $state<string | undefined>();
  /** Feeds done / to do in the running round; undefined when no round runs. */
  progress = $state<{ done: number; total: number } | undefined>();
  /** When the next automatic refresh is due (ISO). */
  nextRefreshAt = $state<string | undefined>();
  /** Whether the browser agreed to keep this site's storage (navigator.storage.persist). */
  persisted = $state<boolean | undefined>();
  /** IndexedDB itself failed (blocked, private mode, broken): nothing can be stored or read. */
  storageError = $state<string | undefined>();
}

export const dataState = new DataState();

let db: PulseDatabase | undefined;
let store: Store | undefined;
/** Whether startData ran without a database given (the app's own is then made on demand). */
let ownDatabase = false;
let channel: TabChannel | undefined;
let scheduler: RefreshScheduler | undefined;
/** Resolves once startData has made the scheduler (or given up). */
let schedulerReady: Promise<void> = Promise.resolve();
let settings: Required<Pick<StartOptions, 'baseUrl'>> & StartOptions = { baseUrl: '' };

export interface StartOptions {
  /** Feeds to refresh instead of the registry's and the user's (tests). */
  feeds?: FeedConfig[];
  baseUrl?: string;
  database?: PulseDatabase;
  fetchImpl?: typeof fetch;
  /** Listen to online/visibility events and keep a timer (default true). */
  schedule?: boolean;
}

/**
 * The database the app uses (after startData). A page asking for it has loaded the store modules
 * itself (it reads or writes through them) and hands over their database class, so the connection
 * can be made now even when startData is still painting from the cache.
 */
export function database(Database?: new () => PulseDatabase): PulseDatabase {
  if (!db && ownDatabase && Database) db = new Database();
  if (!db) throw new Error('startData() first');
  return db;
}

/** Paints from the cache, then refreshes every feed. Resolves when the start round ends. */
export async function startData(options: StartOptions = {}): Promise<void> {
  scheduler?.stop();
  scheduler = undefined;
  channel?.close();
  let ready = () => {};
  schedulerReady = new Promise((resolve) => (ready = resolve));
  try {
    await startWith(options, ready);
  } finally {
    ready();
  }
}

async function startWith(options: StartOptions, ready: () => void): Promise<void> {
  db = options.database;
  ownDatabase = !options.database;
  settings = { ...options, baseUrl: options.baseUrl ?? document.baseURI };
  dataState.storageError = undefined;
  void requestPersistence();
  const cache = await paintFromCache(options.database?.name ?? DB_NAME);
  if (cache === 'painted') await afterPaint();
  try {
    store ??= await importStore();
  } catch (e) {
    // The code could not be loaded (offline without the service worker's copy): what is on
    // screen stays; nothing can be refreshed or stored in this visit.
    console.warn('data layer unavailable', e);
    dataState.storageError = String(e);
    settle();
    return;
  }
  performance.mark('segur-pulse:store-loaded');
  db ??= new store.PulseDatabase();
  if (cache === 'absent') {
    // Nothing stored before this visit: what the first-visit preview shows stays until the
    // round has stored the data.
    try {
      await loadFeedList();
      dataState.feedStates = await store.loadFeedStates(db);
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
  channel = openTabChannel((message) => void onTabMessage(message));
  scheduler = new RefreshScheduler({
    round: runRound,
    nextDue,
    minIntervalMs: () => Math.min(...refreshable().map(refreshIntervalMs), Infinity),
    onSchedule: (at) => {
      dataState.nextRefreshAt = at === undefined ? undefined : isoTime(at);
    },
    win: options.schedule === false ? undefined : window,
    doc: options.schedule === false ? undefined : document,
  });
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
  if (!scheduler) await schedulerReady;
  if (!scheduler) throw new Error('startData() first');
  await scheduler.trigger('manual', feedId ? [feedId] : undefined);
}

/** Reloads what is on screen from IndexedDB (after a user feed was added or removed). */
export async function reloadObservations(): Promise<void> {
  store ??= await importStore();
  database(store.PulseDatabase);
  await loadFeedList();
  await reloadFromStore();
  if (!dataState.progress) settle();
  channel?.post({ type: 'data', feeds: [] });
  await scheduler?.reschedule();
}

/** Shows an earlier stored snapshot of a feed, here and in the other tabs. */
export async function rollbackFeed(feedId: string, snapshotId: number): Promise<void> {
  store ??= await importStore();
  const db = database(store.PulseDatabase);
  await store.rollbackTo(db, feedId, snapshotId);
  await reloadFromStore();
  channel?.post({ type: 'data', feeds: [feedId] });
}

/** Feeds refreshed from the network: registry feeds and the user's URL feeds. */
function refreshable(): FeedConfig[] {
  return dataState.feeds.filter((f) => !f.imported);
}

async function loadFeedList(): Promise<void> {
  if (settings.feeds) {
    dataState.feeds = settings.feeds;
    return;
  }
  let user: UserFeed[] = [];
  try {
    user = await db!.userFeeds.toArray();
  } catch (e) {
    console.warn('user feeds unavailable', e);
  }
  setFeedList(user);
}

function setFeedList(user: UserFeed[]): void {
  const configs = user.map((u) => normaliseConfig(u.config));
  // The user's own indicators are known to every view before their figures are shown.
  const vocabulary = userVocabulary(configs);
  setUserIndicators(vocabulary.indicators, vocabulary.breakdownLabels);
  dataState.feeds = settings.feeds ?? [
    ...registryFeeds,
    ...configs.map((c, i) => ({ ...c, imported: !!user[i]!.file })),
  ];
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
      // First visit: the feeds will be fetched and parsed; load that code while Dexie loads.
      void import('./ingest/job').catch(() => {});
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

/** Whether a feed is served with the app (its data/ folder), not by another site. */
function onAppOrigin(feed: FeedConfig, baseUrl: string): boolean {
  return new URL(feed.url, baseUrl).origin === new URL(baseUrl).origin;
}

async function nextDue(): Promise<number | undefined> {
  const feeds = refreshable();
  if (!feeds.length || !db) return undefined;
  const states = await store!.loadFeedStates(db).catch(() => [] as FeedState[]);
  return Math.min(
    ...feeds.map((f) =>
      nextRefreshAt(
        states.find((s) => s.id === f.id),
        refreshIntervalMs(f),
      ),
    ),
  );
}

/** One round: each due feed refreshed by whichever tab takes its lock first. */
async function runRound(reason: RefreshReason, feedIds?: string[]): Promise<void> {
  await loadFeedList();
  const feeds = refreshable().filter((f) => !feedIds || feedIds.includes(f.id));
  if (!feeds.length) {
    settle();
    return;
  }
  const hadData = dataState.observations.length > 0;
  // Shown once a feed is actually fetched: a round with nothing due does not flicker.
  let done = 0;
  const showProgress = () => {
    dataState.status = hadData ? 'refreshing' : 'loading';
    dataState.progress = { done, total: feeds.length };
  };
  const fetchImpl = settings.fetchImpl;
  const baseUrl = settings.baseUrl;
  const sameOrigin = feeds.some((f) => onAppOrigin(f, baseUrl));
  // Read at most once a round, by the first feed that needs it.
  let manifest: ReturnType<typeof readManifest> | undefined;
  let changed = !hadData;
  let statesChanged = false;
  try {
    await Promise.all(
      feeds.map(async (feed) => {
        const result = await withFeedLock(feed.id, async () => {
          const state = await db!.feeds.get(feed.id);
          if (!shouldRefresh(reason, state, refreshIntervalMs(feed), Date.now())) return undefined;
          showProgress();
          if (sameOrigin) manifest ??= readManifest(baseUrl, { fetchImpl });
          return store!.refreshFeed(db!, feed, {
            baseUrl,
            fetchImpl,
            manifest: manifest ? await manifest : undefined,
            // Nothing on screen yet (first visit): show the data as soon as it is valid, while
            // it is stored; the round's end shows what was stored.
            onValidated: hadData ? undefined : (rows) => showValidated(feed.id, rows),
            prefetched: takePrefetched,
          });
        });
        // Another tab held the lock: it has stored whatever it found.
        if (!result.ran) changed = true;
        else if (result.value) {
          statesChanged = true;
          if ((result.value as RefreshOutcome).status === 'updated') changed = true;
        }
        done += 1;
        if (dataState.progress) dataState.progress = { done, total: feeds.length };
      }),
    );
    dataState.storageError = undefined;
  } finally {
    prefetches.clear();
    dataState.progress = undefined;
    try {
      if (changed) await reloadFromStore();
      else dataState.feedStates = await store!.loadFeedStates(db!);
    } catch (e) {
      console.warn('IndexedDB unavailable', e);
    }
    settle();
    if (changed || statesChanged) {
      channel?.post({ type: changed ? 'data' : 'states', feeds: feeds.map((f) => f.id) });
    }
  }
}

async function onTabMessage(message: CrossTabMessage): Promise<void> {
  if (!db || !store) return;
  if (message.type === 'data') {
    await loadFeedList();
    await reloadFromStore();
  } else {
    dataState.feedStates = await store.loadFeedStates(db);
  }
  if (!dataState.progress) settle();
  await scheduler?.reschedule();
}

const FIELDS: (keyof Observation)[] = [
  'indicator',
  'breakdown',
  'geo',
  'period',
  'precision',
  'value',
  'qualifier',
  'sourceUrl',
  'sourceLabel',
  'note',
  'feed',
];

function sameRows(a: readonly Observation[], b: readonly Observation[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    for (const f of FIELDS) if (!Object.is(a[i]![f], b[i]![f])) return false;
  }
  return true;
}

/**
 * First visit: the same-origin feeds (the embedded data) fetched, validated in full and shown
 * while Dexie loads and opens; the start round then fetches, validates and stores them as on any
 * refresh, with the bytes downloaded here (one download), and shows what it stored (the same
 * rows: no second render). A feed this cannot show is left to the round, which reports why.
 */
async function previewFirstVisit(): Promise<void> {
  const { baseUrl, fetchImpl } = settings;
  const feeds = (settings.feeds ?? registryFeeds).filter((f) => onAppOrigin(f, baseUrl));
  if (!feeds.length) return;
  // Through the refresh module (loaded next anyway): importing feeds/fetch itself here would
  // make the bundler put its chunk in the first paint.
  const fetchCode = import('./refresh');
  // Registered at once, so that the round never downloads a file a second time.
  const downloads = feeds.map((feed) => {
    const url = new URL(feed.url, baseUrl).href;
    const download = fetchCode
      .then(({ fetchFeedBytes }) => fetchFeedBytes(url, feed.id, { fetchImpl }))
      .catch(() => undefined);
    prefetches.set(url, download);
    return download;
  });
  try {
    const [{ parseFeed }, { WORKER_MIN_BYTES }] = await Promise.all([
      import('../feeds/ingest'),
      import('./ingest/client'),
    ]);
    await Promise.all(
      feeds.map(async (feed, i) => {
        try {
          const fetched = await downloads[i];
          // A big feed is parsed once, in the round's worker, not twice and on the page.
          if (fetched?.status !== 'ok' || fetched.bytes.byteLength >= WORKER_MIN_BYTES) return;
          const { observations } = parseFeed(feed, fetched.bytes, { today: new Date() });
          // The round may have stored and shown this feed already.
          if (!dataState.observations.some((o) => o.feed === feed.id)) {
            showValidated(feed.id, observations);
          }
        } catch {
          // Invalid or unreachable: the round says why.
        }
      }),
    );
  } catch (e) {
    console.warn('first-visit preview unavailable', e);
  }
}

/** The first-visit preview's downloads, each used once by the round (see refreshFeed). */
// Not state: nothing renders from it.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const prefetches = new Map<string, Promise<FetchResult | undefined>>();

function takePrefetched(url: string): Promise<FetchResult | undefined> | undefined {
  const download = prefetches.get(url);
  prefetches.delete(url);
  return download;
}

function showValidated(feedId: string, rows: Observation[]): void {
  dataState.observations = [...dataState.observations.filter((o) => o.feed !== feedId), ...rows];
  performance.mark('segur-pulse:validated-shown');
}

/** The status, failures and "updated at" that follow from the stored feed states. */
function settle(): void {
  const ids = new Set(dataState.feeds.map((f) => f.id));
  const states = dataState.feedStates.filter((s) => ids.has(s.id));
  dataState.failures = states
    .filter((s) => s.lastError)
    .map((s) => ({
      feed: s.id,
      message: s.lastError!.message,
      issues: s.lastError!.issues,
      quota: s.lastError!.kind === 'quota',
    }));
  const successes = states.map((s) => s.lastSuccess).filter(Boolean) as string[];
  dataState.updatedAt = successes.sort().at(-1);
  if (dataState.failures.length || !dataState.observations.length || dataState.storageError) {
    dataState.status = 'error';
  } else {
    dataState.status = 'fresh';
  }
}

async function reloadFromStore(): Promise<void> {
  const [observations, feedStates] = await Promise.all([
    store!.loadObservations(db!),
    store!.loadFeedStates(db!),
  ]);
  // The same rows as on screen (e.g. shown when validated, now stored): no second render.
  if (!sameRows(dataState.observations, observations)) dataState.observations = observations;
  dataState.feedStates = feedStates;
  if (!dataState.feeds.length) await loadFeedList();
}

const PERSIST_ASKED = 'segur-pulse:persist-asked';

/** Asks once (per browser profile) that the browser keep this site's data under pressure. */
async function requestPersistence(): Promise<void> {
  try {
    const storage = navigator.storage;
    if (!storage?.persisted) return;
    let persisted = await storage.persisted();
    if (!persisted && storage.persist && !localStorage.getItem(PERSIST_ASKED)) {
      localStorage.setItem(PERSIST_ASKED, new Date().toISOString());
      persisted = await storage.persist();
    }
    dataState.persisted = persisted;
  } catch {
    // Storage APIs refused (private mode, sandboxed frame): the data still works for this visit.
  }
}
