import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checksum } from '../lib/checksum';
import type { Manifest } from '../feeds/manifest';
import type { FeedConfig } from '../feeds/types';
import { PulseDatabase } from '../store/db';
import {
  commitSnapshot,
  countObservations,
  loadObservations,
  loadSeries,
  loadSnapshots,
  rollbackTo,
} from '../store/repository';
import { readFeed } from '../feeds/ingest';
import { readManifest } from './manifest';
import { refreshFeed } from './refresh';

const embeddedCsv = readFileSync(resolve(import.meta.dirname, '../../data/observations.csv'));
const feed: FeedConfig = {
  id: 'embedded',
  label: { fr: 'x', en: 'x' },
  format: 'tidy-csv',
  url: 'data/observations.csv',
};
const baseUrl = 'http://127.0.0.1:9/app/';
const now = () => new Date('2026-11-22T10:00:00Z');

/** A fake fetch answering from a list of canned responses, recording requests. */
function fakeFetch(responses: (() => Response)[]) {
  const requests: { url: string; headers: Record<string, string> }[] = [];
  const impl = (async (url: string, init?: RequestInit) => {
    requests.push({ url, headers: (init?.headers ?? {}) as Record<string, string> });
    const next = responses.shift();
    if (!next) throw new TypeError('Failed to fetch');
    return next();
  }) as unknown as typeof fetch;
  return { impl, requests };
}

let db: PulseDatabase;
beforeEach(async () => {
  // The app is served from baseUrl: its data/ is on its own origin (validators set by hand).
  vi.stubGlobal('location', new URL(baseUrl));
  db = new PulseDatabase(`test-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

describe('refreshFeed', () => {
  it('stores bytes already downloaded for its URL (first-visit preview) without fetching again', async () => {
    const { impl, requests } = fakeFetch([]);
    const asked: string[] = [];
    const outcome = await refreshFeed(db, feed, {
      baseUrl,
      now,
      fetchImpl: impl,
      prefetched: (url) => {
        asked.push(url);
        return Promise.resolve({ status: 'ok', bytes: new Uint8Array(embeddedCsv), etag: '"p"' });
      },
    });
    expect(outcome).toEqual({ feed: 'embedded', status: 'updated', rows: 119 });
    expect(asked).toEqual(['http://127.0.0.1:9/app/data/observations.csv']);
    expect(requests).toEqual([]);
    expect(await db.feeds.get('embedded')).toMatchObject({ etag: '"p"', rows: 119 });
    // Nothing downloaded beforehand (undefined): it fetches as usual.
    const again = fakeFetch([() => new Response('no', { status: 500 })]);
    await refreshFeed(db, feed, {
      baseUrl,
      now,
      fetchImpl: again.impl,
      prefetched: () => Promise.resolve(undefined),
    });
    expect(again.requests).toHaveLength(1);
  });

  it('stores what the preview read from the very same bytes, without reading them again', async () => {
    const bytes = new Uint8Array(embeddedCsv);
    const read = await readFeed(feed, bytes, { today: now() });
    // Five of the 119 observations: were the bytes read again, all 119 would be stored.
    const observations = read.observations.slice(0, 5);
    const prefetched = () => Promise.resolve({ status: 'ok' as const, bytes });
    const validated =
      (bytes: Uint8Array, config = feed) =>
      () =>
        Promise.resolve({ feed: config, bytes, observations, report: read.report });
    const outcome = await refreshFeed(db, feed, {
      baseUrl,
      now,
      prefetched,
      validated: validated(bytes),
    });
    expect(outcome).toEqual({ feed: 'embedded', status: 'updated', rows: 5 });
    expect(await countObservations(db)).toBe(5);
    expect(await db.feeds.get('embedded')).toMatchObject({
      rows: 5,
      encoding: read.report.encoding,
      rowsRead: read.report.rowsRead,
    });
    // Read from other bytes (a copy) or another configuration: the feed is read again.
    for (const other of [
      validated(bytes.slice()),
      validated(bytes, { ...feed, label: { fr: 'y', en: 'y' } }),
    ]) {
      await db.feeds.clear();
      const again = await refreshFeed(db, feed, { baseUrl, now, prefetched, validated: other });
      expect(again).toEqual({ feed: 'embedded', status: 'updated', rows: 119 });
    }
  });

  it('stores the embedded feed: 119 observations, feed state, one snapshot', async () => {
    const { impl, requests } = fakeFetch([
      () => new Response(embeddedCsv, { headers: { ETag: '"v1"' } }),
    ]);
    const outcome = await refreshFeed(db, feed, { baseUrl, now, fetchImpl: impl });
    expect(outcome).toEqual({ feed: 'embedded', status: 'updated', rows: 119 });
    expect(requests[0]!.url).toBe('http://127.0.0.1:9/app/data/observations.csv');
    expect(await countObservations(db)).toBe(119);
    const state = await db.feeds.get('embedded');
    expect(state).toMatchObject({
      rows: 119,
      etag: '"v1"',
      lastSuccess: '2026-11-22T10:00:00.000Z',
    });
    expect(state?.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
    const open = await loadSeries(db, 'mes_profiles_open', 'FR');
    expect(open.find((o) => o.period === '2024-01-10')?.value).toBe(68_406_684);
  });

  it('sends the ETag back and treats 304 as unchanged', async () => {
    const { impl, requests } = fakeFetch([
      () => new Response(embeddedCsv, { headers: { ETag: '"v1"' } }),
      () => new Response(null, { status: 304 }),
    ]);
    await refreshFeed(db, feed, { baseUrl, now, fetchImpl: impl });
    const outcome = await refreshFeed(db, feed, { baseUrl, now, fetchImpl: impl });
    expect(outcome.status).toBe('unchanged');
    expect(requests[1]!.headers['If-None-Match']).toBe('"v1"');
    expect(await countObservations(db)).toBe(119);
  });

  it.each([
    ['a network failure', () => Promise.reject(new TypeError('Failed to fetch')), /network error/],
    ['an HTTP 500', () => new Response('oops', { status: 500 }), /HTTP 500/],
    [
      'an HTML error page',
      () => new Response('<!doctype html><html><body>Erreur</body></html>'),
      /HTML/,
    ],
    [
      'a file with a bad row',
      () => new Response(String(embeddedCsv).replace(',68406684,', ',beaucoup,')),
      /row \d+, column "value": "beaucoup" is not a number/,
    ],
    ['a truncated file', () => new Response(embeddedCsv.subarray(0, 5000)), /truncated|fields/],
  ])('after %s keeps the last good data and records why', async (_name, bad, message) => {
    const good = fakeFetch([() => new Response(embeddedCsv)]);
    await refreshFeed(db, feed, { baseUrl, now, fetchImpl: good.impl });
    const before = await loadObservations(db);

    const failing = (async () => bad()) as unknown as typeof fetch;
    const outcome = await refreshFeed(db, feed, {
      baseUrl,
      now: () => new Date('2026-11-22T16:00:00Z'),
      fetchImpl: failing,
    });

    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.message).toMatch(message);
    expect(outcome.status === 'failed' && outcome.message).toContain('feed "embedded"');
    expect(await loadObservations(db)).toEqual(before);
    const state = await db.feeds.get('embedded');
    expect(state?.lastSuccess).toBe('2026-11-22T10:00:00.000Z');
    expect(state?.lastAttempt).toBe('2026-11-22T16:00:00.000Z');
    expect(state?.lastError?.message).toMatch(message);
  });

  it('a first visit whose fetch fails stores nothing and says why', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const outcome = await refreshFeed(db, feed, { baseUrl, now, fetchImpl: failing });
    expect(outcome.status).toBe('failed');
    expect(await countObservations(db)).toBe(0);
    expect((await db.feeds.get('embedded'))?.lastError?.issues[0]?.feed).toBe('embedded');
  });
});

describe('commitSnapshot', () => {
  it('is all or nothing: a write that fails midway leaves the previous data whole', async () => {
    const good = fakeFetch([() => new Response(embeddedCsv)]);
    await refreshFeed(db, feed, { baseUrl, now, fetchImpl: good.impl });
    const before = await loadObservations(db);
    const [first] = before;
    // A function cannot be stored in IndexedDB: bulkAdd throws after the delete has run.
    const poisoned = [
      { ...first!, value: 1 },
      { ...first!, note: (() => 0) as unknown as string },
    ];
    await expect(
      commitSnapshot(db, 'embedded', poisoned, { fetchedAt: 'x', checksum: 'y' }),
    ).rejects.toThrow();
    expect(await loadObservations(db)).toEqual(before);
    expect((await db.feeds.get('embedded'))?.checksum).not.toBe('y');
  });
});

describe('refreshFeed with data/manifest.json', () => {
  const manifestUrl = 'http://127.0.0.1:9/app/data/manifest.json';
  let sha: string;
  beforeEach(async () => {
    sha = (await checksum(embeddedCsv)).slice('sha256:'.length);
  });
  const manifestOf = (sha256: string): Manifest => ({
    version: 1,
    generatedAt: '2026-11-22T09:00:00Z',
    feeds: [
      {
        id: 'embedded',
        file: 'observations.csv',
        sha256,
        rows: 119,
        fetchedAt: '2026-11-22T09:00:00Z',
        source: 'synthetic test manifest',
      },
    ],
  });

  it('records "unchanged" without downloading when the manifest checksum is the stored one', async () => {
    const first = fakeFetch([() => new Response(embeddedCsv)]);
    await refreshFeed(db, feed, { baseUrl, now, fetchImpl: first.impl });
    const again = fakeFetch([]);
    const outcome = await refreshFeed(db, feed, {
      baseUrl,
      now: () => new Date('2026-11-22T16:00:00Z'),
      fetchImpl: again.impl,
      manifest: { url: manifestUrl, manifest: manifestOf(sha) },
    });
    expect(outcome).toEqual({ feed: 'embedded', status: 'unchanged', via: 'manifest' });
    expect(again.requests).toEqual([]);
    expect((await db.feeds.get('embedded'))?.lastSuccess).toBe('2026-11-22T16:00:00.000Z');
  });

  it('downloads the listed file when the checksum differs, checks it and commits it', async () => {
    const changed = Buffer.from(String(embeddedCsv).replace(',68406684,', ',68406685,'));
    const changedSha = (await checksum(changed)).slice('sha256:'.length);
    await refreshFeed(db, feed, {
      baseUrl,
      now,
      fetchImpl: fakeFetch([() => new Response(embeddedCsv, { headers: { ETag: '"v1"' } })]).impl,
    });
    const { impl, requests } = fakeFetch([() => new Response(changed)]);
    const outcome = await refreshFeed(db, feed, {
      baseUrl,
      now,
      fetchImpl: impl,
      manifest: { url: manifestUrl, manifest: manifestOf(changedSha) },
    });
    expect(outcome).toEqual({ feed: 'embedded', status: 'updated', rows: 119 });
    expect(requests.map((r) => r.url)).toEqual(['http://127.0.0.1:9/app/data/observations.csv']);
    // The manifest said it changed: an ETag of the old file must not turn this into a 304.
    expect(requests[0]!.headers['If-None-Match']).toBeUndefined();
    const open = await loadSeries(db, 'mes_profiles_open', 'FR');
    expect(open.find((o) => o.period === '2024-01-10')?.value).toBe(68_406_685);
  });

  it('rejects a file that does not match the manifest checksum and keeps the data', async () => {
    await refreshFeed(db, feed, {
      baseUrl,
      now,
      fetchImpl: fakeFetch([() => new Response(embeddedCsv)]).impl,
    });
    const before = await loadObservations(db);
    const outcome = await refreshFeed(db, feed, {
      baseUrl,
      now,
      fetchImpl: fakeFetch([() => new Response(embeddedCsv)]).impl,
      manifest: { url: manifestUrl, manifest: manifestOf('0'.repeat(64)) },
    });
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.message).toMatch(/does not match the SHA-256/);
    expect(await loadObservations(db)).toEqual(before);
  });

  it('without a manifest (null), falls back to the conditional GET of the feed', async () => {
    const { impl, requests } = fakeFetch([
      () => new Response(embeddedCsv, { headers: { ETag: '"v1"' } }),
      () => new Response(null, { status: 304 }),
    ]);
    await refreshFeed(db, feed, { baseUrl, now, fetchImpl: impl, manifest: null });
    const outcome = await refreshFeed(db, feed, { baseUrl, now, fetchImpl: impl, manifest: null });
    expect(outcome.status).toBe('unchanged');
    expect(requests[1]!.headers['If-None-Match']).toBe('"v1"');
  });

  it('ignores the manifest for a feed on another origin', async () => {
    const remote = { ...feed, url: 'https://example.org/synthetic.csv' };
    const { impl, requests } = fakeFetch([() => new Response(embeddedCsv)]);
    await refreshFeed(db, remote, {
      baseUrl,
      now,
      fetchImpl: impl,
      manifest: { url: manifestUrl, manifest: manifestOf(sha) },
    });
    expect(requests.map((r) => r.url)).toEqual(['https://example.org/synthetic.csv']);
  });
});

describe('readManifest', () => {
  it('reads a valid manifest, and null for a 404, an HTML page or a bad shape', async () => {
    const valid = {
      version: 1,
      generatedAt: 'x',
      feeds: [
        { id: 'e', file: 'e.csv', sha256: 'a'.repeat(64), rows: 1, fetchedAt: 'x', source: 's' },
      ],
    };
    const answer = (r: () => Response) => fakeFetch([r]).impl;
    const read = (r: () => Response) => readManifest(baseUrl, { fetchImpl: answer(r) });
    expect(await read(() => Response.json(valid))).toEqual({
      url: 'http://127.0.0.1:9/app/data/manifest.json',
      manifest: valid,
    });
    expect(await read(() => new Response('no', { status: 404 }))).toBeNull();
    expect(await read(() => new Response('<!doctype html><html></html>'))).toBeNull();
    expect(await read(() => Response.json({ version: 2 }))).toBeNull();
    expect(await readManifest(baseUrl, { fetchImpl: fakeFetch([]).impl })).toBeNull();
  });
});

describe('refreshFeed: backoff, rollback, full storage', () => {
  it('after a failure schedules the retry with backoff and jitter', async () => {
    const failing = fakeFetch([]).impl;
    await refreshFeed(db, feed, { baseUrl, now, fetchImpl: failing, random: () => 0 });
    expect((await db.feeds.get('embedded'))?.retryAt).toBe('2026-11-22T10:00:30.000Z');
    await refreshFeed(db, feed, { baseUrl, now, fetchImpl: failing, random: () => 1 });
    expect(await db.feeds.get('embedded')).toMatchObject({
      failures: 2,
      retryAt: '2026-11-22T10:02:00.000Z',
    });
  });

  it('does not re-apply the data the user rolled back from, but applies newer data', async () => {
    const v1 = embeddedCsv;
    const v2 = Buffer.from(String(embeddedCsv).replace(',68406684,', ',68406685,'));
    const v3 = Buffer.from(String(embeddedCsv).replace(',68406684,', ',68406686,'));
    const get = (bytes: typeof embeddedCsv) => fakeFetch([() => new Response(bytes)]).impl;
    await refreshFeed(db, feed, { baseUrl, now, fetchImpl: get(v1) });
    await refreshFeed(db, feed, { baseUrl, now, fetchImpl: get(v2) });
    const [, first] = await loadSnapshots(db, 'embedded');
    await rollbackTo(db, 'embedded', first!.id!);
    const valueNow = async () =>
      (await loadSeries(db, 'mes_profiles_open', 'FR')).find((o) => o.period === '2024-01-10')
        ?.value;
    expect(await valueNow()).toBe(68_406_684);
    expect((await refreshFeed(db, feed, { baseUrl, now, fetchImpl: get(v2) })).status).toBe(
      'unchanged',
    );
    expect(await valueNow()).toBe(68_406_684);
    expect((await refreshFeed(db, feed, { baseUrl, now, fetchImpl: get(v3) })).status).toBe(
      'updated',
    );
    expect(await valueNow()).toBe(68_406_686);
  });

  it('explains a full storage and keeps the data', async () => {
    await refreshFeed(db, feed, {
      baseUrl,
      now,
      fetchImpl: fakeFetch([() => new Response(embeddedCsv)]).impl,
    });
    const before = await loadObservations(db);
    const changed = Buffer.from(String(embeddedCsv).replace(',68406684,', ',68406685,'));
    const spy = vi.spyOn(db.series, 'bulkAdd').mockRejectedValueOnce(
      Object.assign(new Error('QuotaExceededError'), {
        name: 'AbortError',
        inner: new DOMException('quota', 'QuotaExceededError'),
      }),
    );
    const outcome = await refreshFeed(db, feed, {
      baseUrl,
      now,
      fetchImpl: fakeFetch([() => new Response(changed)]).impl,
    });
    spy.mockRestore();
    expect(outcome).toMatchObject({ status: 'failed', quota: true });
    expect(outcome.status === 'failed' && outcome.message).toMatch(/storage is full/);
    expect((await db.feeds.get('embedded'))?.lastError?.kind).toBe('quota');
    expect(await loadObservations(db)).toEqual(before);
  });
});
