// The data state the views read, driven with fake fetches over fake-indexeddb: cache first,
// status from the stored feed states, manual refresh, reload after a user feed, rollback.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedConfig } from '../feeds/types';
import { PulseDatabase, SCHEMA_VERSION } from '../store/db';
import {
  commitSnapshot,
  countObservations,
  loadObservations,
  loadSnapshots,
} from '../store/repository';
import { openSchemaV2 } from '../../test/legacySchemas';
import { syntheticObservation } from '../../test/synthetic';
import {
  dataState,
  refreshNow,
  reloadObservations,
  rollbackFeed,
  startData,
} from './dataState.svelte';

const csv = readFileSync(resolve(import.meta.dirname, '../../data/observations.csv'));
const csvV2 = new TextEncoder().encode(String(csv).replace(',68406684,', ',68406685,'));
const feed: FeedConfig = {
  id: 'embedded',
  label: { fr: 'x', en: 'x' },
  format: 'tidy-csv',
  url: 'data/observations.csv',
};
const baseUrl = 'http://127.0.0.1:9/app/';

/** Answers the feed from `body()`, the manifest with 404; counts feed requests. */
function server(body: () => Uint8Array | Error) {
  const requests: string[] = [];
  const fetchImpl = (async (url: string) => {
    if (url.endsWith('manifest.json')) return new Response('no', { status: 404 });
    requests.push(url);
    const b = body();
    if (b instanceof Error) throw b;
    return new Response(b as Uint8Array<ArrayBuffer>);
  }) as unknown as typeof fetch;
  return { fetchImpl, requests };
}

const openValue = () =>
  dataState.observations.find(
    (o) => o.indicator === 'mes_profiles_open' && o.geo === 'FR' && o.period === '2024-01-10',
  )?.value;

let db: PulseDatabase;
beforeEach(async () => {
  db = new PulseDatabase(`state-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('dataState', () => {
  it('loads, says fresh with the next refresh 6 h later, and survives a failed refresh', async () => {
    let answer: Uint8Array | Error = csv;
    const { fetchImpl, requests } = server(() => answer);
    await startData({ feeds: [feed], baseUrl, database: db, fetchImpl, schedule: false });
    expect(dataState.status).toBe('fresh');
    expect(dataState.observations).toHaveLength(119);
    expect(dataState.progress).toBeUndefined();
    const next = Date.parse(dataState.nextRefreshAt!) - Date.parse(dataState.updatedAt!);
    expect(next).toBe(6 * 3_600_000);

    answer = new TypeError('Failed to fetch');
    await refreshNow();
    expect(requests).toHaveLength(2);
    expect(dataState.status).toBe('error');
    expect(dataState.failures).toMatchObject([{ feed: 'embedded', quota: false }]);
    expect(dataState.observations).toHaveLength(119);
    // After a failure the next attempt comes with the backoff, well before 6 h.
    expect(Date.parse(dataState.nextRefreshAt!) - Date.now()).toBeLessThanOrEqual(60_000);

    answer = csvV2;
    await refreshNow('embedded');
    expect(dataState.status).toBe('fresh');
    expect(dataState.failures).toEqual([]);
    expect(openValue()).toBe(68_406_685);
  });

  it('first visit: shows the data as soon as it is valid, while it is stored', async () => {
    const { fetchImpl } = server(() => csv);
    let shownWhenStoring = -1;
    let shown: unknown;
    const add = db.series.bulkAdd.bind(db.series);
    vi.spyOn(db.series, 'bulkAdd').mockImplementation(((...args: Parameters<typeof add>) => {
      shownWhenStoring = dataState.observations.length;
      shown = dataState.observations;
      return add(...args);
    }) as typeof add);
    try {
      await startData({ feeds: [feed], baseUrl, database: db, fetchImpl, schedule: false });
    } finally {
      vi.restoreAllMocks();
    }
    expect(shownWhenStoring).toBe(119);
    expect(dataState.status).toBe('fresh');
    expect(dataState.observations).toEqual(await loadObservations(db));
    // The stored rows are those shown: the views are not given them a second time.
    expect(dataState.observations).toBe(shown);
  });

  it('first visit: shows the embedded data before the database is even open, one download', async () => {
    const fresh = new PulseDatabase(`state-fresh-${Math.random()}`);
    dataState.observations = []; // as on a page just opened
    // The database cannot be used until the data is on screen: shown without it.
    fresh.on('ready', () => vi.waitFor(() => expect(dataState.observations).toHaveLength(119)));
    const { fetchImpl, requests } = server(() => csv);
    await startData({ feeds: [feed], baseUrl, database: fresh, fetchImpl, schedule: false });
    expect(requests).toHaveLength(1);
    expect(dataState.status).toBe('fresh');
    expect(await countObservations(fresh)).toBe(119);
    expect(dataState.observations).toEqual(await loadObservations(fresh));
    await fresh.delete();
  });

  it('paints from the cache before any request', async () => {
    await commitSnapshot(
      db,
      'embedded',
      [syntheticObservation({ period: '2024-01', value: 1, feed: 'embedded' })],
      {
        fetchedAt: '2026-11-22T00:00:00.000Z',
        checksum: 'sha256:cached',
      },
    );
    let seenAtFetch = -1;
    const fetchImpl = (async () => {
      seenAtFetch = dataState.observations.length;
      return new Response('no', { status: 404 });
    }) as unknown as typeof fetch;
    await startData({ feeds: [feed], baseUrl, database: db, fetchImpl, schedule: false });
    expect(seenAtFetch).toBe(1);
    expect(dataState.status).toBe('error');
    expect(dataState.observations).toHaveLength(1);
  });

  it('paints a database of an older schema through Dexie, which upgrades it', async () => {
    const name = `state-v2-${Math.random()}`;
    const v2 = openSchemaV2(name);
    await v2.table('snapshots').add({ feedId: 'embedded', fetchedAt: 'x', checksum: 'c', rows: 1 });
    await v2.table('feeds').add({ id: 'embedded', checksum: 'sha256:c', snapshotId: 1 });
    await v2.table('observations').add({
      ...syntheticObservation({ period: '2024-01', value: 1, feed: 'embedded' }),
      snapshotId: 1,
    });
    v2.close();
    let seenAtFetch = -1;
    const fetchImpl = (async () => {
      seenAtFetch = dataState.observations.length;
      return new Response('no', { status: 404 });
    }) as unknown as typeof fetch;
    const upgraded = new PulseDatabase(name);
    await startData({ feeds: [feed], baseUrl, database: upgraded, fetchImpl, schedule: false });
    expect(seenAtFetch).toBe(1);
    expect(upgraded.verno).toBe(SCHEMA_VERSION);
    expect(dataState.observations).toMatchObject([{ period: '2024-01', value: 1 }]);
    await upgraded.delete();
  });

  it('paints from the cache through Dexie when the plain read fails', async () => {
    await commitSnapshot(
      db,
      'embedded',
      [syntheticObservation({ period: '2024-01', value: 1, feed: 'embedded' })],
      { fetchedAt: '2026-11-22T00:00:00.000Z', checksum: 'sha256:cached' },
    );
    const open = vi.spyOn(indexedDB, 'open').mockImplementationOnce(() => {
      throw new DOMException('refused', 'UnknownError');
    });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    let seenAtFetch = -1;
    const fetchImpl = (async () => {
      seenAtFetch = dataState.observations.length;
      return new Response('no', { status: 404 });
    }) as unknown as typeof fetch;
    try {
      await startData({ feeds: [feed], baseUrl, database: db, fetchImpl, schedule: false });
      expect(open).toHaveBeenCalled();
      expect(seenAtFetch).toBe(1);
      expect(dataState.observations).toHaveLength(1);
      expect(dataState.storageError).toBeUndefined();
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('reloads after a feed was stored elsewhere, and rolls back', async () => {
    const { fetchImpl } = server(() => csv);
    await startData({ feeds: [feed], baseUrl, database: db, fetchImpl, schedule: false });
    await commitSnapshot(
      db,
      'embedded',
      [syntheticObservation({ period: '2024-01', value: 1, feed: 'embedded' })],
      {
        fetchedAt: '2026-11-22T11:00:00.000Z',
        checksum: 'sha256:other',
      },
    );
    expect(dataState.observations).toHaveLength(119);
    await reloadObservations();
    expect(dataState.observations).toHaveLength(1);
    const [, previous] = await loadSnapshots(db, 'embedded');
    await rollbackFeed('embedded', previous!.id!);
    expect(dataState.observations).toHaveLength(119);
  });

  it('asks once for persistent storage', async () => {
    const persist = vi.fn(async () => true);
    const persisted = vi.fn(async () => false);
    vi.stubGlobal('navigator', { ...navigator, storage: { persist, persisted } });
    localStorage.clear();
    try {
      const { fetchImpl } = server(() => csv);
      await startData({ feeds: [feed], baseUrl, database: db, fetchImpl, schedule: false });
      await startData({ feeds: [feed], baseUrl, database: db, fetchImpl, schedule: false });
      await vi.waitFor(() => expect(dataState.persisted).toBeDefined());
      expect(persist).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('user feeds', () => {
  it('a URL feed added by the user is listed, scheduled and refreshed; an imported file is not refetched', async () => {
    const requests: string[] = [];
    const fetchImpl = (async (url: string) => {
      requests.push(url);
      if (url.endsWith('manifest.json')) return new Response('no', { status: 404 });
      return new Response(csv as Uint8Array<ArrayBuffer>);
    }) as unknown as typeof fetch;
    await startData({ baseUrl, database: db, fetchImpl, schedule: false });
    const userConfig: FeedConfig = {
      id: 'user-synthetic',
      label: { fr: 'synthétique', en: 'synthetic' },
      format: 'tidy-csv',
      url: 'https://example.org/synthetic.csv',
      refreshHours: 1,
    };
    await db.userFeeds.bulkAdd([
      { id: userConfig.id, config: userConfig, addedAt: '2026-11-22T00:00:00Z' },
      {
        id: 'user-file',
        config: { ...userConfig, id: 'user-file', url: 'file.csv' },
        addedAt: '2026-11-22T00:00:00Z',
        file: { name: 'file.csv', bytes: new ArrayBuffer(0), importedAt: '2026-11-22T00:00:00Z' },
      },
    ]);
    await reloadObservations();
    expect(dataState.feeds.map((f) => f.id)).toEqual(
      expect.arrayContaining(['embedded', 'user-synthetic', 'user-file']),
    );
    requests.length = 0;
    await refreshNow();
    expect(requests).toContain('https://example.org/synthetic.csv');
    expect(requests.some((u) => u.endsWith('file.csv') && !u.includes('example.org'))).toBe(false);
    // The user feed's 1 h interval now sets the next refresh.
    expect(Date.parse(dataState.nextRefreshAt!) - Date.now()).toBeLessThanOrEqual(3_600_000);
  });
});

describe('IndexedDB unavailable', () => {
  it('says so instead of failing silently', async () => {
    const broken = new PulseDatabase(`broken-${Math.random()}`);
    vi.spyOn(broken.series, 'where').mockImplementation(() => {
      throw new Error('IndexedDB blocked');
    });
    vi.spyOn(broken.feeds, 'get').mockRejectedValue(new Error('IndexedDB blocked'));
    const { fetchImpl } = server(() => csv);
    await startData({ feeds: [feed], baseUrl, database: broken, fetchImpl, schedule: false });
    expect(dataState.status).toBe('error');
    expect(dataState.storageError).toMatch(/IndexedDB blocked/);
    vi.restoreAllMocks();
    await broken.delete();
  });
});
