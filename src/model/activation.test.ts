import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticObservation } from '../../test/synthetic';
import { parseFeed } from '../feeds/ingest';
import { embeddedFeed } from '../feeds/registry';
import type { Observation, Qualifier } from './observation';
import { series } from './series';
import {
  addMonths,
  cumulativeFigures,
  differenceQualifier,
  monthlyActivations,
  monthsBetween,
  nationalTarget,
  type Pace,
  paceOver,
  paces,
  progressTo,
  projectTarget,
  rateFigures,
} from './activation';

// Synthetic figures: made-up counts, never published statistics.
const activated = (period: string, value: number, qualifier: Qualifier = '=', geo = 'REG-53') =>
  syntheticObservation({ indicator: 'mes_profiles_activated', geo, period, value, qualifier });

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** The day the tests read projections on (injected, as the page does). */
const TODAY = day('2024-08-15');

describe('differenceQualifier', () => {
  it.each([
    ['=', '=', '='],
    ['>', '=', '>'], // the later count is at least this: so is the difference
    ['=', '>', '<'], // the earlier count is at least this: the difference is at most
    ['<', '=', '<'],
    ['=', '<', '>'],
    ['>', '>', '~'], // both lower bounds: direction unknown
    ['~', '=', '~'],
    ['>', '<', '>'],
  ] as [Qualifier, Qualifier, Qualifier][])('%s − %s is %s', (later, earlier, expected) => {
    expect(differenceQualifier(later, earlier)).toBe(expected);
  });
});

describe('calendar months', () => {
  it('counts one month from January to February for monthly data', () => {
    expect(monthsBetween(day('2025-01-31'), day('2025-02-28'))).toBe(1);
    expect(monthsBetween(day('2024-01-31'), day('2024-02-29'))).toBe(1);
    expect(monthsBetween(day('2024-01-31'), day('2025-01-31'))).toBe(12);
    // Days inside a month count as their share of it.
    expect(monthsBetween(day('2024-01-10'), day('2024-02-05'))).toBeCloseTo(
      1 + 5 / 29 - 10 / 31,
      10,
    );
  });

  it('moves a date by months, the inverse of monthsBetween', () => {
    expect(addMonths(day('2024-01-31'), 1)).toEqual(day('2024-02-29'));
    expect(addMonths(day('2025-10-31'), 3)).toEqual(day('2026-01-31'));
    const from = day('2024-03-17');
    for (const m of [0.3, 1, 2.5, 11.9, 40]) {
      expect(monthsBetween(from, addMonths(from, m))).toBeCloseTo(m, 9);
    }
  });

  it('reads a rise between two monthly counts as that many activations in one month', () => {
    // Synthetic monthly counts: +53 042 from January to February.
    const [m] = monthlyActivations(
      [activated('2025-01', 1_000_000), activated('2025-02', 1_053_042)],
      'REG-53',
    );
    expect(m).toMatchObject({ months: 1, perMonth: 53_042, kind: 'cumulative-average' });
  });
});

describe('cumulativeFigures', () => {
  it('reads a month figure at the end of its month, so a February count follows 5 February', () => {
    const figures = cumulativeFigures(
      [
        activated('2024-02', 11_000_000, '>'),
        activated('2024-02-05', 10_800_000),
        activated('2024-01-10', 10_567_231),
      ],
      'REG-53',
    );
    expect(figures.map((f) => [f.observation.period, f.asOf.toISOString().slice(0, 10)])).toEqual([
      ['2024-01-10', '2024-01-10'],
      ['2024-02-05', '2024-02-05'],
      ['2024-02', '2024-02-29'],
    ]);
  });

  it('keeps one figure a day, the exact one when two disagree', () => {
    const figures = cumulativeFigures(
      [activated('2024-03-31', 5_000_000, '~'), activated('2024-03', 5_100_000, '=')],
      'REG-53',
    );
    expect(figures).toHaveLength(1);
    expect(figures[0]!.observation.value).toBe(5_100_000);
  });

  it('ignores other places and indicators', () => {
    expect(
      cumulativeFigures(
        [
          activated('2024-01', 1, '=', 'FR'),
          syntheticObservation({
            indicator: 'mes_profiles_open',
            geo: 'REG-53',
            period: '2024-01',
            value: 5,
          }),
        ],
        'REG-53',
      ),
    ).toEqual([]);
  });
});

describe('monthlyActivations', () => {
  it('averages the difference of two cumulative counts over the months between, and says which', () => {
    const a = activated('2024-01-31', 1_000_000);
    const b = activated('2024-07-31', 1_600_000);
    const [m] = monthlyActivations([b, a], 'REG-53');
    expect(m!.kind).toBe('cumulative-average');
    expect(m!.months).toBe(monthsBetween(day('2024-01-31'), day('2024-07-31')));
    expect(m!.months).toBe(6);
    expect(m!.perMonth).toBeCloseTo(600_000 / m!.months, 6);
    expect(m!.qualifier).toBe('=');
    expect(m!.inputs).toMatchObject([b, a]);
    expect(m!.from).toEqual(day('2024-01-31'));
    expect(m!.to).toEqual(day('2024-07-31'));
  });

  it('carries a "more than" endpoint into the average: an upper bound when it starts the interval', () => {
    const list = monthlyActivations(
      [
        activated('2024-01-31', 1_000_000, '>'),
        activated('2024-07-31', 1_600_000),
        activated('2024-10-31', 2_000_000, '>'),
        activated('2025-01-31', 2_300_000, '>'),
      ],
      'REG-53',
    );
    // from a bound: at most; to a bound: at least; between two bounds: direction unknown
    expect(list.map((m) => m.qualifier)).toEqual(['<', '>', '~']);
  });

  it('flags a falling count as inconsistent instead of a negative number of activations', () => {
    const [m] = monthlyActivations(
      [activated('2024-01-31', 2_000_000), activated('2024-03-31', 1_900_000)],
      'REG-53',
    );
    expect(m!.inconsistent).toBe(true);
  });

  it('keeps published monthly figures as published, and spreads published totals over their span', () => {
    const list = monthlyActivations(
      [
        syntheticObservation({
          indicator: 'mes_activations_per_month_avg',
          geo: 'REG-53',
          period: '2024-10-07',
          value: 50_000,
          qualifier: '~',
        }),
        syntheticObservation({
          indicator: 'mes_activations_in_year',
          geo: 'REG-53',
          period: '2024',
          value: 600_000,
          qualifier: '>',
        }),
        syntheticObservation({
          indicator: 'mes_activations_last_2_months',
          geo: 'REG-53',
          period: '2023-01',
          value: 22_000,
        }),
      ],
      'REG-53',
    );
    expect(list.map((m) => [m.kind, m.perMonth, m.qualifier, m.months])).toEqual([
      ['published-total-average', 11_000, '=', 2],
      ['published', 50_000, '~', 1],
      ['published-total-average', 50_000, '>', 12],
    ]);
    expect(list[2]!.from).toEqual(day('2024-01-01'));
    const yearAsDay = monthlyActivations(
      [
        syntheticObservation({
          indicator: 'mes_activations_in_year',
          geo: 'REG-53',
          period: '2024-12-31',
          precision: 'year',
          value: 600_000,
        }),
      ],
      'REG-53',
    );
    expect(yearAsDay[0]!.from).toEqual(day('2024-01-01'));
    expect(list[2]!.to).toEqual(day('2024-12-31'));
  });

  it('does not average again an interval whose every month has its own published figure', () => {
    const inMonth = (period: string, value: number) =>
      syntheticObservation({
        indicator: 'mes_first_connections_in_month',
        geo: 'REG-53',
        period,
        value,
      });
    const list = monthlyActivations(
      [
        activated('2024-01-31', 1_000_000),
        inMonth('2024-02', 40_000),
        inMonth('2024-03', 45_000),
        activated('2024-03-31', 1_085_000),
        activated('2024-05-31', 1_200_000),
      ],
      'REG-53',
    );
    expect(list.map((m) => [m.kind, m.to.toISOString().slice(0, 7)])).toEqual([
      ['published', '2024-02'],
      ['published', '2024-03'],
      ['cumulative-average', '2024-05'], // April and May have no published figure
    ]);
  });

  it('has nothing to say from one figure, and never makes one up', () => {
    expect(monthlyActivations([activated('2024-01', 5)], 'REG-53')).toEqual([]);
    expect(monthlyActivations([], 'FR')).toEqual([]);
  });
});

describe('pace over the last 3, 6 and 12 months', () => {
  const figures = cumulativeFigures(
    [
      activated('2023-01-31', 1_000_000),
      activated('2023-07-31', 1_300_000),
      activated('2024-01-31', 1_700_000, '>'),
      activated('2024-04-30', 1_850_000),
      activated('2024-07-31', 2_000_000),
    ],
    'REG-53',
  );

  it('goes back to the latest figure at least N months before the latest one', () => {
    const [p3, p6, p12] = paces(figures) as [Pace, Pace, Pace];
    expect(p3).toMatchObject({ ok: true, qualifier: '=' });
    if (!p3.ok || !p6.ok || !p12.ok) throw new Error('paces should be computable');
    expect(p3.start.observation.period).toBe('2024-04-30');
    expect(p3.perMonth).toBeCloseTo(150_000 / p3.months, 6);
    expect(p6.start.observation.period).toBe('2024-01-31');
    expect(p6.qualifier).toBe('<'); // from "more than 1.7 M": the growth is at most
    expect(p12.start.observation.period).toBe('2023-07-31');
    expect(p12.perMonth).toBeCloseTo(
      700_000 / monthsBetween(day('2023-07-31'), day('2024-07-31')),
      6,
    );
  });

  it('accepts a start a few days short of N months, not a span over twice N', () => {
    const short = cumulativeFigures(
      [activated('2025-10-31', 23_300_000), activated('2026-01-29', 24_000_000)],
      'REG-53',
    );
    expect(paceOver(short, 3)).toMatchObject({ ok: true });
    expect(paceOver(short, 6)).toMatchObject({ ok: false, problem: 'no-figure-in-window' });
    const long = cumulativeFigures(
      [activated('2020-01-31', 1), activated('2024-01-31', 1000)],
      'REG-53',
    );
    expect(paceOver(long, 12)).toMatchObject({ ok: false, problem: 'no-figure-in-window' });
  });

  it('computes the 12-month pace from 12 monthly figures, over the 11 months they span', () => {
    // Synthetic: one count a month, January to December, +50 000 a month.
    const monthly = cumulativeFigures(
      Array.from({ length: 12 }, (_, i) =>
        activated(`2025-${String(i + 1).padStart(2, '0')}`, 1_000_000 + 50_000 * i),
      ),
      'REG-53',
    );
    const [p3, p6, p12] = paces(monthly) as [Pace, Pace, Pace];
    expect(p3).toMatchObject({ ok: true, months: 3, perMonth: 50_000 });
    expect(p6).toMatchObject({ ok: true, months: 6, perMonth: 50_000 });
    expect(p12).toMatchObject({ ok: true, months: 11, perMonth: 50_000 });
    if (!p12.ok) throw new Error('12-month pace expected');
    expect(p12.start.observation.period).toBe('2025-01');
    // 11 monthly figures are not 12 months.
    expect(paceOver(monthly.slice(1), 12)).toMatchObject({ ok: false });
    // Days are not months: a figure 11 months back from day figures is not a 12-month pace.
    const days = cumulativeFigures(
      [activated('2025-01-31', 1_000_000), activated('2025-12-31', 1_550_000)],
      'REG-53',
    );
    expect(paceOver(days, 12)).toMatchObject({ ok: false, problem: 'no-figure-in-window' });
  });

  it('says why a pace cannot be computed', () => {
    expect(paceOver([], 3)).toMatchObject({ ok: false, problem: 'too-few-figures' });
    const flat = cumulativeFigures(
      [activated('2024-01-31', 100), activated('2024-04-30', 100)],
      'REG-53',
    );
    expect(paceOver(flat, 3)).toMatchObject({ ok: false, problem: 'not-increasing' });
  });
});

describe('progress and projection to a target', () => {
  const figures = cumulativeFigures(
    [
      activated('2023-07-31', 1_000_000),
      activated('2024-01-31', 1_300_000),
      activated('2024-04-30', 1_450_000),
      activated('2024-07-31', 1_600_000),
    ],
    'REG-53',
  );

  it('gives the share of the target, the gap, and carries the qualifier', () => {
    expect(progressTo(figures, 2_000_000)).toMatchObject({
      share: 0.8,
      gap: 400_000,
      shareQualifier: '=',
      gapQualifier: '=',
      reached: false,
    });
    const bounded = cumulativeFigures([activated('2024-07-31', 1_600_000, '>')], 'REG-53');
    expect(progressTo(bounded, 2_000_000)).toMatchObject({
      shareQualifier: '>',
      gapQualifier: '<',
    });
    expect(progressTo(figures, 0)).toBeUndefined();
    expect(progressTo([], 10)).toBeUndefined();
  });

  it('projects the date at today’s pace, with the range of the recent paces', () => {
    const result = projectTarget(figures, 2_000_000, {
      deadline: day('2025-12-31'),
      today: day('2024-08-15'),
    });
    if (result.status !== 'projected')
      throw new Error(`expected a projection, got ${result.status}`);
    const [p3, p6, p12] = paces(figures) as Extract<ReturnType<typeof paceOver>, { ok: true }>[];
    expect(result.pace).toEqual(p3);
    const rates = [p3!.perMonth, p6!.perMonth, p12!.perMonth];
    const from = day('2024-07-31');
    expect(result.date).toEqual(addMonths(from, 400_000 / p3!.perMonth));
    expect(result.earliest).toEqual(addMonths(from, 400_000 / Math.max(...rates)));
    expect(result.latest).toEqual(addMonths(from, 400_000 / Math.min(...rates)));
    expect(result.earliest.getTime()).toBeLessThanOrEqual(result.date.getTime());
    expect(result.latest.getTime()).toBeGreaterThanOrEqual(result.date.getTime());
    expect(result.uncertain).toBe(false);
    expect(result.neededPerMonth).toBeCloseTo(400_000 / monthsBetween(from, day('2025-12-31')), 6);
    expect(result.onTrack).toBe(true);
  });

  it('is too thin with fewer than two figures, a series that does not grow, or no pace', () => {
    expect(projectTarget([], 100, { today: TODAY })).toMatchObject({
      status: 'too-thin',
      reason: 'too-few-figures',
      figureCount: 0,
    });
    const one = cumulativeFigures([activated('2024-01-31', 50)], 'REG-53');
    expect(projectTarget(one, 100, { today: TODAY })).toMatchObject({
      status: 'too-thin',
      reason: 'too-few-figures',
      figureCount: 1,
    });
    const falling = cumulativeFigures(
      [activated('2024-01-31', 80), activated('2024-04-30', 70)],
      'REG-53',
    );
    expect(projectTarget(falling, 100, { today: TODAY })).toMatchObject({
      status: 'too-thin',
      reason: 'not-increasing',
    });
    const twoDaysApart = cumulativeFigures(
      [activated('2024-01-29', 50), activated('2024-01-31', 60)],
      'REG-53',
    );
    expect(projectTarget(twoDaysApart, 100, { today: TODAY })).toMatchObject({
      status: 'too-thin',
      reason: 'no-pace',
    });
  });

  it('calls the dates indicative only when a figure they rest on is a bound or approximate', () => {
    const withSixMonths = (value: number) =>
      cumulativeFigures(
        [
          activated('2023-07-31', 1_060_000),
          activated('2024-01-31', value, '>'),
          activated('2024-04-30', 1_600_000),
          activated('2024-07-31', 1_900_000),
        ],
        'REG-53',
      );
    // "more than 1.45 M" gives the middle pace: the dates use the 3- and 12-month paces only.
    const middle = projectTarget(withSixMonths(1_450_000), 3_000_000, { today: TODAY });
    if (middle.status !== 'projected') throw new Error(middle.status);
    expect([middle.fastest.window, middle.slowest.window]).toEqual([3, 12]);
    expect(middle.uncertain).toBe(false);
    // "more than 1.2 M" gives the fastest pace: the earliest date rests on a bound.
    const fastest = projectTarget(withSixMonths(1_200_000), 3_000_000, { today: TODAY });
    if (fastest.status !== 'projected') throw new Error(fastest.status);
    expect(fastest.fastest).toMatchObject({ window: 6, qualifier: '<' });
    expect(fastest.uncertain).toBe(true);
  });

  it('is relative to today: flags dates already past and says how old the latest figure is', () => {
    // Synthetic: +50 000 a month over the last 3 months to July 2024, so 400 000 more by
    // March 2025 at that pace: already past when read in December 2026.
    const early = projectTarget(figures, 2_000_000, { today: day('2026-12-05') });
    if (early.status !== 'projected') throw new Error(early.status);
    expect(early.date.toISOString().slice(0, 7)).toBe('2025-03');
    expect(early.staleMonths).toBeCloseTo(monthsBetween(day('2024-07-31'), day('2026-12-05')), 9);
    expect(early.past).toEqual({ date: true, earliest: true, latest: true });
    const onTime = projectTarget(figures, 2_000_000, { today: day('2024-08-15') });
    if (onTime.status !== 'projected') throw new Error(onTime.status);
    expect(onTime.past).toEqual({ date: false, earliest: false, latest: false });
    expect(onTime.staleMonths).toBeLessThan(1);
  });

  it('needs no pace per month once the deadline is past', () => {
    const late = projectTarget(figures, 2_000_000, {
      deadline: day('2025-12-31'),
      today: day('2026-12-05'),
    });
    expect(late).toMatchObject({ status: 'projected' });
    expect(late).not.toHaveProperty('neededPerMonth');
  });

  it('says when the target is reached, and when there is none', () => {
    expect(projectTarget(figures, 1_500_000, { today: TODAY })).toMatchObject({
      status: 'reached',
    });
    expect(projectTarget(figures, undefined, { today: TODAY })).toEqual({ status: 'no-target' });
    // "about 2 M" is not surely 2 M: not reached, still projected
    const about = cumulativeFigures(
      [activated('2024-01-31', 1_000_000), activated('2024-04-30', 2_000_000, '~')],
      'REG-53',
    );
    expect(projectTarget(about, 2_000_000, { today: TODAY })).toMatchObject({
      status: 'projected',
      uncertain: true,
    });
  });
});

describe('on the embedded data', () => {
  const { observations } = parseFeed(
    embeddedFeed,
    readFileSync(resolve(import.meta.dirname, '../../data/observations.csv')),
    { today: new Date('2026-11-22') },
  );

  it('reads the national target from the data, with its source', () => {
    const target = nationalTarget(observations);
    expect(target?.value).toBe(40_000_000);
    expect(target?.deadline).toEqual(day('2027-12-31'));
    expect(target?.source?.sourceUrl).toMatch(/vise-les-40-millions-dutilisateurs/);
    expect(target?.source?.period).toBe('2026-01-29');
  });

  it('has no national target when no figure states one', () => {
    const without: Observation[] = observations.map((o) => ({ ...o, note: '' }));
    expect(nationalTarget(without)).toBeUndefined();
  });

  it('national series grows, and each pace names the two figures it used', () => {
    const figures = cumulativeFigures(observations, 'FR');
    // 11 published counts; the press one of 5 Feb 2024 may be drawn under the official Feb 2024
    // one (model/reconcile.ts): one figure per indicator, place and period.
    expect(figures.length).toBe(
      series(observations, { indicator: 'mes_profiles_activated', geo: 'FR' }).length,
    );
    expect(figures.length).toBeGreaterThanOrEqual(10);
    for (let i = 1; i < figures.length; i++) {
      expect(figures[i]!.observation.value).toBeGreaterThan(figures[i - 1]!.observation.value);
    }
    const [p3, p6, p12] = paces(figures);
    const used = (p: ReturnType<typeof paceOver>) =>
      p.ok ? [p.start.observation.period, p.end.observation.period, p.qualifier] : p.problem;
    expect(used(p3!)).toEqual(['2025-10-31', '2026-01-29', '=']);
    expect(used(p6!)).toEqual(['2025-04-02', '2026-01-29', '<']); // from "plus de 19 M"
    expect(used(p12!)).toEqual(['2024-10-07', '2026-01-29', '=']);
  });

  it('follows a rate target from published and computed rates', () => {
    const rates = rateFigures(observations, 'FR');
    // 11 % computed (Oct 2022) … 33,6 % published (Jan 2026), one a day.
    expect(rates.at(-1)!.observation).toMatchObject({ period: '2026-01', value: 33.6 });
    expect(new Set(rates.map((r) => r.asOf.getTime())).size).toBe(rates.length);
    const projection = projectTarget(rates, 50, { today: day('2026-12-05') });
    if (projection.status !== 'projected') throw new Error(projection.status);
    expect(projection.progress.share).toBeCloseTo(33.6 / 50, 10);
    expect(projection.progress.gap).toBeCloseTo(16.4, 10);
    // From about 1 in 5 (7 Oct 2024) to 33,6 % (January 2026): the 12-month pace.
    expect(projection.pace).toMatchObject({ window: 12, qualifier: '~' });
    expect(projection.uncertain).toBe(true);
  });

  it('has a department’s published rate as its progress, and too little to project', () => {
    const projection = projectTarget(rateFigures(observations, 'DEP-40'), 50, { today: TODAY });
    expect(projection).toMatchObject({ status: 'too-thin', reason: 'too-few-figures' });
    if (projection.status !== 'too-thin') throw new Error(projection.status);
    expect(projection.progress?.current.observation.value).toBe(41.7);
  });

  it('regions without activated counts are too thin to project', () => {
    expect(
      projectTarget(cumulativeFigures(observations, 'REG-44'), 2_000_000, { today: TODAY }),
    ).toMatchObject({
      status: 'too-thin',
      reason: 'too-few-figures',
      figureCount: 0,
    });
  });
});
