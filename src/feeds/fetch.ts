/** The one fetch helper: conditional GET with a timeout, errors worded for people. */
import { FeedError } from './types';

export interface FetchOptions {
  etag?: string;
  lastModified?: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

export type FetchResult =
  | { status: 'not-modified' }
  | { status: 'ok'; bytes: Uint8Array; etag?: string; lastModified?: string; contentType?: string };

export async function fetchFeedBytes(
  url: string,
  feed: string,
  options: FetchOptions = {},
): Promise<FetchResult> {
  const { timeoutMs = 30_000, fetchImpl = fetch } = options;
  const headers: Record<string, string> = {};
  if (options.etag) headers['If-None-Match'] = options.etag;
  if (options.lastModified) headers['If-Modified-Since'] = options.lastModified;
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
          reason:
            `could not be fetched from ${url}: HTTP ${response.status} ${response.statusText}`.trim(),
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
    const reason = controller.signal.aborted
      ? `no answer from ${url} within ${Math.round(timeoutMs / 1000)} s`
      : `could not be fetched from ${url} (network error: offline or blocked)`;
    throw new FeedError([{ feed, reason }]);
  } finally {
    clearTimeout(timer);
  }
}

/** SHA-256 of the raw bytes, hex; a non-cryptographic FNV-1a where WebCrypto is unavailable (plain http). */
export async function checksum(bytes: Uint8Array): Promise<string> {
  if (globalThis.crypto?.subtle) {
    const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
    return (
      'sha256:' + [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
    );
  }
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return 'fnv1a:' + h.toString(16).padStart(8, '0');
}
