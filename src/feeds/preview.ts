/**
 * A file's first rows as a table, before any mapping: what the Feeds page previews and maps,
 * and what `validate-feed --guess` guesses from. The format is told from the content (a
 * workbook, JSON, else delimited text); a workbook's sheet and header row can be chosen.
 */
import { parseCsv } from './csv';
import { decodeBytes, sniffNonCsv } from './decode';
import { isTidyHeader } from './guessMapping';
import { workbookTable } from './ingest';
import { feedIssue } from './issueText';
import { parseJsonArray } from './json';
import { isSpreadsheet } from './spreadsheet';
import { FeedError, type FeedFormat } from './types';

/** Rows kept for the preview and the guesses. */
export const PREVIEW_SAMPLE = 200;

export interface FilePreview {
  /** The format to read it with: tidy-csv when the header is the tidy format. */
  format: FeedFormat;
  header: string[];
  /** The first PREVIEW_SAMPLE data rows as text (JSON: every key, objects as JSON text). */
  rows: string[][];
  /** Each row's line in the file (workbook: sheet row; JSON: record number). */
  lines: number[];
  /** The header is the project's tidy format: no mapping needed. */
  tidy: boolean;
  /** Workbooks: every sheet, the one previewed and its header row (1-based). */
  sheets?: { name: string; hidden: boolean }[];
  sheet?: string;
  headerRow?: number;
}

/**
 * Reads enough of a file to preview and map it; a file that is plainly not a table throws
 * FeedError. `options.sheet` and `options.headerRow` choose a workbook's sheet and header row
 * (detected otherwise). `name` is the file's name (it names the feed in errors).
 */
export async function readPreview(
  bytes: Uint8Array,
  name: string,
  options: { sheet?: string; headerRow?: number; tabular?: boolean } = {},
): Promise<FilePreview> {
  if (isSpreadsheet(bytes, name)) return workbookPreview(bytes, name, options);
  const { text } = decodeBytes(bytes, name);
  const start = text.trimStart();
  if (start.startsWith('[') || start.startsWith('{')) {
    const items = parseJsonArray(text, name).slice(0, PREVIEW_SAMPLE);
    const header: string[] = [];
    for (const item of items) {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) continue;
      for (const key of Object.keys(item))
        if (key !== '__id' && !header.includes(key)) header.push(key);
    }
    if (!header.length) throw new FeedError([feedIssue(name, 'json.noRecords')]);
    const rows = items.map((item) => {
      const rec = (typeof item === 'object' && item !== null ? item : {}) as Record<
        string,
        unknown
      >;
      return header.map((k) => cellText(rec[k]));
    });
    return {
      format: options.tabular ? 'datagouv-tabular' : 'json-array',
      header,
      rows,
      lines: rows.map((_, i) => i + 1),
      tidy: isTidyHeader(header),
    };
  }
  const notCsv = sniffNonCsv(text);
  if (notCsv) throw new FeedError([feedIssue(name, notCsv)]);
  // The whole file is parsed once here: its lines are then true, and a broken row is an error
  // now rather than at validation. (A preview of a huge file could stop early; the check reads
  // it all anyway.)
  const table = parseCsv(text, name);
  const sample = table.rows.slice(0, PREVIEW_SAMPLE);
  const tidy = isTidyHeader(table.header);
  return {
    format: tidy ? 'tidy-csv' : 'mapped-csv',
    header: table.header,
    rows: sample.map((r) => r.cells),
    lines: sample.map((r) => r.line),
    tidy,
  };
}

async function workbookPreview(
  bytes: Uint8Array,
  name: string,
  options: { sheet?: string; headerRow?: number },
): Promise<FilePreview> {
  const read = await workbookTable(
    {
      id: name,
      label: { fr: name, en: name },
      format: 'spreadsheet',
      url: name,
      ...(options.sheet ? { sheet: options.sheet } : {}),
      ...(options.headerRow ? { headerRow: options.headerRow } : {}),
    },
    bytes,
  );
  const sample = read.table.rows.slice(0, PREVIEW_SAMPLE);
  return {
    format: 'spreadsheet',
    header: read.table.header,
    rows: sample.map((r) => r.cells),
    lines: sample.map((r) => r.line),
    tidy: isTidyHeader(read.table.header),
    sheets: read.sheets,
    sheet: read.sheet,
    headerRow: read.headerRow,
  };
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
