/** The canonical observation (DESIGN §3): one published figure, tidy. */

export type Qualifier = '=' | '~' | '>' | '<';
export const QUALIFIERS: readonly Qualifier[] = ['=', '~', '>', '<'];

/**
 * How precisely `period` is known. A `month` figure may still carry a day ("fin octobre"). A
 * `quarter` or `half-year` figure is written with a month of its span (the first, when read from
 * `T1 2025` or `S1 2025`).
 */
export type Precision = 'day' | 'month' | 'quarter' | 'half-year' | 'year';
/** Stored by index (store/series.ts): new precisions go at the end, so stored indexes keep their meaning. */
export const PRECISIONS: readonly Precision[] = ['day', 'month', 'half-year', 'year', 'quarter'];

export interface Observation {
  indicator: string;
  /** Breakdown value within the indicator's dimension (e.g. sector `biologie`); '' = total. */
  breakdown: string;
  /** `FR`, `REG-<code>`, `DEP-<code>`, or a group `DEP-31+DEP-44+DEP-80`. */
  geo: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as published. */
  period: string;
  precision: Precision;
  value: number;
  qualifier: Qualifier;
  sourceUrl: string;
  /** Who published it, as transcribed (e.g. "official (CNAM press release)"). */
  sourceLabel: string;
  note: string;
  /** Id of the feed that delivered it. */
  feed: string;
}

/**
 * How a feed's bytes are read: the project's tidy CSV; any CSV with a column mapping; a JSON array
 * of objects (tidy keys, or mapped like a CSV's columns); the data.gouv.fr tabular API (paged
 * JSON, followed page by page into one JSON array by fetchFeedBytes).
 */
export type FeedFormat = 'tidy-csv' | 'mapped-csv' | 'json-array' | 'datagouv-tabular';
export const FEED_FORMATS: readonly FeedFormat[] = [
  'tidy-csv',
  'mapped-csv',
  'json-array',
  'datagouv-tabular',
];

/**
 * A column mapping (`mapped-csv`, and JSON formats): tidy field -> source column (or JSON key)
 * name, or a constant. `prefix` turns bare codes into geo ids, e.g. `REG-` + `53`.
 */
export type FieldSource = { column: string; prefix?: string } | { value: string };

export interface ColumnMapping {
  indicator: FieldSource;
  breakdown?: FieldSource;
  geo: FieldSource;
  period: FieldSource;
  precision?: FieldSource;
  value: FieldSource;
  qualifier?: FieldSource;
  sourceUrl: FieldSource;
  sourceLabel?: FieldSource;
  note?: FieldSource;
}

export interface FeedConfig {
  id: string;
  label: { fr: string; en: string };
  format: FeedFormat;
  /** Relative URLs are resolved against the app's base (same origin). */
  url: string;
  /** Where the feed's figures were first published (shown on the Sources page). */
  homepage?: string;
  licence?: string;
  mapping?: ColumnMapping;
  /** Refresh interval in hours. */
  refreshHours?: number;
  /**
   * Where `npm run refresh-data` fetches this feed from (no CORS limits there), and how to read
   * it; the script writes it to `url` as tidy CSV. Registry feeds only.
   */
  upstream?: { url: string; format: FeedFormat; mapping?: ColumnMapping };
}

/**
 * One problem found in a feed. For CSV, `row` is the 1-based file line (the header is line 1);
 * for JSON it is the 1-based record number in the array (the first object is row 1), and
 * `column` is the key.
 */
export interface FeedIssue {
  feed: string;
  row?: number;
  column?: string;
  reason: string;
}

export class FeedError extends Error {
  readonly issues: FeedIssue[];
  constructor(issues: FeedIssue[]) {
    super(formatIssues(issues));
    this.name = 'FeedError';
    this.issues = issues;
  }
}

export function formatIssue(issue: FeedIssue): string {
  const where = [
    `feed "${issue.feed}"`,
    issue.row !== undefined ? `row ${issue.row}` : '',
    issue.column ? `column "${issue.column}"` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${issue.reason}`;
}

export function formatIssues(issues: FeedIssue[], max = 10): string {
  const lines = issues.slice(0, max).map(formatIssue);
  if (issues.length > max) lines.push(`… and ${issues.length - max} more problems`);
  return lines.join('\n');
}
