/** Pure derived series from observations (DESIGN §4, model). */
import type { Observation, Qualifier } from './observation';
import { periodDate, periodEnd } from './period';
import { reconcile } from './reconcile';
import { sourceKey } from './source';

/**
 * An observation placed on a time axis. Derived points (rates) list what they came from; a
 * disputed figure lists the other sources' values for the same period (`alternatives`).
 */
export type SeriesPoint = Observation & {
  date: Date;
  derivedFrom?: Observation[];
  alternatives?: Observation[];
  /** How a computed point was obtained, in the reader's words (shown where a note would be). */
  explanation?: string;
};

export interface SeriesQuery {
  indicator: string;
  geo: string;
  /** '' (default) selects the total, not any breakdown. */
  breakdown?: string;
}

/**
 * Observations of one indicator, place and breakdown, in time order. The same figure from
 * several sources is drawn once, chosen by the rule of `reconcile.ts`, the others attached.
 */
export function series(observations: readonly Observation[], q: SeriesQuery): SeriesPoint[] {
  const breakdown = q.breakdown ?? '';
  const selected = observations.filter(
    (o) => o.indicator === q.indicator && o.geo === q.geo && o.breakdown === breakdown,
  );
  return reconcile(selected)
    .map(({ point, alternatives }): SeriesPoint => {
      const p: SeriesPoint = { ...point, date: periodDate(point.period) };
      if (alternatives.length) p.alternatives = alternatives;
      return p;
    })
    .sort((a, b) => a.date.getTime() - b.date.getTime() || a.period.localeCompare(b.period));
}

/** Distinct breakdown values of an indicator at a place, total ('') excluded. */
export function breakdownsOf(
  observations: readonly Observation[],
  indicator: string,
  geo: string,
): string[] {
  const found = new Set<string>();
  for (const o of observations) {
    if (o.indicator === indicator && o.geo === geo && o.breakdown !== '') found.add(o.breakdown);
  }
  return [...found].sort();
}

/**
 * The qualifier of a ratio a / b. A lower bound on the numerator gives a lower bound on the
 * ratio; a lower bound on the denominator gives an upper bound. Bounds pulling opposite
 * ways, or any approximate part, leave only "about".
 */
export function ratioQualifier(numerator: Qualifier, denominator: Qualifier): Qualifier {
  const flip: Record<Qualifier, Qualifier> = { '=': '=', '~': '~', '>': '<', '<': '>' };
  const parts = [numerator, flip[denominator]].filter((q) => q !== '=');
  if (parts.length === 0) return '=';
  if (parts.includes('~')) return '~';
  return parts.every((q) => q === parts[0]) ? parts[0]! : '~';
}

export const RATE_INDICATOR = 'mes_activation_rate';
export const OPEN_INDICATOR = 'mes_profiles_open';
export const ACTIVATED_INDICATOR = 'mes_profiles_activated';

/**
 * Activation rate (percent) = activated / open, computed only where both counts were published
 * for the same place and the same period. Counts from mismatched dates never make a rate.
 * Published rates at that place are kept alongside, marked as published.
 */
export function activationRate(observations: readonly Observation[], geo: string): SeriesPoint[] {
  const open = series(observations, { indicator: OPEN_INDICATOR, geo });
  const activated = series(observations, { indicator: ACTIVATED_INDICATOR, geo });
  const derived: SeriesPoint[] = [];
  for (const a of activated) {
    const o = open.find((x) => x.period === a.period);
    if (!o || o.value <= 0) continue;
    const sameSource = sourceKey(o) === sourceKey(a);
    derived.push({
      indicator: RATE_INDICATOR,
      breakdown: '',
      geo,
      period: a.period,
      precision: a.precision,
      value: (a.value / o.value) * 100,
      qualifier: ratioQualifier(a.qualifier, o.qualifier),
      sourceUrl: a.sourceUrl,
      sourceLabel: sameSource ? a.sourceLabel : `${a.sourceLabel} / ${o.sourceLabel}`,
      note: '',
      feed: a.feed,
      date: a.date,
      derivedFrom: [a, o],
    });
  }
  const published = series(observations, { indicator: RATE_INDICATOR, geo });
  return [...derived, ...published].sort((x, y) => x.date.getTime() - y.date.getTime());
}

/**
 * The latest observation of a series whose period has ended at or before `asOf`
 * (all of them when `asOf` is omitted).
 */
export function latestAsOf<T extends Observation>(
  points: readonly T[],
  asOf?: Date,
): T | undefined {
  let best: T | undefined;
  let bestEnd = -Infinity;
  for (const p of points) {
    const end = periodEnd(p.period, p.precision).getTime();
    if (asOf && end > asOf.getTime()) continue;
    if (end >= bestEnd) {
      best = p;
      bestEnd = end;
    }
  }
  return best;
}
