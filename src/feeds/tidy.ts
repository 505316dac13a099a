/** Adapter for the project's own tidy CSV format (data/schema.json). */
import Papa from 'papaparse';
import type { CsvTable } from './csv';
import { TIDY_COLUMNS, tidySchema, type RawRecord } from './schema';
import { FeedError, type FeedIssue, type Observation } from './types';

export { TIDY_COLUMNS };

/** An observation as a tidy CSV row, in column order. */
export function toTidyRow(o: Observation): string[] {
  const byColumn: Record<string, string> = {
    indicator: o.indicator,
    breakdown: o.breakdown,
    geo: o.geo,
    period: o.period,
    precision: o.precision,
    value: String(o.value),
    qualifier: o.qualifier,
    source_url: o.sourceUrl,
    source_label: o.sourceLabel,
    note: o.note,
  };
  return TIDY_COLUMNS.map((c) => byColumn[c] ?? '');
}

/** Observations as the project's tidy CSV text, one line per row, ending with a newline. */
export function tidyCsvText(observations: Observation[]): string {
  return (
    Papa.unparse(
      { fields: [...TIDY_COLUMNS], data: observations.map(toTidyRow) },
      { newline: '\n' },
    ) + '\n'
  );
}

/**
 * Maps a parsed table's columns onto tidy records by header name (order does not matter).
 * A header with required columns missing is rejected; unknown extra columns are ignored.
 */
export function tidyRecords(
  table: CsvTable,
  feed: string,
): { records: { line: number; rec: RawRecord }[]; warnings: FeedIssue[] } {
  const index = new Map(table.header.map((h, i) => [h.toLowerCase(), i]));
  const required = tidySchema.fields.filter((f) => f.constraints?.required).map((f) => f.name);
  const missing = required.filter((c) => !index.has(c));
  if (missing.length === required.length) {
    throw new FeedError([
      {
        feed,
        row: 1,
        reason: `format not recognised: none of the tidy columns (${required.join(', ')}) is in the header "${table.header.join(table.delimiter).slice(0, 120)}"`,
      },
    ]);
  }
  if (missing.length) {
    throw new FeedError(
      missing.map((column) => ({
        feed,
        row: 1,
        column,
        reason: 'required column is missing from the header',
      })),
    );
  }
  const extra = table.header.filter((h) => !TIDY_COLUMNS.includes(h.toLowerCase()));
  const warnings: FeedIssue[] = extra.map((column) => ({
    feed,
    row: 1,
    column,
    reason: 'unknown column ignored',
  }));
  const records = table.rows.map(({ line, cells }) => {
    const rec: RawRecord = {};
    for (const c of TIDY_COLUMNS) {
      const i = index.get(c);
      rec[c] = i === undefined ? '' : (cells[i] ?? '');
    }
    return { line, rec };
  });
  return { records, warnings };
}
