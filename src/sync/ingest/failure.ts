/** Errors across the worker boundary: an Error cannot be posted with its class, so it is described and rebuilt. */
import { isQuotaError } from '../../store/quota';
import { FeedError } from '../../feeds/types';
import { MAX_ISSUES_SENT, type IngestFailure } from './protocol';

/** An error thrown by runIngest, in the form that crosses back from the worker. */
export function toFailure(error: unknown): IngestFailure {
  if (error instanceof FeedError) {
    return {
      kind: 'feed',
      message: error.message,
      issues: error.issues.slice(0, MAX_ISSUES_SENT),
      issueCount: error.issues.length,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  // The name says what went wrong (a full disk is told apart by it); Dexie wraps the cause.
  const name = isQuotaError(error)
    ? 'QuotaExceededError'
    : error instanceof Error
      ? error.name
      : 'Error';
  return { kind: 'other', name, message, issues: [], issueCount: 0 };
}

/** The error a failure stands for, on the page: the message the in-page ingest would give. */
export function fromFailure(failure: IngestFailure): Error {
  if (failure.kind === 'other') {
    const error = new Error(failure.message);
    error.name = failure.name ?? 'Error';
    return error;
  }
  const error = new FeedError(failure.issues);
  // Worded from every issue in the worker, not only from the ones sent back.
  error.message = failure.message;
  return error;
}
