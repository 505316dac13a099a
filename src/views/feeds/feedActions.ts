/**
 * What the Feeds page does with storage and the network: read a feed by URL, save a checked
 * feed with its data, import and export the configuration. The page stays a view.
 */
import { checksum, fetchFeedBytes } from '../../feeds/fetch';
import { parseFeed, tableResult, type IngestResult } from '../../feeds/ingest';
import { feedIssue } from '../../feeds/issueText';
import { normaliseConfig } from '../../feeds/mapping';
import { detectHeaderRow, readWorkbook, sheetTable } from '../../feeds/spreadsheet';
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
 * STAND-IN for the pipeline's own reader of any format (workbooks included, big files in the
 * worker), which branch `import` is adding: parseFeed reads text formats, and a workbook's sheet
 * goes through the pipeline's tableResult here. Every validation of the page goes through this
 * function, so the swap is one line.
 */
export async function validateFeed(
  config: FeedConfig,
  bytes: Uint8Array,
  options: { today?: Date } = {},
): Promise<IngestResult> {
  if (config.format !== 'spreadsheet') return parseFeed(config, bytes, options);
  const book = await readWorkbook(bytes, config.url, { feed: config.id });
  const sheet = config.sheet
    ? book.sheets.find((s) => s.name === config.sheet)
    : book.sheets.find((s) => !s.hidden);
  if (!sheet)
    throw new FeedError([
      feedIssue(config.id, 'sheet.notFound', {
        sheet: config.sheet ?? '',
        sheets: book.sheets.map((s) => s.name).join(', '),
      }),
    ]);
  const headerRow = config.headerRow ?? detectHeaderRow(sheet.rows) + 1;
  if (headerRow > sheet.rows.length)
    throw new FeedError([
      feedIssue(config.id, 'sheet.headerRowOutside', { headerRow, rows: sheet.rows.length }),
    ]);
  const table = sheetTable(sheet, headerRow - 1);
  return tableResult(
    normaliseConfig(config),
    {
      table: { ...table, delimiter: '', headerLine: headerRow },
      encoding: 'utf-8',
      delimiter: '',
      sheet: sheet.name,
      headerRow,
    },
    options,
  );
}

export type DraftCheck = { result: IngestResult } | { issues: FeedIssue[] };

/** Validates a draft with the app's own pipeline: the result, or the issues. */
export async function checkDraft(draft: FeedDraft, config: FeedConfig): Promise<DraftCheck> {
  try {
    return { result: await validateFeed(config, draft.bytes) };
  } catch (e) {
    return { issues: issuesOf(e, config.id) };
  }
}

/** Stores a checked feed with its observations: an imported file, or a URL feed as fetched. */
export async function saveDraft(
  db: PulseDatabase,
  draft: FeedDraft,
  config: FeedConfig,
  result: IngestResult,
  now: Date,
): Promise<UserFeed> {
  const at = now.toISOString();
  // Breakdown values the catalogue does not name keep the file's own words with the feed.
  if (Object.keys(result.breakdownLabels).length)
    config = { ...config, breakdownLabels: result.breakdownLabels };
  if (draft.url) {
    const feed: UserFeed = { id: config.id, config, addedAt: at };
    await saveUserFeedWithData(db, feed, result, {
      fetchedAt: at,
      checksum: await checksum(draft.bytes),
      ...draft.validators,
    });
    return feed;
  }
  const bytes = draft.bytes.slice().buffer as ArrayBuffer;
  const feed = {
    id: config.id,
    config,
    addedAt: at,
    file: { name: draft.name, bytes, importedAt: at },
  };
  await saveImportedFile(db, feed, result, at);
  return feed;
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
        const result = await validateFeed(feed.config, new Uint8Array(feed.file.bytes), {
          today: now,
        });
        await saveImportedFile(db, { ...feed, file: feed.file }, result, now.toISOString());
      } else {
        await saveUserFeed(db, feed);
        const fetched = await fetchFeedBytes(feed.config.url, feed.id, { fetchImpl });
        if (fetched.status !== 'ok') continue;
        const result = await validateFeed(feed.config, fetched.bytes, { today: now });
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
