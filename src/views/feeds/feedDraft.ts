/**
 * A feed being added on the Feeds page: its bytes read far enough to preview them and guess a
 * mapping (a sample of rows as text), and for a workbook its sheets, the sheet chosen and the
 * header row. Pure but for `readDraftFile`, which loads the spreadsheet reader when it needs it.
 */
import Papa from 'papaparse';
import { decodeBytes, sniffNonCsv, type TextEncodingName } from '../../feeds/decode';
import { isTidyHeader } from '../../feeds/guessMapping';
import { feedIssue } from '../../feeds/issueText';
import { parseJsonArray } from '../../feeds/json';
import {
  detectHeaderRow,
  isSpreadsheet,
  readWorkbook,
  sheetTable,
  type SheetTable,
} from '../../feeds/spreadsheet';
import { FeedError, type FeedFormat } from '../../feeds/types';

export const PREVIEW_ROWS = 5;
/** Rows read for the preview and the guesses. */
export const SAMPLE_ROWS = 1000;
/** Rows of a sheet above its header shown, so a user sees the title rows that were passed over. */
export const ROWS_ABOVE_SHOWN = 10;

/** A workbook's sheets, the one read and the 1-based row of its header. */
export interface DraftWorkbook {
  sheets: SheetTable[];
  sheet: string;
  headerRow: number;
  /** The header row found by detectHeaderRow in this sheet (1-based). */
  detectedHeaderRow: number;
}

export interface FeedDraft {
  /** File name, or the address's last path segment. */
  name: string;
  /** The https address, for a feed added by URL. */
  url?: string;
  bytes: Uint8Array;
  format: FeedFormat;
  header: string[];
  /** Up to SAMPLE_ROWS data rows as text, for the preview and the guesses. */
  rows: string[][];
  /** The file line (sheet row) of each row in `rows`, where known. */
  lines?: number[];
  /** The header is already the tidy format: no mapping. */
  tidy: boolean;
  /** Text files: how the bytes were read. */
  encoding?: TextEncodingName;
  /** CSV: the delimiter found. */
  delimiter?: string;
  workbook?: DraftWorkbook;
  /** HTTP validators of the answer read (URL feeds), kept for later conditional refreshes. */
  validators?: { etag?: string; lastModified?: string };
}

const isTabularUrl = (url?: string) =>
  !!url && /^https:\/\/tabular-api\.data\.gouv\.fr\//.test(url);

/** Reads a file or an answer: a workbook (the reader is loaded then), else text. */
export async function readDraftFile(
  bytes: Uint8Array,
  name: string,
  url?: string,
): Promise<FeedDraft> {
  if (!isSpreadsheet(bytes, name)) return readDraft(bytes, name, url);
  const book = await readWorkbook(bytes, name);
  return workbookDraft(bytes, name, book.sheets, url);
}

/** A workbook's draft: its first visible sheet with data, its header row detected. */
export function workbookDraft(
  bytes: Uint8Array,
  name: string,
  sheets: SheetTable[],
  url?: string,
): FeedDraft {
  const first =
    sheets.find((s) => !s.hidden && s.rows.length > 0) ??
    sheets.find((s) => !s.hidden) ??
    sheets[0];
  if (!first) throw new FeedError([feedIssue(name, 'file.noHeader')]);
  const base: FeedDraft = { name, bytes, format: 'spreadsheet', header: [], rows: [], tidy: false };
  if (url) base.url = url;
  return withSheet(
    { ...base, workbook: { sheets, sheet: first.name, headerRow: 1, detectedHeaderRow: 1 } },
    first.name,
  );
}

/** The draft reading another sheet of its workbook, with that sheet's detected header row. */
export function withSheet(draft: FeedDraft, sheetName: string): FeedDraft {
  const book = draft.workbook;
  const sheet = book?.sheets.find((s) => s.name === sheetName);
  if (!book || !sheet) return draft;
  const detected = detectHeaderRow(sheet.rows) + 1;
  return sheetDraft(
    draft,
    { ...book, sheet: sheetName, detectedHeaderRow: detected, headerRow: detected },
    sheet,
  );
}

/** The draft reading its sheet with the header on `row` (1-based; kept within the sheet). */
export function withHeaderRow(draft: FeedDraft, row: number): FeedDraft {
  const book = draft.workbook;
  const sheet = book?.sheets.find((s) => s.name === book.sheet);
  if (!book || !sheet || !Number.isInteger(row)) return draft;
  const headerRow = Math.min(Math.max(row, 1), Math.max(sheet.rows.length, 1));
  return sheetDraft(draft, { ...book, headerRow }, sheet);
}

function sheetDraft(draft: FeedDraft, workbook: DraftWorkbook, sheet: SheetTable): FeedDraft {
  const table = sheetTable(sheet, workbook.headerRow - 1);
  const sample = table.rows.slice(0, SAMPLE_ROWS);
  return {
    ...draft,
    workbook,
    header: table.header,
    rows: sample.map((r) => r.cells),
    lines: sample.map((r) => r.line),
    tidy: false,
  };
}

/** The sheet's rows above its header (at most ROWS_ABOVE_SHOWN, blank ones left out). */
export function rowsAboveHeader(draft: FeedDraft): { line: number; text: string }[] {
  const book = draft.workbook;
  const sheet = book?.sheets.find((s) => s.name === book.sheet);
  if (!book || !sheet) return [];
  return sheet.rows
    .slice(0, book.headerRow - 1)
    .map((cells, i) => ({ line: i + 1, text: cells.filter((c) => c.trim()).join(' · ') }))
    .filter((r) => r.text !== '')
    .slice(0, ROWS_ABOVE_SHOWN);
}

/** Reads text bytes (CSV, JSON) for preview and mapping; a file that is plainly not a table throws. */
export function readDraft(bytes: Uint8Array, name: string, url?: string): FeedDraft {
  const { text, encoding } = decodeBytes(bytes, name);
  const start = text.trimStart();
  if (start.startsWith('[') || start.startsWith('{')) {
    const items = parseJsonArray(text, name);
    const header: string[] = [];
    const rows: string[][] = [];
    const sample = items.slice(0, SAMPLE_ROWS);
    for (const item of sample) {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) continue;
      for (const key of Object.keys(item))
        if (key !== '__id' && !header.includes(key)) header.push(key);
    }
    for (const item of sample) {
      const rec = (typeof item === 'object' && item !== null ? item : {}) as Record<
        string,
        unknown
      >;
      rows.push(header.map((k) => cellText(rec[k])));
    }
    if (!header.length) throw new FeedError([feedIssue(name, 'file.noHeader')]);
    return {
      name,
      url,
      bytes,
      format: isTabularUrl(url) ? 'datagouv-tabular' : 'json-array',
      header,
      rows,
      tidy: isTidyHeader(header),
      encoding,
      delimiter: '',
    };
  }
  const notCsv = sniffNonCsv(text);
  if (notCsv) throw new FeedError([feedIssue(name, notCsv)]);
  const parsed = Papa.parse<string[]>(text, {
    delimitersToGuess: [';', ',', '\t'],
    skipEmptyLines: 'greedy',
    preview: SAMPLE_ROWS + 1,
  });
  const [first, ...rows] = parsed.data;
  if (!first) throw new FeedError([feedIssue(name, 'file.noHeader')]);
  const header = first.map((h) => h.trim());
  const tidy = isTidyHeader(header);
  return {
    name,
    url,
    bytes,
    format: tidy ? 'tidy-csv' : 'mapped-csv',
    header,
    rows,
    tidy,
    encoding,
    delimiter: parsed.meta.delimiter,
  };
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** The cells of one column in the sample. */
export function columnCells(draft: Pick<FeedDraft, 'header' | 'rows'>, column: string): string[] {
  const i = draft.header.indexOf(column);
  return i < 0 ? [] : draft.rows.map((r) => r[i] ?? '');
}
