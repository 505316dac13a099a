// A database written by schema v1 (as shipped), opened by the current PulseDatabase: every row is
// still there and shown.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { syntheticObservation as obs } from '../../test/synthetic';
import { PulseDatabase, SCHEMA_VERSION } from './db';
import { commitSnapshot, loadObservations, loadSnapshots } from './repository';

const name = `upgrade-${Math.random()}`;
afterEach(async () => {
  await Dexie.delete(name);
});

/** The v1 schema exactly as it shipped, with nothing of later versions. */
function openV1(): Dexie {
  const v1 = new Dexie(name);
  v1.version(1).stores({
    feeds: 'id',
    snapshots: '++id, feedId, fetchedAt',
    observations: '++id, feed, snapshotId, [indicator+geo]',
  });
  return v1;
}

describe(`schema v1 -> v${SCHEMA_VERSION}`, () => {
  it('keeps every feed state and observation, and shows the v1 data as the current snapshot', async () => {
    const v1 = openV1();
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
    expect(await db.observations.count()).toBe(3);
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
    expect(await db.observations.count()).toBe(4);
    db.close();
  });
});
