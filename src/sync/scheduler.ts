/**
 * When rounds of refresh run: once at start (after the cache paint), when the next feed is due
 * (its interval, or its backoff after a failure), when the browser comes back online, and when
 * the tab becomes visible after being hidden longer than the interval (hidden tabs' timers are
 * throttled). Rounds never overlap: a trigger during a round runs after it.
 */
import { hiddenTooLong, type RefreshReason } from './policy';

/** setTimeout cannot wait longer (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Never spin: a round that leaves a feed due at once is retried after this. */
const MIN_TIMER_MS = 1_000;

export interface SchedulerDeps {
  round(reason: RefreshReason, feedIds?: string[]): Promise<void>;
  /** When the next automatic round is due (epoch ms), or undefined when no feed is scheduled. */
  nextDue(): Promise<number | undefined>;
  /** The shortest refresh interval of the feeds (ms). */
  minIntervalMs(): number;
  /** Told of each new schedule, for the status line. */
  onSchedule?(at: number | undefined): void;
  now?: () => number;
  setTimer?: (f: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  win?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  doc?: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
}

const warn = (e: unknown) => console.warn('refresh round failed', e);

export class RefreshScheduler {
  private chain: Promise<void> = Promise.resolve();
  private timer: unknown;
  private hiddenAt: number | undefined;
  private stopped = false;
  private readonly now: () => number;
  private readonly setTimer: (f: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly deps: SchedulerDeps) {
    this.now = deps.now ?? Date.now;
    this.setTimer = deps.setTimer ?? ((f, ms) => setTimeout(f, ms));
    this.clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  private readonly onOnline = () => this.runQuietly('online');
  private readonly onVisibility = () => {
    const doc = this.deps.doc;
    if (!doc) return;
    if (doc.visibilityState === 'hidden') {
      this.hiddenAt ??= this.now();
      return;
    }
    const hiddenAt = this.hiddenAt;
    this.hiddenAt = undefined;
    if (hiddenTooLong(hiddenAt, this.deps.minIntervalMs(), this.now())) this.runQuietly('visible');
    else this.reschedule().catch(warn);
  };

  /** Listens to the browser's events and runs the start round. */
  start(): Promise<void> {
    this.deps.win?.addEventListener('online', this.onOnline);
    this.deps.doc?.addEventListener('visibilitychange', this.onVisibility);
    if (this.deps.doc?.visibilityState === 'hidden') this.hiddenAt = this.now();
    return this.trigger('start');
  }

  stop(): void {
    this.stopped = true;
    this.deps.win?.removeEventListener('online', this.onOnline);
    this.deps.doc?.removeEventListener('visibilitychange', this.onVisibility);
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
  }

  /** A round nobody awaits (events, timer): its failure is logged, never left unhandled. */
  private runQuietly(reason: RefreshReason): void {
    this.trigger(reason).catch(warn);
  }

  /** Queues a round; resolves when it (and the new schedule) is done. */
  trigger(reason: RefreshReason, feedIds?: string[]): Promise<void> {
    const run = this.chain.then(async () => {
      if (this.stopped) return;
      try {
        await this.deps.round(reason, feedIds);
      } finally {
        await this.reschedule();
      }
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Sets the timer for the next due feed (also after another tab changed the feeds' states). */
  async reschedule(): Promise<void> {
    if (this.stopped) return;
    const at = await this.deps.nextDue();
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
    this.deps.onSchedule?.(at);
    if (at === undefined || this.stopped) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(MIN_TIMER_MS, at - this.now()));
    this.timer = this.setTimer(() => {
      this.timer = undefined;
      this.runQuietly('periodic');
    }, delay);
  }
}
