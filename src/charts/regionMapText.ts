/**
 * Words and colours of the region map and ranking: accessible names ("Bretagne : 15 % le
 * 20 déc. 2023"), ages, the colour classes and their legend. Pure, so they are tested without a DOM.
 */
import '../lib/messages/regions';
import { scaleQuantize, type ScaleQuantize } from 'd3-scale';
import {
  formatDuration,
  formatPeriodPhrase,
  formatQualified,
  formatValue,
  type Lang,
  type Unit,
} from '../lib/format';
import { translate } from '../lib/i18n.svelte';
import { valueAge, type AsOfValue } from '../model/regional';
import type { SeriesPoint } from '../model/series';

/**
 * Five sequential blues (ColorBrewer "Blues", colour-blind safe). Shapes always carry a dark
 * outline, so the lightest class stays visible on white; "no data" is a hatch, never a colour.
 */
export const MAP_COLOURS = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;
export const MAP_OUTLINE = '#4d4d4d';
export const NO_DATA_HATCH = '#767676';

/** A value as read, with its unit words for per-capita figures ("8,9 pour 100 habitants"). */
export function valueText(point: SeriesPoint, unit: Unit, lang: Lang, suffix = ''): string {
  const figure = formatQualified(point.value, point.qualifier, unit, lang);
  return suffix ? `${figure} ${suffix}` : figure;
}

/** "Bretagne : 15 % le 20 déc. 2023", "… en oct. 2022", or "Bretagne : pas de données". */
export function placeLabel(
  name: string,
  value: AsOfValue | undefined,
  unit: Unit,
  lang: Lang,
  suffix = '',
): string {
  if (!value) return translate(lang, 'regions.noDataName', { name });
  const { point } = value;
  // « le 20 déc. 2023 », « en oct. 2022 », « en 2024 »: never « au oct. ».
  return translate(lang, 'regions.valueWhen', {
    name,
    value: valueText(point, unit, lang, suffix),
    when: formatPeriodPhrase(point.period, point.precision, lang),
  });
}

/** "3 mois", "1 an", "12 jours". */
export function ageWords(ageDays: number, lang: Lang): string {
  const { amount, unit } = valueAge(ageDays);
  return formatDuration(amount, unit, lang);
}

/** The tooltip line saying how old a value is at the chosen date. */
export function ageLine(ageDays: number, lang: Lang): string {
  return ageDays === 0
    ? translate(lang, 'regions.ageSameDay')
    : translate(lang, 'regions.age', { age: ageWords(ageDays, lang) });
}

/**
 * Colour classes over [0, max] of every value the map can show for this indicator (all dates),
 * so colours keep their meaning while the date moves.
 */
export function mapColourScale(values: readonly number[]): ScaleQuantize<string> {
  const top = Math.max(0, ...values);
  return scaleQuantize<string>()
    .domain([0, top > 0 ? top : 1])
    .nice(MAP_COLOURS.length)
    .range([...MAP_COLOURS]);
}

export interface LegendBin {
  colour: string;
  label: string;
}

export function legendBins(scale: ScaleQuantize<string>, unit: Unit, lang: Lang): LegendBin[] {
  return scale.range().map((colour) => {
    const [lo, hi] = scale.invertExtent(colour);
    const f = (n: number) => formatValue(n, unit, lang, { compact: unit === 'count' && n >= 1e4 });
    return { colour, label: `${f(lo)} – ${f(hi)}` };
  });
}
