/** The ingest worker: one job per worker, then the page terminates it. */
import { PulseDatabase } from '../../store/db';
import { toFailure } from './failure';
import { runCheck, runIngest } from './job';
import type { IngestJob, WorkerReply } from './protocol';

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
  const db = new PulseDatabase(job.dbName);
  try {
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
    db.close();
  }
};

// Tells the page the module loaded: only then are the bytes handed over (and detached there).
reply({ type: 'ready' });
