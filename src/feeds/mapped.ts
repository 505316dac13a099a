/** Adapter for any CSV whose columns a user mapped once onto the tidy fields. */
import type { CsvTable } from './csv';
import type { RawRecord } from './schema';
import { normaliseMapping } from './mapping';
import { parsePeriodCell } from './values';
import {
  FeedError,
  type ColumnMapping,
  type FieldSource,
  type MappingField,
  type PlaceKind,
} from './types';

/** Tidy column name for each mapping field (source_url for sourceUrl…). */
export const FIELD_COLUMNS: Record<MappingField, string> = {
  indicator: 'indicator',
  breakdown: 'breakdown',
  geo: 'geo',
  period: 'period',
  precision: 'precision',
  value: 'value',
  qualifier: 'qualifier',
  sourceUrl: 'source_url',
  sourceLabel: 'source_label',
  note: 'note',
};

export function mappedRecords(
  table: CsvTable,
  mapping: ColumnMapping,
  feed: string,
): { line: number; rec: RawRecord }[] {
  const index = new Map(table.header.map((h, i) => [h, i]));
  const entries = Object.entries(normaliseMapping(mapping)).filter(
    ([field]) => field !== 'values',
  ) as [MappingField, FieldSource][];
  const missing = entries.filter(([, src]) => 'column' in src && !index.has(src.column));
  if (missing.length) {
    throw new FeedError(
      missing.map(([field, src]) => ({
        feed,
        row: 1,
        column: (src as { column: string }).column,
        reason: `column mapped to "${field}" is not in the header (${table.header.join(', ').slice(0, 120)}); was it renamed?`,
      })),
    );
  }
  return table.rows.map(({ line, cells }) => {
    const rec: RawRecord = {};
    for (const [field, src] of entries) {
      const raw = 'column' in src ? (cells[index.get(src.column)!] ?? '') : src.value;
      const prefix = 'column' in src ? columnPrefix(src) : '';
      rec[FIELD_COLUMNS[field]] = prefix && raw.trim() ? prefix + raw.trim() : raw;
    }
    // Unmapped optional fields: a figure is exact unless said otherwise, and is as precise as
    // its date is written.
    if (!mapping.qualifier) rec.qualifier = '=';
    if (!mapping.precision) {
      const p = parsePeriodCell(rec.period ?? '');
      // A bad or empty date is reported on `period` alone; 'day' only stands in, never stored.
      rec.precision = p.ok ? p.value.precision : 'day';
    }
    return { line, rec };
  });
}

const KIND_PREFIX: Record<PlaceKind, string> = { region: 'REG-', departement: 'DEP-', any: '' };

/** What goes before each code of a column: its prefix, or its place kind's. */
function columnPrefix(src: { column: string; prefix?: string; kind?: PlaceKind }): string {
  return src.prefix ?? (src.kind ? KIND_PREFIX[src.kind] : '');
}
