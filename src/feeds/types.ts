/** Feeds' configuration, their issues and reports; the observation itself is model's. */
import type { UserIndicator } from '../model/indicators';
import type { Precision } from '../model/observation';

/** The text encodings a feed is read in (decode.ts). */
export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** A date cell's problem (dates.ts words it). */
export type DateErrorCode =
  | 'date.empty'
  | 'date.notADate'
  | 'date.impossible'
  | 'date.noSuchMonth'
  | 'date.noSuchQuarter'
  | 'date.noSuchHalf'
  | 'date.yearOutOfRange'
  | 'date.excelOutOfRange';

/** A workbook's problem (spreadsheet.ts words it). */
export type SpreadsheetErrorCode =
  | 'sheet.notWorkbook'
  | 'sheet.unreadable'
  | 'sheet.encrypted'
  | 'sheet.tooLarge'
  | 'sheet.noSheets'
  | 'sheet.readerUnavailable';

// The domain's own types, re-exported for the feeds' code and its users.
export {
  PRECISIONS,
  QUALIFIERS,
  type Observation,
  type Precision,
  type Qualifier,
} from '../model/observation';
export type { UserIndicator } from '../model/indicators';

/**
 * How a feed's bytes are read: the project's tidy CSV; any CSV with a column mapping; a JSON array
 * of objects (tidy keys, or mapped like a CSV's columns); the data.gouv.fr tabular API (paged
 * JSON, followed page by page into one JSON array by fetchFeedBytes); a workbook (.xlsx, .ods)
 * whose sheet is read like a mapped CSV.
 */
export type FeedFormat =
  'tidy-csv' | 'mapped-csv' | 'json-array' | 'datagouv-tabular' | 'spreadsheet';
export const FEED_FORMATS: readonly FeedFormat[] = [
  'tidy-csv',
  'mapped-csv',
  'json-array',
  'datagouv-tabular',
  'spreadsheet',
];

/** What a place column holds: region codes or names, department codes or names, or either. */
export type PlaceKind = 'region' | 'departement' | 'any';
export const PLACE_KINDS: readonly PlaceKind[] = ['region', 'departement', 'any'];

/** How `01/02/2025` reads: day first (French, the default) or month first. */
export type DateOrder = 'dmy' | 'mdy';
export const DATE_ORDERS: readonly DateOrder[] = ['dmy', 'mdy'];

/**
 * A tidy field read from a column (JSON: a key) or given once for every row. `prefix` is put
 * before every non-empty cell; version-1 configurations used it for places (`REG-` + `53`), which
 * are now read by their `kind` (normaliseMapping turns one into the other).
 */
export type FieldSource = { column: string; prefix?: string } | { value: string };

/**
 * Where the place comes from: a column of codes or names of `kind`, or one place for the file.
 * No `kind` (version-1 configurations): the v1 `prefix` says it (REG-, DEP-), else `any`.
 */
export type GeoSource = { column: string; kind?: PlaceKind; prefix?: string } | { value: string };

/** Where the date comes from; `order` reads an ambiguous `01/02/2025` (dmy when not set). */
export type PeriodSource = { column: string; order?: DateOrder } | { value: string };

/**
 * One value column of a wide table and the indicator its cells are figures of (catalogue or
 * user-defined id); `breakdown` when the column holds one breakdown of it ("… 25-69 ans").
 */
export interface ValueColumn {
  column: string;
  indicator: string;
  breakdown?: string;
}

/**
 * How one row of a table becomes observations (`mapped-csv`, `spreadsheet`, JSON formats).
 * Either wide: `values`, one observation per value column; or long: one `value` column and the
 * `indicator` (a column of ids, or one id for the file). The source is a column, a constant, or
 * else the feed's own `FeedConfig.source`. Normalise stored mappings with normaliseMapping
 * (src/feeds/mapping.ts): version-1 ones had a required `sourceUrl` and places by `prefix`.
 */
export interface ColumnMapping {
  /** Wide: every value column and its indicator. */
  values?: ValueColumn[];
  /** Long: the value column. */
  value?: FieldSource;
  /** Long: a column of indicator ids, or one id for the whole file. */
  indicator?: FieldSource;
  /** A column of breakdown values (sexe, âge, secteur…), or one for the file; none = total. */
  breakdown?: FieldSource;
  geo: GeoSource;
  period: PeriodSource;
  precision?: FieldSource;
  qualifier?: FieldSource;
  sourceUrl?: FieldSource;
  sourceLabel?: FieldSource;
  note?: FieldSource;
}

/** The fields of a mapping that take a FieldSource (every one but `values`). */
export type MappingField = Exclude<keyof ColumnMapping, 'values'>;

/** The source of a whole feed, given once: a label, and a link where one exists. */
export interface FeedSource {
  /** e.g. "Export du tableau de bord interne, 3 déc. 2026". */
  label: string;
  /** An https address; none when the file was never published (observations get sourceUrl ''). */
  url?: string;
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
  /** The source of every figure of the feed, unless its mapping reads one per row. */
  source?: FeedSource;
  /** Indicators the user defined for this feed (ids `user_<slug>`). */
  indicators?: UserIndicator[];
  /**
   * Labels of breakdown values read from the feed's file that the catalogue does not name
   * (stored id -> as the file writes it, e.g. `25_34_ans` -> `25-34 ans`).
   */
  breakdownLabels?: Record<string, string>;
  /** `spreadsheet`: the sheet read (by name; the first when not set). */
  sheet?: string;
  /** `spreadsheet`: the 1-based row of the header (detected when not set). */
  headerRow?: number;
  /** Refresh interval in hours. */
  refreshHours?: number;
  /**
   * Where `npm run refresh-data` fetches this feed from (no CORS limits there), and how to read
   * it; the script writes it to `url` as tidy CSV. Registry feeds only.
   */
  upstream?: { url: string; format: FeedFormat; mapping?: ColumnMapping };
}

/**
 * One problem found in a feed. For CSV, `row` is the 1-based file line (the header is line 1;
 * a quoted cell spanning lines counts them all); for a workbook it is the sheet's row; for JSON
 * it is the 1-based record number in the array (the first object is row 1), and `column` is the
 * key. `code` and `params` say what it is, in any language (describeIssue in issueText.ts);
 * `reason` is the English text, for logs and for reports stored before codes existed.
 */
export interface FeedIssue {
  feed: string;
  row?: number;
  column?: string;
  code?: IssueCode;
  params?: IssueParams;
  reason: string;
}

export type IssueParams = Record<string, string | number>;

/** Every kind of problem the pipeline reports (texts in src/feeds/issueText.ts). */
export type IssueCode =
  // the file as a whole
  | 'file.empty'
  | 'file.blank'
  | 'file.html'
  | 'file.jsonNotCsv'
  | 'file.notJson'
  | 'file.invalidJson'
  | 'file.tabularPage'
  | 'file.notArray'
  | 'file.noHeader'
  | 'file.noDataRows'
  | 'file.truncated'
  | 'file.unreadable'
  | 'file.formatUnknown'
  | 'file.allRowsSkipped'
  | 'file.tooManyIssues'
  | 'json.noRecords'
  | 'json.notTidy'
  // fetching (src/feeds/fetch.ts)
  | 'fetch.http'
  | 'fetch.timeout'
  | 'fetch.network'
  | 'tabular.badNext'
  | 'tabular.loop'
  | 'tabular.tooManyPages'
  | 'tabular.emptyPage'
  | 'tabular.notModified'
  | 'tabular.brokenPage'
  | 'tabular.countMismatch'
  // workbooks
  | 'sheet.notFound'
  | 'sheet.empty'
  | 'sheet.headerRowOutside'
  // rows of a table
  | 'row.fieldCount'
  | 'row.unclosedQuote'
  | 'row.parse'
  | 'row.notObject'
  | 'row.duplicate'
  // the mapping or the header
  | 'mapping.missing'
  | 'mapping.noValue'
  | 'mapping.columnMissing'
  | 'mapping.keyMissing'
  | 'mapping.noSource'
  | 'tidy.notRecognised'
  | 'tidy.columnMissing'
  | 'tidy.keyMissing'
  | 'tidy.unknownColumn'
  | 'tidy.unknownKey'
  // cells
  | 'cell.nested'
  | 'cell.required'
  | 'cell.notInList'
  | 'cell.badForm'
  | 'indicator.unknown'
  | 'breakdown.unknown'
  | 'geo.invalid'
  | 'geo.unknownRegion'
  | 'geo.unknownDepartement'
  | 'geo.countryInGroup'
  | 'geo.unknown'
  | DateErrorCode
  | SpreadsheetErrorCode
  | 'period.future'
  | 'precision.needsDay'
  | 'precision.needsMonth'
  | 'value.notANumber'
  | 'value.notFinite'
  | 'value.belowMin'
  | 'value.aboveMax'
  | 'value.negativeCount'
  | 'value.conflict'
  | 'value.activatedAboveOpen'
  | 'source.badUrl'
  | 'source.missing';

/**
 * Why a row (or, in a wide table, one value cell) was left out rather than rejected: a place
 * outside the reference (France, the 18 regions, the 101 departments), or an empty value cell
 * ("not published" is not zero).
 */
export type SkipReason =
  | 'place.empty'
  | 'place.unknownCode'
  | 'place.formerRegion'
  | 'place.overseasCollectivity'
  | 'place.notSpecified'
  | 'place.unknownName'
  | 'place.ambiguousCode'
  | 'value.empty';

/** Rows left out for one reason and one cell value, e.g. region code `07`, 90 rows. */
export interface SkippedRows {
  reason: SkipReason;
  /** The column whose cell made the row skipped (a value column, for `value.empty`). */
  column: string;
  /** The cell as written ('' for an empty cell). */
  value: string;
  /** Rows (file lines) skipped for it; for `value.empty`, rows whose cell in `column` is empty. */
  count: number;
  /** The first few file lines concerned (at most SKIP_LINES_KEPT), in file order. */
  firstLines: number[];
}

export const SKIP_LINES_KEPT = 5;

/** Rows read and rows left out, with why (enough for "2 304 lignes lues, 180 ignorées : …"). */
export interface IngestSkipSummary {
  /** Data rows read (below the header; JSON: records). */
  rowsRead: number;
  /** Rows that gave no observation at all because they were skipped. */
  rowsSkipped: number;
  /** Rows left out, by reason, column and cell value, in the order first met. */
  skipped: SkippedRows[];
}

/** How a column of dates was read, for the preview ("01/02/2025 lu 1er février 2025"). */
export interface DateReadingReport {
  column: string;
  order: DateOrder;
  /** The cells fit both orders (every day ≤ 12): `order` is the mapping's, or dmy (French). */
  ambiguous: boolean;
  /** The forms seen (dates.ts `DateForm`: `month-name-fr`, `numeric-date`…). */
  forms: string[];
  /** A few cells as written and the period each was read as. */
  examples: { raw: string; period: string; precision: Precision }[];
}

/** What a valid feed gave, beside its observations. */
export interface IngestReport extends IngestSkipSummary {
  feed: string;
  /** Observations kept: what would be stored. */
  rows: number;
  /** Indicator ids of the observations, sorted. */
  indicators: string[];
  /** The text's encoding; '' for a workbook. */
  encoding: TextEncodingName | '';
  /** The CSV delimiter; '' for JSON and workbooks. */
  delimiter: string;
  /** Workbooks: the sheet read and its header row (1-based). */
  sheet?: string;
  headerRow?: number;
  /** How the period column's dates were read, when they came from a column. */
  dates?: DateReadingReport;
  warnings: FeedIssue[];
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
