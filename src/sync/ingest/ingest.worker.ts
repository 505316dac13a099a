/**
 * The ingest worker: one job per worker, then the page terminates it. A check (the first visit's
 * preview, the Feeds page's "Vérifier") loads no storage code: Dexie and the ingest job are
 * loaded for a job that stores.
 */
import { runCheck } from './check';
import { toFailure } from './failure';
import type { IngestJob, WorkerReply } from './protocol';
import type { PulseDatabase } from '../../store/db';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: WorkerReply) => scope.postMessage(message);

scope.onmessage = async (event: MessageEvent<IngestJob>) => {
  const job = event.data;
  if (job.kind === 'check') {
    try {
      const check = await runCheck({
        feed: job.feed,
        bytes: new Uint8Array(job.bytes),
        today: new Date(job.today),
        sampleSize: job.sampleSize,
      });
      reply({ type: 'checked', check });
    } catch (error) {
      reply({ type: 'failed', failure: toFailure(error) });
    }
    return;
  }
  let db: PulseDatabase | undefined;
  try {
    const [{ PulseDatabase }, { runIngest }] = await Promise.all([
      import('../../store/db'),
      import('./job'),
    ]);
    db = new PulseDatabase(job.dbName);
    const summary = await runIngest(
      db,
      {
        feed: job.feed,
        bytes: new Uint8Array(job.bytes),
        today: new Date(job.today),
        meta: job.meta,
        userFeed: job.userFeed,
      },
      (progress) => reply({ type: 'progress', progress }),
    );
    reply({ type: 'done', summary });
  } catch (error) {
    reply({ type: 'failed', failure: toFailure(error) });
  } finally {
    db?.close();
  }
};

// Tells the page the module loaded: only then are the bytes handed over (and detached there).
reply({ type: 'ready' });
