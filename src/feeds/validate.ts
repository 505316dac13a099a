/**
 * From a table's rows to validated observations, in one pass: each row is read through a plan
 * (which column or constant gives each field; tidy.ts and mapped.ts make it), each cell is
 * checked once, and rows outside the reference are skipped and counted. Then checks across
 * rows. The project's tidy format is read strictly (nothing skipped, every cell as its schema
 * says); a user's mapped table skips places outside France, its regions and departments and
 * empty value cells, and reads dates and places as people write them.
 */
import { departementByCode, regionByCode } from '../model/geography';
import { indicatorById, type Indicator } from '../model/indicators';
import { checkPrecision, periodDate } from '../model/period';
import { sourceKey } from '../model/source';
import type { CsvTable } from './csv';
import { parseDateCell, type CellError, type DateReading, type ReadDate } from './dates';
import { nameWords, recogniseIndicator } from './indicatorNames';
import { feedIssue } from './issueText';
import { fieldPattern } from './schema';
import { readPlace, type PlaceReading, type PlaceSkipReason } from './places';
import { slugify } from './slug';
import {
  PRECISIONS,
  QUALIFIERS,
  SKIP_LINES_KEPT,
  type DateReadingReport,
  type FeedIssue,
  type IssueCode,
  type IssueParams,
  type Observation,
  type PlaceKind,
  type Precision,
  type Qualifier,
  type SkipReason,
  type SkippedRows,
} from './types';
import { parseNumberCell, parsePeriodCell } from './values';

/** Where a field's text comes from in a row: a column (its index), or one text for every row. */
export type CellRef =
  { index: number; column: string; prefix?: string } | { constant: string; column: string };

/** One figure a row gives: its value cell and its indicator (a column, or one id). */
export interface ValueRef {
  value: CellRef;
  indicator: CellRef;
  /** A breakdown the value column stands for (a wide table's "… 25-69 ans" column). */
  breakdown?: string;
  /** The column writes numbers the English way (`1,234,567`): commas group thousands. */
  commaGroups?: boolean;
}

/** How a table's rows become observations (tidy.ts and mapped.ts make one). */
export interface RowPlan {
  /** The project's tidy format: nothing skipped, every cell as data/schema.json says. */
  strict: boolean;
  values: ValueRef[];
  geo: CellRef;
  /** Mapped tables: what the place column holds. */
  placeKind: PlaceKind;
  period: CellRef;
  /** Mapped tables: how the period column's dates read (order, Excel days). */
  dates?: DateReading;
  precision?: CellRef;
  qualifier?: CellRef;
  breakdown?: CellRef;
  sourceUrl?: CellRef;
  sourceLabel?: CellRef;
  note?: CellRef;
  /** The feed's own source, for rows whose source cells are empty (or not mapped). */
  source: { url: string; label: string };
}

export interface ValidationContext {
  feed: string;
  /** Figures dated after this day are rejected. */
  today: Date;
  /** Indicators the feed may use beyond the catalogue (its user-defined ones). */
  indicators?: ReadonlyMap<string, Indicator>;
}

export interface ReadRows {
  observations: Observation[];
  /** The file line of each observation, and the column of its value. */
  lines: number[];
  columns: string[];
  issues: FeedIssue[];
  rowsRead: number;
  rowsSkipped: number;
  skipped: SkippedRows[];
  /** Breakdown values the catalogue does not name: stored id -> as the file writes it. */
  breakdownLabels: Record<string, string>;
}

/** Past this many problems reading stops: nobody reads further, and memory stays bounded. */
export const MAX_ISSUES = 1000;

/** A source address, as the tidy schema says (http or https, no space). */
const SOURCE_URL = fieldPattern('source_url')!;
const ID = /^[a-z0-9_]+$/;
/** Cells of a breakdown column that mean "every breakdown": the total, stored as ''. */
const TOTAL_WORDS = new Set(['total', 'ensemble', 'tous', 'toutes', 'all', 'tout']);

/** The values a cell may take, as messages list them (`"day", "month", …`). */
const listed = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');
// In the schema's order (the stored order of PRECISIONS differs: new ones go last there).
const PRECISION_LIST = listed(['day', 'month', 'quarter', 'half-year', 'year']);
const QUALIFIER_LIST = listed(QUALIFIERS);

const PLACE_SKIP: Record<PlaceSkipReason, SkipReason> = {
  empty: 'place.empty',
  'unknown-code': 'place.unknownCode',
  'former-region': 'place.formerRegion',
  'overseas-collectivity': 'place.overseasCollectivity',
  'not-specified': 'place.notSpecified',
  'unknown-name': 'place.unknownName',
  'ambiguous-code': 'place.ambiguousCode',
};

/**
 * A CellRef in one shape for the row loop (one hidden class, no `in` checks per cell): `index`
 * -1 is a constant.
 */
interface Cell {
  index: number;
  constant: string;
  prefix: string;
  column: string;
}

const NO_CELL: Cell = { index: -1, constant: '', prefix: '', column: '' };

function cell(ref: CellRef | undefined): Cell {
  if (!ref) return NO_CELL;
  if ('constant' in ref)
    return { index: -1, constant: ref.constant, prefix: '', column: ref.column };
  return { index: ref.index, constant: '', prefix: ref.prefix ?? '', column: ref.column };
}

function text(c: Cell, cells: string[]): string {
  if (c.index < 0) return c.constant;
  const raw = cells[c.index] ?? '';
  if (c.prefix === '') return raw;
  const s = raw.trim();
  return s ? c.prefix + s : raw;
}

function fail(
  issues: FeedIssue[],
  feed: string,
  line: number,
  c: Cell,
  code: IssueCode,
  params?: IssueParams,
): void {
  issues.push(feedIssue(feed, code, params, { row: line, column: c.column }));
}

/** Reads every row of a table through its plan; nothing is thrown, issues are returned. */
export function readRows(table: CsvTable, plan: RowPlan, ctx: ValidationContext): ReadRows {
  const reader = rowReader(plan, ctx);
  for (const { line, cells } of table.rows) reader.read(line, cells);
  return reader.result;
}

/**
 * readRows one row at a time, for rows parsed as a file is read (readCsvChunks): `read` each
 * row in order, then take `result`.
 */
export function rowReader(
  plan: RowPlan,
  ctx: ValidationContext,
): { read: (line: number, cells: string[]) => void; result: ReadRows } {
  const { feed } = ctx;
  const out: ReadRows = {
    observations: [],
    lines: [],
    columns: [],
    issues: [],
    rowsRead: 0,
    rowsSkipped: 0,
    skipped: [],
    breakdownLabels: {},
  };
  const { observations, lines, columns, issues } = out;
  const skips = new Map<string, SkippedRows>();
  const skip = (reason: SkipReason, column: string, value: string, line: number) => {
    const key = `${reason}\u0000${column}\u0000${value}`;
    let group = skips.get(key);
    if (!group) {
      group = { reason, column, value, count: 0, firstLines: [] };
      skips.set(key, group);
      out.skipped.push(group);
    }
    group.count += 1;
    if (group.firstLines.length < SKIP_LINES_KEPT) group.firstLines.push(line);
  };
  const extra = ctx.indicators;
  const known = (id: string) => indicatorById.get(id) ?? extra?.get(id);
  // A user's table may name indicators as people write them; each distinct name is read once.
  const named = new Map<string, Indicator | undefined>();
  const byName = (text: string) => {
    if (!named.has(text)) named.set(text, recogniseIndicator(text, extra));
    return named.get(text);
  };
  const today = ctx.today.getTime();
  const futureCache = new Map<string, boolean>();
  const periods = new Map<string, ReadDate | CellError>();
  const places = new Map<string, PlaceReading | { issue: IssueCode; params: IssueParams }>();
  const breakdowns = new Map<string, { id: string } | { issue: IssueCode; params: IssueParams }>();
  const { strict } = plan;
  const geoCell = cell(plan.geo);
  const periodCell = cell(plan.period);
  const precisionCell = cell(plan.precision);
  const qualifierCell = cell(plan.qualifier);
  const breakdownCell = cell(plan.breakdown);
  const urlCell = cell(plan.sourceUrl);
  const labelCell = cell(plan.sourceLabel);
  const noteCell = cell(plan.note);
  const sourceMissingCell = cell(plan.sourceLabel ?? plan.sourceUrl ?? plan.geo);
  const values = plan.values.map((v) => ({
    value: cell(v.value),
    indicator: cell(v.indicator),
    breakdown: v.breakdown ?? '',
    numbers: { commaGroups: v.commaGroups ?? false },
  }));

  // Figures of a big file repeat a few texts: one copy of each is kept, not one per row (a
  // parsed cell may be a slice holding the whole piece of text it was cut from).
  const kept = new Map<string, string>();
  const keep = (s: string) => {
    const k = kept.get(s);
    if (k !== undefined) return k;
    if (kept.size < 100_000) kept.set(s, s);
    return s;
  };
  let stopped = false;

  const read = (line: number, cells: string[]): void => {
    out.rowsRead += 1;
    if (stopped) return;
    if (issues.length >= MAX_ISSUES) {
      issues.push(feedIssue(feed, 'file.tooManyIssues', { max: MAX_ISSUES }));
      stopped = true;
      return;
    }
    const issuesBefore = issues.length;
    const observationsBefore = observations.length;

    // The place first: a row outside the reference is left out whatever else it holds.
    const placeText = text(geoCell, cells);
    let geo = '';
    if (strict) {
      let found = places.get(placeText);
      if (!found) places.set(placeText, (found = strictPlace(placeText)));
      if ('issue' in found) fail(issues, feed, line, geoCell, found.issue, found.params);
      else if (found.ok) geo = found.geo;
    } else {
      const found = readPlace(placeText, plan.placeKind);
      if (!found.ok) {
        skip(PLACE_SKIP[found.reason], geoCell.column, found.value, line);
        out.rowsSkipped += 1;
        return;
      }
      geo = found.geo;
    }

    // Value cells: an empty one is not published (skipped), not zero; the tidy format needs one.
    if (!strict) {
      let filled = false;
      for (const v of values) if (text(v.value, cells).trim() !== '') filled = true;
      if (!filled) {
        for (const v of values) skip('value.empty', v.value.column, '', line);
        out.rowsSkipped += 1;
        return;
      }
    }

    // The date, with the precision it is written with.
    const periodText = text(periodCell, cells).trim();
    let period = '';
    let precision: Precision = 'day';
    if (periodText === '') fail(issues, feed, line, periodCell, 'cell.required');
    else {
      let read = periods.get(periodText);
      if (!read) {
        read = readPeriod(periodText, plan);
        if (periods.size > 50_000) periods.clear();
        periods.set(periodText, read);
      }
      if ('code' in read) fail(issues, feed, line, periodCell, read.code, read.params);
      else {
        period = read.period;
        precision = read.precision;
        let future = futureCache.get(period);
        if (future === undefined) {
          future = periodDate(period).getTime() > today;
          futureCache.set(period, future);
        }
        if (future) fail(issues, feed, line, periodCell, 'period.future', { period });
      }
    }
    if (precisionCell !== NO_CELL) {
      const p = text(precisionCell, cells).trim();
      if (p === '' && strict) fail(issues, feed, line, precisionCell, 'cell.required');
      else if (p !== '') {
        if (!PRECISIONS.includes(p as Precision))
          fail(issues, feed, line, precisionCell, 'cell.notInList', {
            value: p,
            allowed: PRECISION_LIST,
          });
        else if (period) {
          precision = p as Precision;
          if (checkPrecision(period, precision))
            fail(
              issues,
              feed,
              line,
              precisionCell,
              precision === 'day' ? 'precision.needsDay' : 'precision.needsMonth',
              { precision },
            );
        }
      }
    }

    let qualifier: Qualifier = '=';
    if (qualifierCell !== NO_CELL) {
      const q = text(qualifierCell, cells).trim();
      if (q === '' && strict) fail(issues, feed, line, qualifierCell, 'cell.required');
      else if (q !== '') {
        if (QUALIFIERS.includes(q as Qualifier)) qualifier = q as Qualifier;
        else
          fail(issues, feed, line, qualifierCell, 'cell.notInList', {
            value: q,
            allowed: QUALIFIER_LIST,
          });
      }
    }

    const urlText = text(urlCell, cells).trim();
    const sourceUrl = keep(urlText || plan.source.url);
    const sourceLabel = keep(text(labelCell, cells).trim() || plan.source.label);
    if (urlText && !SOURCE_URL.test(urlText))
      fail(issues, feed, line, urlCell, 'source.badUrl', { value: truncate(urlText) });
    // A source without a web address is named by its label (DESIGN §3): the address may be empty.
    else if (strict && !urlText && !sourceLabel && urlCell !== NO_CELL)
      fail(issues, feed, line, urlCell, 'cell.required');
    else if (!sourceUrl && !sourceLabel)
      fail(issues, feed, line, sourceMissingCell, 'source.missing');
    const note = keep(text(noteCell, cells).trim());
    const rowBreakdown = text(breakdownCell, cells).trim();

    for (const v of values) {
      const raw = text(v.value, cells);
      if (raw.trim() === '') {
        if (strict) fail(issues, feed, line, v.value, 'cell.required');
        else skip('value.empty', v.value.column, '', line);
        continue;
      }
      // The indicator: an id (catalogue or the feed's own) or, in a user's table, its label.
      const indicatorText = text(v.indicator, cells).trim();
      const indicator =
        indicatorText === ''
          ? undefined
          : (known(indicatorText) ?? (strict ? undefined : byName(indicatorText)));
      if (indicatorText === '') fail(issues, feed, line, v.indicator, 'cell.required');
      else if (!indicator)
        fail(issues, feed, line, v.indicator, 'indicator.unknown', {
          value: truncate(indicatorText),
        });

      let breakdown = v.breakdown;
      if (indicator && rowBreakdown !== '') {
        const key = `${indicator.id}\u0000${rowBreakdown}`;
        let b = breakdowns.get(key);
        if (!b) {
          b = readBreakdown(rowBreakdown, indicator, strict, out.breakdownLabels);
          breakdowns.set(key, b);
        }
        if ('issue' in b) fail(issues, feed, line, breakdownCell, b.issue, b.params);
        else breakdown = b.id;
      }

      const n = parseNumberCell(raw, v.numbers);
      let value = NaN;
      if (!n.ok) {
        fail(
          issues,
          feed,
          line,
          v.value,
          n.problem === 'notFinite' ? 'value.notFinite' : 'value.notANumber',
          { value: truncate(raw.trim()) },
        );
      } else {
        value = n.value;
        if (indicator?.min !== undefined && value < indicator.min) {
          if (indicator.min === 0 && indicator.valueType === 'count')
            fail(issues, feed, line, v.value, 'value.negativeCount', { value });
          else fail(issues, feed, line, v.value, 'value.belowMin', { value, min: indicator.min });
        }
        if (indicator?.max !== undefined && value > indicator.max)
          fail(issues, feed, line, v.value, 'value.aboveMax', { value, max: indicator.max });
      }
      if (issues.length > issuesBefore || !indicator) continue;
      observations.push({
        indicator: indicator.id,
        breakdown,
        geo,
        period,
        precision,
        value,
        qualifier,
        sourceUrl,
        sourceLabel,
        note,
        feed,
      });
      lines.push(line);
      columns.push(v.value.column);
    }
    // A row with a problem gives nothing (the file is rejected anyway).
    if (issues.length > issuesBefore) {
      observations.length = observationsBefore;
      lines.length = observationsBefore;
      columns.length = observationsBefore;
    }
  };
  return { read, result: out };
}

function truncate(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** A date cell: the tidy format's strict forms, or every form people write (dates.ts). */
function readPeriod(raw: string, plan: RowPlan): ReadDate | CellError {
  if (!plan.strict) {
    const r = parseDateCell(raw, plan.dates ?? {});
    return r.ok ? r.value : r.error;
  }
  const p = parsePeriodCell(raw);
  if (p.ok) return p.value;
  // Why it fails, in the words dates.ts has for each case; a form only users' files may use
  // (a month name in the tidy format) is simply not a date here.
  const detail = parseDateCell(raw);
  return detail.ok ? { code: 'date.notADate', params: { raw } } : detail.error;
}

/** A geo id of the tidy format: FR, REG-<code>, DEP-<code>, or a group of them joined by `+`. */
function strictPlace(id: string): PlaceReading | { issue: IssueCode; params: IssueParams } {
  const s = id.trim();
  if (s === '') return { issue: 'cell.required', params: {} };
  const parts = s.split('+');
  for (const part of parts) {
    if (part === 'FR') {
      if (parts.length > 1) return { issue: 'geo.countryInGroup', params: { value: s } };
      continue;
    }
    const m = /^(REG|DEP)-(\d{2,3}|2A|2B)$/.exec(part);
    if (!m) return { issue: 'geo.invalid', params: { value: truncate(part) } };
    const code = m[2]!;
    if (m[1] === 'REG' && !regionByCode.has(code))
      return { issue: 'geo.unknownRegion', params: { value: code } };
    if (m[1] === 'DEP' && !departementByCode.has(code))
      return { issue: 'geo.unknownDepartement', params: { value: code } };
  }
  return { ok: true, geo: s };
}

/**
 * A breakdown cell. The tidy format names catalogue breakdowns by id. A user's table may write
 * a catalogue breakdown by id or label, the total ("Total", "Ensemble") or any other value
 * (sexe, âge…), kept under an id made from it, its label remembered in `labels`.
 */
function readBreakdown(
  raw: string,
  indicator: Indicator,
  strict: boolean,
  labels: Record<string, string>,
): { id: string } | { issue: IssueCode; params: IssueParams } {
  const values = indicator.breakdown?.values ?? {};
  if (values[raw]) return { id: raw };
  const unknown = {
    issue: 'breakdown.unknown' as const,
    params: { value: truncate(raw), indicator: indicator.id },
  };
  if (strict) return unknown;
  const key = nameWords(raw);
  if (TOTAL_WORDS.has(key)) return { id: '' };
  for (const [id, label] of Object.entries(values)) {
    if (nameWords(label.fr) === key || nameWords(label.en) === key || nameWords(id) === key)
      return { id };
  }
  const id = ID.test(raw) ? raw : slugify(raw, '_');
  if (!id) return unknown;
  labels[id] ??= raw;
  return { id };
}

/** How a date column was read, for the report. */
export function dateReadingReport(column: string, reading: DateReading): DateReadingReport {
  return {
    column,
    order: reading.order,
    ambiguous: reading.ambiguous,
    forms: reading.forms,
    examples: reading.examples,
  };
}

/**
 * Checks across rows: the same figure (indicator, place, period, source) twice with different
 * values, and more profiles activated than open at the same place and date from one source.
 * Exact duplicates are dropped with a warning. `lines[i]` and `columns[i]` say where observation
 * i was read.
 */
export function checkAcrossRows(
  observations: Observation[],
  lines: number[],
  columns: string[],
  feed: string,
): { kept: Observation[]; issues: FeedIssue[]; warnings: FeedIssue[] } {
  const issues: FeedIssue[] = [];
  const warnings: FeedIssue[] = [];
  const n = observations.length;
  // Each figure as (series, period) numbers, then the first figure of each pair.
  const keys = new FigureKeys();
  const seriesOf = new Int32Array(n);
  const periodOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const o = observations[i]!;
    seriesOf[i] = keys.series(o.indicator, o, true);
    periodOf[i] = keys.period(o.period);
  }
  const firsts = new FirstFigures(keys.seriesCount, keys.periodCount);
  const kept: Observation[] = [];
  for (let i = 0; i < n; i++) {
    const o = observations[i]!;
    const first = firsts.claim(seriesOf[i]!, periodOf[i]!, i);
    if (first < 0) {
      kept.push(o);
      continue;
    }
    const a = observations[first]!;
    if (a.value === o.value && a.qualifier === o.qualifier) {
      warnings.push(feedIssue(feed, 'row.duplicate', { line: lines[first]! }, { row: lines[i]! }));
    } else {
      issues.push(
        feedIssue(
          feed,
          'value.conflict',
          { line: lines[first]!, first: a.value, value: o.value },
          { row: lines[i]!, column: columns[i]! },
        ),
      );
    }
  }
  // Activated above open: each series of activated profiles is matched with its open one once.
  const openOf = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const a = observations[i]!;
    if (a.indicator !== 'mes_profiles_activated') continue;
    let openSeries = openOf.get(seriesOf[i]!);
    if (openSeries === undefined) {
      openSeries = keys.series('mes_profiles_open', a, false);
      openOf.set(seriesOf[i]!, openSeries);
    }
    if (openSeries < 0) continue;
    const openAt = firsts.get(openSeries, periodOf[i]!);
    if (openAt < 0) continue;
    const open = observations[openAt]!;
    if (a.value > open.value && a.qualifier !== '~' && open.qualifier === '=') {
      issues.push(
        feedIssue(
          feed,
          'value.activatedAboveOpen',
          { value: a.value, open: open.value, line: lines[openAt]! },
          { row: lines[i]!, column: columns[i]! },
        ),
      );
    }
  }
  return { kept, issues, warnings };
}

/**
 * Numbers for the schema's primary key (one figure of one source: indicator, breakdown, place,
 * period, and the source's address or label): a figure's series (all but the period) and its
 * period are each numbered once. A table's strings repeat (every row of a region shares its
 * geo string), so numbering them is cheaper than building a key string per figure, which 100k
 * rows made the slowest step of validation.
 */
class FigureKeys {
  private bySeries = new Map<string, Map<string, Map<string, Map<string, number>>>>();
  private periods = new Map<string, number>();
  seriesCount = 0;

  get periodCount(): number {
    return this.periods.size;
  }

  /** The series of `o` read as figures of `indicator`; -1 when unknown and not `add`. */
  series(indicator: string, o: Observation, add: boolean): number {
    let byBreakdown = this.bySeries.get(indicator);
    if (!byBreakdown) {
      if (!add) return -1;
      this.bySeries.set(indicator, (byBreakdown = new Map()));
    }
    let byGeo = byBreakdown.get(o.breakdown);
    if (!byGeo) {
      if (!add) return -1;
      byBreakdown.set(o.breakdown, (byGeo = new Map()));
    }
    let bySource = byGeo.get(o.geo);
    if (!bySource) {
      if (!add) return -1;
      byGeo.set(o.geo, (bySource = new Map()));
    }
    const source = sourceKey(o);
    let id = bySource.get(source);
    if (id === undefined) {
      if (!add) return -1;
      bySource.set(source, (id = this.seriesCount++));
    }
    return id;
  }

  period(period: string): number {
    let id = this.periods.get(period);
    if (id === undefined) this.periods.set(period, (id = this.periods.size));
    return id;
  }
}

/** Cells of a dense (series × period) table up to which it is used rather than a Map. */
const DENSE_CELLS = 1 << 24;

/**
 * The first figure of each (series, period): a dense table when series × periods is small
 * (a file's figures usually are: a few series × a few hundred dates), a Map otherwise.
 */
class FirstFigures {
  private readonly dense: Int32Array | undefined;
  private readonly sparse = new Map<number, number>();

  constructor(
    series: number,
    private readonly periods: number,
  ) {
    if (series * periods <= DENSE_CELLS) this.dense = new Int32Array(series * periods).fill(-1);
  }

  /** The first figure at (series, period), or -1 after making `index` the first. */
  claim(series: number, period: number, index: number): number {
    const cell = series * this.periods + period;
    if (this.dense) {
      const first = this.dense[cell]!;
      if (first < 0) this.dense[cell] = index;
      return first;
    }
    const first = this.sparse.get(cell);
    if (first === undefined) this.sparse.set(cell, index);
    return first ?? -1;
  }

  get(series: number, period: number): number {
    const cell = series * this.periods + period;
    return this.dense ? this.dense[cell]! : (this.sparse.get(cell) ?? -1);
  }
}
