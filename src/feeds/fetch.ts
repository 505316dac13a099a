/** The one fetch helper: conditional GET with a timeout, errors worded for people. */
import type { TabularPage } from './json';
import { FeedError, type IssueCode, type IssueParams } from './types';

export interface FetchOptions {
  etag?: string;
  lastModified?: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  /** Most pages followed for a tabular API feed (default MAX_TABULAR_PAGES). */
  maxPages?: number;
}

export type FetchResult =
  | { status: 'not-modified' }
  | { status: 'ok'; bytes: Uint8Array; etag?: string; lastModified?: string; contentType?: string };

/**
 * Fetches a feed's bytes. When the answer is a page of the data.gouv.fr tabular API
 * (`{data, links: {next}, meta: {total}}`), every page is followed and the result is one JSON
 * array of all rows, so parsing never needs to know about pages. A page that cannot be fetched
 * or read, a `next` link back to a page already read, more pages than `maxPages`, or a row count
 * other than `meta.total` fails the whole fetch.
 */
export async function fetchFeedBytes(
  url: string,
  feed: string,
  options: FetchOptions = {},
): Promise<FetchResult> {
  const first = await fetchOnce(url, feed, options, true);
  if (first.status !== 'ok') return first;
  const page = await tabularPageOf(first.bytes);
  if (!page) return first;
  return {
    ...first,
    bytes: await followPages(url, page, feed, options),
    contentType: 'application/json',
  };
}

/** Most pages a tabular API feed may have: 200 000 rows at the API's 50 rows a page. */
export const MAX_TABULAR_PAGES = 4000;

async function followPages(
  firstUrl: string,
  firstPage: TabularPage,
  feed: string,
  options: FetchOptions,
): Promise<Uint8Array> {
  const maxPages = options.maxPages ?? MAX_TABULAR_PAGES;
  const total = firstPage.meta.total;
  const rows: unknown[] = [...firstPage.data];
  const visited = new Set([normaliseUrl(firstUrl)]);
  let page = firstPage;
  let pageUrl = firstUrl;
  let n = 1;
  // Codes and params inline (texts in issueText.ts, which this first-paint module does not load).
  const fail = (code: IssueCode, params: IssueParams, reason: string) =>
    new FeedError([{ feed, code, params, reason }]);
  while (page.links.next) {
    if (typeof page.links.next !== 'string') {
      throw fail(
        'tabular.badNext',
        { page: n },
        `tabular API page ${n} has a "next" link that is not an address`,
      );
    }
    const next = new URL(page.links.next, pageUrl).href;
    if (visited.has(normaliseUrl(next))) {
      throw fail(
        'tabular.loop',
        { page: n, url: next },
        `tabular API page ${n} links back to a page already read (${next}): the pages loop`,
      );
    }
    if (n >= maxPages) {
      throw fail(
        'tabular.tooManyPages',
        { max: maxPages },
        `tabular API: more than ${maxPages} pages; stopped (is the "next" link broken?)`,
      );
    }
    if (page.data.length === 0) {
      throw fail(
        'tabular.emptyPage',
        { page: n, url: next },
        `tabular API page ${n} is empty but has a "next" link (${next})`,
      );
    }
    visited.add(normaliseUrl(next));
    n += 1;
    const fetched = await fetchOnce(
      next,
      feed,
      { ...options, etag: undefined, lastModified: undefined },
      false,
      n,
    );
    if (fetched.status !== 'ok')
      throw fail(
        'tabular.notModified',
        { page: n, url: next },
        `tabular API page ${n} (${next}) answered "not modified"`,
      );
    const parsed = await tabularPageOf(fetched.bytes);
    if (!parsed) {
      throw fail(
        'tabular.brokenPage',
        { page: n, url: next },
        `tabular API page ${n} (${next}) is not a page of the tabular API ({data, links, meta}): the answer is broken`,
      );
    }
    rows.push(...parsed.data);
    page = parsed;
    pageUrl = next;
  }
  if (typeof total === 'number' && total !== rows.length) {
    throw fail(
      'tabular.countMismatch',
      { total, pages: n, rows: rows.length },
      `tabular API announced ${total} rows (meta.total) but its ${n} pages held ${rows.length}`,
    );
  }
  return new TextEncoder().encode(JSON.stringify(rows));
}

/** The page when these bytes are one page of the tabular API, else null (a CSV, a JSON array…). */
async function tabularPageOf(bytes: Uint8Array): Promise<TabularPage | null> {
  let i = 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
  )
    i++;
  if (bytes[i] !== 0x7b /* { */) return null;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  // Loaded only for JSON answers: the JSON adapter (and the schema it pulls) stays out of the
  // first paint, which fetches CSV.
  const { isTabularPage } = await import('./json');
  return isTabularPage(value) ? value : null;
}

/** Same page whatever the order of its query parameters. */
function normaliseUrl(url: string): string {
  const u = new URL(url);
  u.searchParams.sort();
  u.hash = '';
  return u.href;
}

/** Whether a page would fetch `url` from another origin (never, outside a browser). */
function isCrossOrigin(url: string): boolean {
  const origin = globalThis.location?.origin;
  if (!origin || origin === 'null') return false;
  return new URL(url, origin).origin !== origin;
}

async function fetchOnce(
  url: string,
  feed: string,
  options: FetchOptions,
  conditional: boolean,
  pageNumber?: number,
): Promise<FetchResult> {
  const { timeoutMs = 30_000, fetchImpl = fetch } = options;
  const headers: Record<string, string> = {};
  // If-None-Match and If-Modified-Since are not CORS-safelisted: set by hand on a request to
  // another origin they force a preflight that many open-data hosts refuse. There, `no-cache`
  // below has the browser revalidate its own cached copy with the same validators, and an
  // unchanged body is recognised by its checksum.
  if (conditional && !isCrossOrigin(url)) {
    if (options.etag) headers['If-None-Match'] = options.etag;
    if (options.lastModified) headers['If-Modified-Since'] = options.lastModified;
  }
  const what = pageNumber ? `tabular API page ${pageNumber} ` : '';
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    // no-cache: revalidate with the server (ETag) rather than trust the HTTP cache blindly.
    const response = await fetchImpl(url, {
      headers,
      signal: controller.signal,
      cache: 'no-cache',
    });
    if (response.status === 304) return { status: 'not-modified' };
    if (!response.ok) {
      throw new FeedError([
        {
          feed,
          code: 'fetch.http',
          params: { url, status: `${response.status} ${response.statusText}`.trim() },
          reason:
            `${what}could not be fetched from ${url}: HTTP ${response.status} ${response.statusText}`.trim(),
        },
      ]);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    return {
      status: 'ok',
      bytes,
      etag: response.headers.get('ETag') ?? undefined,
      lastModified: response.headers.get('Last-Modified') ?? undefined,
      contentType: response.headers.get('Content-Type') ?? undefined,
    };
  } catch (e) {
    if (e instanceof FeedError) throw e;
    const seconds = Math.round(timeoutMs / 1000);
    throw new FeedError([
      controller.signal.aborted
        ? {
            feed,
            code: 'fetch.timeout',
            params: { url, seconds },
            reason: `${what}no answer from ${url} within ${seconds} s`,
          }
        : {
            feed,
            code: 'fetch.network',
            params: { url },
            reason: `${what}could not be fetched from ${url} (network error: offline or blocked)`,
          },
    ]);
  } finally {
    clearTimeout(timer);
  }
}
