/** Adapter for the project's own tidy CSV format (data/schema.json). */
import Papa from 'papaparse';
import type { CsvTable } from './csv';
import { feedIssue } from './issueText';
import { TIDY_COLUMNS, TIDY_HEADER_COLUMNS, truncate } from './schema';
import { FeedError, type Observation } from './types';
import type { CellRef, RowPlan } from './validate';

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
 * The plan reading a table of the tidy format, by header name (order and case do not matter).
 * A header with required columns missing is rejected; `extra` lists the other columns, ignored.
 */
export function tidyPlan(
  table: CsvTable,
  feed: string,
  noun: 'column' | 'key' = 'column',
): {
  plan: RowPlan;
  extra: string[];
} {
  const index = new Map(table.header.map((h, i) => [h.toLowerCase(), i]));
  const required = TIDY_HEADER_COLUMNS;
  const missing = required.filter((c) => !index.has(c));
  const row = table.headerLine ?? 1;
  if (missing.length === required.length) {
    throw new FeedError([
      feedIssue(
        feed,
        'tidy.notRecognised',
        {
          required: required.join(', '),
          header: truncate(table.header.join(table.delimiter || ', '), 120),
        },
        { row },
      ),
    ]);
  }
  if (missing.length) {
    throw new FeedError(
      missing.map((column) =>
        noun === 'key'
          ? feedIssue(feed, 'tidy.keyMissing', undefined, { column })
          : feedIssue(feed, 'tidy.columnMissing', undefined, { row, column }),
      ),
    );
  }
  const ref = (column: string): CellRef | undefined => {
    const i = index.get(column);
    return i === undefined ? undefined : { index: i, column };
  };
  const plan: RowPlan = {
    strict: true,
    values: [{ value: ref('value')!, indicator: ref('indicator')! }],
    geo: ref('geo')!,
    placeKind: 'any',
    period: ref('period')!,
    precision: ref('precision'),
    qualifier: ref('qualifier'),
    breakdown: ref('breakdown'),
    sourceUrl: ref('source_url'),
    sourceLabel: ref('source_label'),
    note: ref('note'),
    source: { url: '', label: '' },
  };
  const extra = table.header.filter((h) => !TIDY_COLUMNS.includes(h.toLowerCase()));
  return { plan, extra };
}
