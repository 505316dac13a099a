/**
 * What a region's page (#/regions/<code>) shows, derived from observations: the region against
 * France for each map indicator, its departments on a map, every figure with its source, and the
 * small multiples of compared regions. Pure, so it is tested without a DOM; the indicator rules
 * (which are offered, their unit, per capita) are #/regions' (regionsView.ts).
 */
import type { ChartSpec } from '../../charts/chartSpec';
import type { Observation } from '../../model/observation';
import type { Lang } from '../../lib/format';
import { translate } from '../../lib/i18n.svelte';
import '../../lib/messages/regions';
import { departements } from '../../model/geography';
import { periodDate } from '../../model/period';
import {
  asOf,
  displaySeries,
  isCount,
  MAP_INDICATORS,
  placeSeries,
  type RegionValue,
} from '../../model/regional';
import type { SeriesPoint } from '../../model/series';
import { indicatorLabel, indicatorUnit } from './regionsView';

/** The ids of the region-against-France charts (embeddable.ts lists them). */
export const VS_FRANCE_CHART: Readonly<Record<(typeof MAP_INDICATORS)[number], string>> = {
  mes_activation_rate: 'region-rate',
  mes_profiles_activated: 'region-activated',
  mes_profiles_open: 'region-open',
};

/** Per 100 inhabitants where asked and the indicator is a count that adds up. */
export const perCapitaFor = (indicator: string, asked: boolean): boolean =>
  asked && isCount(indicator);

/** The region against France, one chart per map indicator. */
export function vsFranceCharts(
  observations: readonly Observation[],
  region: { code: string; name: string },
  perCapitaAsked: boolean,
  lang: Lang,
): ChartSpec[] {
  const geo = `REG-${region.code}`;
  return MAP_INDICATORS.map((id) => {
    const perCapita = perCapitaFor(id, perCapitaAsked);
    return {
      id: VS_FRANCE_CHART[id],
      title: translate(lang, 'regions.vsFrance', {
        indicator: indicatorLabel(id, lang),
        name: region.name,
      }),
      description: translate(lang, 'regions.vsFranceDescription'),
      unit: indicatorUnit(id),
      series: [
        { key: geo, label: region.name, points: displaySeries(observations, id, geo, perCapita) },
        {
          key: 'FR',
          label: 'France',
          points: displaySeries(observations, id, 'FR', perCapita),
        },
      ],
    };
  });
}

/** The region's departments with their series of one indicator, and what the colours span. */
export interface DepartmentsView {
  /** Whether any department has a figure of an offered indicator. */
  hasFigures: boolean;
  series: Map<string, SeriesPoint[]>;
  scaleValues: number[];
}

export function departmentsView(
  observations: readonly Observation[],
  regionCode: string,
  offered: readonly string[],
  indicator: string,
  perCapitaAsked: boolean,
): DepartmentsView {
  const codes = departements.filter((d) => d.region === regionCode).map((d) => d.code);
  const geos = new Set(codes.map((c) => `DEP-${c}`));
  const shown = new Set(offered);
  const figures = observations.filter((o) => geos.has(o.geo) && shown.has(o.indicator));
  const perCapita = perCapitaFor(indicator, perCapitaAsked);
  const series = new Map(
    codes.map((c) => [c, displaySeries(figures, indicator, `DEP-${c}`, perCapita)]),
  );
  return {
    hasFigures: figures.length > 0,
    series,
    scaleValues: [...series.values()].flat().map((p) => p.value),
  };
}

/** Each department's latest value as of `date`. */
export function departmentValues(view: DepartmentsView, date: Date): RegionValue[] {
  return [...view.series].map(([code, points]) => ({ code, value: asOf(points, date) }));
}

export interface FigureRow {
  point: SeriesPoint;
  /** Computed here (a rate from counts, a sum of departments), not published. */
  computed: boolean;
}

/** Every figure of the region and its departments, published or computed, by date. */
export function regionFigures(
  observations: readonly Observation[],
  regionCode: string,
): FigureRow[] {
  const geo = `REG-${regionCode}`;
  const members = new Set(
    departements.filter((d) => d.region === regionCode).map((d) => `DEP-${d.code}`),
  );
  const published = observations
    .filter((o) => o.geo === geo || members.has(o.geo))
    .map((o) => ({ point: { ...o, date: periodDate(o.period) }, computed: false }));
  const computed = MAP_INDICATORS.flatMap((id) =>
    placeSeries(observations, id, geo)
      .filter((p) => p.derivedFrom)
      .map((point) => ({ point, computed: true })),
  );
  return [...published, ...computed].sort(
    (a, b) =>
      a.point.date.getTime() - b.point.date.getTime() ||
      a.point.geo.localeCompare(b.point.geo) ||
      a.point.indicator.localeCompare(b.point.indicator),
  );
}

/** One panel per region (this one first, then the compared ones), on one indicator. */
export function comparePanels(
  observations: readonly Observation[],
  codes: readonly string[],
  indicator: string,
  perCapitaAsked: boolean,
  nameOf: (code: string) => string,
): { key: string; label: string; points: SeriesPoint[] }[] {
  const perCapita = perCapitaFor(indicator, perCapitaAsked);
  return codes.map((c) => ({
    key: `REG-${c}`,
    label: nameOf(c),
    points: displaySeries(observations, indicator, `REG-${c}`, perCapita),
  }));
}
