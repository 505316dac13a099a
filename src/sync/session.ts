/**
 * The running data session shared by the sync modules: the database, the store code once loaded,
 * the start options, the cross-tab channel and the scheduler; and reading the feed list and the
 * data on screen from the store.
 */
import { registryFeeds } from '../feeds/registry';
import { normaliseConfig, userVocabulary } from '../feeds/mapping';
import type { FeedConfig } from '../feeds/types';
import { setUserIndicators } from '../model/indicators';
import type { Observation } from '../model/observation';
import type { PulseDatabase, UserFeed } from '../store/db';
import type { TabChannel } from './crossTab';
import type { RefreshScheduler } from './scheduler';
import { dataState } from './state.svelte';

/** What the data layer needs beyond the first paint: Dexie, the repository, the refresh. */
export async function importStore() {
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
export type Store = Awaited<ReturnType<typeof importStore>>;

export interface StartOptions {
  /** Feeds to refresh instead of the registry's and the user's (tests). */
  feeds?: FeedConfig[];
  baseUrl?: string;
  database?: PulseDatabase;
  fetchImpl?: typeof fetch;
  /** Listen to online/visibility events and keep a timer (default true). */
  schedule?: boolean;
}

export const session: {
  db?: PulseDatabase;
  store?: Store;
  /** Whether startData ran without a database given (the app's own is then made on demand). */
  ownDatabase: boolean;
  channel?: TabChannel;
  scheduler?: RefreshScheduler;
  /** Resolves once startData has made the scheduler (or given up). */
  schedulerReady: Promise<void>;
  settings: Required<Pick<StartOptions, 'baseUrl'>> & StartOptions;
} = { ownDatabase: false, schedulerReady: Promise.resolve(), settings: { baseUrl: '' } };

/** Feeds refreshed from the network: registry feeds and the user's URL feeds. */
export function refreshable(): FeedConfig[] {
  return dataState.feeds.filter((f) => !f.imported);
}

/** Whether a feed is served with the app (its data/ folder), not by another site. */
export function onAppOrigin(feed: FeedConfig, baseUrl: string): boolean {
  return new URL(feed.url, baseUrl).origin === new URL(baseUrl).origin;
}

export async function loadFeedList(): Promise<void> {
  if (session.settings.feeds) {
    dataState.feeds = session.settings.feeds;
    return;
  }
  let user: UserFeed[] = [];
  try {
    user = await session.db!.userFeeds.toArray();
  } catch (e) {
    console.warn('user feeds unavailable', e);
  }
  setFeedList(user);
}

export function setFeedList(user: UserFeed[]): void {
  const configs = user.map((u) => normaliseConfig(u.config));
  // The user's own indicators are known to every view before their figures are shown.
  const vocabulary = userVocabulary(configs);
  setUserIndicators(vocabulary.indicators, vocabulary.breakdownLabels);
  dataState.feeds = session.settings.feeds ?? [
    ...registryFeeds,
    ...configs.map((c, i) => ({ ...c, imported: !!user[i]!.file })),
  ];
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

export async function reloadFromStore(): Promise<void> {
  const { store, db } = session;
  const [observations, feedStates] = await Promise.all([
    store!.loadObservations(db!),
    store!.loadFeedStates(db!),
  ]);
  // The same rows as on screen (e.g. shown when validated, now stored): no second render.
  if (!sameRows(dataState.observations, observations)) dataState.observations = observations;
  dataState.feedStates = feedStates;
  if (!dataState.feeds.length) await loadFeedList();
}
