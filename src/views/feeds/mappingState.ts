/**
 * The one-screen mapping form's state and what it makes: where places, dates and values come
 * from (wide: several value columns, each to an indicator; long: one value column and an
 * indicator column or one indicator), the optional columns, the feed's source given once (or
 * per-row source columns) and the indicators the user defined. Pure: the form renders it,
 * `draftConfig` turns it into the FeedConfig the pipeline validates and the page saves.
 */
import { normaliseGeo } from '../../feeds/mapping';
import { httpsUrlProblem, userIndicatorId } from '../../feeds/userFeedConfig';
import type {
  ColumnMapping,
  DateOrder,
  FeedConfig,
  FeedSource,
  FieldSource,
  PlaceKind,
} from '../../feeds/types';
import { formatDate, type Lang } from '../../lib/format';
import {
  catalogueIndicators,
  indicators as knownIndicators,
  type UserIndicator,
} from '../../model/indicators';
import type { FeedDraft } from './feedDraft';

export type Shape = 'wide' | 'long';

/** A field read from a column, or given once for the whole file. */
export interface ColumnOrValue {
  mode: 'column' | 'value';
  column: string;
  value: string;
}

/** The optional columns the form offers (none = ''). */
export const OPTIONAL_COLUMNS = ['breakdown', 'qualifier', 'precision', 'note'] as const;
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];

export interface MappingState {
  shape: Shape;
  geo: ColumnOrValue & { kind: PlaceKind };
  period: ColumnOrValue & { order: DateOrder };
  /** Wide: each column's indicator id ('' or absent: the column is not imported). */
  columns: Record<string, string>;
  /** Long: the value column. */
  value: string;
  /** Long: a column of indicator ids, or one indicator for the file. */
  indicator: ColumnOrValue;
  optional: Record<OptionalColumn, string>;
  /** The source of every figure: given once for the feed, or read from columns. */
  source: {
    mode: 'feed' | 'column';
    label: string;
    url: string;
    urlColumn: string;
    labelColumn: string;
  };
  /** Indicators the user defined here (ids `user_<slug>`). */
  indicators: UserIndicator[];
}

/**
 * The source label a file gets unless the user writes another, e.g. « Fichier
 * export-ars.csv, importé le 5 déc. 2026 ». An address gets « Données de <host>, lues le … ».
 */
export function defaultSourceLabel(
  draft: Pick<FeedDraft, 'name' | 'url'>,
  at: Date,
  lang: Lang,
): string {
  const date = formatDate(at, 'day', lang);
  if (draft.url) {
    const host = new URL(draft.url).host;
    return lang === 'fr'
      ? `Données de ${host}, lues le ${date}`
      : `Data from ${host}, read on ${date}`;
  }
  return lang === 'fr'
    ? `Fichier ${draft.name}, importé le ${date}`
    : `File ${draft.name}, imported on ${date}`;
}

const columnOf = (src: FieldSource | undefined): string =>
  src && 'column' in src ? src.column : '';

/** The form's state for a guessed mapping; the feed's source starts as `sourceLabel`. */
export function stateFromMapping(
  mapping: Partial<ColumnMapping>,
  sourceLabel: string,
): MappingState {
  const geo = mapping.geo ? normaliseGeo(mapping.geo) : undefined;
  const period = mapping.period;
  const wide = !!mapping.values?.length || !mapping.value;
  const sourceColumns = !!columnOf(mapping.sourceUrl) || !!columnOf(mapping.sourceLabel);
  return {
    shape: wide ? 'wide' : 'long',
    geo:
      geo && 'column' in geo
        ? { mode: 'column', column: geo.column, kind: geo.kind ?? 'any', value: '' }
        : { mode: geo ? 'value' : 'column', column: '', kind: 'region', value: geo?.value ?? '' },
    period:
      period && 'column' in period
        ? { mode: 'column', column: period.column, order: period.order ?? 'dmy', value: '' }
        : {
            mode: period ? 'value' : 'column',
            column: '',
            order: 'dmy',
            value: period?.value ?? '',
          },
    columns: Object.fromEntries((mapping.values ?? []).map((v) => [v.column, v.indicator])),
    value: columnOf(mapping.value),
    indicator:
      mapping.indicator && 'value' in mapping.indicator
        ? { mode: 'value', column: '', value: mapping.indicator.value }
        : {
            mode: mapping.indicator ? 'column' : 'value',
            column: columnOf(mapping.indicator),
            value: '',
          },
    optional: {
      breakdown: columnOf(mapping.breakdown),
      qualifier: columnOf(mapping.qualifier),
      precision: columnOf(mapping.precision),
      note: columnOf(mapping.note),
    },
    source: {
      mode: sourceColumns ? 'column' : 'feed',
      label: sourceLabel,
      url: '',
      urlColumn: columnOf(mapping.sourceUrl),
      labelColumn: columnOf(mapping.sourceLabel),
    },
    indicators: [],
  };
}

/** Columns taken by the place, the date, the optional fields and the source columns. */
export function reservedColumns(state: MappingState): Set<string> {
  const out = new Set<string>();
  if (state.geo.mode === 'column' && state.geo.column) out.add(state.geo.column);
  if (state.period.mode === 'column' && state.period.column) out.add(state.period.column);
  for (const f of OPTIONAL_COLUMNS) if (state.optional[f]) out.add(state.optional[f]);
  if (state.source.mode === 'column') {
    if (state.source.urlColumn) out.add(state.source.urlColumn);
    if (state.source.labelColumn) out.add(state.source.labelColumn);
  }
  if (state.shape === 'long') {
    if (state.value) out.add(state.value);
    if (state.indicator.mode === 'column' && state.indicator.column)
      out.add(state.indicator.column);
  }
  return out;
}

/** Wide: the columns that can hold values (every column not taken by another field). */
export function valueColumnChoices(state: MappingState, header: string[]): string[] {
  const reserved = reservedColumns(state);
  return header.filter((h) => h !== '' && !reserved.has(h));
}

/** Wide: the value columns imported, in header order, with their indicators. */
export function chosenValueColumns(
  state: MappingState,
  header: string[],
): { column: string; indicator: string }[] {
  return valueColumnChoices(state, header)
    .filter((c) => state.columns[c])
    .map((c) => ({ column: c, indicator: state.columns[c]! }));
}

const constant = (c: ColumnOrValue): FieldSource | undefined =>
  c.mode === 'column'
    ? c.column
      ? { column: c.column }
      : undefined
    : c.value.trim()
      ? { value: c.value.trim() }
      : undefined;

/** The mapping the state describes; fields left blank are left out. */
export function mappingOf(state: MappingState, header: string[]): Partial<ColumnMapping> {
  const mapping: Partial<ColumnMapping> = {};
  const geo = constant(state.geo);
  if (geo) mapping.geo = 'column' in geo ? { column: geo.column, kind: state.geo.kind } : geo;
  const period = constant(state.period);
  if (period)
    mapping.period =
      'column' in period && state.period.order === 'mdy'
        ? { column: period.column, order: 'mdy' }
        : period;
  if (state.shape === 'wide') {
    const values = chosenValueColumns(state, header);
    if (values.length) mapping.values = values;
  } else {
    if (state.value) mapping.value = { column: state.value };
    const indicator = constant(state.indicator);
    if (indicator) mapping.indicator = indicator;
  }
  for (const f of OPTIONAL_COLUMNS)
    if (state.optional[f]) mapping[f] = { column: state.optional[f] };
  if (state.source.mode === 'column') {
    if (state.source.urlColumn) mapping.sourceUrl = { column: state.source.urlColumn };
    if (state.source.labelColumn) mapping.sourceLabel = { column: state.source.labelColumn };
  }
  return mapping;
}

/** The feed's own source, when it is given once. */
export function feedSourceOf(state: MappingState): FeedSource | undefined {
  if (state.source.mode !== 'feed') return undefined;
  const url = state.source.url.trim();
  return url ? { label: state.source.label.trim(), url } : { label: state.source.label.trim() };
}

/** What is still to fill in (or wrong) before the mapping can be checked. */
export type StateProblem =
  | { field: 'geo' | 'period' | 'values' | 'value' | 'indicator' | 'sourceLabel' | 'sourceColumn' }
  | { field: 'sourceUrl'; reason: string };

export function stateProblems(state: MappingState, header: string[]): StateProblem[] {
  const problems: StateProblem[] = [];
  if (!constant(state.geo)) problems.push({ field: 'geo' });
  if (!constant(state.period)) problems.push({ field: 'period' });
  if (state.shape === 'wide') {
    if (!chosenValueColumns(state, header).length) problems.push({ field: 'values' });
  } else {
    if (!state.value) problems.push({ field: 'value' });
    if (!constant(state.indicator)) problems.push({ field: 'indicator' });
  }
  if (state.source.mode === 'feed') {
    if (!state.source.label.trim()) problems.push({ field: 'sourceLabel' });
    const url = state.source.url.trim();
    const bad = url ? httpsUrlProblem(url) : null;
    if (bad) problems.push({ field: 'sourceUrl', reason: bad });
  } else if (!state.source.urlColumn && !state.source.labelColumn) {
    problems.push({ field: 'sourceColumn' });
  }
  return problems;
}

/** The ids of indicators the mapping names. */
function indicatorsNamed(mapping: Partial<ColumnMapping>): Set<string> {
  const ids = new Set((mapping.values ?? []).map((v) => v.indicator));
  if (mapping.indicator && 'value' in mapping.indicator) ids.add(mapping.indicator.value);
  return ids;
}

/** The feed configuration to validate and save. */
export function draftConfig(
  draft: FeedDraft,
  id: string,
  label: string,
  state: MappingState,
): FeedConfig {
  const name = label.trim() || draft.name;
  const config: FeedConfig = {
    id,
    label: { fr: name, en: name },
    format: draft.format,
    url: draft.url ?? draft.name,
  };
  if (draft.tidy) return config;
  const mapping = mappingOf(state, draft.header);
  config.mapping = mapping as ColumnMapping;
  const source = feedSourceOf(state);
  if (source) config.source = source;
  // Indicators defined for a long table's indicator column are kept too: its cells name them.
  const named = indicatorsNamed(mapping);
  const own = state.indicators.filter(
    (u) => named.has(u.id) || (state.shape === 'long' && state.indicator.mode === 'column'),
  );
  if (own.length) config.indicators = own;
  if (draft.workbook) {
    config.sheet = draft.workbook.sheet;
    config.headerRow = draft.workbook.headerRow;
  }
  return config;
}

/** A new indicator as the "Définir un nouvel indicateur…" form gives it. */
export interface NewIndicator {
  labelFr: string;
  labelEn: string;
  unitFr: string;
  unitEn: string;
  kind: UserIndicator['kind'];
}

/** Why a new indicator cannot be added yet ('' when it can). */
export function newIndicatorProblem(n: NewIndicator): 'label' | 'unit' | '' {
  if (!n.labelFr.trim()) return 'label';
  if (!n.unitFr.trim() && n.kind !== 'rate') return 'unit';
  return '';
}

/**
 * The state with a user-defined indicator added and chosen for `column` (wide) or as the
 * file's indicator (long). Its id is unique among the catalogue, the app's user indicators and
 * this form's.
 */
export function addIndicator(
  state: MappingState,
  n: NewIndicator,
  column?: string,
): { state: MappingState; indicator: UserIndicator } {
  const taken = [...knownIndicators.map((i) => i.id), ...state.indicators.map((i) => i.id)];
  const labelFr = n.labelFr.trim();
  const rate = n.kind === 'rate';
  const unitFr = n.unitFr.trim() || (rate ? '%' : '');
  const indicator: UserIndicator = {
    id: userIndicatorId(labelFr, taken),
    label: { fr: labelFr, en: n.labelEn.trim() || labelFr },
    unit: { fr: unitFr, en: n.unitEn.trim() || unitFr },
    kind: n.kind,
    valueType: rate ? 'percent' : 'count',
  };
  const next: MappingState = { ...state, indicators: [...state.indicators, indicator] };
  if (column !== undefined) next.columns = { ...state.columns, [column]: indicator.id };
  else next.indicator = { mode: 'value', column: '', value: indicator.id };
  return { state: next, indicator };
}

export interface IndicatorOption {
  id: string;
  /** "Profils Mon espace santé ouverts (profils)". */
  text: string;
  user: boolean;
}

/**
 * The indicators a value can go to, by name with their unit: the catalogue, then indicators
 * the user defined (for other feeds, known to the app, and in this form).
 */
export function indicatorOptions(own: UserIndicator[], lang: Lang): IndicatorOption[] {
  const seen = new Set<string>();
  const out: IndicatorOption[] = [];
  const push = (
    id: string,
    label: { fr: string; en: string },
    unit: { fr: string; en: string },
    user: boolean,
  ) => {
    if (seen.has(id)) return;
    seen.add(id);
    const u = unit[lang] || unit.fr;
    out.push({ id, text: u ? `${label[lang] || label.fr} (${u})` : label[lang] || label.fr, user });
  };
  for (const i of catalogueIndicators) push(i.id, i.label, i.unit, false);
  for (const i of knownIndicators) if (i.domain === 'user') push(i.id, i.label, i.unit, true);
  for (const u of own) push(u.id, u.label, u.unit, true);
  return out;
}

/** A feed's name from its file name: no extension, words kept. */
export function feedNameOf(fileName: string): string {
  return fileName.replace(/\.(csv|tsv|txt|json|xlsx|xlsm|xls|ods)$/i, '');
}
