/**
 * From bytes to validated observations: decode -> parse into a table -> read every row through
 * the feed's plan (tidy columns, or the user's mapping) -> checks across rows. Nothing here
 * touches storage: a feed is validated completely before anything is committed. The Feeds
 * page, the worker and `validate-feed` all come through here.
 */
import { indicatorById, userIndicator, type Indicator } from '../model/indicators';
import { parseCsv, readCsvChunks, type CsvTable } from './csv';
import { decodeBytes, decodeInChunks, sniffNonCsv, type TextEncodingName } from './decode';
import { feedIssue } from './issueText';
import { jsonTable, parseJsonArray, tidyKeysProblems } from './json';
import { mappedColumns, normaliseConfig } from './mapping';
import { mappingPlan } from './mapped';
import { TIDY_COLUMNS } from './schema';
// Its reading library is what is heavy, and readWorkbook loads it only when a workbook is read.
import { detectHeaderRow, readWorkbook, sheetTable } from './spreadsheet';
import { tidyPlan } from './tidy';
import {
  FEED_FORMATS,
  FeedError,
  type FeedConfig,
  type FeedIssue,
  type IngestReport,
  type Observation,
} from './types';
import {
  checkAcrossRows,
  dateReadingReport,
  readRows,
  rowReader,
  type ReadRows,
  type RowPlan,
} from './validate';

export type { IngestReport };

export interface IngestResult {
  observations: Observation[];
  report: IngestReport;
  /** Breakdown values the catalogue does not name (id -> as written): keep them with the feed. */
  breakdownLabels: Record<string, string>;
}

export interface IngestOptions {
  /** Figures dated after this day are rejected (default: now). */
  today?: Date;
}

/** A table read from a file, and what the report says of how it was read. */
export interface FeedTable {
  table: CsvTable;
  /** The text's encoding; '' for a workbook (not text). */
  encoding: TextEncodingName | '';
  delimiter: string;
  /** JSON: every key of the records (the table holds only those the feed reads). */
  keys?: string[];
  /** Workbooks: the sheet read and its header row (1-based), and every sheet of the file. */
  sheet?: string;
  headerRow?: number;
  sheets?: { name: string; hidden: boolean }[];
}

/**
 * Parses a feed given as text (CSV, JSON); throws FeedError with every problem. Workbooks are
 * read by readFeed, which loads the spreadsheet reader first.
 */
export function parseFeed(
  feed: FeedConfig,
  bytes: Uint8Array,
  options: IngestOptions = {},
): IngestResult {
  const config = normaliseConfig(feed);
  if (streamsRows(config)) return tidyCsvResult(config, bytes, options);
  return tableResult(config, textTable(config, bytes), options);
}

/**
 * Parses a feed of any format, a workbook included (its library is loaded on first use); throws
 * FeedError with every problem. The page's worker and `validate-feed` read feeds through here.
 */
export async function readFeed(
  feed: FeedConfig,
  bytes: Uint8Array,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const config = normaliseConfig(feed);
  if (streamsRows(config)) return tidyCsvResult(config, bytes, options);
  const read =
    config.format === 'spreadsheet' ? await workbookTable(config, bytes) : textTable(config, bytes);
  return tableResult(config, read, options);
}

/**
 * The project's tidy CSV is read as it is decoded and parsed, a piece at a time, each row
 * validated as soon as it is parsed: its plan needs only the header. A mapped table's plan looks
 * at whole columns first (how dates and numbers are written), so it is read as a table.
 */
function streamsRows(feed: FeedConfig): boolean {
  return feed.format === 'tidy-csv' && !feed.mapping;
}

/**
 * A tidy CSV feed read in pieces (decodeInChunks, readCsvChunks, rowReader): the same result and
 * the same problems, in the same order, as textTable then tableResult, without ever holding the
 * whole text or a table of every row.
 */
function tidyCsvResult(feed: FeedConfig, bytes: Uint8Array, options: IngestOptions): IngestResult {
  const ctx = {
    feed: feed.id,
    today: options.today ?? new Date(),
    indicators: feedIndicators(feed),
  };
  const decoded = decodeInChunks(bytes, feed.id, (chunks) => {
    let tidy: { plan: RowPlan; extra: string[] } | undefined;
    // A header the tidy format rejects is told after the file's structure problems, as before.
    let headerError: unknown;
    let reader: ReturnType<typeof rowReader> | undefined;
    const csv = readCsvChunks(chunks, feed.id, {
      onStart: (text) => {
        const notCsv = sniffNonCsv(text);
        if (notCsv) throw new FeedError([feedIssue(feed.id, notCsv)]);
      },
      onHeader: (header) => {
        try {
          tidy = tidyPlan(header, feed.id);
          reader = rowReader(tidy.plan, ctx);
        } catch (error) {
          headerError = error;
        }
      },
      onRow: (line, cells) => reader?.read(line, cells),
    });
    if (csv.rowCount === 0) throw new FeedError([feedIssue(feed.id, 'file.noDataRows')]);
    if (headerError || !tidy || !reader) throw headerError;
    return { csv, tidy, rows: reader.result };
  });
  const { csv, tidy, rows } = decoded.result;
  const warnings = tidy.extra.map((column) =>
    feedIssue(feed.id, 'tidy.unknownColumn', undefined, { row: csv.headerLine, column }),
  );
  return rowsResult(feed, tidy.plan, rows, warnings, {
    encoding: decoded.encoding,
    delimiter: csv.delimiter,
  });
}

/** A file name for messages: an imported file's name, or the last segment of its address. */
function fileNameOf(feed: FeedConfig): string {
  const path = feed.url.split(/[?#]/)[0]!;
  return decodeURIComponent(path.split('/').filter(Boolean).at(-1) ?? '') || feed.id;
}

/**
 * The table of a workbook feed: its sheet (`feed.sheet`, else the first visible sheet with
 * data), under its header row (`feed.headerRow`, else detected below title rows). Rows are
 * numbered as the sheet numbers them.
 */
export async function workbookTable(feed: FeedConfig, bytes: Uint8Array): Promise<FeedTable> {
  const book = await readWorkbook(bytes, fileNameOf(feed), { feed: feed.id });
  const hasRows = (rows: string[][]) => rows.filter((r) => r.some((c) => c.trim())).length > 1;
  const sheet = feed.sheet
    ? book.sheets.find((s) => s.name === feed.sheet)
    : (book.sheets.find((s) => !s.hidden && hasRows(s.rows)) ?? book.sheets[0]);
  if (!sheet) {
    throw new FeedError([
      feedIssue(feed.id, 'sheet.notFound', {
        sheet: feed.sheet ?? '',
        sheets: book.sheets.map((s) => s.name).join(', '),
      }),
    ]);
  }
  const headerIndex = feed.headerRow ? feed.headerRow - 1 : detectHeaderRow(sheet.rows);
  if (headerIndex >= sheet.rows.length) {
    throw new FeedError([
      feedIssue(feed.id, 'sheet.headerRowOutside', {
        headerRow: headerIndex + 1,
        rows: sheet.rows.length,
      }),
    ]);
  }
  const { header, rows } = sheetTable(sheet, headerIndex);
  if (!header.length)
    throw new FeedError([feedIssue(feed.id, 'sheet.empty', { sheet: sheet.name })]);
  if (!rows.length) throw new FeedError([feedIssue(feed.id, 'file.noDataRows')]);
  return {
    table: { header, rows, delimiter: '', headerLine: headerIndex + 1 },
    encoding: '',
    delimiter: '',
    sheet: sheet.name,
    headerRow: headerIndex + 1,
    sheets: book.sheets.map((s) => ({ name: s.name, hidden: !!s.hidden })),
  };
}

/** The table in a text feed's bytes, by the feed's format. */
export function textTable(feed: FeedConfig, bytes: Uint8Array): FeedTable {
  if (!FEED_FORMATS.includes(feed.format) || feed.format === 'spreadsheet') {
    // A workbook needs its reader, loaded asynchronously: readFeed reads it.
    throw new FeedError([
      feedIssue(feed.id, 'file.formatUnknown', {
        format: String(feed.format),
        formats: FEED_FORMATS.join(', '),
      }),
    ]);
  }
  const decoded = decodeBytes(bytes, feed.id);
  if (feed.format === 'json-array' || feed.format === 'datagouv-tabular') {
    const items = parseJsonArray(decoded.text, feed.id);
    const used = usedKeys(feed);
    const json = jsonTable(items, used, feed.id);
    return { table: json.table, keys: json.keys, encoding: decoded.encoding, delimiter: '' };
  }
  const notCsv = sniffNonCsv(decoded.text);
  if (notCsv) throw new FeedError([feedIssue(feed.id, notCsv)]);
  const table = parseCsv(decoded.text, feed.id);
  if (table.rows.length === 0) throw new FeedError([feedIssue(feed.id, 'file.noDataRows')]);
  return { table, encoding: decoded.encoding, delimiter: table.delimiter };
}

/** Which JSON keys a feed reads: its mapping's columns, or the tidy keys (any case). */
function usedKeys(feed: FeedConfig): (key: string) => boolean {
  if (feed.mapping) {
    const columns = new Set(mappedColumns(feed.mapping).map((c) => c.column));
    return (key) => columns.has(key);
  }
  const tidy = new Set(TIDY_COLUMNS);
  return (key) => tidy.has(key.toLowerCase());
}

/** The feed's own indicators, as the model knows indicators. */
function feedIndicators(feed: FeedConfig): Map<string, Indicator> {
  const out = new Map<string, Indicator>();
  for (const u of feed.indicators ?? [])
    if (!indicatorById.has(u.id)) out.set(u.id, userIndicator(u));
  return out;
}

/** Reads a table through the feed's plan and checks it; throws FeedError with every problem. */
export function tableResult(
  feed: FeedConfig,
  read: FeedTable,
  options: IngestOptions = {},
): IngestResult {
  const { table } = read;
  const warnings: FeedIssue[] = [];
  let plan: RowPlan;
  const json = read.keys !== undefined;
  if (feed.format === 'mapped-csv' && !feed.mapping)
    throw new FeedError([feedIssue(feed.id, 'mapping.missing')]);
  if (feed.mapping)
    plan = mappingPlan(feed.mapping, table, feed, json ? { keys: read.keys! } : undefined);
  else if (json) {
    const problems = tidyKeysProblems(read.keys!, feed.id);
    if (problems.length) throw new FeedError(problems);
    plan = tidyPlan(table, feed.id, 'key').plan;
    for (const key of read.keys!) {
      if (!TIDY_COLUMNS.includes(key.toLowerCase()))
        warnings.push(feedIssue(feed.id, 'tidy.unknownKey', undefined, { column: key }));
    }
  } else {
    const tidy = tidyPlan(table, feed.id);
    plan = tidy.plan;
    for (const column of tidy.extra)
      warnings.push(
        feedIssue(feed.id, 'tidy.unknownColumn', undefined, { row: table.headerLine ?? 1, column }),
      );
  }
  const rows = readRows(table, plan, {
    feed: feed.id,
    today: options.today ?? new Date(),
    indicators: feedIndicators(feed),
  });
  return rowsResult(feed, plan, rows, warnings, read);
}

/** The checks across rows and the report, once every row is read; throws FeedError. */
function rowsResult(
  feed: FeedConfig,
  plan: RowPlan,
  rows: ReadRows,
  warnings: FeedIssue[],
  read: Pick<FeedTable, 'encoding' | 'delimiter' | 'sheet' | 'headerRow'>,
): IngestResult {
  const across = checkAcrossRows(rows.observations, rows.lines, rows.columns, feed.id);
  const issues = [...rows.issues, ...across.issues];
  if (issues.length) throw new FeedError(issues);
  if (rows.rowsRead > 0 && rows.rowsSkipped === rows.rowsRead) {
    throw new FeedError([feedIssue(feed.id, 'file.allRowsSkipped', { count: rows.rowsRead })]);
  }
  warnings.push(...across.warnings);
  const report: IngestReport = {
    feed: feed.id,
    rows: across.kept.length,
    rowsRead: rows.rowsRead,
    rowsSkipped: rows.rowsSkipped,
    skipped: rows.skipped,
    indicators: [...new Set(across.kept.map((o) => o.indicator))].sort(),
    encoding: read.encoding,
    delimiter: read.delimiter,
    warnings,
  };
  if (read.sheet !== undefined) report.sheet = read.sheet;
  if (read.headerRow !== undefined) report.headerRow = read.headerRow;
  if (plan.dates && 'index' in plan.period)
    report.dates = dateReadingReport(plan.period.column, plan.dates);
  return { observations: across.kept, report, breakdownLabels: rows.breakdownLabels };
}
