/**
 * One ingest: decode, parse and validate a feed with the app's own parseFeed, then commit it in
 * one transaction. The same code runs inside the worker and, where no worker can run (unit tests,
 * old browsers, small feeds), on the page.
 */
import type { PulseDatabase } from '../../store/db';
import { commitSnapshot, type CommitMeta } from '../../store/repository';
import { parseFeed } from '../ingest';
import type { FeedConfig, Observation } from '../types';
import type { IngestProgress, IngestSummary } from './protocol';

export interface IngestInput {
  feed: FeedConfig;
  bytes: Uint8Array;
  today: Date;
  meta: CommitMeta;
}

/** Parses, validates and stores a feed; throws FeedError (invalid feed) or the write's error. */
export async function runIngest(
  db: PulseDatabase,
  input: IngestInput,
  onProgress: (progress: IngestProgress) => void = () => {},
  onValidated?: (observations: Observation[]) => void,
): Promise<IngestSummary> {
  const t0 = performance.now();
  onProgress({ phase: 'parsing' });
  const { observations, report } = parseFeed(input.feed, input.bytes, { today: input.today });
  const t1 = performance.now();
  onProgress({ phase: 'storing', rows: observations.length });
  // Valid in full: the page may show it while it is being stored.
  try {
    onValidated?.(observations);
  } catch (error) {
    console.warn('could not show the validated data', error);
  }
  await commitSnapshot(db, input.feed.id, observations, {
    ...input.meta,
    encoding: report.encoding,
    warnings: report.warnings,
  });
  return {
    rows: observations.length,
    encoding: report.encoding,
    delimiter: report.delimiter,
    warnings: report.warnings.length,
    parseMs: t1 - t0,
    storeMs: performance.now() - t1,
  };
}
