import { describe, expect, it } from 'vitest';
import type { FeedState } from '../store/db';
import {
  BACKOFF_FIRST_MS,
  ONLINE_MIN_GAP_MS,
  backoffDelay,
  hiddenTooLong,
  nextRefreshAt,
  refreshIntervalMs,
  shouldRefresh,
} from './policy';

const H = 3_600_000;
const t0 = Date.parse('2026-11-22T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('refreshIntervalMs', () => {
  it('uses the feed refreshHours, 6 h by default or when nonsensical', () => {
    expect(refreshIntervalMs({ refreshHours: 1 })).toBe(H);
    expect(refreshIntervalMs({})).toBe(6 * H);
    expect(refreshIntervalMs({ refreshHours: 0 })).toBe(6 * H);
    expect(refreshIntervalMs({ refreshHours: -2 })).toBe(6 * H);
  });
});

describe('backoffDelay', () => {
  it('doubles at each failure, between half and all of the step', () => {
    for (const [failures, step] of [
      [1, BACKOFF_FIRST_MS],
      [2, 2 * BACKOFF_FIRST_MS],
      [3, 4 * BACKOFF_FIRST_MS],
      [5, 16 * BACKOFF_FIRST_MS],
    ] as const) {
      expect(backoffDelay(failures, 6 * H, () => 0)).toBe(step / 2);
      expect(backoffDelay(failures, 6 * H, () => 0.999999)).toBeCloseTo(step, -1);
      expect(backoffDelay(failures, 6 * H, () => 0.5)).toBe((step * 3) / 4);
    }
  });

  it('never waits longer than the feed interval, even after very many failures', () => {
    expect(backoffDelay(12, 6 * H, () => 1)).toBe(6 * H);
    expect(backoffDelay(1000, H, () => 1)).toBe(H);
    expect(Number.isFinite(backoffDelay(1e9, H, () => 1))).toBe(true);
  });

  it('spreads the retries of tabs failing together (jitter)', () => {
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(4, 6 * H, random)));
    expect(delays.size).toBeGreaterThan(15);
  });
});

describe('nextRefreshAt / shouldRefresh', () => {
  const fresh: FeedState = { id: 'f', lastAttempt: iso(t0), lastSuccess: iso(t0), failures: 0 };
  const failing: FeedState = {
    id: 'f',
    lastSuccess: iso(t0 - 10 * H),
    lastAttempt: iso(t0),
    failures: 2,
    retryAt: iso(t0 + 90_000),
  };

  it('is due at once for a feed never tried', () => {
    expect(nextRefreshAt(undefined, 6 * H)).toBe(0);
    expect(shouldRefresh('periodic', undefined, 6 * H, t0)).toBe(true);
  });

  it('after a success: one interval later', () => {
    expect(nextRefreshAt(fresh, 6 * H)).toBe(t0 + 6 * H);
    expect(shouldRefresh('periodic', fresh, 6 * H, t0 + 6 * H - 1)).toBe(false);
    expect(shouldRefresh('periodic', fresh, 6 * H, t0 + 6 * H)).toBe(true);
    expect(shouldRefresh('visible', fresh, 6 * H, t0 + 7 * H)).toBe(true);
  });

  it('after failures: at the stored retry time (backoff), not one interval later', () => {
    expect(nextRefreshAt(failing, 6 * H)).toBe(t0 + 90_000);
    expect(shouldRefresh('periodic', failing, 6 * H, t0 + 89_999)).toBe(false);
    expect(shouldRefresh('periodic', failing, 6 * H, t0 + 90_000)).toBe(true);
  });

  it('start and manual always refresh', () => {
    expect(shouldRefresh('start', fresh, 6 * H, t0 + 1)).toBe(true);
    expect(shouldRefresh('manual', failing, 6 * H, t0 + 1)).toBe(true);
  });

  it('online refreshes at once, even in backoff, unless a tab just tried', () => {
    expect(shouldRefresh('online', failing, 6 * H, t0 + ONLINE_MIN_GAP_MS)).toBe(true);
    expect(shouldRefresh('online', failing, 6 * H, t0 + ONLINE_MIN_GAP_MS - 1)).toBe(false);
  });
});

describe('hiddenTooLong', () => {
  it('is true only past the interval', () => {
    expect(hiddenTooLong(undefined, H, t0)).toBe(false);
    expect(hiddenTooLong(t0 - H, H, t0)).toBe(false);
    expect(hiddenTooLong(t0 - H - 1, H, t0)).toBe(true);
  });
});
