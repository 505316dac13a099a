/**
 * Colours of the region map and ranking: the classes, the "no data" hatch and the legend. Like
 * chartScales.ts, this keeps to d3-array's nice steps rather than d3-scale (which brings
 * d3-interpolate, d3-color, d3-format and d3-time-format with it): the classes are those of
 * d3-scale's `scaleQuantize().nice()`.
 */
import { bisect, nice } from 'd3-array';
import { formatValue, type Lang, type Unit } from '../lib/format';

/**
 * Five sequential blues (ColorBrewer "Blues", colour-blind safe). Shapes always carry a dark
 * outline, so the lightest class stays visible on white; "no data" is a hatch, never a colour.
 */
export const MAP_COLOURS = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;
export const MAP_OUTLINE = '#4d4d4d';
export const NO_DATA_HATCH = '#767676';

/** Values cut into equal classes, each with its colour. */
export interface ColourScale {
  (value: number): string;
  domain(): [number, number];
  range(): string[];
  /** The values a colour stands for: [from, to]. */
  invertExtent(colour: string): [number, number];
}

/** Equal classes over [lo, hi], one per colour (d3-scale's scaleQuantize). */
function quantize(lo: number, hi: number, colours: readonly string[]): ColourScale {
  const n = colours.length - 1;
  const thresholds = Array.from({ length: n }, (_, i) => ((i + 1) * hi - (i - n) * lo) / (n + 1));
  const scale = ((value: number) => colours[bisect(thresholds, value, 0, n)]!) as ColourScale;
  scale.domain = () => [lo, hi];
  scale.range = () => [...colours];
  scale.invertExtent = (colour) => {
    const i = colours.indexOf(colour);
    if (i < 0) return [NaN, NaN];
    return [i < 1 ? lo : thresholds[i - 1]!, i >= n ? hi : thresholds[i]!];
  };
  return scale;
}

/**
 * Colour classes over [0, max] of every value the map can show for this indicator (all dates),
 * so colours keep their meaning while the date moves.
 */
export function mapColourScale(values: readonly number[]): ColourScale {
  const top = Math.max(0, ...values);
  const [lo, hi] = nice(0, top > 0 ? top : 1, MAP_COLOURS.length);
  return quantize(lo, hi, MAP_COLOURS);
}

export interface LegendBin {
  colour: string;
  label: string;
}

export function legendBins(scale: ColourScale, unit: Unit, lang: Lang): LegendBin[] {
  return scale.range().map((colour) => {
    const [lo, hi] = scale.invertExtent(colour);
    const f = (n: number) => formatValue(n, unit, lang, { compact: unit === 'count' && n >= 1e4 });
    return { colour, label: `${f(lo)} – ${f(hi)}` };
  });
}
