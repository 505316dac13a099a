// Databases written by schema v1 and v2 (as shipped), opened by the current PulseDatabase: every
// row is still there and shown.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openSchemaV1, openSchemaV2 } from '../../test/legacySchemas';
import { syntheticObservation as obs } from '../../test/synthetic';
import { PulseDatabase, SCHEMA_VERSION } from './db';
import {
  commitSnapshot,
  countObservations,
  loadObservations,
  loadSeries,
  loadSnapshotObservations,
  loadSnapshots,
  rollbackTo,
} from './repository';

const name = `upgrade-${Math.random()}`;
afterEach(async () => {
  await Dexie.delete(name);
});

describe(`schema v1 -> v${SCHEMA_VERSION}`, () => {
  it('keeps every feed state and observation, and shows the v1 data as the current snapshot', async () => {
    const v1 = openSchemaV1(name);
    // v1 wrote one snapshot record per refresh but kept only the last snapshot's observations.
    const a = [
      obs({ period: '2024-01', value: 1, feed: 'a' }),
      obs({ period: '2024-02', value: 2, feed: 'a' }),
    ];
    const b = [obs({ period: '2023-05-31', value: 3, feed: 'b', geo: 'REG-53' })];
    await v1.table('snapshots').bulkAdd([
      { feedId: 'a', fetchedAt: '2026-01-01T00:00:00Z', checksum: 'sha256:old', rows: 5 },
      { feedId: 'a', fetchedAt: '2026-02-01T00:00:00Z', checksum: 'sha256:a', rows: 2 },
      { feedId: 'b', fetchedAt: '2026-02-01T00:00:00Z', checksum: 'sha256:b', rows: 1 },
    ]);
    await v1
      .table('observations')
      .bulkAdd([
        ...a.map((o) => ({ ...o, snapshotId: 2 })),
        ...b.map((o) => ({ ...o, snapshotId: 3 })),
      ]);
    await v1.table('feeds').bulkAdd([
      { id: 'a', lastSuccess: '2026-02-01T00:00:00Z', checksum: 'sha256:a', rows: 2, etag: '"e"' },
      { id: 'b', lastSuccess: '2026-02-01T00:00:00Z', checksum: 'sha256:b', rows: 1 },
    ]);
    expect(v1.verno).toBe(1);
    v1.close();

    const db = new PulseDatabase(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await countObservations(db)).toBe(3);
    const shown = await loadObservations(db);
    expect(shown.filter((o) => o.feed === 'a')).toEqual(a);
    expect(shown.filter((o) => o.feed === 'b')).toEqual(b);
    expect(await db.feeds.get('a')).toMatchObject({
      snapshotId: 2,
      etag: '"e"',
      checksum: 'sha256:a',
    });
    expect((await db.feeds.get('b'))?.snapshotId).toBe(3);
    // The empty v1 snapshot record had nothing to roll back to.
    expect((await loadSnapshots(db, 'a')).map((s) => s.id)).toEqual([2]);
    expect(await db.userFeeds.count()).toBe(0);

    // And the upgraded database takes new snapshots, keeping the v1 one for rollback.
    await commitSnapshot(db, 'a', [obs({ period: '2024-03', value: 4, feed: 'a' })], {
      fetchedAt: '2026-03-01T00:00:00Z',
      checksum: 'sha256:a2',
    });
    expect((await loadSnapshots(db, 'a')).length).toBe(2);
    expect(await countObservations(db)).toBe(4);
    db.close();
  });
});

describe(`schema v2 -> v${SCHEMA_VERSION}`, () => {
  it('keeps every row of every stored snapshot, in order, with rollback and series reads', async () => {
    const v2 = openSchemaV2(name);
    // Feed a: three snapshots (rolled back to the middle one); feed b: one, two breakdowns and
    // rows of several series interleaved; every qualifier and precision, texts that repeat.
    const snap = (n: number) =>
      [
        obs({ period: '2024-01', value: n * 10 + 1, feed: 'a' }),
        obs({ period: '2024-02-15', value: n * 10 + 2, feed: 'a', qualifier: '~', note: 'x' }),
        obs({ period: '2024-03', value: n * 10 + 3, feed: 'a', geo: 'REG-53', qualifier: '>' }),
        obs({ period: '2024', value: -0.5, feed: 'a', qualifier: '<', sourceUrl: 'https://s/2' }),
      ].slice(0, n + 1);
    const b = [
      obs({ period: '2023-05-31', value: 3, feed: 'b', geo: 'REG-53', breakdown: 'x' }),
      obs({ period: '2023-05-31', value: 4, feed: 'b', geo: 'REG-53', breakdown: 'y' }),
      obs({ period: '2023-06', value: 5, feed: 'b', geo: 'REG-53', breakdown: 'x' }),
      obs({ period: '2023-H1', value: 6, feed: 'b', indicator: 'other', precision: 'half-year' }),
    ];
    await v2.table('snapshots').bulkAdd([
      { feedId: 'a', fetchedAt: '2026-01-01T00:00:00Z', checksum: 'sha256:a1', rows: 2 },
      { feedId: 'a', fetchedAt: '2026-02-01T00:00:00Z', checksum: 'sha256:a2', rows: 3 },
      { feedId: 'b', fetchedAt: '2026-02-01T00:00:00Z', checksum: 'sha256:b', rows: 4 },
      { feedId: 'a', fetchedAt: '2026-03-01T00:00:00Z', checksum: 'sha256:a3', rows: 4 },
    ]);
    await v2
      .table('observations')
      .bulkAdd([
        ...snap(1).map((o) => ({ ...o, snapshotId: 1 })),
        ...snap(2).map((o) => ({ ...o, snapshotId: 2 })),
        ...b.map((o) => ({ ...o, snapshotId: 3 })),
        ...snap(3).map((o) => ({ ...o, snapshotId: 4 })),
      ]);
    await v2.table('feeds').bulkAdd([
      { id: 'a', checksum: 'sha256:a2', rows: 3, snapshotId: 2, rolledBackFrom: 'sha256:a3' },
      { id: 'b', checksum: 'sha256:b', rows: 4, snapshotId: 3 },
    ]);
    await v2.table('userFeeds').add({ id: 'b', config: { id: 'b' }, addedAt: '2026-01-01' });
    expect(v2.verno).toBe(2);
    v2.close();

    const db = new PulseDatabase(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name)).not.toContain('observations');
    expect(await countObservations(db)).toBe(2 + 3 + 4 + 4);
    // What is shown: each feed's current snapshot, rows in their stored order.
    expect(await loadObservations(db)).toEqual([...snap(2), ...b]);
    expect(await loadSnapshotObservations(db, 1)).toEqual(snap(1));
    expect(await loadSnapshotObservations(db, 4)).toEqual(snap(3));
    expect(await loadSeries(db, 'synthetic_indicator', 'REG-53')).toEqual([
      snap(2)[2],
      b[0],
      b[1],
      b[2],
    ]);
    expect(await db.userFeeds.count()).toBe(1);
    expect((await db.feeds.get('a'))?.rolledBackFrom).toBe('sha256:a3');

    // Rolling forward again shows the newest snapshot, moved over whole.
    await rollbackTo(db, 'a', 4);
    expect((await loadObservations(db)).filter((o) => o.feed === 'a')).toEqual(snap(3));
    // A new commit prunes the oldest snapshot (3 kept), with its rows.
    await commitSnapshot(db, 'a', snap(0), {
      fetchedAt: '2026-04-01T00:00:00Z',
      checksum: 'sha256:a4',
    });
    expect((await loadSnapshots(db, 'a')).map((s) => s.id)).toEqual([5, 4, 2]);
    expect(await countObservations(db)).toBe(1 + 4 + 3 + 4);
    db.close();
  });
});
