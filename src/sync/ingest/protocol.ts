/**
 * Messages between the app and the ingest worker. Only small things cross threads: the feed's
 * raw bytes go in as a transferred ArrayBuffer (no copy), and counts come back; the 100k
 * observations a big feed holds are parsed, validated and stored inside the worker and never
 * structured-cloned.
 */
import type { UserFeed } from '../../store/db';
import type { CommitMeta } from '../../store/repository';
import type { FeedConfig, FeedIssue, IngestReport, Observation } from '../../feeds/types';

/**
 * A user feed to store with the data in the same transaction (the Feeds page's save): its
 * record without the file's bytes, which are the job's own bytes.
 */
export type UserFeedRecord = Omit<UserFeed, 'file'> & {
  file?: Omit<NonNullable<UserFeed['file']>, 'bytes'>;
};

export interface IngestJob {
  /** `store` (the default): parse, validate and commit; `check`: parse and validate only. */
  kind?: 'store' | 'check';
  feed: FeedConfig;
  /** Raw bytes of the feed, transferred to the worker. */
  bytes: ArrayBuffer;
  /** ISO date: figures dated after it are rejected (validation's "today"). */
  today: string;
  /** Name of the IndexedDB database to write into (the app's, or a test's). */
  dbName: string;
  meta: CommitMeta;
  userFeed?: UserFeedRecord;
  /** `check`: how many observations to send back (SAMPLE_SENT unless the page asks for all). */
  sampleSize?: number;
}

export type IngestPhase = 'parsing' | 'storing';

export interface IngestProgress {
  phase: IngestPhase;
  /** Observations about to be stored (phase `storing`). */
  rows?: number;
}

/** What a successful ingest reports: the observations themselves stay in IndexedDB. */
export interface IngestSummary {
  rows: number;
  encoding: string;
  delimiter: string;
  warnings: number;
  /** The whole report: rows read and skipped (by reason and value), indicators, dates. */
  report: IngestReport;
  /** Milliseconds spent decoding, parsing and validating, then committing. */
  parseMs: number;
  storeMs: number;
}

/**
 * Why an ingest failed. `feed` failures carry the validation issues (at most MAX_ISSUES_SENT of
 * them, `issueCount` says how many there were); `other` is anything else (a failed write).
 * `message` is the full message, worded from every issue.
 */
export interface IngestFailure {
  kind: 'feed' | 'other';
  /** The error's name, for `other` (e.g. QuotaExceededError). */
  name?: string;
  message: string;
  issues: FeedIssue[];
  issueCount: number;
}

/** Observations a check sends back to the page for its preview; the rest stay in the worker. */
export const SAMPLE_SENT = 200;

/** What checking a feed gives, without storing it: its report and a sample of what it holds. */
export interface FeedCheck {
  report: IngestReport;
  /** Breakdown values the catalogue does not name (id -> as written): keep them with the feed. */
  breakdownLabels: Record<string, string>;
  /** The first observations (SAMPLE_SENT, or as many as asked), in file order. */
  sample: Observation[];
  /** Milliseconds spent reading and validating. */
  parseMs: number;
}

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'progress'; progress: IngestProgress }
  | { type: 'done'; summary: IngestSummary }
  | { type: 'checked'; check: FeedCheck }
  | { type: 'failed'; failure: IngestFailure };

/**
 * A feed broken on every row of 100k reports 100k issues; nobody reads past the first ones (the
 * store keeps 200), so only these cross back to the page.
 */
export const MAX_ISSUES_SENT = 1000;
