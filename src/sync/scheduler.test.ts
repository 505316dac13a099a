import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RefreshReason } from './policy';
import { RefreshScheduler } from './scheduler';

const H = 3_600_000;

/** A fake feed set: due `interval` after each round, like a feed refreshed successfully. */
function setup(options: { interval?: number; visibility?: DocumentVisibilityState } = {}) {
  const interval = options.interval ?? 6 * H;
  const rounds: RefreshReason[] = [];
  let lastRound = 0;
  const win = new EventTarget();
  const doc = Object.assign(new EventTarget(), {
    visibilityState: options.visibility ?? ('visible' as DocumentVisibilityState),
  });
  const schedules: (number | undefined)[] = [];
  const scheduler = new RefreshScheduler({
    round: async (reason) => {
      rounds.push(reason);
      lastRound = Date.now();
    },
    nextDue: async () => lastRound + interval,
    minIntervalMs: () => interval,
    onSchedule: (at) => schedules.push(at),
    win: win as unknown as Window,
    doc: doc as unknown as Document,
  });
  const setVisibility = (v: DocumentVisibilityState) => {
    doc.visibilityState = v;
    doc.dispatchEvent(new Event('visibilitychange'));
  };
  return { scheduler, rounds, win, setVisibility, schedules };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-22T10:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('RefreshScheduler', () => {
  it('runs a start round, then one every interval', async () => {
    const { scheduler, rounds, schedules } = setup();
    await scheduler.start();
    expect(rounds).toEqual(['start']);
    expect(schedules).toEqual([Date.parse('2026-11-22T16:00:00Z')]);
    await vi.advanceTimersByTimeAsync(6 * H - 1);
    expect(rounds).toEqual(['start']);
    await vi.advanceTimersByTimeAsync(1);
    expect(rounds).toEqual(['start', 'periodic']);
    await vi.advanceTimersByTimeAsync(6 * H);
    expect(rounds).toEqual(['start', 'periodic', 'periodic']);
    scheduler.stop();
  });

  it('refreshes when the browser comes back online', async () => {
    const { scheduler, rounds, win } = setup();
    await scheduler.start();
    win.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(rounds).toEqual(['start', 'online']);
    scheduler.stop();
  });

  it('refreshes on becoming visible only after being hidden longer than the interval', async () => {
    const { scheduler, rounds, setVisibility } = setup({ interval: H });
    await scheduler.start();
    // Hidden tabs' timers may be throttled: only the clock moves here, no timer fires.
    setVisibility('hidden');
    vi.setSystemTime(Date.now() + 30 * 60_000);
    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(0);
    expect(rounds).toEqual(['start']);
    setVisibility('hidden');
    vi.setSystemTime(Date.now() + H + 1);
    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(0);
    expect(rounds).toEqual(['start', 'visible']);
    scheduler.stop();
  });

  it('never runs two rounds at once', async () => {
    let running = 0;
    let maxRunning = 0;
    const scheduler = new RefreshScheduler({
      round: async () => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((r) => setTimeout(r, 100));
        running -= 1;
      },
      nextDue: async () => undefined,
      minIntervalMs: () => H,
    });
    const all = Promise.all([
      scheduler.start(),
      scheduler.trigger('manual'),
      scheduler.trigger('online'),
    ]);
    await vi.advanceTimersByTimeAsync(1000);
    await all;
    expect(maxRunning).toBe(1);
    scheduler.stop();
  });

  it('waits at least a second when a feed stays due (no busy loop), and stops cleanly', async () => {
    const rounds: string[] = [];
    const scheduler = new RefreshScheduler({
      round: async (r) => void rounds.push(r),
      nextDue: async () => 0,
      minIntervalMs: () => H,
    });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(999);
    expect(rounds).toEqual(['start']);
    await vi.advanceTimersByTimeAsync(1);
    expect(rounds).toEqual(['start', 'periodic']);
    scheduler.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(rounds).toEqual(['start', 'periodic']);
  });

  it('a failing round still schedules the next one', async () => {
    let calls = 0;
    const scheduler = new RefreshScheduler({
      round: async () => {
        calls += 1;
        throw new Error('boom');
      },
      nextDue: async () => Date.now() + 5_000,
      minIntervalMs: () => H,
    });
    await expect(scheduler.start()).rejects.toThrow('boom');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toBe(2);
    scheduler.stop();
  });
});
