import { afterEach, describe, expect, it, vi } from 'vitest';
import { checksum, fetchFeedBytes } from './fetch';
import { FeedError } from './types';

const FEED_URL = 'https://static.data.gouv.fr/resources/synthetic/feed.csv';

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch that records its calls and answers with `respond`. */
function fakeFetch(respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const impl = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { url: String(input), init };
    calls.push(call);
    return respond(call);
  });
  return { fetchImpl: impl as unknown as typeof fetch, calls };
}

async function rejection(promise: Promise<unknown>): Promise<FeedError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof FeedError) return e;
    throw e;
  }
  throw new Error('expected a FeedError');
}

const headersOf = (call: Call) => new Headers(call.init.headers);

describe('fetchFeedBytes', () => {
  it('returns the bytes and validators of a 200 answer', async () => {
    const body = new TextEncoder().encode('indicator,geo\nmes_profiles_open,FR\n');
    const { fetchImpl, calls } = fakeFetch(
      () =>
        new Response(body, {
          status: 200,
          headers: {
            ETag: '"abc123"',
            'Last-Modified': 'Wed, 21 Oct 2026 07:28:00 GMT',
            'Content-Type': 'text/csv; charset=utf-8',
          },
        }),
    );
    const result = await fetchFeedBytes(FEED_URL, 'f', { fetchImpl });
    expect(result).toEqual({
      status: 'ok',
      bytes: body,
      etag: '"abc123"',
      lastModified: 'Wed, 21 Oct 2026 07:28:00 GMT',
      contentType: 'text/csv; charset=utf-8',
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(FEED_URL);
    expect(calls[0]!.init.cache).toBe('no-cache');
    expect(calls[0]!.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('returns bytes exactly, whatever their encoding', async () => {
    const body = new Uint8Array([0xef, 0xbb, 0xbf, 0x52, 0xe9, 0x00, 0xff]);
    const { fetchImpl } = fakeFetch(() => new Response(body));
    const result = await fetchFeedBytes(FEED_URL, 'f', { fetchImpl });
    expect(result.status === 'ok' && [...result.bytes]).toEqual([...body]);
  });

  it('leaves validators undefined when the server sends none', async () => {
    const { fetchImpl } = fakeFetch(() => new Response('a,b\n'));
    const result = await fetchFeedBytes(FEED_URL, 'f', { fetchImpl });
    expect(result).toMatchObject({ status: 'ok', etag: undefined, lastModified: undefined });
  });

  it('sends no conditional headers without a previous ETag or date', async () => {
    const { fetchImpl, calls } = fakeFetch(() => new Response('a\n'));
    await fetchFeedBytes(FEED_URL, 'f', { fetchImpl });
    expect(headersOf(calls[0]!).has('If-None-Match')).toBe(false);
    expect(headersOf(calls[0]!).has('If-Modified-Since')).toBe(false);
  });

  it('sends If-None-Match with the ETag and If-Modified-Since with the date given', async () => {
    const { fetchImpl, calls } = fakeFetch(() => new Response(null, { status: 304 }));
    await fetchFeedBytes(FEED_URL, 'f', {
      fetchImpl,
      etag: 'W/"v42"',
      lastModified: 'Wed, 21 Oct 2026 07:28:00 GMT',
    });
    expect(headersOf(calls[0]!).get('If-None-Match')).toBe('W/"v42"');
    expect(headersOf(calls[0]!).get('If-Modified-Since')).toBe('Wed, 21 Oct 2026 07:28:00 GMT');
  });

  it('reports 304 as not modified', async () => {
    const { fetchImpl } = fakeFetch(() => new Response(null, { status: 304 }));
    await expect(fetchFeedBytes(FEED_URL, 'f', { fetchImpl, etag: '"abc123"' })).resolves.toEqual({
      status: 'not-modified',
    });
  });

  it.each([
    [404, 'Not Found'],
    [403, 'Forbidden'],
    [500, 'Internal Server Error'],
    [503, ''],
  ])(
    'rejects HTTP %i with a FeedError naming the feed, FEED_URL and status',
    async (status, statusText) => {
      const { fetchImpl } = fakeFetch(
        () => new Response('<html>error</html>', { status, statusText }),
      );
      const e = await rejection(fetchFeedBytes(FEED_URL, 'my-feed', { fetchImpl }));
      expect(e.issues).toHaveLength(1);
      expect(e.issues[0]!.feed).toBe('my-feed');
      expect(e.issues[0]!.reason).toBe(
        `could not be fetched from ${FEED_URL}: HTTP ${status} ${statusText}`.trim(),
      );
      expect(e.message).toContain(`feed "my-feed"`);
      expect(e.message).toContain(`HTTP ${status}`);
    },
  );

  it('turns a network failure into a FeedError', async () => {
    const { fetchImpl } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const e = await rejection(fetchFeedBytes(FEED_URL, 'my-feed', { fetchImpl }));
    expect(e.issues).toEqual([
      {
        feed: 'my-feed',
        reason: `could not be fetched from ${FEED_URL} (network error: offline or blocked)`,
      },
    ]);
  });

  it('gives up after timeoutMs with a FeedError saying there was no answer', async () => {
    let signal: AbortSignal | undefined;
    const { fetchImpl } = fakeFetch(
      ({ init }) =>
        new Promise<Response>((_resolve, reject) => {
          signal = init.signal ?? undefined;
          signal?.addEventListener('abort', () =>
            reject(new DOMException('The operation was aborted.', 'AbortError')),
          );
        }),
    );
    const started = Date.now();
    const e = await rejection(fetchFeedBytes(FEED_URL, 'slow-feed', { fetchImpl, timeoutMs: 30 }));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(signal?.aborted).toBe(true);
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]!.feed).toBe('slow-feed');
    expect(e.issues[0]!.reason).toMatch(
      new RegExp(`^no answer from ${FEED_URL.replace(/[.]/g, '\\.')} within \\d+ s$`),
    );
  });

  it('states the timeout in seconds', async () => {
    vi.useFakeTimers();
    try {
      const { fetchImpl } = fakeFetch(
        ({ init }) =>
          new Promise<Response>((_resolve, reject) => {
            init.signal?.addEventListener('abort', () =>
              reject(new DOMException('aborted', 'AbortError')),
            );
          }),
      );
      const pending = rejection(fetchFeedBytes(FEED_URL, 'f', { fetchImpl, timeoutMs: 15_000 }));
      await vi.advanceTimersByTimeAsync(15_000);
      expect((await pending).issues[0]!.reason).toBe(`no answer from ${FEED_URL} within 15 s`);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not abort a request that answered in time', async () => {
    let signal: AbortSignal | undefined;
    const { fetchImpl } = fakeFetch(({ init }) => {
      signal = init.signal ?? undefined;
      return new Response('a\n');
    });
    await fetchFeedBytes(FEED_URL, 'f', { fetchImpl, timeoutMs: 20 });
    await new Promise((r) => setTimeout(r, 50));
    expect(signal?.aborted).toBe(false);
  });
});

describe('checksum', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it.each([
    ['', 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('is the SHA-256 of %j', async (text, expected) => {
    expect(await checksum(new TextEncoder().encode(text))).toBe(expected);
  });

  it('is stable and tells different bytes apart', async () => {
    const a = new TextEncoder().encode('indicator,geo\n');
    const b = new TextEncoder().encode('indicator,geo\r\n');
    const first = await checksum(a);
    expect(first).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await checksum(new Uint8Array(a))).toBe(first);
    expect(await checksum(b)).not.toBe(first);
  });

  it('hashes only the bytes of a view, not its whole buffer', async () => {
    const buffer = new TextEncoder().encode('xxabcxx');
    expect(await checksum(buffer.subarray(2, 5))).toBe(
      await checksum(new TextEncoder().encode('abc')),
    );
  });

  it.each([
    ['', 'fnv1a:811c9dc5'],
    ['a', 'fnv1a:e40c292c'],
    ['foobar', 'fnv1a:bf9cf968'],
  ])('falls back to FNV-1a of %j without WebCrypto', async (text, expected) => {
    vi.stubGlobal('crypto', undefined);
    expect(await checksum(new TextEncoder().encode(text))).toBe(expected);
  });
});
