/**
 * Pure geometry of the time chart: d3 computes scales, ticks and paths here; the Svelte
 * components only draw what this returns.
 */
import { extent, max, min } from 'd3-array';
import { scaleLinear, scaleUtc, type ScaleLinear, type ScaleTime } from 'd3-scale';
import { line } from 'd3-shape';
import type { Qualifier } from '../feeds/types';
import type { SeriesPoint } from '../model/series';
import { formatValue, locale, type Lang, type Unit } from '../lib/format';
import { seriesColour } from './palette';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface TimeTick {
  date: Date;
  x: number;
  label: string;
}

export interface ValueTick {
  value: number;
  y: number;
  label: string;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * A UTC time scale over the dates: positions follow true time distance, so sparse, irregular
 * publications are not drawn as if evenly spaced. A single date gets a month either side so it
 * sits in the middle rather than on an edge.
 */
export function timeScale(
  dates: readonly Date[],
  range: [number, number],
): ScaleTime<number, number> {
  const [lo, hi] = extent(dates, (d) => d.getTime());
  if (lo === undefined || hi === undefined) {
    return scaleUtc().range(range);
  }
  const pad = lo === hi ? 31 * DAY_MS : 0;
  return scaleUtc()
    .domain([new Date(lo - pad), new Date(hi + pad)])
    .range(range);
}

/**
 * A linear scale starting at 0: these are stocks and rates, and a truncated axis would
 * exaggerate progress. The top is rounded up to a nice tick.
 */
export function valueScale(
  values: readonly number[],
  range: [number, number],
): ScaleLinear<number, number> {
  const top = max(values) ?? 0;
  const bottom = Math.min(0, min(values) ?? 0);
  return scaleLinear()
    .domain([bottom, top > bottom ? top : bottom + 1])
    .range(range)
    .nice();
}

/** About one time label per 90 px keeps French month labels ("sept. 2021") from colliding. */
export function timeTickCount(innerWidth: number): number {
  return Math.max(2, Math.floor(innerWidth / 90));
}

const tickFormats = new Map<string, Intl.DateTimeFormat>();
function tickFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = tickFormats.get(key);
  if (!f)
    tickFormats.set(
      key,
      (f = new Intl.DateTimeFormat(locale(lang), { ...options, timeZone: 'UTC' })),
    );
  return f;
}

/**
 * Label of a time tick, as short as the tick's granularity allows: a year boundary reads
 * "2022", a month "sept.", a day "15 sept.". The first tick always carries its year, so the
 * axis is never ambiguous about which year it shows.
 */
export function timeTickLabel(date: Date, isFirst: boolean, lang: Lang): string {
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  if (month === 0 && day === 1) return tickFormat(lang, { year: 'numeric' }).format(date);
  if (day === 1) {
    return tickFormat(
      lang,
      isFirst ? { month: 'short', year: 'numeric' } : { month: 'short' },
    ).format(date);
  }
  return tickFormat(
    lang,
    isFirst
      ? { day: 'numeric', month: 'short', year: 'numeric' }
      : { day: 'numeric', month: 'short' },
  ).format(date);
}

export function timeTicks(scale: ScaleTime<number, number>, count: number, lang: Lang): TimeTick[] {
  return scale.ticks(count).map((date, i) => ({
    date,
    x: scale(date),
    label: timeTickLabel(date, i === 0, lang),
  }));
}

export function valueTicks(
  scale: ScaleLinear<number, number>,
  count: number,
  unit: Unit,
  lang: Lang,
): ValueTick[] {
  return scale.ticks(count).map((value) => ({
    value,
    y: scale(value),
    label: formatValue(value, unit, lang, { compact: true }),
  }));
}

export type MarkShape =
  | { kind: 'circle'; r: number; filled: boolean }
  | { kind: 'triangle'; direction: 'up' | 'down'; d: string };

function triangle(size: number, direction: 'up' | 'down'): string {
  // Equilateral, centred on its centroid so it sits on the data point like a circle does.
  const h = (size * Math.sqrt(3)) / 2;
  const s = direction === 'up' ? 1 : -1;
  const apex = ((-2 * h) / 3) * s;
  const base = (h / 3) * s;
  const half = size / 2;
  const r = (n: number) => Math.round(n * 100) / 100;
  return `M0,${r(apex)}L${r(half)},${r(base)}L${r(-half)},${r(base)}Z`;
}

/**
 * How a qualifier looks, so exact, approximate and bounded figures differ without relying on
 * colour: exact = filled circle, about = hollow circle, more than = triangle pointing up (the
 * true value is above), less than = triangle pointing down.
 */
export function qualifierMark(q: Qualifier, size = 10): MarkShape {
  switch (q) {
    case '=':
      return { kind: 'circle', r: size / 2, filled: true };
    case '~':
      return { kind: 'circle', r: size / 2 - 0.5, filled: false };
    case '>':
      return { kind: 'triangle', direction: 'up', d: triangle(size * 1.3, 'up') };
    case '<':
      return { kind: 'triangle', direction: 'down', d: triangle(size * 1.3, 'down') };
  }
}

/** Straight segments between published points: no curve that would invent values in between. */
export function connectorPath(points: readonly { x: number; y: number }[]): string {
  if (points.length < 2) return '';
  return (
    line<{ x: number; y: number }>()
      .x((p) => p.x)
      .y((p) => p.y)(points) ?? ''
  );
}

export interface ChartSeriesInput {
  key: string;
  label: string;
  points: readonly SeriesPoint[];
}

export interface PlottedPoint {
  point: SeriesPoint;
  x: number;
  y: number;
}

export interface PlottedSeries {
  key: string;
  label: string;
  colour: string;
  points: PlottedPoint[];
  connector: string;
}

export interface TimeChartLayout {
  width: number;
  height: number;
  margin: Margin;
  xTicks: TimeTick[];
  yTicks: ValueTick[];
  series: PlottedSeries[];
  /** Qualifiers present in the data, in legend order. */
  qualifiers: Qualifier[];
  /** Earliest and latest points (for summaries). */
  first?: SeriesPoint;
  last?: SeriesPoint;
  pointCount: number;
}

const QUALIFIER_ORDER: readonly Qualifier[] = ['=', '~', '>', '<'];
/** Room kept inside the plot so marks on the first and last dates are not cut in half. */
const INNER_PAD = 10;
const Y_TICKS = 5;

export function layoutTimeChart(opts: {
  series: readonly ChartSeriesInput[];
  width: number;
  height: number;
  unit: Unit;
  lang: Lang;
}): TimeChartLayout {
  const { width, height, unit, lang } = opts;
  const sorted = opts.series.map((s) => ({
    ...s,
    points: [...s.points].sort((a, b) => a.date.getTime() - b.date.getTime()),
  }));
  const all = sorted.flatMap((s) => s.points);

  const top = 12;
  const bottom = 28;
  const right = 16;
  const plotBottom = height - bottom;
  const y = valueScale(
    all.map((p) => p.value),
    [plotBottom, top],
  );
  const yTicks = valueTicks(y, Y_TICKS, unit, lang);
  // Labels are right-aligned against the axis: leave room for the longest (about 7 px a glyph).
  const left = Math.max(36, ...yTicks.map((t) => t.label.length * 7 + 10));
  const margin: Margin = { top, right, bottom, left };

  const x = timeScale(
    all.map((p) => p.date),
    [left + INNER_PAD, width - right - INNER_PAD],
  );
  const xTicks = all.length ? timeTicks(x, timeTickCount(width - left - right), lang) : [];

  const series = sorted.map((s, i) => {
    const points = s.points.map((point) => ({ point, x: x(point.date), y: y(point.value) }));
    return {
      key: s.key,
      label: s.label,
      colour: seriesColour(i),
      points,
      connector: connectorPath(points),
    };
  });

  const present = new Set(all.map((p) => p.qualifier));
  const byDate = [...all].sort((a, b) => a.date.getTime() - b.date.getTime());
  return {
    width,
    height,
    margin,
    xTicks,
    yTicks,
    series,
    qualifiers: QUALIFIER_ORDER.filter((q) => present.has(q)),
    first: byDate[0],
    last: byDate[byDate.length - 1],
    pointCount: all.length,
  };
}
