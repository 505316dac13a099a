/**
 * Benchmark harness page (built by scripts/bench, never shipped): exposes the app's own ingest
 * (src/feeds/worker) and store reads (src/store/repository) to the benchmark, which drives this
 * page from playwright-core and reads the timings it returns.
 */
import { checkFeed, ingestFeed, type WorkerMode } from '../../../src/feeds/worker/client';
import type { FeedConfig } from '../../../src/feeds/types';
import { PulseDatabase } from '../../../src/store/db';
import { countObservations, loadSeries } from '../../../src/store/repository';
import { SYNTHETIC_WIDE_FEED } from '../syntheticFeed';

const tidyFeed: FeedConfig = {
  id: 'synthetic-bench',
  label: { fr: 'Flux synthétique du banc d’essai', en: 'Synthetic benchmark feed' },
  format: 'tidy-csv',
  url: 'synthetic-100k.csv',
};

export interface IngestRun {
  totalMs: number;
  rows: number;
  parseMs: number;
  storeMs: number;
  inWorker: boolean;
  /** Long tasks (over 50 ms, Long Tasks API) on this page while the ingest ran. */
  longTasks: number[];
  /** Longest gap between two ticks of a 0 ms timer on this page: what the page could not do. */
  longestBlockMs: number;
  progress: { phase: string; rows?: number; atMs: number }[];
  dbName: string;
}

/**
 * Times an ingest of the feed at `url` into a fresh database, watching the page's main thread.
 * `shape`: the project's tidy CSV, or a user's wide export read through its mapping.
 */
async function ingest(
  url: string,
  worker: WorkerMode,
  shape: 'tidy' | 'wide' = 'tidy',
): Promise<IngestRun> {
  return ingestBytes(new Uint8Array(await (await fetch(url)).arrayBuffer()), worker, shape);
}

/** The bytes fetchFeed fetched, for ingestFetched: fetched apart so that memory can be read between. */
let fetched: Uint8Array | undefined;

async function fetchFeed(url: string): Promise<number> {
  fetched = new Uint8Array(await (await fetch(url)).arrayBuffer());
  return fetched.byteLength;
}

/** Ingests the tidy feed fetchFeed fetched in a worker, then deletes its database. */
async function ingestFetched(): Promise<IngestRun> {
  const bytes = fetched;
  fetched = undefined;
  if (!bytes) throw new Error('fetchFeed first');
  const run = await ingestBytes(bytes, 'always', 'tidy');
  await new Promise((done) => {
    const request = indexedDB.deleteDatabase(run.dbName);
    request.onsuccess = request.onerror = request.onblocked = done;
  });
  return run;
}

async function ingestBytes(
  bytes: Uint8Array,
  worker: WorkerMode,
  shape: 'tidy' | 'wide',
): Promise<IngestRun> {
  const feed = shape === 'wide' ? SYNTHETIC_WIDE_FEED : tidyFeed;
  const dbName = `segur-pulse-bench-${worker}-${Date.now()}`;
  const db = new PulseDatabase(dbName);
  await db.open();
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  let longestBlockMs = 0;
  let last = performance.now();
  let ticking = true;
  const tick = () => {
    const now = performance.now();
    longestBlockMs = Math.max(longestBlockMs, now - last);
    last = now;
    if (ticking) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const progress: IngestRun['progress'] = [];
  const t0 = performance.now();
  const summary = await ingestFeed(
    db,
    {
      feed,
      bytes,
      today: new Date(),
      meta: { fetchedAt: new Date().toISOString(), checksum: 'bench' },
    },
    { worker, onProgress: (p) => progress.push({ ...p, atMs: performance.now() - t0 }) },
  );
  const totalMs = performance.now() - t0;
  ticking = false;
  // Long task entries are delivered after the task: give the observer a turn.
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  db.close();
  return { totalMs, ...summary, longTasks, longestBlockMs, progress, dbName };
}

/**
 * Times the Feeds page's check of the wide export (checkFeed: read and validate in the worker,
 * nothing stored), and what it sends back.
 */
async function check(url: string): Promise<{
  totalMs: number;
  parseMs: number;
  rows: number;
  rowsRead: number;
  sample: number;
  inWorker: boolean;
}> {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const t0 = performance.now();
  const result = await checkFeed({ feed: SYNTHETIC_WIDE_FEED, bytes, today: new Date() });
  return {
    totalMs: performance.now() - t0,
    parseMs: result.parseMs,
    rows: result.report.rows,
    rowsRead: result.report.rowsRead,
    sample: result.sample.length,
    inWorker: result.inWorker,
  };
}

/** Times loadSeries for one series, `runs` times, in the database the last ingest filled. */
async function readSeries(
  dbName: string,
  indicator: string,
  geo: string,
  runs: number,
): Promise<{ times: number[]; rows: number; total: number }> {
  const db = new PulseDatabase(dbName);
  await db.open();
  const total = await countObservations(db);
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    rows = (await loadSeries(db, indicator, geo)).length;
    times.push(performance.now() - t0);
  }
  db.close();
  return { times, rows, total };
}

async function databases(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '').filter(Boolean);
}

const bench = { ingest, fetchFeed, ingestFetched, check, readSeries, databases };
declare global {
  interface Window {
    bench: typeof bench;
  }
}
window.bench = bench;
document.body.dataset.ready = 'true';
