/**
 * data/manifest.json: what the published data files are (checksum, rows, when fetched, from
 * where). Written by scripts/refresh-data and scripts/build-data; read by the app's refresh, so
 * a newly published snapshot reaches open dashboards same-origin. Kept free of the parser, so the
 * app's refresh can read the manifest without loading it.
 */
import { checksum } from '../lib/checksum';

export const MANIFEST_VERSION = 1;

export interface ManifestEntry {
  /** Feed id in data/feeds.json. */
  id: string;
  /** Path of the tidy CSV, relative to data/. */
  file: string;
  /** SHA-256 of the file's bytes, hex. */
  sha256: string;
  /** Data rows (observations) in the file. */
  rows: number;
  fetchedAt: string;
  /** The upstream URL, or the file the data was built from. */
  source: string;
}

export interface Manifest {
  version: typeof MANIFEST_VERSION;
  generatedAt: string;
  feeds: ManifestEntry[];
}

/** SHA-256 of bytes as bare hex (the manifest's form). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const sum = await checksum(bytes);
  if (!sum.startsWith('sha256:')) throw new Error('SHA-256 is not available (no WebCrypto)');
  return sum.slice('sha256:'.length);
}

/** The file under data/ a registry feed is published as (`data/x.csv` -> `x.csv`), or null. */
export function dataFileOf(url: string): string | null {
  const m = /^(?:\.\/)?data\/([\w.-]+\.csv)$/.exec(url);
  return m ? m[1]! : null;
}

/** The manifest as written to disk: stable key order, two-space indent, final newline. */
export function manifestText(manifest: Manifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

/** Checks a parsed manifest's shape; returns what is wrong, or null. */
export function manifestProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'the manifest is not a JSON object';
  const m = value as Partial<Manifest>;
  if (m.version !== MANIFEST_VERSION) return `version is ${String(m.version)}, expected 1`;
  if (typeof m.generatedAt !== 'string') return 'generatedAt is missing';
  if (!Array.isArray(m.feeds)) return 'feeds is not an array';
  for (const [i, f] of m.feeds.entries()) {
    const ok =
      typeof f?.id === 'string' &&
      typeof f.file === 'string' &&
      /^[0-9a-f]{64}$/.test(f.sha256 ?? '') &&
      Number.isInteger(f.rows) &&
      typeof f.fetchedAt === 'string' &&
      typeof f.source === 'string';
    if (!ok) return `feeds[${i}] lacks id, file, sha256 (64 hex), rows, fetchedAt or source`;
  }
  return null;
}
