/**
 * Reads the same-origin data/manifest.json written by the scheduled data job. Optional by
 * design: no manifest (404), an unreadable one or no answer in time all mean "fall back to the
 * conditional GET of each feed", never a failed refresh.
 */
import { manifestProblem, type Manifest } from '../feeds/manifest';

export const MANIFEST_PATH = 'data/manifest.json';

export interface ReadManifestOptions {
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

export async function readManifest(
  baseUrl: string,
  options: ReadManifestOptions = {},
): Promise<{ url: string; manifest: Manifest } | null> {
  const { fetchImpl = fetch, timeoutMs = 15_000 } = options;
  const url = new URL(MANIFEST_PATH, baseUrl).href;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchImpl(url, { signal: controller.signal, cache: 'no-cache' });
    if (!response.ok) return null;
    const manifest: unknown = await response.json();
    const problem = manifestProblem(manifest);
    if (problem) {
      console.warn(`${url} ignored: ${problem}`);
      return null;
    }
    return { url, manifest: manifest as Manifest };
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
