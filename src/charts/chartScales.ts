/**
 * The charts' scales and their ticks: a value or a date to a pixel position. The time chart's
 * layout is in timeChartLayout.ts, the marks' shapes in markShapes.ts.
 *
 * The overview's charts are on the first paint, so this module keeps to d3's small pieces (tick
 * and nice steps from d3-array, UTC calendar ticks from d3-time) rather than d3-scale, which brings
 * d3-interpolate, d3-color, d3-format and d3-time-format with it (about 20 KB gzip). The two
 * scales below are plain linear maps: the same positions, ticks and nice domains as d3-scale's
 * `scaleLinear().nice()` and `scaleUtc()`.
 */
import { extent, max, min, nice, ticks } from 'd3-array';
import { utcTicks } from 'd3-time';
import { formatDate, formatValue, type Lang, type Unit } from '../lib/format';

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
