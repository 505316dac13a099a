/**
 * Ingest a fetched feed in a module worker, so that decoding, parsing, validating and storing
 * never blocks the page: always for the refresh rounds and a first visit's preview (src/sync/;
 * the first visit's round then stores what the preview read, src/sync/ingest/commit.ts);
 * in `auto` mode (the Feeds page's check, a round that shows rows before storing them) only for
 * big feeds, a worker costing more time to start than a few hundred rows take to parse. On the
 * page where no worker can run. Either way the parsing code (papaparse, validation) is loaded only
 * now, never for the cache-first paint.
 */
import type { PulseDatabase } from '../../store/db';
import type { FeedConfig, Observation } from '../../feeds/types';
import { fromFailure } from './failure';
import type { IngestInput } from './job';
import type { FeedCheck, IngestJob, IngestProgress, IngestSummary, WorkerReply } from './protocol';

/** In `auto` mode, below this size a feed is parsed on the page (the embedded one is ~38 KB). */
export const WORKER_MIN_BYTES = 256 * 1024;

export type WorkerMode = 'auto' | 'always' | 'never';

export interface IngestOptions {
  onProgress?: (progress: IngestProgress) => void;
  /** `auto`: a worker for feeds of WORKER_MIN_BYTES or more, when the browser has workers. */
  worker?: WorkerMode;
  /**
   * Called with the observations once they are all valid, before they are stored (on the page
   * only: a worker keeps its rows, which the page reads from IndexedDB once stored).
   */
  onValidated?: (observations: Observation[]) => void;
}

export function shouldUseWorker(byteLength: number, mode: WorkerMode, canRun: boolean): boolean {
  if (!canRun || mode === 'never') return false;
  return mode === 'always' || byteLength >= WORKER_MIN_BYTES;
}

/** The worker could not start (no module workers, blocked script): the page parses instead. */
export class WorkerUnavailable extends Error {
  override name = 'WorkerUnavailable';
}

/** Parses, validates and stores a feed; throws FeedError when it is invalid. */
export async function ingestFeed(
  db: PulseDatabase,
  input: IngestInput,
  options: IngestOptions = {},
): Promise<IngestSummary & { inWorker: boolean }> {
  const canRun = typeof Worker !== 'undefined';
  if (shouldUseWorker(input.bytes.byteLength, options.worker ?? 'auto', canRun)) {
    try {
      return { ...(await ingestInWorker(db.name, input, options.onProgress)), inWorker: true };
    } catch (error) {
      if (!(error instanceof WorkerUnavailable)) throw error;
      console.warn('Ingest worker unavailable, parsing on the page', error);
    }
  }
  const { runIngest } = await import('./job');
  return {
    ...(await runIngest(db, input, options.onProgress, options.onValidated)),
    inWorker: false,
  };
}

/** The bytes as a whole ArrayBuffer of their own, ready to transfer. */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return (whole ? bytes.buffer : bytes.slice().buffer) as ArrayBuffer;
}

function ingestInWorker(
  dbName: string,
  input: IngestInput,
  onProgress: (progress: IngestProgress) => void = () => {},
): Promise<IngestSummary> {
  return inWorker(
    (bytes) => ({
      kind: 'store',
      // The feed may be a reactive proxy (the app's feed list), which cannot be cloned:
      // it is plain JSON data, so a JSON copy is exact.
      feed: plain(input.feed),
      bytes,
      today: input.today.toISOString(),
      dbName,
      meta: plain(input.meta),
      ...(input.userFeed ? { userFeed: plain(input.userFeed) } : {}),
    }),
    ownBuffer(input.bytes),
    (message) => {
      if (message.type === 'progress') onProgress(message.progress);
      return message.type === 'done' ? message.summary : undefined;
    },
  );
}

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Checks a feed without storing it (the Feeds page's "Vérifier"): its report and a sample of
 * its observations, or a FeedError. In a worker for big files (the page stays responsive);
 * the bytes stay the caller's (a copy goes to the worker), to be saved afterwards.
 */
export async function checkFeed(
  input: { feed: FeedConfig; bytes: Uint8Array; today: Date; sampleSize?: number },
  options: { worker?: WorkerMode } = {},
): Promise<FeedCheck & { inWorker: boolean }> {
  const canRun = typeof Worker !== 'undefined';
  if (shouldUseWorker(input.bytes.byteLength, options.worker ?? 'auto', canRun)) {
    try {
      const check = await inWorker(
        (bytes) => ({
          kind: 'check',
          feed: plain(input.feed),
          bytes,
          today: input.today.toISOString(),
          dbName: '',
          meta: { fetchedAt: '', checksum: '' },
          sampleSize: input.sampleSize,
        }),
        input.bytes.slice().buffer as ArrayBuffer,
        (message) => (message.type === 'checked' ? message.check : undefined),
      );
      return { ...check, inWorker: true };
    } catch (error) {
      if (!(error instanceof WorkerUnavailable)) throw error;
      console.warn('Ingest worker unavailable, checking on the page', error);
    }
  }
  const { runCheck } = await import('./check');
  return { ...(await runCheck(input)), inWorker: false };
}

/**
 * Runs one job in a new worker: `job` is made once the worker is ready, with `bytes` handed
 * over; `settled` reads each reply and returns the result that ends the job.
 */
function inWorker<T>(
  job: (bytes: ArrayBuffer) => IngestJob,
  bytes: ArrayBuffer,
  settled: (message: WorkerReply) => T | undefined,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./ingest.worker.ts', import.meta.url), { type: 'module' });
    } catch (error) {
      reject(new WorkerUnavailable(String(error)));
      return;
    }
    // Until the worker says it is ready the bytes are still ours, so the page can parse them.
    let handedOver = false;
    const settle = (outcome: () => void) => {
      worker.terminate();
      outcome();
    };
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const message = event.data;
      if (message.type === 'ready') {
        try {
          worker.postMessage(job(bytes), [bytes]);
        } catch (error) {
          // Nothing was transferred: the page still has the bytes and parses them itself.
          settle(() =>
            reject(new WorkerUnavailable(`the job could not be sent: ${String(error)}`)),
          );
          return;
        }
        handedOver = true;
        return;
      }
      if (message.type === 'failed') {
        settle(() => reject(fromFailure(message.failure)));
        return;
      }
      const result = settled(message);
      if (result !== undefined) settle(() => resolve(result));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const reason = event.message || 'the ingest worker could not run';
      settle(() => reject(handedOver ? new Error(reason) : new WorkerUnavailable(reason)));
    };
    worker.onmessageerror = () =>
      settle(() => reject(new Error('unreadable reply from the ingest worker')));
  });
}
