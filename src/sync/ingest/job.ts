/**
 * One ingest: read and validate a feed with the app's own readFeed, then commit it in one
 * transaction (with the user feed's record, when the Feeds page saves one); checking only is
 * ./check.ts. The same code runs inside the worker and, where no worker can run (unit tests, old
 * browsers, small feeds), on the page.
 */
import type { PulseDatabase, UserFeed } from '../../store/db';
import { commitSnapshot, type CommitMeta } from '../../store/repository';
import { withReport } from './commit';
import { withBreakdownLabels } from '../../store/userFeeds';
import { readFeed } from '../../feeds/ingest';
import type { FeedConfig, Observation } from '../../feeds/types';
import type { IngestProgress, IngestSummary, UserFeedRecord } from './protocol';

export interface IngestInput {
  feed: FeedConfig;
  bytes: Uint8Array;
  today: Date;
  meta: CommitMeta;
  /** Stored with the data, in the same transaction; an imported file's bytes are `bytes`. */
  userFeed?: UserFeedRecord;
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
  const result = await readFeed(input.feed, input.bytes, { today: input.today });
  const { observations, report } = result;
  const t1 = performance.now();
  onProgress({ phase: 'storing', rows: observations.length });
  // Valid in full: the page may show it while it is being stored.
  try {
    onValidated?.(observations);
  } catch (error) {
    console.warn('could not show the validated data', error);
  }
  const meta = withReport(input.meta, report);
  if (input.userFeed) {
    const feed = storedUserFeed(input.userFeed, input.bytes, result.breakdownLabels);
    await db.transaction('rw', [db.userFeeds, db.feeds, db.snapshots, db.series], async () => {
      await db.userFeeds.put(feed);
      await commitSnapshot(db, feed.id, observations, meta);
    });
  } else {
    await commitSnapshot(db, input.feed.id, observations, meta);
  }
  return {
    rows: observations.length,
    encoding: report.encoding,
    delimiter: report.delimiter,
    warnings: report.warnings.length,
    report,
    parseMs: t1 - t0,
    storeMs: performance.now() - t1,
  };
}

/** The user feed's record as stored: its file's bytes, the breakdown labels its data needs. */
function storedUserFeed(
  record: UserFeedRecord,
  bytes: Uint8Array,
  labels: Record<string, string>,
): UserFeed {
  const { file, ...rest } = record;
  const feed: UserFeed = { ...rest, config: withBreakdownLabels(record.config, labels) };
  if (file) {
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    feed.file = { ...file, bytes: (whole ? bytes.buffer : bytes.slice().buffer) as ArrayBuffer };
  }
  return feed;
}
