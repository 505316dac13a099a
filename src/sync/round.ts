/**
 * A refresh round (each due feed refreshed by whichever tab takes its lock first), when the next
 * one is due, and what a message from another tab's round changes here.
 */
import type { FeedState } from '../store/db';
import { withFeedLock, type CrossTabMessage } from './crossTab';
import { clearPrefetched, previewEnded, takePrefetched, takeValidated } from './firstVisit';
import { readManifest } from './manifest';
import { nextRefreshAt, refreshIntervalMs, shouldRefresh, type RefreshReason } from './policy';
import type { RefreshOutcome } from './refresh';
import { loadFeedList, onAppOrigin, refreshable, reloadFromStore, session } from './session';
import { dataState, settle, showValidated } from './state.svelte';

export async function nextDue(): Promise<number | undefined> {
  const { db, store } = session;
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
export async function runRound(reason: RefreshReason, feedIds?: string[]): Promise<void> {
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
  const fetchImpl = session.settings.fetchImpl;
  const baseUrl = session.settings.baseUrl;
  const sameOrigin = feeds.some((f) => onAppOrigin(f, baseUrl));
  // Read at most once a round, by the first feed that needs it.
  let manifest: ReturnType<typeof readManifest> | undefined;
  let changed = !hadData;
  let statesChanged = false;
  try {
    await Promise.all(
      feeds.map(async (feed) => {
        const result = await withFeedLock(feed.id, async () => {
          const state = await session.db!.feeds.get(feed.id);
          if (!shouldRefresh(reason, state, refreshIntervalMs(feed), Date.now())) return undefined;
          showProgress();
          // A first visit's preview shows the feed (parsed in a worker); the round then stores
          // what it read.
          if (!hadData) await previewEnded();
          const shown = hadData || dataState.observations.some((o) => o.feed === feed.id);
          if (sameOrigin) manifest ??= readManifest(baseUrl, { fetchImpl });
          return session.store!.refreshFeed(session.db!, feed, {
            baseUrl,
            fetchImpl,
            manifest: manifest ? await manifest : undefined,
            // Nothing on screen yet (first visit): show the data as soon as it is valid, while
            // it is stored; the round's end shows what was stored.
            onValidated: shown ? undefined : (rows) => showValidated(feed.id, rows),
            prefetched: takePrefetched,
            validated: takeValidated,
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
    clearPrefetched();
    dataState.progress = undefined;
    try {
      if (changed) await reloadFromStore();
      else dataState.feedStates = await session.store!.loadFeedStates(session.db!);
    } catch (e) {
      console.warn('IndexedDB unavailable', e);
    }
    settle();
    if (changed || statesChanged) {
      session.channel?.post({ type: changed ? 'data' : 'states', feeds: feeds.map((f) => f.id) });
    }
  }
}

/** Another tab stored data or feed states: show them here too. */
export async function onTabMessage(message: CrossTabMessage): Promise<void> {
  const { db, store } = session;
  if (!db || !store) return;
  if (message.type === 'data') {
    await loadFeedList();
    await reloadFromStore();
  } else {
    dataState.feedStates = await store.loadFeedStates(db);
  }
  if (!dataState.progress) settle();
  await session.scheduler?.reschedule();
}
