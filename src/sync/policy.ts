/**
 * When to refresh a feed: pure, with the clock and the random source passed in, so every rule
 * is unit-tested. Times are epoch milliseconds.
 */
import type { FeedConfig } from '../feeds/types';
import type { FeedState } from '../store/db';

export const DEFAULT_REFRESH_HOURS = 6;
const HOUR = 3_600_000;
/** First retry after a failure; then doubled at each failure, up to the feed's interval. */
export const BACKOFF_FIRST_MS = 60_000;
/** 'online' refreshes at once, unless a tab checked this feed this recently. */
export const ONLINE_MIN_GAP_MS = 10_000;

/** What asked for a refresh. `start` and `manual` always refresh; the others only when due. */
export type RefreshReason = 'start' | 'manual' | 'periodic' | 'online' | 'visible';

export function refreshIntervalMs(feed: Pick<FeedConfig, 'refreshHours'>): number {
  const hours = feed.refreshHours;
  return (typeof hours === 'number' && hours > 0 ? hours : DEFAULT_REFRESH_HOURS) * HOUR;
}

/**
 * Delay before the next attempt after `failures` failures in a row (1, 2, …): exponential from
 * BACKOFF_FIRST_MS, capped at the feed's interval, with "equal jitter" (between half and all of
 * it) so that many dashboards failing together do not retry together.
 */
export function backoffDelay(failures: number, intervalMs: number, random: () => number): number {
  const exp = BACKOFF_FIRST_MS * 2 ** Math.max(0, Math.min(failures - 1, 30));
  const capped = Math.min(exp, intervalMs);
  return Math.round(capped / 2 + random() * (capped / 2));
}

/** When the next automatic attempt is due. 0 when it is due at once (never tried). */
export function nextRefreshAt(state: FeedState | undefined, intervalMs: number): number {
  if (!state?.lastAttempt) return 0;
  if (state.failures && state.retryAt) return Date.parse(state.retryAt);
  return Date.parse(state.lastSuccess ?? state.lastAttempt) + intervalMs;
}

export function shouldRefresh(
  reason: RefreshReason,
  state: FeedState | undefined,
  intervalMs: number,
  now: number,
): boolean {
  if (reason === 'start' || reason === 'manual') return true;
  if (reason === 'online') {
    return !state?.lastAttempt || now - Date.parse(state.lastAttempt) >= ONLINE_MIN_GAP_MS;
  }
  return now >= nextRefreshAt(state, intervalMs);
}

/** Whether a tab hidden since `hiddenAt` has missed a refresh, per the shortest interval. */
export function hiddenTooLong(
  hiddenAt: number | undefined,
  intervalMs: number,
  now: number,
): boolean {
  return hiddenAt !== undefined && now - hiddenAt > intervalMs;
}

export const isoTime = (ms: number): string => new Date(ms).toISOString();
