/**
 * Pure geometry of the small multiples (RegionSmallMultiples): the scales and ticks every panel
 * shares. Apart from chartScales.ts so the first screen's charts do not carry it.
 */
import type { Lang, Unit } from '../lib/format';
import {
  timeScale,
  timeTicks,
  valueScale,
  valueTicks,
  type TimeTick,
  type ValueTick,
} from './chartScales';
import type { ChartSeriesInput, Margin, PlottedPoint } from './timeChartLayout';

export interface PanelsLayout {
  width: number;
  height: number;
  margin: Margin;
  xTicks: TimeTick[];
  yTicks: ValueTick[];
  panels: { key: string; label: string; points: PlottedPoint[] }[];
}

/**
 * Small multiples: every panel drawn at the same small size on the same time and value scales,
 * so heights and positions compare across panels.
 */
export function layoutPanels(opts: {
  panels: readonly ChartSeriesInput[];
  unit: Unit;
  lang: Lang;
}): PanelsLayout {
  const { unit, lang } = opts;
  const width = 260;
  const height = 150;
  const margin: Margin = { top: 10, right: 12, bottom: 22, left: 52 };
  const all = opts.panels.flatMap((p) => p.points);
  const x = timeScale(
    all.map((p) => p.date),
    [margin.left + 6, width - margin.right - 6],
  );
  const y = valueScale(
    all.map((p) => p.value),
    [height - margin.bottom, margin.top],
  );
  return {
    width,
    height,
    margin,
    xTicks: all.length ? timeTicks(x, 2, lang) : [],
    yTicks: valueTicks(y, 3, unit, lang),
    panels: opts.panels.map((p) => ({
      key: p.key,
      label: p.label,
      points: p.points.map((point) => ({ point, x: x(point.date), y: y(point.value) })),
    })),
  };
}
