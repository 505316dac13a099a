/**
 * Adapter for JSON feeds: an array of objects (what fetchFeedBytes makes of the data.gouv.fr
 * tabular API's pages, or any JSON export), read either by tidy keys or through a column mapping
 * whose column names are the objects' keys. Rows in issues are 1-based record numbers.
 */
import type { CsvTable } from './csv';
import { mappedRecords } from './mapped';
import { tidySchema, truncate, type RawRecord } from './schema';
import { tidyRecords } from './tidy';
import { FeedError, type ColumnMapping, type FeedIssue } from './types';

/** Keys the tabular API adds to every row; not the publisher's data. */
const API_KEYS = new Set(['__id']);

export interface JsonRecords {
  records: { line: number; rec: RawRecord }[];
  warnings: FeedIssue[];
  /** Number of records in the array. */
  count: number;
}

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
  if (start === '') throw new FeedError([{ feed, reason: 'the file holds only blank space' }]);
  if (start.startsWith('<')) {
    throw new FeedError([
      {
        feed,
        reason:
          'the file is an HTML or XML page, not JSON (the server may have sent an error page)',
      },
    ]);
  }
  if (!start.startsWith('[') && !start.startsWith('{')) {
    throw new FeedError([
      {
        feed,
        reason: `format not recognised: the file is not JSON (it starts with "${truncate(start.slice(0, 40), 40)}"); is it CSV? Then choose a CSV format`,
      },
    ]);
  }
  let value: unknown;
  try {
    value = JSON.parse(start);
  } catch (e) {
    throw new FeedError([
      {
        feed,
        reason: `the file is not valid JSON (${e instanceof Error ? e.message : String(e)}); it may be truncated`,
      },
    ]);
  }
  if (Array.isArray(value)) return value;
  if (isTabularPage(value)) {
    // One saved page of the tabular API is usable only when it is the whole table.
    if (value.links.next) {
      throw new FeedError([
        {
          feed,
          reason: `the file is one page of the data.gouv.fr tabular API (its "next" link is ${truncate(String(value.links.next), 100)}): add the API address as a tabular API feed so every page is read`,
        },
      ]);
    }
    return value.data;
  }
  const shape = isPlainObject(value)
    ? `an object with keys ${Object.keys(value).slice(0, 8).join(', ') || '(none)'}`
    : `a JSON ${value === null ? 'null' : typeof value}`;
  throw new FeedError([
    {
      feed,
      reason: `format not recognised: expected a JSON array of objects (or a tabular API page), found ${shape}`,
    },
  ]);
}

/**
 * Turns a JSON array into tidy records: by tidy keys when there is no mapping, else through the
 * mapping. Cells are the values as text; a nested object or array in a cell is an error.
 */
export function jsonRecords(
  items: unknown[],
  mapping: ColumnMapping | undefined,
  feed: string,
): JsonRecords {
  if (items.length === 0) throw new FeedError([{ feed, reason: 'the JSON array has no records' }]);
  const issues: FeedIssue[] = [];
  const header: string[] = [];
  const seen = new Set<string>();
  const objects: Record<string, unknown>[] = [];
  items.forEach((item, i) => {
    if (!isPlainObject(item)) {
      issues.push({ feed, row: i + 1, reason: `is ${describe(item)}, expected an object` });
      objects.push({});
      return;
    }
    for (const key of Object.keys(item)) {
      if (API_KEYS.has(key) || seen.has(key)) continue;
      seen.add(key);
      header.push(key);
    }
    objects.push(item);
  });

  const rows = objects.map((obj, i) => ({
    line: i + 1,
    cells: header.map((key) => {
      const v = obj[key];
      if (v === null || v === undefined) return '';
      if (typeof v === 'string') return v;
      if (typeof v === 'number' || typeof v === 'boolean') return String(v);
      issues.push({
        feed,
        row: i + 1,
        column: key,
        reason: `is ${describe(v)}, expected text or a number`,
      });
      return '';
    }),
  }));
  if (issues.length) throw new FeedError(issues);

  const table: CsvTable = { header, rows, delimiter: '' };
  if (mapping) {
    const missing = Object.entries(mapping).filter(
      ([, src]) => 'column' in src && !seen.has(src.column),
    ) as [string, { column: string }][];
    if (missing.length) {
      throw new FeedError(
        missing.map(([field, src]) => ({
          feed,
          column: src.column,
          reason: `key mapped to "${field}" is in no record (keys: ${truncate(header.join(', '), 120)}); was it renamed?`,
        })),
      );
    }
    return { records: mappedRecords(table, mapping, feed), warnings: [], count: items.length };
  }

  const required = tidySchema.fields.filter((f) => f.constraints?.required).map((f) => f.name);
  const present = new Set(header.map((h) => h.toLowerCase()));
  const absent = required.filter((c) => !present.has(c));
  if (absent.length === required.length) {
    throw new FeedError([
      {
        feed,
        reason: `format not recognised: the records have none of the tidy keys (${required.join(', ')}) and the feed has no mapping; keys found: ${truncate(header.join(', '), 120) || '(none)'}`,
      },
    ]);
  }
  if (absent.length) {
    throw new FeedError(
      absent.map((column) => ({
        feed,
        column,
        reason: 'required key is missing from every record',
      })),
    );
  }
  const tidy = tidyRecords(table, feed);
  // tidyRecords speaks of a CSV header (row 1); JSON has none.
  const warnings = tidy.warnings.map(({ row: _row, ...w }) => ({
    ...w,
    reason: 'unknown key ignored',
  }));
  return { records: tidy.records, warnings, count: items.length };
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
