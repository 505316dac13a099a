/**
 * Checking a feed without storing it: the Feeds page's "Vérifier" and the first visit's preview.
 * Apart from the ingest job so that a check, in the worker or on the page, loads no storage code
 * (Dexie and the repository, some 100 KB of the worker's script).
 */
import { readFeed } from '../../feeds/ingest';
import type { FeedConfig } from '../../feeds/types';
import { SAMPLE_SENT, type FeedCheck } from './protocol';

/** Reads and validates a feed without storing it; throws FeedError when it is invalid. */
export async function runCheck(input: {
  feed: FeedConfig;
  bytes: Uint8Array;
  today: Date;
  sampleSize?: number;
}): Promise<FeedCheck> {
  const t0 = performance.now();
  const result = await readFeed(input.feed, input.bytes, { today: input.today });
  return {
    report: result.report,
    breakdownLabels: result.breakdownLabels,
    sample: result.observations.slice(0, input.sampleSize ?? SAMPLE_SENT),
    parseMs: performance.now() - t0,
  };
}
