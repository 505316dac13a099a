/**
 * Pure geometry of the time chart: where every tick, point and connecting line goes for a size,
 * computed here; the Svelte component only draws what this returns.
 */
import type { Qualifier } from '../model/observation';
import type { SeriesPoint } from '../model/series';
import type { Lang, Unit } from '../lib/format';
import {
  timeScale,
  timeTickCount,
  timeTicks,
  valueScale,
  valueTicks,
  type TimeTick,
  type ValueTick,
} from './chartScales';
import { connectorPath } from './markShapes';
import { colourOf } from './palette';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
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
