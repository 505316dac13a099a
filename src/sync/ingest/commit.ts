/**
 * Storing observations already read and validated. The ingest job stores what it has just read;
 * the first visit's round stores what the preview's worker read from the same bytes, on the page,
 * without starting a second worker to read the feed again (a worker's start and a parse of the
 * embedded feed, some 120 ms of processor time while the page builds itself).
 */
import type { FeedConfig, IngestReport, Observation } from '../../feeds/types';
import type { PulseDatabase } from '../../store/db';
import { commitSnapshot, type CommitMeta } from '../../store/repository';

/** A feed read and validated in full from `bytes`, not stored yet. */
export interface ValidatedFeed {
  feed: FeedConfig;
  bytes: Uint8Array;
  observations: Observation[];
  report: IngestReport;
}

/** The commit's metadata: the download's, with what reading the feed found. */
export function withReport(meta: CommitMeta, report: IngestReport): CommitMeta {
  return { ...meta, encoding: report.encoding, warnings: report.warnings, report };
}

/**
 * The validated feed, when it was read from exactly these bytes with this configuration: only
 * then may its observations be stored in place of reading the bytes again.
 */
export function validatedFor(
  validated: ValidatedFeed | undefined,
  feed: FeedConfig,
  bytes: Uint8Array,
): ValidatedFeed | undefined {
  if (!validated || validated.bytes !== bytes) return undefined;
  return JSON.stringify(validated.feed) === JSON.stringify(feed) ? validated : undefined;
}

/** Stores a validated feed as its new current snapshot; resolves with the rows stored. */
export async function commitValidated(
  db: PulseDatabase,
  validated: ValidatedFeed,
  meta: CommitMeta,
): Promise<number> {
  await commitSnapshot(
    db,
    validated.feed.id,
    validated.observations,
    withReport(meta, validated.report),
  );
  return validated.observations.length;
}
