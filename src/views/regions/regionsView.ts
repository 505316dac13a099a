/**
 * What #/regions shows, derived from observations in stages: per data (the regional figures, the
 * indicators they offer), per indicator (every region's series), per date (the values, the
 * national reference, the ranking). Pure, so it is tested without a DOM; each stage is computed
 * again only when its own inputs change, so a step of the date slider only looks values up.
 *
 * The rules shared with a region's page (which indicators are offered, their unit, whether a
 * value can be per 100 inhabitants) live here too.
 */
import type { Observation } from '../../model/observation';
import type { Lang, Unit } from '../../lib/format';
import { catalogueIndicators, indicatorById, indicators } from '../../model/indicators';
import {
  asOf,
  displaySeries,
  isCount,
  MAP_INDICATORS,
  monthOf,
  rankRegions,
  regionSeries,
  regionValuesAsOf,
  stepDay,
  type AsOfValue,
  type RankedRegion,
  type RegionValue,
} from '../../model/regional';
import { RATE_INDICATOR, type SeriesPoint } from '../../model/series';

/** A figure of a region or a department: groups of departments (the 2021 pilots) are no place. */
export function isRegionalFigure(o: Pick<Observation, 'geo'>): boolean {
  return !o.geo.includes('+') && (o.geo.startsWith('REG-') || o.geo.startsWith('DEP-'));
}

/** How an indicator's values read: a percentage, or a number. */
export function indicatorUnit(id: string): Unit {
  return indicatorById.get(id)?.valueType === 'percent' ? 'percent' : 'count';
}

export function indicatorLabel(id: string, lang: Lang): string {
  return indicatorById.get(id)?.label[lang] ?? id;
}

/**
 * The indicators a regional view offers, in menu order: the activation rate and the profile
 * counts always (the rate is also computed from the counts); then every other indicator with a
 * figure for a region or a department at some date, the catalogue's in catalogue order, then the
 * user's in the order they were defined. A rank is left out: its colours and bars would read
 * backwards (the first is the smallest).
 */
export function offeredIndicators(regionalFigures: readonly Observation[]): string[] {
  const present = new Set(regionalFigures.map((o) => o.indicator));
  const more = (id: string) =>
    present.has(id) &&
    !(MAP_INDICATORS as readonly string[]).includes(id) &&
    indicatorById.get(id)?.valueType !== 'rank';
  const catalogue = catalogueIndicators.map((i) => i.id).filter(more);
  const user = indicators
    .filter((i) => i.domain === 'user')
    .map((i) => i.id)
    .filter(more);
  return [...MAP_INDICATORS, ...catalogue, ...user];
}

/** The indicator asked for by the address when it is offered, the activation rate otherwise. */
export function chosenIndicator(asked: string | undefined, offered: readonly string[]): string {
  return asked !== undefined && offered.includes(asked) ? asked : RATE_INDICATOR;
}

/** Per data: the regional figures, France's, and the indicators they offer. */
export interface RegionsData {
  regional: Observation[];
  national: Observation[];
  offered: string[];
}

export function regionsData(observations: readonly Observation[]): RegionsData {
  const regional = observations.filter(isRegionalFigure);
  const offered = offeredIndicators(regional);
  const shown = new Set(offered);
  return {
    regional: regional.filter((o) => shown.has(o.indicator)),
    // France's figures of the offered indicators, picked once per data: an indicator change then
    // reads these few rather than every figure.
    national: observations.filter((o) => o.geo === 'FR' && shown.has(o.indicator)),
    offered,
  };
}

/** Per data and indicator: every region's series and France's, and what the colours span. */
export interface IndicatorView {
  indicator: string;
  unit: Unit;
  perCapita: boolean;
  /** A region's value compares with the nation's: a rate, a share, or a count per inhabitant. */
  comparable: boolean;
  byRegion: Map<string, SeriesPoint[]>;
  national: SeriesPoint[];
  /** Every value the map can show across dates: fixes the colour classes. */
  scaleValues: number[];
  regionsWithData: number;
}

export function indicatorView(
  data: RegionsData,
  indicator: string,
  perCapitaAsked: boolean,
): IndicatorView {
  const perCapita = perCapitaAsked && isCount(indicator);
  const byRegion = regionSeries(data.regional, indicator, perCapita);
  return {
    indicator,
    unit: indicatorUnit(indicator),
    perCapita,
    comparable: !isCount(indicator) || perCapita,
    byRegion,
    national: displaySeries(data.national, indicator, 'FR', perCapita),
    scaleValues: [...byRegion.values()].flat().map((p) => p.value),
    regionsWithData: [...byRegion.values()].filter((p) => p.length > 0).length,
  };
}

/** The date control: the as-of date asked for (the latest step's by default) and its step. */
export interface DateView {
  date: Date;
  stepIndex: number;
}

/** `steps`: the control's months (monthSteps of the regional figures). */
export function dateView(
  steps: readonly string[],
  askedDay: string | undefined,
  today: Date,
): DateView {
  const day = askedDay ?? (steps.length ? stepDay(steps[steps.length - 1]!, today) : undefined);
  const date = day ? new Date(`${day}T00:00:00Z`) : today;
  const month = monthOf(date);
  const i = steps.indexOf(month);
  const stepIndex =
    i >= 0 ? i : steps.length && month < steps[0]! ? 0 : Math.max(0, steps.length - 1);
  return { date, stepIndex };
}

/** Per date: each region's value, France's, and the ranking against it. */
export interface AtDate {
  values: RegionValue[];
  /** France's figure at the date, when the regions' values compare with it. */
  reference?: AsOfValue;
  ranked: RankedRegion[];
  withValueNow: number;
}

export function atDate(view: IndicatorView, date: Date): AtDate {
  const values = regionValuesAsOf(view.byRegion, date);
  const nationalNow = asOf(view.national, date);
  const reference = view.comparable ? nationalNow : undefined;
  return {
    values,
    reference,
    ranked: rankRegions(values, reference?.point.value, nationalNow?.point),
    withValueNow: values.filter((v) => v.value).length,
  };
}
