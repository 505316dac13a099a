// The Dexie-free reader of the first paint: the same observations as the repository, nothing
// created where no database exists, and databases of an older layout left to Dexie.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openSchemaV2 } from '../../test/legacySchemas';
import { syntheticObservation as obs } from '../../test/synthetic';
import { PulseDatabase } from './db';
import { readForPaint } from './paintRead';
import { commitSnapshot, loadFeedStates, loadObservations, rollbackTo } from './repository';

const name = `paint-${Math.random()}`;
afterEach(async () => {
  await Dexie.delete(name);
});

const meta = (n: number) => ({ fetchedAt: `2026-11-0${n}T00:00:00.000Z`, checksum: `sum-${n}` });

describe('readForPaint', () => {
  it("reads each feed's current snapshot as the repository does, and the user feeds", async () => {
    const db = new PulseDatabase(name);
    const a = (n: number) => [
      obs({ period: '2024-01', value: n, feed: 'a' }),
      obs({ period: '2024-01', value: n + 1, feed: 'a', geo: 'REG-53', qualifier: '~' }),
      obs({ period: '2024-02', value: n + 2, feed: 'a', note: 'n', sourceLabel: 'l' }),
    ];
    const first = await commitSnapshot(db, 'a', a(1), meta(1));
    await commitSnapshot(db, 'a', a(10), meta(2));
    await commitSnapshot(db, 'b', [obs({ period: '2023', value: 7, feed: 'b' })], meta(3));
    await rollbackTo(db, 'a', first);
    await db.userFeeds.put({
      id: 'b',
      config: { id: 'b', label: { fr: 'b', en: 'b' }, format: 'tidy-csv', url: 'b.csv' },
      addedAt: '2026-11-01T00:00:00Z',
    });
    const expected = await loadObservations(db);
    const states = await loadFeedStates(db);
    const read = await readForPaint(name);
    // An open Dexie connection does not stop the read, nor the read the connection.
    expect(read).toEqual({
      kind: 'data',
      observations: expected,
      feedStates: states,
      userFeeds: [expect.objectContaining({ id: 'b' })],
    });
    expect(expected.filter((o) => o.feed === 'a')).toEqual(a(1));
    db.close();
  });

  it('creates no database where there is none', async () => {
    expect(await readForPaint(name)).toEqual({ kind: 'absent' });
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
    // Dexie then creates it with its schema, as on a first visit.
    const db = new PulseDatabase(name);
    await db.open();
    expect(await loadObservations(db)).toEqual([]);
    db.close();
    expect(await readForPaint(name)).toMatchObject({ kind: 'data', observations: [] });
  });

  it('leaves a database of schema v2 (one record per row) to Dexie, untouched', async () => {
    const v2 = openSchemaV2(name);
    await v2.table('observations').add({ ...obs({ period: '2024', value: 1 }), snapshotId: 1 });
    v2.close();
    expect(await readForPaint(name)).toEqual({ kind: 'other-version', version: 20 });
    const again = new Dexie(name);
    await again.open();
    expect(again.verno).toBe(2);
    expect(await again.table('observations').count()).toBe(1);
    again.close();
  });
});
