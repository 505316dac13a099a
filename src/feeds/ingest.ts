/**
 * From bytes to validated observations: decode -> parse -> adapter -> validate. Nothing here
 * touches storage: a feed is validated completely before anything is committed.
 */
import { parseCsv } from './csv';
import { decodeBytes, sniffNonCsv } from './decode';
import { jsonRecords, parseJsonArray } from './json';
import { mappedRecords } from './mapped';
import type { RawRecord } from './schema';
import { tidyRecords } from './tidy';
import {
  FEED_FORMATS,
  FeedError,
  type FeedConfig,
  type FeedIssue,
  type IngestReport,
  type Observation,
} from './types';

export type { IngestReport };
import { checkAcrossRows, validateRecord } from './validate';

export interface IngestResult {
  observations: Observation[];
  report: IngestReport;
}

export function parseFeed(
  feed: FeedConfig,
  bytes: Uint8Array,
  options: { today?: Date } = {},
): IngestResult {
  const decoded = decodeBytes(bytes, feed.id);
  const { records, warnings, delimiter } = readRecords(feed, decoded.text);
  const ctx = { feed: feed.id, today: options.today ?? new Date() };
  const issues: FeedIssue[] = [];
  const valid: { line: number; observation: Observation }[] = [];
  for (const { line, rec } of records) {
    const r = validateRecord(rec, line, ctx);
    issues.push(...r.issues);
    if (r.observation) valid.push({ line, observation: r.observation });
  }
  const across = checkAcrossRows(valid, feed.id);
  issues.push(...across.issues);
  if (issues.length) throw new FeedError(issues);
  warnings.push(...across.warnings);
  return {
    observations: across.kept,
    report: {
      feed: feed.id,
      rows: across.kept.length,
      rowsRead: records.length,
      rowsSkipped: 0,
      skipped: [],
      indicators: [...new Set(across.kept.map((o) => o.indicator))].sort(),
      encoding: decoded.encoding,
      delimiter,
      warnings,
    },
  };
}

/** The adapter step: text -> tidy records, by the feed's format. */
function readRecords(
  feed: FeedConfig,
  text: string,
): { records: { line: number; rec: RawRecord }[]; warnings: FeedIssue[]; delimiter: string } {
  if (feed.format === 'json-array' || feed.format === 'datagouv-tabular') {
    const json = jsonRecords(parseJsonArray(text, feed.id), feed.mapping, feed.id);
    return { records: json.records, warnings: json.warnings, delimiter: '' };
  }
  if (feed.format !== 'tidy-csv' && feed.format !== 'mapped-csv') {
    throw new FeedError([
      {
        feed: feed.id,
        reason: `format not recognised: "${String(feed.format)}" is not one of ${FEED_FORMATS.join(', ')}`,
      },
    ]);
  }
  if (feed.format === 'mapped-csv' && !feed.mapping) {
    throw new FeedError([{ feed: feed.id, reason: 'a mapped CSV feed needs a column mapping' }]);
  }
  const notCsv = sniffNonCsv(text);
  if (notCsv) throw new FeedError([{ feed: feed.id, reason: notCsv }]);
  const table = parseCsv(text, feed.id);
  if (table.rows.length === 0)
    throw new FeedError([{ feed: feed.id, reason: 'the file has a header but no data rows' }]);
  if (feed.format === 'mapped-csv') {
    return {
      records: mappedRecords(table, feed.mapping!, feed.id),
      warnings: [],
      delimiter: table.delimiter,
    };
  }
  const tidy = tidyRecords(table, feed.id);
  return { records: tidy.records, warnings: tidy.warnings, delimiter: table.delimiter };
}
