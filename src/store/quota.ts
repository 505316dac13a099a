/**
 * A full storage told apart from other failures. Imports nothing: the ingest worker's checks use
 * it without loading Dexie.
 */

/**
 * Whether an error means the browser's storage is full. Dexie reports it as its own
 * QuotaExceededError or wraps the DOMException (`inner`), sometimes inside an AbortError.
 */
export function isQuotaError(error: unknown): boolean {
  for (
    let e = error as { name?: string; inner?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    depth++
  ) {
    if (e.name === 'QuotaExceededError') return true;
    e = (e.inner ?? e.cause) as typeof e;
  }
  return false;
}
