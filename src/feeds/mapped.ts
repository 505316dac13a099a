/**
 * Adapter for any table whose columns a user mapped once onto the tidy fields (CSV, workbook,
 * JSON keys): the mapping, checked against the table's header, becomes the plan validate.ts
 * reads every row with.
 */
import type { CsvTable } from './csv';
import { detectDateReading } from './dates';
import { feedIssue } from './issueText';
import { normaliseMapping } from './mapping';
import { truncate } from './schema';
import {
  FeedError,
  type ColumnMapping,
  type FeedConfig,
  type FieldSource,
  type FeedIssue,
  type GeoSource,
  type MappingField,
  type PlaceKind,
} from './types';
import type { CellRef, RowPlan } from './validate';
import { commaGroupsColumn } from './values';

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

const KIND_PREFIX: Record<string, PlaceKind> = { 'REG-': 'region', 'DEP-': 'departement' };

/** Distinct date cells looked at to tell how a column writes its dates. */
const DATE_SAMPLE = 5000;

/**
 * The plan for a mapped table. Every column the mapping names must be in the header (a column
 * renamed since the mapping was made is an error naming it); the source must come from a
 * column, a constant or the feed. For JSON, `json.keys` lists every key of the records (the
 * table holds only those the mapping reads).
 */
export function mappingPlan(
  stored: ColumnMapping,
  table: CsvTable,
  feed: FeedConfig,
  json?: { keys: string[] },
): RowPlan {
  const noun = json ? 'key' : 'column';
  const mapping = normaliseMapping(stored);
  const index = new Map<string, number>();
  table.header.forEach((h, i) => {
    if (!index.has(h)) index.set(h, i);
  });
  const issues: FeedIssue[] = [];
  const headerText = truncate((json?.keys ?? table.header).join(', '), 120);
  const missing = (field: string, column: string) =>
    issues.push(
      noun === 'key'
        ? feedIssue(feed.id, 'mapping.keyMissing', { field, keys: headerText }, { column })
        : feedIssue(
            feed.id,
            'mapping.columnMissing',
            { field, header: headerText },
            { row: table.headerLine ?? 1, column },
          ),
    );
  const ref = (field: string, src: FieldSource | GeoSource | undefined): CellRef | undefined => {
    if (!src) return undefined;
    if ('value' in src) return { constant: src.value, column: field };
    const i = index.get(src.column);
    if (i === undefined) {
      missing(field, src.column);
      return { constant: '', column: src.column };
    }
    const prefix = 'prefix' in src && src.prefix ? src.prefix : undefined;
    return prefix ? { index: i, column: src.column, prefix } : { index: i, column: src.column };
  };

  const geo = ref('geo', mapping.geo)!;
  const period = ref('period', mapping.period)!;
  const values: RowPlan['values'] = [];
  if (mapping.values?.length) {
    for (const v of mapping.values) {
      const value = ref(v.indicator, { column: v.column })!;
      values.push({
        value,
        indicator: { constant: v.indicator, column: v.column },
        ...(v.breakdown ? { breakdown: v.breakdown } : {}),
        commaGroups: writesCommaGroups(table, value),
      });
    }
  } else if (mapping.value && mapping.indicator) {
    const value = ref('value', mapping.value)!;
    values.push({
      value,
      indicator: ref('indicator', mapping.indicator)!,
      commaGroups: writesCommaGroups(table, value),
    });
  } else {
    issues.push(feedIssue(feed.id, 'mapping.noValue'));
  }
  const plan: RowPlan = {
    strict: false,
    values,
    geo,
    placeKind: placeKind(mapping.geo),
    period,
    precision: ref('precision', mapping.precision),
    qualifier: ref('qualifier', mapping.qualifier),
    breakdown: ref('breakdown', mapping.breakdown),
    sourceUrl: ref('sourceUrl', mapping.sourceUrl),
    sourceLabel: ref('sourceLabel', mapping.sourceLabel),
    note: ref('note', mapping.note),
    source: { url: feed.source?.url ?? '', label: feed.source?.label ?? '' },
  };
  if (!plan.sourceUrl && !plan.sourceLabel && !plan.source.url && !plan.source.label)
    issues.push(feedIssue(feed.id, 'mapping.noSource'));
  if (issues.length) throw new FeedError(issues);
  if ('index' in period) {
    const order = 'column' in mapping.period ? mapping.period.order : undefined;
    const reading = detectDateReading(distinctCells(table, period.index, DATE_SAMPLE));
    plan.dates = order ? { ...reading, order, ambiguous: false } : reading;
  }
  return plan;
}

/** The place kind of a (normalised) place source; a v1 prefix kept as is reads any place. */
function placeKind(src: GeoSource): PlaceKind {
  if ('value' in src) return 'any';
  return src.kind ?? KIND_PREFIX[src.prefix ?? ''] ?? 'any';
}

/** Whether a value column writes numbers the English way (commaGroupsColumn on its cells). */
function writesCommaGroups(table: CsvTable, ref: CellRef): boolean {
  return 'index' in ref && commaGroupsColumn(distinctCells(table, ref.index, NUMBER_SAMPLE));
}

/** Distinct number cells looked at to tell how a column writes its numbers. */
const NUMBER_SAMPLE = 1000;

/** Up to `max` distinct non-empty cells of a column, in order of first appearance. */
export function distinctCells(table: CsvTable, column: number, max: number): string[] {
  const seen = new Set<string>();
  for (const { cells } of table.rows) {
    const c = cells[column];
    if (c === undefined || c.trim() === '' || seen.has(c)) continue;
    seen.add(c);
    if (seen.size >= max) break;
  }
  return [...seen];
}
