import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { fetchFeedBytes } from './fetch';
import { describeIssue } from './issueText';
import { FeedError } from './types';

const FEED_URL = 'https://static.data.gouv.fr/resources/synthetic/feed.csv';
/** A feed on the page's own origin (the deployed data/), where validators are set by hand. */
const SAME_ORIGIN_URL = new URL('data/synthetic-feed.csv', location.href).href;

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
    await fetchFeedBytes(SAME_ORIGIN_URL, 'f', {
      fetchImpl,
      etag: 'W/"v42"',
      lastModified: 'Wed, 21 Oct 2026 07:28:00 GMT',
    });
    expect(headersOf(calls[0]!).get('If-None-Match')).toBe('W/"v42"');
    expect(headersOf(calls[0]!).get('If-Modified-Since')).toBe('Wed, 21 Oct 2026 07:28:00 GMT');
  });

  it('sets no validator by hand on a request to another origin (no CORS preflight); the browser revalidates', async () => {
    const { fetchImpl, calls } = fakeFetch(() => new Response('a\n'));
    await fetchFeedBytes(FEED_URL, 'f', {
      fetchImpl,
      etag: 'W/"v42"',
      lastModified: 'Wed, 21 Oct 2026 07:28:00 GMT',
    });
    expect(new URL(FEED_URL).origin).not.toBe(location.origin);
    expect([...headersOf(calls[0]!).keys()]).toEqual([]);
    expect(calls[0]!.init.cache).toBe('no-cache');
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
        code: 'fetch.network',
        params: { url: FEED_URL },
        reason: `could not be fetched from ${FEED_URL} (network error: offline or blocked)`,
      },
    ]);
    expect(describeIssue(e.issues[0]!, 'fr')).toBe(
      `impossible de lire ${FEED_URL} (erreur réseau : hors connexion ou accès bloqué)`,
    );
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

describe('fetchFeedBytes on the data.gouv.fr tabular API', () => {
  // Synthetic pages in the API's shape; the resource id is made up.
  const API = 'https://tabular-api.data.gouv.fr/api/resources/00000000-synthetic/data/';
  const rowsOf = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => ({ __id: from + i, code: String(from + i) }));
  const page = (data: unknown[], next: string | null, total: number) =>
    JSON.stringify({
      data,
      links: { next, profile: `${API}profile/` },
      meta: { page: 1, page_size: 50, total },
    });

  /** Serves pages by URL; unknown URLs are 404. */
  function api(pages: Record<string, string | Response>) {
    return fakeFetch(({ url }) => {
      const body = pages[url];
      if (body === undefined)
        return new Response('not found', { status: 404, statusText: 'Not Found' });
      return typeof body === 'string'
        ? new Response(body, {
            headers: { 'Content-Type': 'application/json', ETag: `"${url.length}"` },
          })
        : body;
    });
  }

  const decode = (r: Awaited<ReturnType<typeof fetchFeedBytes>>) =>
    r.status === 'ok' ? (JSON.parse(new TextDecoder().decode(r.bytes)) as unknown[]) : null;

  it('follows next links and returns one JSON array of every row, in order', async () => {
    // As in Node (npm run refresh-data): no page origin, so validators are set by hand.
    vi.stubGlobal('location', undefined);
    onTestFinished(() => void vi.unstubAllGlobals());
    const p2 = `${API}?page=2&page_size=50`;
    const p3 = `${API}?page=3&page_size=50`;
    const { fetchImpl, calls } = api({
      [API]: page(rowsOf(1, 50), p2, 120),
      [p2]: page(rowsOf(51, 50), p3, 120),
      [p3]: page(rowsOf(101, 20), null, 120),
    });
    const result = await fetchFeedBytes(API, 'tab', { fetchImpl, etag: '"old"' });
    expect(calls.map((c) => c.url)).toEqual([API, p2, p3]);
    const rows = decode(result)!;
    expect(rows).toHaveLength(120);
    expect(rows[0]).toEqual({ __id: 1, code: '1' });
    expect(rows[119]).toEqual({ __id: 120, code: '120' });
    expect(result).toMatchObject({
      status: 'ok',
      contentType: 'application/json',
      etag: `"${API.length}"`,
    });
    // Only the first page is conditional: later pages are always read whole.
    expect(headersOf(calls[0]!).get('If-None-Match')).toBe('"old"');
    expect(headersOf(calls[1]!).has('If-None-Match')).toBe(false);
  });

  it('resolves a relative next link against the page', async () => {
    const { fetchImpl, calls } = api({
      [API]: page(rowsOf(1, 1), '?page=2', 2),
      [`${API}?page=2`]: page(rowsOf(2, 1), null, 2),
    });
    expect(decode(await fetchFeedBytes(API, 'tab', { fetchImpl }))).toHaveLength(2);
    expect(calls[1]!.url).toBe(`${API}?page=2`);
  });

  it('returns a single page with no next as its rows', async () => {
    const { fetchImpl } = api({ [API]: page(rowsOf(1, 3), null, 3) });
    expect(decode(await fetchFeedBytes(API, 'tab', { fetchImpl }))).toHaveLength(3);
  });

  it('passes 304 on the first page through', async () => {
    const { fetchImpl, calls } = api({ [API]: new Response(null, { status: 304 }) });
    expect(await fetchFeedBytes(API, 'tab', { fetchImpl, etag: '"x"' })).toEqual({
      status: 'not-modified',
    });
    expect(calls).toHaveLength(1);
  });

  it('leaves a JSON array or an object that is not a page as it is', async () => {
    const body = JSON.stringify({ data: [1], meta: {} });
    const { fetchImpl } = fakeFetch(() => new Response(body));
    const result = await fetchFeedBytes(API, 'tab', { fetchImpl });
    expect(result.status === 'ok' && new TextDecoder().decode(result.bytes)).toBe(body);
  });

  it.each<[string, Record<string, string | Response>, RegExp, { maxPages?: number }?]>([
    [
      'a loop back to the first page',
      {
        [API]: page(rowsOf(1, 50), `${API}?page=2`, 100),
        [`${API}?page=2`]: page(rowsOf(51, 50), API, 100),
      },
      /^tabular API page 2 links back to a page already read \(.*\): the pages loop$/,
    ],
    [
      'a page that links to itself with its parameters reordered',
      {
        [`${API}?a=1&b=2`]: page(rowsOf(1, 50), `${API}?b=2&a=1`, 100),
      },
      /page 1 links back to a page already read/,
    ],
    [
      'a page that cannot be fetched',
      { [API]: page(rowsOf(1, 50), `${API}?page=2`, 100) },
      /^tabular API page 2 could not be fetched from .*\?page=2: HTTP 404 Not Found$/,
    ],
    [
      'a page that is not JSON',
      {
        [API]: page(rowsOf(1, 50), `${API}?page=2`, 100),
        [`${API}?page=2`]: '<html>Bad gateway</html>',
      },
      /^tabular API page 2 \(.*\) is not a page of the tabular API .*broken$/,
    ],
    [
      'fewer rows than meta.total',
      {
        [API]: page(rowsOf(1, 50), `${API}?page=2`, 120),
        [`${API}?page=2`]: page(rowsOf(51, 50), null, 120),
      },
      /^tabular API announced 120 rows \(meta.total\) but its 2 pages held 100$/,
    ],
    [
      'an empty page that still has a next link',
      {
        [API]: page([], `${API}?page=2`, 0),
      },
      /page 1 is empty but has a "next" link/,
    ],
    [
      'more pages than the cap',
      {
        [API]: page(rowsOf(1, 1), `${API}?page=2`, 3),
        [`${API}?page=2`]: page(rowsOf(2, 1), `${API}?page=3`, 3),
        [`${API}?page=3`]: page(rowsOf(3, 1), null, 3),
      },
      /^tabular API: more than 2 pages; stopped/,
      { maxPages: 2 },
    ],
  ])('fails whole on %s, naming the feed', async (_name, pages, reason, extra = {}) => {
    const { fetchImpl } = api(pages);
    const start = Object.keys(pages)[0]!;
    const e = await rejection(fetchFeedBytes(start, 'tab-feed', { fetchImpl, ...extra }));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]!.feed).toBe('tab-feed');
    expect(e.issues[0]!.reason).toMatch(reason);
    expect(e.message).toContain('feed "tab-feed"');
  });
});
