/**
 * "Did our outreach show?" (COSUI of 5 April 2023: « savoir si les actions ambassadeurs portent
 * leurs fruits »). A place's activations per month before and after the day its actions started,
 * beside the nation's over the same months, so a national campaign is not mistaken for local
 * success; and a plain "the data cannot tell" when it cannot. Pure: `today` is given.
 *
 * Only figures that describe whole calendar months are used: a published count of one month
 * (first connections in a month), or the rise between two cumulative counts one calendar month
 * apart, both at a month's end. A published "average per month" over an unstated span is not a
 * month's figure. Without two such months on a side, a side's pace may still come from two
 * cumulative counts inside it (at least two months apart), never from counts on both sides of
 * the start, which would mix before and after.
 */
import type { Observation, Qualifier } from './observation';
import {
  ACTIVATION_FLOWS,
  addMonths,
  cumulativeFigures,
  differenceQualifier,
  monthsBetween,
  type CumulativeFigure,
} from './activation';
import { periodEnd } from './period';
import { sumQualifier } from './regional';
import { series } from './series';

/** Months compared on each side of the start. */
export const OUTREACH_WINDOW_MONTHS = 6;
/** Fewer monthly figures than this on a side: no pace from monthly figures there. */
export const MIN_MONTHS_PER_SIDE = 2;
/** A change of the place's pace within this share of the nation's is "like the nation". */
export const SAME_TREND_MARGIN = 0.1;

export interface MonthActivations {
  /** `YYYY-MM`. */
  month: string;
  value: number;
  qualifier: Qualifier;
  /** The published figures it comes from (one monthly figure, or the two counts). */
  inputs: Observation[];
}

const monthKey = (date: Date) => date.toISOString().slice(0, 7);

function isMonthEnd(date: Date): boolean {
  return new Date(date.getTime() + 24 * 3600 * 1000).getUTCDate() === 1;
}

/**
 * Activations in each calendar month that the data gives whole: a published monthly count, or
 * the rise between cumulative counts at two consecutive month ends. A month with both keeps the
 * published count. Months are in time order.
 */
export function monthlySeries(
  observations: readonly Observation[],
  geo: string,
): MonthActivations[] {
  const byMonth = new Map<string, MonthActivations>();
  for (const [indicator, flow] of Object.entries(ACTIVATION_FLOWS)) {
    if (!flow.calendarMonth) continue;
    for (const o of series(observations, { indicator, geo })) {
      const month = o.period.slice(0, 7);
      if (!byMonth.has(month)) {
        byMonth.set(month, { month, value: o.value, qualifier: o.qualifier, inputs: [o] });
      }
    }
  }
  const counts = cumulativeFigures(observations, geo);
  for (let i = 1; i < counts.length; i++) {
    const [earlier, later] = [counts[i - 1]!, counts[i]!];
    if (!isMonthEnd(earlier.asOf) || !isMonthEnd(later.asOf)) continue;
    if (Math.abs(monthsBetween(earlier.asOf, later.asOf) - 1) > 1e-9) continue;
    const month = monthKey(later.asOf);
    const value = later.observation.value - earlier.observation.value;
    if (byMonth.has(month) || value < 0) continue;
    byMonth.set(month, {
      month,
      value,
      qualifier: differenceQualifier(later.observation.qualifier, earlier.observation.qualifier),
      inputs: [later.observation, earlier.observation],
    });
  }
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
}

export type SidePace =
  | {
      ok: true;
      /** Activations per month over the side. */
      perMonth: number;
      qualifier: Qualifier;
      /** 'monthly': mean of whole months; 'counts': rise between two counts inside the side. */
      from: 'monthly' | 'counts';
      /** The months used (monthly), or the span of the two counts in months. */
      months: number;
      monthly: MonthActivations[];
      counts?: [CumulativeFigure, CumulativeFigure];
    }
  | { ok: false; monthly: MonthActivations[] };

/** Slack at a side's edges for a count dated a few days off (published "early April"). */
const EDGE_SLACK_MONTHS = 0.5;

/** The pace over [from, to): monthly figures first, else two counts inside the side. */
function sidePace(
  months: readonly MonthActivations[],
  counts: readonly CumulativeFigure[],
  from: Date,
  to: Date,
): SidePace {
  const inside = months.filter((m) => m.month >= monthKey(from) && m.month < monthKey(to));
  if (inside.length >= MIN_MONTHS_PER_SIDE) {
    return {
      ok: true,
      perMonth: inside.reduce((sum, m) => sum + m.value, 0) / inside.length,
      qualifier: sumQualifier(inside.map((m) => m.qualifier)),
      from: 'monthly',
      months: inside.length,
      monthly: inside,
    };
  }
  const lo = addMonths(from, -EDGE_SLACK_MONTHS).getTime();
  const hi = addMonths(to, EDGE_SLACK_MONTHS).getTime();
  const within = counts.filter((c) => c.asOf.getTime() >= lo && c.asOf.getTime() <= hi);
  const first = within[0];
  const last = within[within.length - 1];
  if (first && last && monthsBetween(first.asOf, last.asOf) >= MIN_MONTHS_PER_SIDE) {
    const rise = last.observation.value - first.observation.value;
    if (rise >= 0) {
      const span = monthsBetween(first.asOf, last.asOf);
      return {
        ok: true,
        perMonth: rise / span,
        qualifier: differenceQualifier(last.observation.qualifier, first.observation.qualifier),
        from: 'counts',
        months: span,
        monthly: inside,
        counts: [first, last],
      };
    }
  }
  return { ok: false, monthly: inside };
}

export interface PlacePaces {
  geo: string;
  before: SidePace;
  after: SidePace;
  /** after / before − 1, when both sides have a pace and before is above zero. */
  change?: number;
}

export type CannotTell =
  /** The place has no monthly figure and no cumulative count at all. */
  | 'no-figures'
  /** The start is after the latest figure of the place: no "after" yet. */
  | 'no-figures-after-start'
  /** The place has too few figures on one side or both. */
  | 'too-few-before'
  | 'too-few-after'
  | 'too-few-both';

export type Verdict =
  /** The place's pace rose more than the nation's over the same months. */
  | 'faster-than-nation'
  /** It changed like the nation's (within the margin): a national trend, not a local one. */
  | 'like-nation'
  | 'slower-than-nation'
  /** The nation has no pace on both sides: the place's change cannot be set against it. */
  | 'no-national-reference';

export interface OutreachComparison {
  /** The day the actions started, as given. */
  start: Date;
  windows: Windows;
  place: PlacePaces;
  nation?: PlacePaces;
  result: { told: false; reason: CannotTell } | { told: true; verdict: Verdict };
  /** A pace rests on a bound or an approximate figure. */
  uncertain: boolean;
}

/** The two sides compared: [beforeFrom, beforeTo) and [afterFrom, afterTo). */
export interface Windows {
  beforeFrom: Date;
  beforeTo: Date;
  afterFrom: Date;
  afterTo: Date;
}

function pacesOf(observations: readonly Observation[], geo: string, w: Windows): PlacePaces {
  const months = monthlySeries(observations, geo);
  const counts = cumulativeFigures(observations, geo);
  const before = sidePace(months, counts, w.beforeFrom, w.beforeTo);
  const after = sidePace(months, counts, w.afterFrom, w.afterTo);
  const change =
    before.ok && after.ok && before.perMonth > 0 ? after.perMonth / before.perMonth - 1 : undefined;
  return { geo, before, after, ...(change !== undefined ? { change } : {}) };
}

/**
 * The months compared: up to `windowMonths` whole months before the start's month, and from the
 * first whole month at or after the start to `today` (at most `windowMonths`). A start inside a
 * month leaves that month out of both sides: it mixes before and after.
 */
export function outreachWindows(startDay: Date, today: Date, windowMonths: number): Windows {
  const y = startDay.getUTCFullYear();
  const m = startDay.getUTCMonth();
  const beforeTo = new Date(Date.UTC(y, m, 1));
  const afterFrom = startDay.getUTCDate() === 1 ? beforeTo : new Date(Date.UTC(y, m + 1, 1));
  const afterCap = new Date(
    Date.UTC(afterFrom.getUTCFullYear(), afterFrom.getUTCMonth() + windowMonths, 1),
  );
  return {
    beforeFrom: new Date(Date.UTC(y, m - windowMonths, 1)),
    beforeTo,
    afterFrom,
    afterTo: afterCap.getTime() < today.getTime() ? afterCap : today,
  };
}

/** The latest day a place's monthly or cumulative figures describe. */
function lastKnownDay(observations: readonly Observation[], geo: string): number {
  const count = cumulativeFigures(observations, geo).at(-1)?.asOf.getTime() ?? -Infinity;
  const month = monthlySeries(observations, geo).at(-1)?.month;
  return Math.max(count, month ? periodEnd(month).getTime() : -Infinity);
}

/**
 * Activations per month at `geo` before and after the day its outreach started, beside the
 * nation's over the same months, and what can be said of it (see the module's comment).
 */
export function outreachComparison(
  observations: readonly Observation[],
  geo: string,
  startDay: Date,
  today: Date,
  windowMonths = OUTREACH_WINDOW_MONTHS,
): OutreachComparison {
  const windows = outreachWindows(startDay, today, windowMonths);
  const place = pacesOf(observations, geo, windows);
  const nation = geo === 'FR' ? undefined : pacesOf(observations, 'FR', windows);
  const used = [place.before, place.after, nation?.before, nation?.after].filter(
    (p): p is Extract<SidePace, { ok: true }> => p?.ok === true,
  );

  const lastKnown = lastKnownDay(observations, geo);
  let result: OutreachComparison['result'];
  if (lastKnown === -Infinity) {
    result = { told: false, reason: 'no-figures' };
  } else if (
    !(lastKnown >= windows.afterFrom.getTime()) ||
    windows.afterFrom.getTime() >= today.getTime()
  ) {
    result = { told: false, reason: 'no-figures-after-start' };
  } else if (!place.before.ok || !place.after.ok || place.change === undefined) {
    result = {
      told: false,
      reason:
        !place.before.ok && !place.after.ok
          ? 'too-few-both'
          : !place.after.ok
            ? 'too-few-after'
            : 'too-few-before',
    };
  } else if (!nation || nation.change === undefined) {
    result = { told: true, verdict: 'no-national-reference' };
  } else {
    const relative = (1 + place.change) / (1 + nation.change) - 1;
    result = {
      told: true,
      verdict:
        relative > SAME_TREND_MARGIN
          ? 'faster-than-nation'
          : relative < -SAME_TREND_MARGIN
            ? 'slower-than-nation'
            : 'like-nation',
    };
  }
  return {
    start: startDay,
    windows,
    place,
    ...(nation ? { nation } : {}),
    result,
    uncertain: used.some((p) => p.qualifier !== '='),
  };
}
