import { describe, expect, it } from 'vitest';
import { lockName, openTabChannel, withFeedLock, type CrossTabMessage } from './crossTab';

/** A minimal in-memory LockManager (exclusive + shared, ifAvailable) shared by "tabs". */
function fakeLocks() {
  const held = new Map<string, { mode: string; count: number }>();
  const waiters: (() => void)[] = [];
  const release = () => waiters.splice(0).forEach((w) => w());
  const requests: string[] = [];
  const locks = {
    async request(
      name: string,
      options: { ifAvailable?: boolean; mode?: 'exclusive' | 'shared' },
      callback: (lock: { name: string } | null) => Promise<unknown>,
    ) {
      const mode = options.mode ?? 'exclusive';
      requests.push(`${name}:${mode}${options.ifAvailable ? ':ifAvailable' : ''}`);
      const free = () => {
        const h = held.get(name);
        return !h || (mode === 'shared' && h.mode === 'shared');
      };
      if (!free()) {
        if (options.ifAvailable) return callback(null);
        while (!free()) await new Promise<void>((r) => waiters.push(r));
      }
      const h = held.get(name) ?? { mode, count: 0 };
      h.count += 1;
      held.set(name, h);
      try {
        return await callback({ name });
      } finally {
        if (--h.count === 0) held.delete(name);
        release();
      }
    },
  } as unknown as LockManager;
  return { locks, requests };
}

describe('withFeedLock', () => {
  it('lets one of three concurrent tabs refresh; the others wait for it to finish', async () => {
    const { locks, requests } = fakeLocks();
    const log: string[] = [];
    let finish!: () => void;
    const slow = new Promise<void>((r) => (finish = r));
    const tab = (name: string) =>
      withFeedLock(
        'embedded',
        async () => {
          log.push(`${name} fetches`);
          await slow;
          log.push(`${name} stored`);
          return name;
        },
        locks,
      ).then((r) => {
        log.push(`${name} done (${r.ran ? 'ran' : 'waited'})`);
        return r;
      });
    const results = Promise.all([tab('A'), tab('B'), tab('C')]);
    await new Promise((r) => setTimeout(r, 0));
    expect(log).toEqual(['A fetches']);
    finish();
    const [a, b, c] = await results;
    expect(a).toEqual({ ran: true, value: 'A' });
    expect(b).toEqual({ ran: false });
    expect(c).toEqual({ ran: false });
    // The waiting tabs are released only after the holder stored its data.
    expect(log.indexOf('A stored')).toBeLessThan(log.indexOf('B done (waited)'));
    expect(requests[0]).toBe(`${lockName('embedded')}:exclusive:ifAvailable`);
  });

  it('locks feeds independently', async () => {
    const { locks } = fakeLocks();
    const ran = await Promise.all([
      withFeedLock('a', async () => 1, locks),
      withFeedLock('b', async () => 2, locks),
    ]);
    expect(ran).toEqual([
      { ran: true, value: 1 },
      { ran: true, value: 2 },
    ]);
  });

  it('without the Web Locks API, each tab does the work itself', async () => {
    expect(await withFeedLock('a', async () => 3, undefined)).toEqual({ ran: true, value: 3 });
  });
});

describe('openTabChannel', () => {
  it('tells the other tabs, not itself', async () => {
    const got: Record<string, CrossTabMessage[]> = { a: [], b: [] };
    const a = openTabChannel((m) => got.a!.push(m));
    const b = openTabChannel((m) => got.b!.push(m));
    a.post({ type: 'data', feeds: ['embedded'] });
    await new Promise((r) => setTimeout(r, 50));
    expect(got.a).toEqual([]);
    expect(got.b).toMatchObject([{ type: 'data', feeds: ['embedded'] }]);
    a.close();
    b.close();
  });

  it('is a no-op without BroadcastChannel', () => {
    const channel = openTabChannel(() => {}, undefined);
    expect(() => channel.post({ type: 'states', feeds: [] })).not.toThrow();
  });
});
