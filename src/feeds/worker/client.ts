/**
 * Ingest a fetched feed: in a module worker for big feeds, so that decoding, parsing, validating
 * and storing 100k rows never blocks the page; on the page for small ones (a worker costs more
 * to start than a few hundred rows cost to parse) and where no worker can run. Either way the
 * parsing code (papaparse, validation) is loaded only now, never for the cache-first paint.
 */
import type { PulseDatabase } from '../../store/db';
import type { FeedConfig, Observation } from '../types';
import { fromFailure } from './failure';
import type { IngestInput } from './job';
import type { IngestJob, IngestProgress, IngestSummary, WorkerReply } from './protocol';

/** Below this size a feed is parsed on the page (the embedded default is ~30 KB). */
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
        const bytes = ownBuffer(input.bytes);
        const job: IngestJob = {
          // The feed may be a reactive proxy (the app's feed list), which cannot be cloned:
          // it is plain JSON data, so a JSON copy is exact.
          feed: JSON.parse(JSON.stringify(input.feed)) as FeedConfig,
          bytes,
          today: input.today.toISOString(),
          dbName,
          meta: JSON.parse(JSON.stringify(input.meta)) as IngestJob['meta'],
        };
        try {
          worker.postMessage(job, [bytes]);
        } catch (error) {
          // Nothing was transferred: the page still has the bytes and parses them itself.
          settle(() =>
            reject(new WorkerUnavailable(`the job could not be sent: ${String(error)}`)),
          );
          return;
        }
        handedOver = true;
      } else if (message.type === 'progress') onProgress(message.progress);
      else if (message.type === 'done') settle(() => resolve(message.summary));
      else settle(() => reject(fromFailure(message.failure)));
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
