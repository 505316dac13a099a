/**
 * What the views see of the app's data (`dataState`), and the status that follows from the stored
 * feed states. Only the sync modules write it; views read it through dataState.svelte.ts.
 */
import type { FeedConfig, FeedIssue } from '../feeds/types';
import type { Observation } from '../model/observation';
import type { FeedState } from '../store/db';

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

/** Shows a feed's rows once they are valid, before they are stored (first visit). */
export function showValidated(feedId: string, rows: Observation[]): void {
  dataState.observations = [...dataState.observations.filter((o) => o.feed !== feedId), ...rows];
  performance.mark('segur-pulse:validated-shown');
}

/** The status, failures and "updated at" that follow from the stored feed states. */
export function settle(): void {
  // A lookup made and read here, not state.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
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
