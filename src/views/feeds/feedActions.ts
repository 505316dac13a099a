/**
 * What the Feeds page does with storage and the network: read a feed by URL, save a checked
 * feed with its data, import and export the configuration. The page stays a view.
 */
import { fetchFeedBytes } from '../../feeds/fetch';
import { checksum } from '../../lib/checksum';
import { readFeed, type IngestResult } from '../../feeds/ingest';
import { WORKER_MIN_BYTES, checkFeed, ingestFeed } from '../../sync/ingest/client';
import type { FeedCheck, UserFeedRecord } from '../../sync/ingest/protocol';
import { registryFeeds } from '../../feeds/registry';
import { FeedError, type FeedConfig, type FeedIssue } from '../../feeds/types';
import {
  httpsUrlProblem,
  parseUserFeedsExport,
  userFeedsExportText,
} from '../../feeds/userFeedConfig';
import type { PulseDatabase, UserFeed } from '../../store/db';
import {
  fromExported,
  saveImportedFile,
  saveUserFeed,
  saveUserFeedWithData,
  toExported,
} from '../../store/userFeeds';
import { readDraftFile, type FeedDraft } from './feedDraft';

export const REGISTRY_IDS = registryFeeds.map((f) => f.id);

/** The issues an error carries, for the report table. */
export function issuesOf(error: unknown, feed: string): FeedIssue[] {
  if (error instanceof FeedError) return error.issues;
  return [{ feed, reason: error instanceof Error ? error.message : String(error) }];
}

/** Fetches an https feed (every page of a tabular API) and reads it for preview. */
export async function loadUrlDraft(url: string): Promise<FeedDraft> {
  const problem = httpsUrlProblem(url);
  if (problem) throw new FeedError([{ feed: url, reason: problem }]);
  const name =
    decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? '') ||
    new URL(url).host;
  const fetched = await fetchFeedBytes(url, name);
  if (fetched.status !== 'ok') throw new FeedError([{ feed: name, reason: 'no content received' }]);
  const draft = await readDraftFile(fetched.bytes, name, url);
  draft.validators = { etag: fetched.etag, lastModified: fetched.lastModified };
  return draft;
}

export async function loadFileDraft(file: File): Promise<FeedDraft> {
  return readDraftFile(new Uint8Array(await file.arrayBuffer()), file.name);
}

/**
 * A check of a draft: the whole result (files checked on the page), the worker's report and
 * sample (big files, checked in the worker so that the page stays responsive), or the issues.
 */
export type DraftCheck = { result: IngestResult } | { check: FeedCheck } | { issues: FeedIssue[] };

/**
 * Validates a draft with the app's own pipeline. Big files go to the worker (checkFeed), which
 * sends back the report and a sample; smaller ones are read here, all their figures at hand
 * for the report's counts per indicator, period and places.
 */
export async function checkDraft(
  draft: FeedDraft,
  config: FeedConfig,
  now = new Date(),
): Promise<DraftCheck> {
  try {
    if (draft.bytes.byteLength >= WORKER_MIN_BYTES) {
      return { check: await checkFeed({ feed: config, bytes: draft.bytes, today: now }) };
    }
    return { result: await readFeed(config, draft.bytes, { today: now }) };
  } catch (e) {
    return { issues: issuesOf(e, config.id) };
  }
}

/**
 * Stores a checked draft with its data, in one transaction (in the worker for a big file): an
 * imported file with its bytes, or a URL feed as fetched with its validators. Throws FeedError
 * when the file no longer validates.
 */
export async function saveDraft(
  db: PulseDatabase,
  draft: FeedDraft,
  config: FeedConfig,
  now: Date,
): Promise<UserFeed> {
  const at = now.toISOString();
  const record: UserFeedRecord = { id: config.id, config, addedAt: at };
  if (!draft.url) record.file = { name: draft.name, importedAt: at };
  // A copy goes to the worker: the draft keeps its bytes should the save fail.
  const bytes = draft.bytes.slice();
  await ingestFeed(db, {
    feed: config,
    bytes,
    today: now,
    meta: { fetchedAt: at, checksum: await checksum(draft.bytes), ...draft.validators },
    userFeed: record,
  });
  const saved = await db.userFeeds.get(config.id);
  if (!saved) throw new Error(`feed ${config.id} was not stored`);
  return saved;
}

export function exportConfiguration(feeds: UserFeed[], now: Date): Blob {
  return new Blob([userFeedsExportText(feeds.map(toExported), now)], {
    type: 'application/json',
  });
}

export type ImportOutcome =
  { errors: string[] } | { imported: number; failures: { name: string; issues: FeedIssue[] }[] };

/**
 * Imports an export file: nothing unless the whole file is valid. Each feed is then validated
 * again: an imported file is stored with its data; a URL feed is fetched now. A feed whose data
 * fails is kept (without data) and reported.
 */
export async function importConfiguration(
  db: PulseDatabase,
  text: string,
  now: Date,
  fetchImpl?: typeof fetch,
): Promise<ImportOutcome> {
  const parsed = parseUserFeedsExport(text, REGISTRY_IDS);
  if ('errors' in parsed) return parsed;
  const failures: { name: string; issues: FeedIssue[] }[] = [];
  for (const exported of parsed.feeds) {
    const feed = fromExported(exported);
    const name = feed.config.label.fr;
    try {
      if (feed.file) {
        const result = await readFeed(feed.config, new Uint8Array(feed.file.bytes), {
          today: now,
        });
        await saveImportedFile(db, { ...feed, file: feed.file }, result, now.toISOString());
      } else {
        await saveUserFeed(db, feed);
        const fetched = await fetchFeedBytes(feed.config.url, feed.id, { fetchImpl });
        if (fetched.status !== 'ok') continue;
        const result = await readFeed(feed.config, fetched.bytes, { today: now });
        await saveUserFeedWithData(db, feed, result, {
          fetchedAt: now.toISOString(),
          checksum: await checksum(fetched.bytes),
          etag: fetched.etag,
          lastModified: fetched.lastModified,
        });
      }
    } catch (e) {
      if (feed.file) await saveUserFeed(db, feed);
      failures.push({ name, issues: issuesOf(e, feed.id) });
    }
  }
  return { imported: parsed.feeds.length, failures };
}
