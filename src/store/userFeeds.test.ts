import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFeed } from '../feeds/ingest';
import type { FeedConfig } from '../feeds/types';
import { PulseDatabase, type UserFeed } from './db';
import { commitSnapshot, loadObservations } from './repository';
import {
  deleteUserFeed,
  fromExported,
  listUserFeeds,
  saveImportedFile,
  saveUserFeed,
  toExported,
} from './userFeeds';

// A synthetic imported file: made-up figures at example.org.
const SRC = 'https://example.org/synthetic/user-feed';
const csv = new TextEncoder().encode(
  `Date;Région;Valeur\n2024-01-31;53;1 000\n2024-02-29;53;1 100\n`,
);
const config: FeedConfig = {
  id: 'user-synthetic',
  label: { fr: 'Synthétique', en: 'Synthetic' },
  format: 'mapped-csv',
  url: 'synthetic.csv',
  mapping: {
    indicator: { value: 'mes_profiles_open' },
    geo: { column: 'Région', kind: 'region' },
    period: { column: 'Date' },
    value: { column: 'Valeur' },
    sourceUrl: { value: SRC },
  },
};
const fileFeed = (): UserFeed & { file: NonNullable<UserFeed['file']> } => ({
  id: config.id,
  config,
  addedAt: '2026-11-22T07:00:00.000Z',
  file: {
    name: 'synthetic.csv',
    bytes: csv.slice().buffer,
    importedAt: '2026-11-22T07:00:00.000Z',
  },
});

let db: PulseDatabase;
beforeEach(async () => {
  db = new PulseDatabase(`user-feeds-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('user feeds in IndexedDB', () => {
  it('stores an imported file with its observations, and lists it', async () => {
    const result = parseFeed(config, csv, { today: new Date('2026-11-22') });
    await saveImportedFile(db, fileFeed(), result, '2026-11-22T07:00:00.000Z');
    const [stored] = await listUserFeeds(db);
    expect(stored!.config).toEqual(config);
    expect(new Uint8Array(stored!.file!.bytes)).toEqual(csv);
    const observations = await loadObservations(db);
    expect(observations.map((o) => [o.feed, o.geo, o.period, o.value])).toEqual([
      ['user-synthetic', 'REG-53', '2024-01-31', 1000],
      ['user-synthetic', 'REG-53', '2024-02-29', 1100],
    ]);
    expect(await db.feeds.get('user-synthetic')).toMatchObject({
      rows: 2,
      lastSuccess: '2026-11-22T07:00:00.000Z',
    });
  });

  it('deletes a user feed with its observations, leaving other feeds alone', async () => {
    const result = parseFeed(config, csv, { today: new Date('2026-11-22') });
    await saveImportedFile(db, fileFeed(), result, '2026-11-22T07:00:00.000Z');
    await commitSnapshot(db, 'embedded', [{ ...result.observations[0]!, feed: 'embedded' }], {
      fetchedAt: '2026-11-22T07:00:00.000Z',
      checksum: 'sum',
    });
    await deleteUserFeed(db, 'user-synthetic');
    expect(await listUserFeeds(db)).toEqual([]);
    expect((await loadObservations(db)).map((o) => o.feed)).toEqual(['embedded']);
    expect(await db.feeds.get('user-synthetic')).toBeUndefined();
    expect(await db.snapshots.where('feedId').equals('user-synthetic').count()).toBe(0);
  });

  it('lists feeds in the order they were added', async () => {
    await saveUserFeed(db, {
      id: 'user-b',
      config: { ...config, id: 'user-b' },
      addedAt: '2026-02-01',
    });
    await saveUserFeed(db, {
      id: 'user-a',
      config: { ...config, id: 'user-a' },
      addedAt: '2026-01-01',
    });
    expect((await listUserFeeds(db)).map((f) => f.id)).toEqual(['user-a', 'user-b']);
  });

  it('exports and imports a file feed with its exact bytes', () => {
    const back = fromExported(toExported(fileFeed()));
    expect(back.config).toEqual(config);
    expect(new Uint8Array(back.file!.bytes)).toEqual(csv);
  });
});
