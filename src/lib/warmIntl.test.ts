import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  INTL_WARM_STEPS,
  warmIntl,
  warmIntlOffThread,
  warmLocales,
  type WarmWorker,
} from './warmIntl';

describe('warmIntl', () => {
  it('runs one step per task, in order, none before the first task', () => {
    const tasks: (() => void)[] = [];
    const ran: string[] = [];
    const steps = ['a', 'b', 'c'].map((name) => (locale: string) => ran.push(`${name}:${locale}`));
    warmIntl('fr-FR', steps, (run) => tasks.push(run));
    expect(ran).toEqual([]);
    const seen: string[][] = [];
    while (tasks.length) {
      tasks.shift()!();
      seen.push([...ran]);
    }
    expect(seen).toEqual([['a:fr-FR'], ['a:fr-FR', 'b:fr-FR'], ['a:fr-FR', 'b:fr-FR', 'c:fr-FR']]);
  });

  it('goes on after a step that throws (a browser without one of the services)', () => {
    const tasks: (() => void)[] = [];
    const ran: string[] = [];
    const steps = [
      () => {
        throw new TypeError('Intl.ListFormat is not a constructor');
      },
      () => ran.push('next'),
    ];
    warmIntl('fr-FR', steps, (run) => tasks.push(run));
    while (tasks.length) tasks.shift()!();
    expect(ran).toEqual(['next']);
  });

  it("reaches every service the app's formatters use, for French and English", () => {
    for (const locale of ['fr-FR', 'en-GB']) {
      for (const step of INTL_WARM_STEPS) expect(() => step(locale)).not.toThrow();
    }
  });
});

describe('warmLocales (the worker)', () => {
  it('runs every step for each locale in turn, saying when each is done', () => {
    const seen: string[] = [];
    const steps = [(l: string) => seen.push(`a:${l}`), (l: string) => seen.push(`b:${l}`)];
    warmLocales(['fr-FR', 'en-GB'], (l) => seen.push(`done:${l}`), steps);
    expect(seen).toEqual(['a:fr-FR', 'b:fr-FR', 'done:fr-FR', 'a:en-GB', 'b:en-GB', 'done:en-GB']);
  });

  it('goes on after a step that throws', () => {
    const done: string[] = [];
    const steps = [
      () => {
        throw new RangeError('Incorrect locale information provided');
      },
    ];
    warmLocales(['fr-FR'], (l) => done.push(l), steps);
    expect(done).toEqual(['fr-FR']);
  });

  it('loads the real services without throwing', () => {
    const done: string[] = [];
    warmLocales(['fr-FR', 'en-GB'], (l) => done.push(l));
    expect(done).toEqual(['fr-FR', 'en-GB']);
  });
});

/** A worker that answers when told to, and records what the page asked of it. */
class FakeWorker implements WarmWorker {
  sent: string[][] = [];
  terminated = false;
  private listeners: Record<string, ((event: { data?: unknown }) => void)[]> = {};
  postMessage(locales: string[]): void {
    this.sent.push(locales);
  }
  addEventListener(type: 'message' | 'error', listener: (event: { data?: unknown }) => void) {
    (this.listeners[type] ??= []).push(listener);
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(type: 'message' | 'error', data?: unknown): void {
    for (const listener of this.listeners[type] ?? []) listener({ data });
  }
}

describe('warmIntlOffThread', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Whether `promise` has settled once the microtasks queued so far have run. */
  async function settled(promise: Promise<unknown>): Promise<boolean> {
    let done = false;
    void promise.then(() => (done = true));
    await Promise.resolve();
    await Promise.resolve();
    return done;
  }

  it('sends the locales and resolves once the first is loaded, ending with the last', async () => {
    const worker = new FakeWorker();
    const warmed = warmIntlOffThread(['fr-FR', 'en-GB'], () => worker);
    expect(worker.sent).toEqual([['fr-FR', 'en-GB']]);
    expect(await settled(warmed)).toBe(false);
    worker.emit('message', 'fr-FR');
    expect(await settled(warmed)).toBe(true);
    expect(worker.terminated).toBe(false);
    worker.emit('message', 'en-GB');
    expect(worker.terminated).toBe(true);
  });

  it('resolves at once when no worker can be started', async () => {
    const warmed = warmIntlOffThread(['fr-FR'], () => {
      throw new DOMException('refused by the Content-Security-Policy', 'SecurityError');
    });
    expect(await settled(warmed)).toBe(true);
  });

  it('resolves, and ends the worker, when its script fails', async () => {
    const worker = new FakeWorker();
    const warmed = warmIntlOffThread(['fr-FR'], () => worker);
    worker.emit('error');
    expect(await settled(warmed)).toBe(true);
    expect(worker.terminated).toBe(true);
  });

  it('leaves no timer behind once the worker has answered', () => {
    vi.useFakeTimers();
    const worker = new FakeWorker();
    void warmIntlOffThread(['fr-FR'], () => worker, 2000);
    expect(vi.getTimerCount()).toBe(1);
    worker.emit('message', 'fr-FR');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resolves after its longest wait when the worker stays silent', async () => {
    vi.useFakeTimers();
    const warmed = warmIntlOffThread(['fr-FR'], () => new FakeWorker(), 2000);
    await vi.advanceTimersByTimeAsync(1999);
    expect(await settled(warmed)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(warmed)).toBe(true);
  });
});
