/**
 * Adapter for JSON feeds: an array of objects (what fetchFeedBytes makes of the data.gouv.fr
 * tabular API's pages, or any JSON export), read either by tidy keys or through a column mapping
 * whose column names are the objects' keys. Rows in issues are 1-based record numbers. Keys the
 * feed does not read are ignored, whatever they hold.
 */
import type { CsvTable } from './csv';
import { feedIssue } from './issueText';
import { TIDY_HEADER_COLUMNS, truncate } from './schema';
import { FeedError, type FeedIssue } from './types';

/** Keys the tabular API adds to every row; not the publisher's data. */
const API_KEYS = new Set(['__id']);

/** The shape of one page of the data.gouv.fr tabular API. */
export interface TabularPage {
  data: unknown[];
  links: { next?: string | null; [key: string]: unknown };
  meta: { total?: number; page?: number; page_size?: number; [key: string]: unknown };
}

export function isTabularPage(value: unknown): value is TabularPage {
  if (!isPlainObject(value)) return false;
  return Array.isArray(value.data) && isPlainObject(value.links) && isPlainObject(value.meta);
}

/** Parses JSON text into its array of records, or says plainly what else it is. */
export function parseJsonArray(text: string, feed: string): unknown[] {
  const start = text.trimStart();
  if (start === '') throw new FeedError([feedIssue(feed, 'file.blank')]);
  if (start.startsWith('<')) throw new FeedError([feedIssue(feed, 'file.html')]);
  if (!start.startsWith('[') && !start.startsWith('{')) {
    throw new FeedError([
      feedIssue(feed, 'file.notJson', { start: truncate(start.slice(0, 40), 40) }),
    ]);
  }
  let value: unknown;
  try {
    value = JSON.parse(start);
  } catch (e) {
    throw new FeedError([
      feedIssue(feed, 'file.invalidJson', { detail: e instanceof Error ? e.message : String(e) }),
    ]);
  }
  if (Array.isArray(value)) return value;
  if (isTabularPage(value)) {
    // One saved page of the tabular API is usable only when it is the whole table.
    if (value.links.next) {
      throw new FeedError([
        feedIssue(feed, 'file.tabularPage', { next: truncate(String(value.links.next), 100) }),
      ]);
    }
    return value.data;
  }
  const shape = isPlainObject(value)
    ? `an object with keys ${Object.keys(value).slice(0, 8).join(', ') || '(none)'}`
    : `a JSON ${value === null ? 'null' : typeof value}`;
  throw new FeedError([feedIssue(feed, 'file.notArray', { shape })]);
}

/** A JSON array as a table: its used keys as columns, one row per record (row = record number). */
export interface JsonTable {
  table: CsvTable;
  /** Every key of the records, in order of first appearance (the API's own keys left out). */
  keys: string[];
}

/**
 * Turns a JSON array into a table of the keys `used` says the feed reads (a mapping's columns,
 * or the tidy keys); other keys are listed but never read, whatever they hold. A record that is
 * not an object, or a used key holding an object or an array, is an error.
 */
export function jsonTable(
  items: unknown[],
  used: (key: string) => boolean,
  feed: string,
): JsonTable {
  if (items.length === 0) throw new FeedError([feedIssue(feed, 'json.noRecords')]);
  const issues: FeedIssue[] = [];
  const keys: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!isPlainObject(item)) {
      issues.push(feedIssue(feed, 'row.notObject', { kind: describe(item) }, { row: i + 1 }));
      continue;
    }
    for (const key in item) {
      if (API_KEYS.has(key) || seen.has(key)) continue;
      seen.add(key);
      keys.push(key);
    }
  }
  const header = keys.filter(used);
  const rows = items.map((item, i) => {
    const obj = (isPlainObject(item) ? item : {}) as Record<string, unknown>;
    return {
      line: i + 1,
      cells: header.map((key) => {
        const v = obj[key];
        if (v === null || v === undefined) return '';
        if (typeof v === 'string') return v;
        if (typeof v === 'number' || typeof v === 'boolean') return String(v);
        issues.push(
          feedIssue(feed, 'cell.nested', { kind: describe(v) }, { row: i + 1, column: key }),
        );
        return '';
      }),
    };
  });
  if (issues.length) throw new FeedError(issues);
  return { table: { header, rows, delimiter: '' }, keys };
}

/** Whether the records look like the tidy format: every required tidy key is somewhere. */
export function tidyKeysProblems(keys: string[], feed: string): FeedIssue[] {
  const required = TIDY_HEADER_COLUMNS;
  const present = new Set(keys.map((h) => h.toLowerCase()));
  const absent = required.filter((c) => !present.has(c));
  if (absent.length === required.length) {
    return [
      feedIssue(feed, 'json.notTidy', {
        required: required.join(', '),
        keys: truncate(keys.join(', '), 120) || '(none)',
      }),
    ];
  }
  return absent.map((column) => feedIssue(feed, 'tidy.keyMissing', undefined, { column }));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
