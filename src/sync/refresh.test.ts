import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedConfig } from '../feeds/types';
import { PulseDatabase } from '../store/db';
import { commitSnapshot, loadObservations, loadSeries } from '../store/repository';
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
  db = new PulseDatabase(`test-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('refreshFeed', () => {
  it('stores the embedded feed: 100 observations, feed state, one snapshot', async () => {
    const { impl, requests } = fakeFetch([
      () => new Response(embeddedCsv, { headers: { ETag: '"v1"' } }),
    ]);
    const outcome = await refreshFeed(db, feed, { baseUrl, now, fetchImpl: impl });
    expect(outcome).toEqual({ feed: 'embedded', status: 'updated', rows: 100 });
    expect(requests[0]!.url).toBe('http://127.0.0.1:9/app/data/observations.csv');
    expect(await db.observations.count()).toBe(100);
    const state = await db.feeds.get('embedded');
    expect(state).toMatchObject({
      rows: 100,
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
    expect(await db.observations.count()).toBe(100);
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
    expect(await db.observations.count()).toBe(0);
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
