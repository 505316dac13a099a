/**
 * Regional figures (DESIGN §4, model): the latest value of each region as of a date, department
 * figures rolled up to their region, counts per 100 inhabitants, and a ranking against France.
 * Pure: the map, the ranking and the region page only draw what these functions return.
 */
import type { Observation, Precision, Qualifier } from './observation';
import { departementByCode, departements, regions } from './geography';
import { indicatorById } from './indicators';
import { monthsBetween, periodDate, periodEnd } from './period';
import {
  activationRate,
  latestAsOf,
  series,
  ACTIVATED_INDICATOR,
  OPEN_INDICATOR,
  RATE_INDICATOR,
  type SeriesPoint,
} from './series';
import populationData from './population.json';

/** What the map and the ranking can show, in menu order. */
export const MAP_INDICATORS = [RATE_INDICATOR, ACTIVATED_INDICATOR, OPEN_INDICATOR] as const;
export type MapIndicator = (typeof MAP_INDICATORS)[number];

export function isMapIndicator(id: string | undefined): id is MapIndicator {
  return (MAP_INDICATORS as readonly string[]).includes(id ?? '');
}

/**
 * Counts that add up across places (the catalogue's or a user's indicator says so) can be shown
 * per 100 inhabitants, and a region's total compares with the nation's only that way; a rate, a
 * share, a rank or a figure already per inhabitant cannot. An indicator nobody describes is
 * taken as a count.
 */
export function isCount(indicator: string): boolean {
  const known = indicatorById.get(indicator);
  return known ? known.valueType === 'count' && known.aggregation === 'sum' : true;
}

const DAY_MS = 24 * 3600 * 1000;

export const population = populationData as {
  source: string;
  sourceUrl: string;
  note: string;
  total: number;
  regions: Record<string, number>;
  departements: Record<string, number>;
};

/** Inhabitants of `FR`, `REG-<code>` or `DEP-<code>` (INSEE legal populations). */
export function populationOf(geo: string): number | undefined {
  if (geo === 'FR') return population.total;
  if (geo.startsWith('REG-')) return population.regions[geo.slice(4)];
  if (geo.startsWith('DEP-')) return population.departements[geo.slice(4)];
  return undefined;
}

/**
 * The qualifier of a sum: exact parts keep it exact, lower bounds add up to a lower bound (and
 * upper to upper); any approximate part, or bounds pulling opposite ways, leave only "about".
 */
export function sumQualifier(qualifiers: readonly Qualifier[]): Qualifier {
  const parts = qualifiers.filter((q) => q !== '=');
  if (parts.length === 0) return '=';
  if (parts.includes('~')) return '~';
  return parts.every((q) => q === parts[0]) ? parts[0]! : '~';
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

/**
 * A region's figure summed from its departments, for each period at which every department of the
 * region published one (the same period string). A period where any department is missing gives
 * nothing: a partial sum would pass for the region's total. Only counts roll up (see `placeSeries`
 * for rates).
 */
export function rollUpDepartments(
  observations: readonly Observation[],
  indicator: string,
  regionCode: string,
): SeriesPoint[] {
  const members = departements.filter((d) => d.region === regionCode).map((d) => `DEP-${d.code}`);
  if (members.length === 0) return [];
  const memberSet = new Set(members);
  const byPeriod = new Map<string, Map<string, Observation>>();
  for (const o of observations) {
    if (o.indicator !== indicator || o.breakdown !== '' || !memberSet.has(o.geo)) continue;
    let atPeriod = byPeriod.get(o.period);
    if (!atPeriod) byPeriod.set(o.period, (atPeriod = new Map()));
    // Two figures for one department and period: keep the first, as series() would show both.
    if (!atPeriod.has(o.geo)) atPeriod.set(o.geo, o);
  }
  const out: SeriesPoint[] = [];
  for (const [period, atPeriod] of byPeriod) {
    if (atPeriod.size !== members.length) continue;
    const parts = members.map((m) => atPeriod.get(m)!);
    const urls = distinct(parts.map((p) => p.sourceUrl));
    const labels = distinct(parts.map((p) => p.sourceLabel));
    out.push({
      indicator,
      breakdown: '',
      geo: `REG-${regionCode}`,
      period,
      precision: parts[0]!.precision,
      value: parts.reduce((sum, p) => sum + p.value, 0),
      qualifier: sumQualifier(parts.map((p) => p.qualifier)),
      sourceUrl: urls[0] ?? '',
      sourceLabel: labels.join(' ; '),
      note: '',
      feed: parts[0]!.feed,
      date: periodDate(period),
      derivedFrom: parts,
    });
  }
  return out.sort((a, b) => a.date.getTime() - b.date.getTime());
}

/**
 * An indicator's series at `FR` or `REG-<code>`: published figures first; for a region, department
 * sums fill the periods the region itself did not publish. The activation rate is published rates
 * plus activated / open recomputed from counts of the same period (published or rolled up): rates
 * of departments are never averaged.
 */
export function placeSeries(
  observations: readonly Observation[],
  indicator: string,
  geo: string,
): SeriesPoint[] {
  const regionCode = geo.startsWith('REG-') ? geo.slice(4) : undefined;
  const withRollUp = (id: string): SeriesPoint[] => {
    const direct = series(observations, { indicator: id, geo });
    // Only counts add up: the departments' shares or ranks say nothing of their region's.
    if (!regionCode || !isCount(id)) return direct;
    const published = new Set(direct.map((p) => p.period));
    const rolled = rollUpDepartments(observations, id, regionCode).filter(
      (p) => !published.has(p.period),
    );
    return [...direct, ...rolled].sort((a, b) => a.date.getTime() - b.date.getTime());
  };
  if (indicator !== RATE_INDICATOR) return withRollUp(indicator);
  const counts = [...withRollUp(OPEN_INDICATOR), ...withRollUp(ACTIVATED_INDICATOR)];
  const rates = series(observations, { indicator: RATE_INDICATOR, geo });
  return activationRate([...counts, ...rates], geo);
}

/**
 * A count per 100 inhabitants of its place, or undefined without a population. The result lists
 * the published figure it came from, so tooltips and tables show the input.
 */
export function perHundred(point: SeriesPoint): SeriesPoint | undefined {
  const inhabitants = populationOf(point.geo);
  if (!inhabitants) return undefined;
  return { ...point, value: (point.value / inhabitants) * 100, derivedFrom: [point] };
}

/** A series as the view asks for it: raw, or per 100 inhabitants for counts. */
export function displaySeries(
  observations: readonly Observation[],
  indicator: string,
  geo: string,
  perCapita: boolean,
): SeriesPoint[] {
  const points = placeSeries(observations, indicator, geo);
  if (!perCapita || !isCount(indicator)) return points;
  return points.map(perHundred).filter((p): p is SeriesPoint => p !== undefined);
}

export interface AsOfValue {
  point: SeriesPoint;
  /** Whole days between the end of the figure's period and the as-of date (0 or more). */
  ageDays: number;
}

/** The latest figure whose period ended at or before `date`, with how old it is then. */
export function asOf(points: readonly SeriesPoint[], date: Date): AsOfValue | undefined {
  const point = latestAsOf(points, date);
  if (!point) return undefined;
  const ageDays = Math.max(
    0,
    Math.floor((date.getTime() - periodEnd(point.period, point.precision).getTime()) / DAY_MS),
  );
  return { point, ageDays };
}

export type AgeUnit = 'day' | 'month' | 'year';

/**
 * How old a value is, in the unit a reader would say: days under a month, months under two years,
 * then years. Inputs of "valeur de il y a 3 mois" wording.
 */
export function valueAge(ageDays: number): { amount: number; unit: AgeUnit } {
  if (ageDays < 31) return { amount: ageDays, unit: 'day' };
  if (ageDays < 730) return { amount: Math.max(1, Math.round(ageDays / 30.44)), unit: 'month' };
  return { amount: Math.round(ageDays / 365.25), unit: 'year' };
}

export interface RegionValue {
  code: string;
  value?: AsOfValue;
}

/** Every region's series of one indicator: computed once per data and indicator choice. */
export function regionSeries(
  observations: readonly Observation[],
  indicator: string,
  perCapita: boolean,
): Map<string, SeriesPoint[]> {
  // One pass sorts the figures by region (its own and its departments'): each region's series is
  // then computed from its own few figures instead of scanning every figure several times.
  const byRegion = new Map<string, Observation[]>(regions.map((r) => [r.code, []]));
  for (const o of observations) {
    const code = o.geo.startsWith('REG-')
      ? o.geo.slice(4)
      : o.geo.startsWith('DEP-')
        ? departementByCode.get(o.geo.slice(4))?.region
        : undefined;
    if (code !== undefined) byRegion.get(code)?.push(o);
  }
  return new Map(
    regions.map((r) => [
      r.code,
      displaySeries(byRegion.get(r.code)!, indicator, `REG-${r.code}`, perCapita),
    ]),
  );
}

/** Each of the 18 regions with its latest value as of `date` (none when it has no figure yet). */
export function regionValuesAsOf(
  byRegion: ReadonlyMap<string, readonly SeriesPoint[]>,
  date: Date,
): RegionValue[] {
  return regions.map((r) => {
    const points = byRegion.get(r.code);
    return { code: r.code, value: points ? asOf(points, date) : undefined };
  });
}

export interface RankedRegion {
  code: string;
  value: AsOfValue;
  /** 1 for the highest; equal values share a rank. */
  rank: number;
  /** Value minus the national reference, when there is one. */
  difference?: number;
  /** Calendar months between this figure and the national one (0 or more), when dated. */
  monthsFromNational?: number;
}

/** Figures further apart than this are not of the same moment: the page says so. */
export const COMPARABLE_MONTHS = 3;

/**
 * Regions with a value, highest first, compared with the national value when given; with the
 * national figure's period, how far apart in time each comparison is.
 */
export function rankRegions(
  values: readonly RegionValue[],
  national?: number,
  nationalPeriod?: { period: string; precision: Precision },
): RankedRegion[] {
  const nationalEnd = nationalPeriod && periodEnd(nationalPeriod.period, nationalPeriod.precision);
  const withValue = values.filter((v): v is Required<RegionValue> => v.value !== undefined);
  withValue.sort(
    (a, b) => b.value.point.value - a.value.point.value || a.code.localeCompare(b.code),
  );
  let rank = 0;
  let previous: number | undefined;
  return withValue.map((v, i) => {
    if (v.value.point.value !== previous) rank = i + 1;
    previous = v.value.point.value;
    return {
      code: v.code,
      value: v.value,
      rank,
      difference: national === undefined ? undefined : v.value.point.value - national,
      ...(nationalEnd
        ? {
            monthsFromNational: Math.abs(
              monthsBetween(nationalEnd, periodEnd(v.value.point.period, v.value.point.precision)),
            ),
          }
        : {}),
    };
  });
}

/** `YYYY-MM` of a date (UTC). */
export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/**
 * The months a date control steps through: from the first month with a regional figure to the
 * month of `today` (so "today" shows how old the latest figures are). Empty without figures.
 */
export function monthSteps(points: readonly { period: string }[], today: Date): string[] {
  let first: string | undefined;
  for (const p of points) {
    const m = monthOf(periodDate(p.period));
    if (first === undefined || m < first) first = m;
  }
  if (!first) return [];
  const last = monthOf(today);
  const steps: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const step = `${y}-${String(m).padStart(2, '0')}`;
    if (step > last) break;
    steps.push(step);
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return steps;
}

/** The as-of day of a month step: its last day, or `today` within the current month. */
export function stepDay(month: string, today: Date): string {
  const end = periodEnd(month);
  return (end.getTime() > today.getTime() ? today : end).toISOString().slice(0, 10);
}
