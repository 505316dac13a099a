/**
 * The activation tracker's arithmetic (DESIGN §4, model): monthly activations, pace, progress to a
 * target and the date it is reached at today's pace. Pure functions of observations; every result
 * lists the published figures it was computed from, so the page can cite them.
 *
 * Figures are sparse and irregular, and some are bounds ("plus de 19 millions"): nothing here
 * fills gaps or smooths. A cumulative count published for a month is read as of the end of that
 * month, as `latestAsOf` does.
 */
import type { Observation, Qualifier } from './observation';
import { addMonths, monthsBetween, periodEnd } from './period';
import { ACTIVATED_INDICATOR, activationRate, ratioQualifier, series } from './series';

export { addMonths, monthsBetween } from './period';

/**
 * The qualifier of a difference a − b. It follows the same rule as a ratio: the result grows
 * with `a` and shrinks with `b`, so a lower bound on the later figure gives a lower bound on the
 * difference, a lower bound on the earlier one an upper bound, and bounds pulling opposite ways
 * leave only "about".
 */
export function differenceQualifier(later: Qualifier, earlier: Qualifier): Qualifier {
  return ratioQualifier(later, earlier);
}

/** A published cumulative figure with the date it describes. */
export interface CumulativeFigure {
  observation: Observation;
  /** End of the figure's period: the day the count refers to. */
  asOf: Date;
}

/**
 * The cumulative counts of activated profiles at a place, in time order. At most one figure a
 * day: when two disagree on the same day the exact one is kept, else the first published.
 */
export function cumulativeFigures(
  observations: readonly Observation[],
  geo: string,
  indicator = ACTIVATED_INDICATOR,
): CumulativeFigure[] {
  return oneADay(series(observations, { indicator, geo }));
}

function oneADay(points: readonly Observation[]): CumulativeFigure[] {
  const byDay = new Map<number, CumulativeFigure>();
  for (const observation of points) {
    const asOf = periodEnd(observation.period, observation.precision);
    const kept = byDay.get(asOf.getTime());
    if (!kept || (kept.observation.qualifier !== '=' && observation.qualifier === '=')) {
      byDay.set(asOf.getTime(), { observation, asOf });
    }
  }
  return [...byDay.values()].sort((a, b) => a.asOf.getTime() - b.asOf.getTime());
}

/**
 * The activation rates (percent) of a place as figures to follow towards a rate target: rates as
 * published, and activated / open where both counts share a date (`activationRate`), all ages.
 * One a day: an exact one before a bound or an approximation, a published one before a computed
 * one. Sources may define the rate differently (their notes say so): the page says it.
 */
export function rateFigures(observations: readonly Observation[], geo: string): CumulativeFigure[] {
  const rates = activationRate(observations, geo).filter((p) => p.breakdown === '');
  // Published first, so a computed rate of the same day is kept only when it alone is exact.
  rates.sort((a, b) => Number(a.derivedFrom !== undefined) - Number(b.derivedFrom !== undefined));
  return oneADay(rates);
}

// ---------------------------------------------------------------------------------------------
// Monthly activations

/**
 * Published flows of activations and the span each one covers. `calendarMonth` flows count one
 * calendar month (the month of their period) and so can stand in for a derived average there.
 */
export const ACTIVATION_FLOWS: Readonly<
  Record<string, { months: number; perMonth: boolean; calendarMonth: boolean }>
> = {
  /** "600 000 activations en moyenne chaque mois": already a monthly figure. */
  mes_activations_per_month_avg: { months: 1, perMonth: true, calendarMonth: false },
  /** First connections in one calendar month (a profile is activated at its first connection). */
  mes_first_connections_in_month: { months: 1, perMonth: true, calendarMonth: true },
  /** A total over the two months up to the period. */
  mes_activations_last_2_months: { months: 2, perMonth: false, calendarMonth: false },
  /** A total over the year of the period. */
  mes_activations_in_year: { months: 12, perMonth: false, calendarMonth: false },
};

export type MonthlyKind =
  /** A per-month figure as published. */
  | 'published'
  /** "moyenne sur la période": a published total spread over the months it covers. */
  | 'published-total-average'
  /** "moyenne sur la période": the difference of two cumulative counts over the months between. */
  | 'cumulative-average';

export interface MonthlyActivation {
  kind: MonthlyKind;
  /** Activations per month (for averages: over the whole span). */
  perMonth: number;
  qualifier: Qualifier;
  /** Start and end of the span the value describes (equal ends for a published monthly figure). */
  from: Date;
  to: Date;
  /** Length of the span in months. */
  months: number;
  /** The published figures used, latest first for a difference (later − earlier). */
  inputs: Observation[];
  /** For a difference: the later count is smaller than the earlier one, so no average is given. */
  inconsistent?: boolean;
}

/**
 * Activations per month at a place: published monthly figures where they exist; elsewhere the
 * average over each interval between two consecutive cumulative counts, or over the span of a
 * published total. An interval whose every calendar month has its own published figure is not
 * averaged again. Nothing is invented: no interval, no value.
 */
export function monthlyActivations(
  observations: readonly Observation[],
  geo: string,
): MonthlyActivation[] {
  const result: MonthlyActivation[] = [];
  const publishedMonths = new Set<string>();

  // Through `series`, so the same figure from two sources counts once, as everywhere else.
  const flows = Object.keys(ACTIVATION_FLOWS).flatMap((indicator) =>
    series(observations, { indicator, geo }),
  );
  for (const o of flows) {
    const flow = ACTIVATION_FLOWS[o.indicator]!;
    const to = periodEnd(o.period, o.precision);
    if (flow.perMonth) {
      if (flow.calendarMonth) publishedMonths.add(o.period.slice(0, 7));
      result.push({
        kind: 'published',
        perMonth: o.value,
        qualifier: o.qualifier,
        from: to,
        to,
        months: 1,
        inputs: [o],
      });
    } else {
      // A yearly figure covers its calendar year; other totals the months up to their date.
      const from =
        flow.months === 12 && o.precision === 'year'
          ? new Date(Date.UTC(Number(o.period.slice(0, 4)), 0, 1))
          : addMonths(to, -flow.months);
      result.push({
        kind: 'published-total-average',
        perMonth: o.value / flow.months,
        qualifier: o.qualifier,
        from,
        to,
        months: flow.months,
        inputs: [o],
      });
    }
  }

  const figures = cumulativeFigures(observations, geo);
  for (let i = 1; i < figures.length; i++) {
    const earlier = figures[i - 1]!;
    const later = figures[i]!;
    if (coveredByPublishedMonths(earlier.asOf, later.asOf, publishedMonths)) continue;
    const months = monthsBetween(earlier.asOf, later.asOf);
    const difference = later.observation.value - earlier.observation.value;
    result.push({
      kind: 'cumulative-average',
      perMonth: difference / months,
      qualifier: differenceQualifier(later.observation.qualifier, earlier.observation.qualifier),
      from: earlier.asOf,
      to: later.asOf,
      months,
      inputs: [later.observation, earlier.observation],
      ...(difference < 0 ? { inconsistent: true } : {}),
    });
  }

  return result.sort((a, b) => a.to.getTime() - b.to.getTime() || a.kind.localeCompare(b.kind));
}

/** Whether every calendar month after `from` up to `to` has its own published figure. */
function coveredByPublishedMonths(from: Date, to: Date, months: ReadonlySet<string>): boolean {
  if (months.size === 0) return false;
  const cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
  const last = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), 1));
  if (cursor > last) return false;
  for (; cursor <= last; cursor.setUTCMonth(cursor.getUTCMonth() + 1)) {
    if (!months.has(cursor.toISOString().slice(0, 7))) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Pace

export const PACE_WINDOWS = [3, 6, 12] as const;
export type PaceWindow = (typeof PACE_WINDOWS)[number];

/**
 * How far from exactly N months the span of an "N months" pace may fall: a figure published a
 * few days short of N months before the latest one still counts, and a span over twice N months
 * says nothing about the last N months. Monthly figures are known to the month only: N monthly
 * figures in a row (N − 1 months apart, end to end) make an N-month pace when no figure lies
 * further back, computed over the months they really span.
 */
const WINDOW_SLACK_MONTHS = 0.5;
const MONTHLY_SLACK_MONTHS = 1;
const WINDOW_MAX_FACTOR = 2;

export type PaceProblem =
  /** Fewer than two cumulative figures at this place. */
  | 'too-few-figures'
  /** No figure about N months before the latest one. */
  | 'no-figure-in-window'
  /** The count did not grow over the window (equal or lower): no pace to speak of. */
  | 'not-increasing';

export type Pace =
  | {
      window: PaceWindow;
      ok: true;
      /** Activations per month over the span. */
      perMonth: number;
      qualifier: Qualifier;
      start: CumulativeFigure;
      end: CumulativeFigure;
      /** True span in months (at least the window, less a little slack). */
      months: number;
    }
  | { window: PaceWindow; ok: false; problem: PaceProblem; start?: CumulativeFigure };

/**
 * Pace over the last N months: from the latest cumulative count back to the latest count dated at
 * least N months earlier (half a month of slack), per month of the true span between them.
 */
export function paceOver(figures: readonly CumulativeFigure[], window: PaceWindow): Pace {
  if (figures.length < 2) return { window, ok: false, problem: 'too-few-figures' };
  const end = figures[figures.length - 1]!;
  let start: CumulativeFigure | undefined;
  for (const f of figures) {
    if (f === end) break;
    if (monthsBetween(f.asOf, end.asOf) >= window - WINDOW_SLACK_MONTHS) start = f;
  }
  const first = figures[0]!;
  if (
    !start &&
    first.observation.precision === 'month' &&
    end.observation.precision === 'month' &&
    monthsBetween(first.asOf, end.asOf) >= window - MONTHLY_SLACK_MONTHS - 1e-9
  ) {
    start = first;
  }
  if (!start) return { window, ok: false, problem: 'no-figure-in-window' };
  const months = monthsBetween(start.asOf, end.asOf);
  if (months > window * WINDOW_MAX_FACTOR) {
    return { window, ok: false, problem: 'no-figure-in-window', start };
  }
  const difference = end.observation.value - start.observation.value;
  if (difference <= 0) return { window, ok: false, problem: 'not-increasing', start };
  return {
    window,
    ok: true,
    perMonth: difference / months,
    qualifier: differenceQualifier(end.observation.qualifier, start.observation.qualifier),
    start,
    end,
    months,
  };
}

export function paces(figures: readonly CumulativeFigure[]): Pace[] {
  return PACE_WINDOWS.map((w) => paceOver(figures, w));
}

// ---------------------------------------------------------------------------------------------
// Targets

export interface Target {
  value: number;
  /** Last day by which the target is to be reached, when one was published. */
  deadline?: Date;
  /** The published figure whose note states the target (its source is the target's source). */
  source?: Observation;
  /** The words of the data that state it. */
  quote?: string;
}

/**
 * The national target as the data states it. The embedded data has no target indicator: the CNAM
 * 4-year bilan row of activated profiles carries it in its note ("target 40M activated by end
 * 2027"). It is read from there, with that row's source; when no note states one, there is none.
 */
const TARGET_NOTE = /\btarget\s+(\d+(?:[.,]\d+)?)\s*M\s+activated\s+by\s+end\s+(\d{4})\b/i;

export function nationalTarget(observations: readonly Observation[]): Target | undefined {
  let found: Target | undefined;
  for (const o of observations) {
    if (o.indicator !== ACTIVATED_INDICATOR || o.geo !== 'FR') continue;
    const m = TARGET_NOTE.exec(o.note);
    if (!m) continue;
    const target: Target = {
      value: Math.round(Number(m[1]!.replace(',', '.')) * 1_000_000),
      deadline: new Date(Date.UTC(Number(m[2]), 11, 31)),
      source: o,
      quote: m[0],
    };
    // The latest statement of a target wins.
    if (!found || found.source!.period < o.period) found = target;
  }
  return found;
}

export interface Progress {
  /** The latest cumulative count. */
  current: CumulativeFigure;
  target: number;
  /** current / target, 0 to 1 or more. */
  share: number;
  shareQualifier: Qualifier;
  /** target − current (0 or less once reached). */
  gap: number;
  gapQualifier: Qualifier;
  reached: boolean;
}

export function progressTo(
  figures: readonly CumulativeFigure[],
  target: number,
): Progress | undefined {
  const current = figures[figures.length - 1];
  if (!current || !(target > 0)) return undefined;
  const q = current.observation.qualifier;
  const value = current.observation.value;
  return {
    current,
    target,
    share: value / target,
    shareQualifier: ratioQualifier(q, '='),
    gap: target - value,
    gapQualifier: differenceQualifier('=', q),
    // A "more than" count at or above the target has reached it; "less than" or "about" has not surely.
    reached: value >= target && (q === '=' || q === '>'),
  };
}

export type ThinReason =
  /** Fewer than two cumulative figures at this place. */
  | 'too-few-figures'
  /** The counts do not grow: the latest is not above the earlier ones. */
  | 'not-increasing'
  /** Figures exist but none lies about 3, 6 or 12 months before the latest. */
  | 'no-pace';

export type Projection =
  | { status: 'no-target' }
  | { status: 'reached'; progress: Progress }
  | { status: 'too-thin'; reason: ThinReason; figureCount: number; progress?: Progress }
  | {
      status: 'projected';
      progress: Progress;
      /** The pace called "today's": the shortest computable window (the most recent). */
      pace: Extract<Pace, { ok: true }>;
      /** Date at today's pace. */
      date: Date;
      /** Range from the fastest (earliest) and slowest (latest) computable recent paces. */
      earliest: Date;
      latest: Date;
      fastest: Extract<Pace, { ok: true }>;
      slowest: Extract<Pace, { ok: true }>;
      /** The dates rest on a bound or an approximate figure (in the paces used or the latest count). */
      uncertain: boolean;
      /** Months from the latest figure to today (0 when it is of this month or later). */
      staleMonths: number;
      /** Whether each date is already past on `today`: then the data cannot tell if it was met. */
      past: { date: boolean; earliest: boolean; latest: boolean };
      /** Per month needed from the latest figure to meet the deadline (when it is still ahead). */
      neededPerMonth?: number;
      onTrack?: boolean;
    };

export interface ProjectionOptions {
  /** Last day by which the target is to be reached. */
  deadline?: Date;
  /** The day the reader looks (injected: never read from the clock in here). */
  today: Date;
}

/**
 * When the target is reached at today's pace, with the range from the slowest and fastest recent
 * paces; or why the data is too thin to say. Dates are compared with `today`: a date already past
 * is flagged, never presented as the future, and the age of the latest figure is given.
 * `figures` may be counts or rates (percent): the arithmetic is the same.
 */
export function projectTarget(
  figures: readonly CumulativeFigure[],
  target: number | undefined,
  { deadline, today }: ProjectionOptions,
): Projection {
  if (target === undefined || !(target > 0)) return { status: 'no-target' };
  const progress = progressTo(figures, target);
  if (!progress || figures.length < 2) {
    return {
      status: 'too-thin',
      reason: 'too-few-figures',
      figureCount: figures.length,
      ...(progress ? { progress } : {}),
    };
  }
  if (progress.reached) return { status: 'reached', progress };
  const thin = (reason: ThinReason): Projection => ({
    status: 'too-thin',
    reason,
    figureCount: figures.length,
    progress,
  });
  const first = figures[0]!.observation.value;
  if (progress.current.observation.value <= first) return thin('not-increasing');
  const usable = paces(figures).filter((p): p is Extract<Pace, { ok: true }> => p.ok);
  if (usable.length === 0) return thin('no-pace');

  const pace = usable[0]!;
  const byRate = [...usable].sort((a, b) => b.perMonth - a.perMonth);
  const fastest = byRate[0]!;
  const slowest = byRate[byRate.length - 1]!;
  const from = progress.current.asOf;
  const at = (p: { perMonth: number }) => addMonths(from, progress.gap / p.perMonth);
  const date = at(pace);
  const earliest = at(fastest);
  const latest = at(slowest);
  const isPast = (d: Date) => d.getTime() < today.getTime();
  const projection: Projection = {
    status: 'projected',
    progress,
    pace,
    date,
    earliest,
    latest,
    fastest,
    slowest,
    uncertain:
      [pace, fastest, slowest].some((p) => p.qualifier !== '=') ||
      progress.current.observation.qualifier !== '=',
    staleMonths: Math.max(0, monthsBetween(from, today)),
    past: { date: isPast(date), earliest: isPast(earliest), latest: isPast(latest) },
  };
  if (deadline) {
    const monthsLeft = monthsBetween(from, deadline);
    if (monthsLeft > 0 && !isPast(deadline)) projection.neededPerMonth = progress.gap / monthsLeft;
    projection.onTrack = date.getTime() <= deadline.getTime();
  }
  return projection;
}
