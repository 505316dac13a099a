/**
 * From bytes to validated observations: decode -> parse -> adapter -> validate. Nothing here
 * touches storage: a feed is validated completely before anything is committed.
 */
import { parseCsv } from './csv';
import { decodeBytes, sniffNonCsv, type TextEncodingName } from './decode';
import { mappedRecords } from './mapped';
import { tidyRecords } from './tidy';
import { FeedError, type FeedConfig, type FeedIssue, type Observation } from './types';
import { checkAcrossRows, validateRecord } from './validate';

export interface IngestReport {
  feed: string;
  rows: number;
  encoding: TextEncodingName;
  delimiter: string;
  warnings: FeedIssue[];
}

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
  const notCsv = sniffNonCsv(decoded.text);
  if (notCsv) throw new FeedError([{ feed: feed.id, reason: notCsv }]);
  const table = parseCsv(decoded.text, feed.id);
  if (table.rows.length === 0)
    throw new FeedError([{ feed: feed.id, reason: 'the file has a header but no data rows' }]);

  const warnings: FeedIssue[] = [];
  let records;
  if (feed.format === 'tidy-csv') {
    const tidy = tidyRecords(table, feed.id);
    warnings.push(...tidy.warnings);
    records = tidy.records;
  } else if (feed.format === 'mapped-csv' && feed.mapping) {
    records = mappedRecords(table, feed.mapping, feed.id);
  } else {
    throw new FeedError([
      {
        feed: feed.id,
        reason: `format "${feed.format}" is not recognised or has no column mapping`,
      },
    ]);
  }

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
      encoding: decoded.encoding,
      delimiter: table.delimiter,
      warnings,
    },
  };
}
