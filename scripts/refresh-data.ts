/**
 * For a scheduled job: fetches every registry feed that has an `upstream`, validates it with the
 * app's own feed code, and only when every feed is valid rewrites data/ (one tidy CSV per feed)
 * and data/manifest.json. On any failure no file changes: new files are written beside the old
 * ones under temporary names and renamed only once everything succeeded.
 *
 *   npm run refresh-data [-- --data-dir <dir>] [--registry <feeds.json>]
 *
 * Feeds without an upstream (the embedded compilation) are validated as they are on disk and
 * listed in the manifest. Exit 0 when data/ is up to date, 1 when a feed failed, 2 on a usage error.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fetchFeedBytes } from '../src/feeds/fetch';
import { parseFeed } from '../src/feeds/ingest';
import {
  MANIFEST_VERSION,
  dataFileOf,
  manifestText,
  sha256Hex,
  type Manifest,
  type ManifestEntry,
} from '../src/feeds/manifest';
import { tidyCsvText } from '../src/feeds/tidy';
import { FeedError, formatIssue, type FeedConfig, type FeedIssue } from '../src/feeds/types';

const ROOT = resolve(import.meta.dirname, '..');

export interface ScriptIO {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const consoleIO: ScriptIO = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

export interface RefreshDataOptions {
  fetchImpl?: typeof fetch;
  now?: () => Date;
  timeoutMs?: number;
}

/**
 * Writes every file under a temporary name first, then renames them all: a failure while
 * writing leaves every target as it was.
 */
export function writeFilesAtomically(files: { path: string; bytes: Uint8Array | string }[]): void {
  const temps: string[] = [];
  try {
    for (const f of files) {
      const temp = `${f.path}.tmp-${process.pid}`;
      writeFileSync(temp, f.bytes);
      temps.push(temp);
    }
  } catch (error) {
    for (const t of temps) rmSync(t, { force: true });
    throw error;
  }
  files.forEach((f, i) => renameSync(temps[i]!, f.path));
}

/** The manifest on disk, or null when absent or unreadable (it is then rebuilt whole). */
export function readManifest(path: string): Manifest | null {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    return value.version === MANIFEST_VERSION && Array.isArray(value.feeds) ? value : null;
  } catch {
    return null;
  }
}

function parseArgs(argv: string[]): { dataDir: string; registry: string } | string {
  let dataDir = process.env.SEGUR_PULSE_DATA_DIR ?? resolve(ROOT, 'data');
  let registry: string | undefined = process.env.SEGUR_PULSE_REGISTRY;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = argv[i + 1];
    if (
      (a === '--data-dir' || a === '--registry') &&
      (value === undefined || value.startsWith('--'))
    )
      return `${a} needs a path`;
    if (a === '--data-dir') dataDir = resolve(argv[++i]!);
    else if (a === '--registry') registry = resolve(argv[++i]!);
    else return `unknown argument "${a}"`;
  }
  return { dataDir, registry: registry ?? join(dataDir, 'feeds.json') };
}

const USAGE = 'usage: npm run refresh-data [-- --data-dir <dir>] [--registry <feeds.json>]';

export async function refreshData(
  argv: string[],
  io: ScriptIO = consoleIO,
  options: RefreshDataOptions = {},
): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(`${args}\n${USAGE}`);
    return 2;
  }
  let feeds: FeedConfig[];
  try {
    feeds = (JSON.parse(readFileSync(args.registry, 'utf8')) as { feeds: FeedConfig[] }).feeds;
    if (!Array.isArray(feeds)) throw new Error('no "feeds" array');
  } catch (e) {
    io.err(`cannot read the registry ${args.registry}: ${e instanceof Error ? e.message : e}`);
    return 2;
  }
  const now = options.now ?? (() => new Date());
  const manifestPath = join(args.dataDir, 'manifest.json');
  const previous = readManifest(manifestPath);
  const issues: FeedIssue[] = [];
  const writes: { path: string; bytes: Uint8Array | string }[] = [];
  const entries: ManifestEntry[] = [];

  for (const feed of feeds) {
    const file = dataFileOf(feed.url);
    if (!file) {
      issues.push({ feed: feed.id, reason: `url "${feed.url}" is not a CSV file under data/` });
      continue;
    }
    const path = join(args.dataDir, file);
    try {
      if (feed.upstream) {
        const fetchedAt = now().toISOString();
        const fetched = await fetchFeedBytes(feed.upstream.url, feed.id, {
          fetchImpl: options.fetchImpl,
          timeoutMs: options.timeoutMs,
        });
        if (fetched.status !== 'ok') throw new Error('unexpected "not modified" answer');
        const upstreamFeed: FeedConfig = {
          ...feed,
          format: feed.upstream.format,
          mapping: feed.upstream.mapping,
        };
        const { observations } = parseFeed(upstreamFeed, fetched.bytes, { today: now() });
        const bytes = new TextEncoder().encode(tidyCsvText(observations));
        // What is published must pass the app's own check of the published format too.
        const published = parseFeed(feed, bytes, { today: now() });
        writes.push({ path, bytes });
        entries.push({
          id: feed.id,
          file,
          sha256: await sha256Hex(bytes),
          rows: published.observations.length,
          fetchedAt,
          source: feed.upstream.url,
        });
        io.out(`${feed.id}: ${published.observations.length} rows from ${feed.upstream.url}`);
      } else {
        if (!existsSync(path))
          throw new Error(`${path} does not exist and the feed has no upstream`);
        const bytes = new Uint8Array(readFileSync(path));
        const { observations } = parseFeed(feed, bytes, { today: now() });
        const sha256 = await sha256Hex(bytes);
        const before = previous?.feeds.find((e) => e.id === feed.id);
        const unchanged = before && before.sha256 === sha256 && before.file === file;
        entries.push({
          id: feed.id,
          file,
          sha256,
          rows: observations.length,
          fetchedAt: unchanged ? before.fetchedAt : now().toISOString(),
          source: unchanged ? before.source : `data/${file}`,
        });
        io.out(`${feed.id}: ${observations.length} rows in data/${file} (no upstream; kept)`);
      }
    } catch (e) {
      if (e instanceof FeedError) issues.push(...e.issues);
      else issues.push({ feed: feed.id, reason: e instanceof Error ? e.message : String(e) });
    }
  }

  if (issues.length) {
    io.err(`refresh-data: ${issues.length} problem(s); no file was changed:`);
    for (const issue of issues.slice(0, 200)) io.err(`  ${formatIssue(issue)}`);
    if (issues.length > 200) io.err(`  … and ${issues.length - 200} more`);
    return 1;
  }
  const manifest: Manifest = {
    version: MANIFEST_VERSION,
    generatedAt: now().toISOString(),
    feeds: entries,
  };
  writes.push({ path: manifestPath, bytes: manifestText(manifest) });
  writeFilesAtomically(writes);
  io.out(`wrote ${writes.map((w) => basename(w.path)).join(', ')} in ${args.dataDir}`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await refreshData(process.argv.slice(2));
}
