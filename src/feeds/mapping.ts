/**
 * Column mappings as stored: configurations saved in users' browsers and in exported files
 * before mapping v2 (version 1) had a required `sourceUrl` and read places through a `prefix`
 * (`REG-` + `53`). normaliseMapping turns any stored mapping into the current form, which reads
 * the same rows into the same observations.
 */
import type {
  ColumnMapping,
  FeedConfig,
  FieldSource,
  GeoSource,
  PlaceKind,
  UserIndicator,
} from './types';

const KIND_OF_PREFIX: Record<string, PlaceKind> = { 'REG-': 'region', 'DEP-': 'departement' };

/** A place source: a v1 `prefix` of REG- or DEP- becomes the place kind; none reads any place. */
export function normaliseGeo(src: GeoSource | { column: string; prefix?: string }): GeoSource {
  if (!('column' in src)) return { value: src.value };
  const kind = 'kind' in src && src.kind ? src.kind : undefined;
  const prefix = src.prefix ?? '';
  if (kind) return prefix ? { column: src.column, kind, prefix } : { column: src.column, kind };
  if (prefix === '') return { column: src.column, kind: 'any' };
  const fromPrefix = KIND_OF_PREFIX[prefix];
  // Another prefix (never offered by the page, possible in a hand-written file) is kept as is.
  return fromPrefix
    ? { column: src.column, kind: fromPrefix }
    : { column: src.column, kind: 'any', prefix };
}

/**
 * The current form of a stored mapping (v1 or v2). Only the shape changes: a v1 mapping gives
 * the same observations once normalised. The input is assumed checked (mappingProblems).
 */
export function normaliseMapping(stored: ColumnMapping): ColumnMapping {
  return { ...stored, geo: normaliseGeo(stored.geo) };
}

/** Whether a mapping is wide (several value columns) rather than long. */
export function isWide(
  mapping: ColumnMapping,
): mapping is ColumnMapping & { values: NonNullable<ColumnMapping['values']> } {
  return !!mapping.values?.length;
}

/** Every column a mapping reads, with the field it reads it for. */
export function mappedColumns(mapping: ColumnMapping): { field: string; column: string }[] {
  const out: { field: string; column: string }[] = [];
  for (const [field, src] of Object.entries(mapping) as [string, unknown][]) {
    if (field === 'values') {
      for (const v of mapping.values ?? []) out.push({ field: v.indicator, column: v.column });
    } else if (src && typeof src === 'object' && 'column' in src) {
      out.push({ field, column: (src as FieldSource & { column: string }).column });
    }
  }
  return out;
}

/** A stored configuration in its current form (its mappings normalised); the input is not changed. */
export function normaliseConfig<T extends FeedConfig>(config: T): T {
  const out = { ...config };
  if (config.mapping) out.mapping = normaliseMapping(config.mapping);
  if (config.upstream?.mapping)
    out.upstream = { ...config.upstream, mapping: normaliseMapping(config.upstream.mapping) };
  return out;
}

/** The user-defined indicators and breakdown labels of a set of feeds, for the model's registry. */
export function userVocabulary(configs: readonly FeedConfig[]): {
  indicators: UserIndicator[];
  breakdownLabels: Record<string, string>;
} {
  const indicators: UserIndicator[] = [];
  const breakdownLabels: Record<string, string> = {};
  for (const c of configs) {
    indicators.push(...(c.indicators ?? []));
    Object.assign(breakdownLabels, c.breakdownLabels);
  }
  return { indicators, breakdownLabels };
}
