/**
 * Pure geometry of the time chart: scales, ticks and paths are computed here; the Svelte
 * components only draw what this returns.
 *
 * The overview's charts are on the first paint, so this module keeps to d3's small pieces (tick
 * and nice steps from d3-array, UTC calendar ticks from d3-time) rather than d3-scale, which brings
 * d3-interpolate, d3-color, d3-format and d3-time-format with it (about 20 KB gzip). The two
 * scales below are plain linear maps: the same positions, ticks and nice domains as d3-scale's
 * `scaleLinear().nice()` and `scaleUtc()`.
 */
import { extent, max, min, nice, ticks } from 'd3-array';
import { utcTicks } from 'd3-time';
import type { Qualifier } from '../model/observation';
import type { SeriesPoint } from '../model/series';
import { formatDate, formatValue, type Lang, type Unit } from '../lib/format';
import { colourOf } from './palette';

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

/** A linear map of a value domain onto a pixel range. */
export interface LinearScale {
  (value: number): number;
  domain(): [number, number];
  range(): [number, number];
  ticks(count?: number): number[];
}

/** A linear map of a UTC time domain onto a pixel range. */
export interface TimeScale {
  (date: Date): number;
  domain(): [Date, Date];
  range(): [number, number];
  ticks(count?: number): Date[];
}

function linearMap(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0;
  // A one-value domain maps to the middle of the range (as d3-scale does).
  if (span === 0 || !Number.isFinite(span)) return () => (r0 + r1) / 2;
  // d3-scale's arithmetic exactly (normalise, then interpolate), so ends land on the range ends.
  return (v) => {
    const t = (v - d0) / span;
    return r0 * (1 - t) + r1 * t;
  };
}

function linearScale(domain: [number, number], range: [number, number]): LinearScale {
  const map = linearMap(domain[0], domain[1], range[0], range[1]);
  const scale = ((v: number) => map(v)) as LinearScale;
  scale.domain = () => [domain[0], domain[1]];
  scale.range = () => [range[0], range[1]];
  scale.ticks = (count = 10) => ticks(domain[0], domain[1], count);
  return scale;
}

function utcScale(domain: [Date, Date], range: [number, number]): TimeScale {
  const [t0, t1] = [domain[0].getTime(), domain[1].getTime()];
  const map = linearMap(t0, t1, range[0], range[1]);
  const scale = ((d: Date) => map(d.getTime())) as TimeScale;
  scale.domain = () => [new Date(t0), new Date(t1)];
  scale.range = () => [range[0], range[1]];
  scale.ticks = (count = 10) => utcTicks(new Date(t0), new Date(t1), count);
  return scale;
}

/**
 * A UTC time scale over the dates: positions follow true time distance, so sparse, irregular
 * publications are not drawn as if evenly spaced. A single date gets a month either side so it
 * sits in the middle rather than on an edge.
 */
export function timeScale(dates: readonly Date[], range: [number, number]): TimeScale {
  const [lo, hi] = extent(dates, (d) => d.getTime());
  if (lo === undefined || hi === undefined) {
    // d3-scale's default time domain: nothing is drawn on it.
    return utcScale([new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2000, 0, 2))], range);
  }
  const pad = lo === hi ? 31 * DAY_MS : 0;
  return utcScale([new Date(lo - pad), new Date(hi + pad)], range);
}

/**
 * A linear scale starting at 0: these are stocks and rates, and a truncated axis would
 * exaggerate progress. The top is rounded up to a nice tick.
 */
export function valueScale(values: readonly number[], range: [number, number]): LinearScale {
  const top = max(values) ?? 0;
  const bottom = Math.min(0, min(values) ?? 0);
  // d3-scale's nice() with its default of ten ticks.
  const [lo, hi] = nice(bottom, top > bottom ? top : bottom + 1, 10);
  return linearScale([lo, hi], range);
}

/** About one time label per 90 px keeps French month labels ("sept. 2021") from colliding. */
export function timeTickCount(innerWidth: number): number {
  return Math.max(2, Math.floor(innerWidth / 90));
}

/**
 * Label of a time tick, as short as the tick's granularity allows: a year boundary reads
 * "2022", a month "sept.", a day "15 sept.". The first tick always carries its year, so the
 * axis is never ambiguous about which year it shows.
 */
export function timeTickLabel(date: Date, isFirst: boolean, lang: Lang): string {
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  if (month === 0 && day === 1) return formatDate(date, 'axisYear', lang);
  if (day === 1) return formatDate(date, isFirst ? 'month' : 'axisMonth', lang);
  return formatDate(date, isFirst ? 'axisDayYear' : 'axisDay', lang);
}

export function timeTicks(scale: TimeScale, count: number, lang: Lang): TimeTick[] {
  return scale.ticks(count).map((date, i) => ({
    date,
    x: scale(date),
    label: timeTickLabel(date, i === 0, lang),
  }));
}

export function valueTicks(scale: LinearScale, count: number, unit: Unit, lang: Lang): ValueTick[] {
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
  // What d3-shape's line() writes for straight segments: "M0,10L5,0L9,4".
  return points.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join('');
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
      colour: colourOf(s.key, i),
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
