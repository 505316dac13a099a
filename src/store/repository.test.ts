import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { syntheticObservation as obs } from '../../test/synthetic';
import type { Observation } from '../feeds/types';
import { PulseDatabase, SNAPSHOTS_KEPT } from './db';
import {
  commitSnapshot,
  countObservations,
  loadObservations,
  loadSnapshotObservations,
  loadSnapshots,
  recordFailure,
  removeFeedData,
  rollbackTo,
  ROWS_PER_WRITE,
} from './repository';

let db: PulseDatabase;
beforeEach(async () => {
  db = new PulseDatabase(`repo-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

/** Version n of a synthetic feed: n rows, values n * 100 + i. */
const version = (n: number, feed = 'synthetic-feed'): Observation[] =>
  Array.from({ length: n }, (_, i) =>
    obs({ period: `2024-${String(i + 1).padStart(2, '0')}`, value: n * 100 + i, feed }),
  );
const meta = (n: number) => ({ fetchedAt: `2026-11-0${n}T00:00:00.000Z`, checksum: `sum-${n}` });

describe('snapshots', () => {
  it(`keeps the last ${SNAPSHOTS_KEPT} good snapshots with their rows and shows the newest`, async () => {
    for (const n of [1, 2, 3, 4, 5])
      await commitSnapshot(db, 'synthetic-feed', version(n), meta(n));
    const snapshots = await loadSnapshots(db, 'synthetic-feed');
    expect(snapshots.map((s) => s.checksum)).toEqual(['sum-5', 'sum-4', 'sum-3']);
    expect(await countObservations(db)).toBe(5 + 4 + 3);
    expect(await loadObservations(db)).toEqual(version(5));
    expect(await loadSnapshotObservations(db, snapshots[2]!.id!)).toEqual(version(3));
    expect((await db.feeds.get('synthetic-feed'))?.snapshotId).toBe(snapshots[0]!.id);
  });

  it('shows only the current snapshot of each feed, feeds apart', async () => {
    await commitSnapshot(db, 'a', version(1, 'a'), meta(1));
    await commitSnapshot(db, 'b', version(2, 'b'), meta(2));
    await commitSnapshot(db, 'a', version(3, 'a'), meta(3));
    const shown = await loadObservations(db);
    expect(shown.filter((o) => o.feed === 'a')).toEqual(version(3, 'a'));
    expect(shown.filter((o) => o.feed === 'b')).toEqual(version(2, 'b'));
  });

  it('rolls back to an earlier snapshot in one step, and forward again', async () => {
    for (const n of [1, 2, 3]) await commitSnapshot(db, 'synthetic-feed', version(n), meta(n));
    const [newest, , oldest] = await loadSnapshots(db, 'synthetic-feed');
    await rollbackTo(db, 'synthetic-feed', oldest!.id!);
    expect(await loadObservations(db)).toEqual(version(1));
    const state = await db.feeds.get('synthetic-feed');
    expect(state).toMatchObject({ checksum: 'sum-1', rows: 1, rolledBackFrom: 'sum-3' });
    expect(await countObservations(db)).toBe(6);

    await rollbackTo(db, 'synthetic-feed', newest!.id!);
    expect(await loadObservations(db)).toEqual(version(3));
    expect((await db.feeds.get('synthetic-feed'))?.rolledBackFrom).toBeUndefined();
  });

  it('refuses to roll back to a snapshot of another feed and changes nothing', async () => {
    await commitSnapshot(db, 'a', version(1, 'a'), meta(1));
    const other = await commitSnapshot(db, 'b', version(2, 'b'), meta(2));
    await expect(rollbackTo(db, 'a', other)).rejects.toThrow(/no stored snapshot/);
    expect((await loadObservations(db)).filter((o) => o.feed === 'a')).toEqual(version(1, 'a'));
  });

  it('a commit that fails midway keeps the current snapshot and the older ones', async () => {
    for (const n of [1, 2, 3]) await commitSnapshot(db, 'synthetic-feed', version(n), meta(n));
    const poisoned = [...version(4), { ...version(1)[0]!, note: (() => 0) as unknown as string }];
    await expect(commitSnapshot(db, 'synthetic-feed', poisoned, meta(4))).rejects.toThrow();
    expect(await loadObservations(db)).toEqual(version(3));
    expect((await loadSnapshots(db, 'synthetic-feed')).map((s) => s.checksum)).toEqual([
      'sum-3',
      'sum-2',
      'sum-1',
    ]);
  });

  describe('a feed larger than one write', () => {
    // Three places of 0.6 writes each: the first two stored in one write, the third in another.
    const perPlace = Math.ceil(ROWS_PER_WRITE * 0.6);
    const day = (i: number) => new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString();
    const big = (): Observation[] =>
      ['FR', 'REG-11', 'REG-84'].flatMap((geo, g) =>
        Array.from({ length: perPlace }, (_, i) =>
          obs({ geo, period: day(i).slice(0, 10), value: g * 1_000_000 + i }),
        ),
      );

    it('stores every row, in the order validated', async () => {
      const rows = big();
      const writes = vi.spyOn(db.series, 'bulkAdd');
      await commitSnapshot(db, 'synthetic-feed', rows, meta(1));
      expect(writes.mock.calls.map(([records]) => records.length)).toEqual([2, 1]);
      expect(await db.series.count()).toBe(3);
      expect(await countObservations(db)).toBe(rows.length);
      expect(await loadObservations(db)).toEqual(rows);
    });

    it('keeps nothing of a commit whose last write fails', async () => {
      await commitSnapshot(db, 'synthetic-feed', version(1), meta(1));
      const rows = big();
      // A note IndexedDB cannot store, in the third place only: the first write went through.
      const poisoned = rows.map((o) =>
        o.geo === 'REG-84' ? { ...o, note: (() => 0) as unknown as string } : o,
      );
      await expect(commitSnapshot(db, 'synthetic-feed', poisoned, meta(2))).rejects.toThrow();
      expect(await db.series.count()).toBe(1);
      expect(await loadObservations(db)).toEqual(version(1));
      expect((await loadSnapshots(db, 'synthetic-feed')).map((s) => s.checksum)).toEqual(['sum-1']);
    });
  });

  it('counts failures for the backoff and clears them on success', async () => {
    await commitSnapshot(db, 'synthetic-feed', version(1), meta(1));
    const failure = { at: '2026-11-02T00:00:00.000Z', message: 'x', issues: [] };
    await recordFailure(db, 'synthetic-feed', failure, '2026-11-02T00:01:00.000Z');
    await recordFailure(db, 'synthetic-feed', failure, '2026-11-02T00:03:00.000Z');
    expect(await db.feeds.get('synthetic-feed')).toMatchObject({
      failures: 2,
      retryAt: '2026-11-02T00:03:00.000Z',
      checksum: 'sum-1',
    });
    await commitSnapshot(db, 'synthetic-feed', version(2), meta(2));
    expect((await db.feeds.get('synthetic-feed'))?.failures).toBe(0);
  });

  it('removes a feed with all its snapshots and rows', async () => {
    await commitSnapshot(db, 'a', version(1, 'a'), meta(1));
    await commitSnapshot(db, 'b', version(2, 'b'), meta(2));
    await removeFeedData(db, 'a');
    expect(await loadObservations(db)).toEqual(version(2, 'b'));
    expect(await db.snapshots.count()).toBe(1);
  });
});
