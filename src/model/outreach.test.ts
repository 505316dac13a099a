import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticObservation } from '../../test/synthetic';
import { parseFeed } from '../feeds/ingest';
import { embeddedFeed } from '../feeds/registry';
import type { Observation } from './observation';
import { monthlySeries, outreachComparison, outreachWindows } from './outreach';

// Synthetic figures: made-up counts, never published statistics.
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const TODAY = day('2026-12-05');

/** Cumulative counts at the end of each month of 2025, rising by `rise(month)` (1-12). */
function monthlyCounts(geo: string, start: number, rise: (month: number) => number): Observation[] {
  let value = start;
  return Array.from({ length: 12 }, (_, i) => {
    if (i > 0) value += rise(i + 1);
    return syntheticObservation({
      indicator: 'mes_profiles_activated',
      geo,
      period: `2025-${String(i + 1).padStart(2, '0')}`,
      precision: 'month',
      value,
    });
  });
}

describe('monthlySeries', () => {
  it('takes the rise between two month-end counts as that month’s activations', () => {
    const months = monthlySeries(
      monthlyCounts('REG-53', 1_000, () => 10),
      'REG-53',
    );
    expect(months.map((m) => [m.month, m.value])).toEqual(
      Array.from({ length: 11 }, (_, i) => [`2025-${String(i + 2).padStart(2, '0')}`, 10]),
    );
  });

  it('keeps a published monthly count, and never reads counts days apart as a month', () => {
    const months = monthlySeries(
      [
        syntheticObservation({
          indicator: 'mes_first_connections_in_month',
          geo: 'FR',
          period: '2024-01',
          value: 450,
        }),
        syntheticObservation({
          indicator: 'mes_profiles_activated',
          period: '2024-01-10',
          value: 1,
        }),
        syntheticObservation({
          indicator: 'mes_profiles_activated',
          period: '2024-02-05',
          value: 9,
        }),
        // An average per month over an unstated span is not a month's figure.
        syntheticObservation({
          indicator: 'mes_activations_per_month_avg',
          period: '2024-03',
          value: 300,
        }),
      ],
      'FR',
    );
    expect(months.map((m) => [m.month, m.value])).toEqual([['2024-01', 450]]);
  });
});

describe('outreachWindows', () => {
  it('leaves the start’s own month out of both sides when it starts inside it', () => {
    const w = outreachWindows(day('2025-06-15'), TODAY, 6);
    expect(
      [w.beforeFrom, w.beforeTo, w.afterFrom, w.afterTo].map((d) => d.toISOString().slice(0, 10)),
    ).toEqual(['2024-12-01', '2025-06-01', '2025-07-01', '2026-01-01']);
    const first = outreachWindows(day('2025-06-01'), day('2025-09-10'), 6);
    expect(first.afterFrom).toEqual(day('2025-06-01'));
    expect(first.afterTo).toEqual(day('2025-09-10'));
  });
});

describe('outreachComparison (synthetic series)', () => {
  const start = day('2025-07-01');

  it('sees a local rise when the place speeds up and the nation does not', () => {
    const observations = [
      ...monthlyCounts('REG-53', 100_000, (m) => (m >= 7 ? 20_000 : 10_000)),
      ...monthlyCounts('FR', 10_000_000, () => 500_000),
    ];
    const c = outreachComparison(observations, 'REG-53', start, TODAY);
    expect(c.place.before).toMatchObject({
      ok: true,
      perMonth: 10_000,
      from: 'monthly',
      months: 5,
    });
    expect(c.place.after).toMatchObject({ ok: true, perMonth: 20_000, months: 6 });
    expect(c.place.change).toBeCloseTo(1, 10);
    expect(c.nation?.change).toBeCloseTo(0, 10);
    expect(c.result).toEqual({ told: true, verdict: 'faster-than-nation' });
    expect(c.uncertain).toBe(false);
  });

  it('does not mistake a national campaign for local success', () => {
    const observations = [
      ...monthlyCounts('REG-53', 100_000, (m) => (m >= 7 ? 20_000 : 10_000)),
      ...monthlyCounts('FR', 10_000_000, (m) => (m >= 7 ? 1_050_000 : 500_000)),
    ];
    const c = outreachComparison(observations, 'REG-53', start, TODAY);
    expect(c.nation?.change).toBeCloseTo(1.1, 10);
    expect(c.result).toEqual({ told: true, verdict: 'like-nation' });
  });

  it('says the data cannot tell with too few months on a side', () => {
    // Counts from May 2025 only: one month (June) before July.
    const observations = monthlyCounts('REG-53', 100_000, () => 10_000).slice(4);
    const c = outreachComparison(observations, 'REG-53', start, TODAY);
    expect(c.result).toEqual({ told: false, reason: 'too-few-before' });
    expect(outreachComparison(observations, 'REG-53', day('2025-12-01'), TODAY).result).toEqual({
      told: false,
      reason: 'too-few-after',
    });
  });

  it('says the data cannot tell from cumulative counts far apart across the start', () => {
    const observations = [
      syntheticObservation({
        indicator: 'mes_profiles_activated',
        geo: 'REG-53',
        period: '2024-01-31',
        value: 100,
      }),
      syntheticObservation({
        indicator: 'mes_profiles_activated',
        geo: 'REG-53',
        period: '2025-12-31',
        value: 900,
      }),
    ];
    expect(outreachComparison(observations, 'REG-53', start, TODAY).result).toEqual({
      told: false,
      reason: 'too-few-both',
    });
  });

  it('uses two counts inside a side when it has no whole months', () => {
    const count = (period: string, value: number) =>
      syntheticObservation({ indicator: 'mes_profiles_activated', geo: 'REG-53', period, value });
    const observations = [
      count('2025-01-10', 1_000),
      count('2025-05-20', 1_430),
      count('2025-07-15', 1_600),
      count('2025-12-20', 2_700),
    ];
    const c = outreachComparison(observations, 'REG-53', start, TODAY);
    expect(c.place.before).toMatchObject({ ok: true, from: 'counts' });
    expect(c.place.after).toMatchObject({ ok: true, from: 'counts' });
    // No national figure in these data: the change cannot be set against the nation's.
    expect(c.result).toEqual({ told: true, verdict: 'no-national-reference' });
  });

  it('has nothing to say before there is any figure after the start', () => {
    const observations = monthlyCounts('REG-53', 100_000, () => 10_000);
    expect(outreachComparison(observations, 'REG-53', day('2026-03-01'), TODAY).result).toEqual({
      told: false,
      reason: 'no-figures-after-start',
    });
    expect(outreachComparison([], 'REG-53', start, TODAY).result).toEqual({
      told: false,
      reason: 'no-figures',
    });
  });
});

describe('outreachComparison on the embedded data', () => {
  const { observations } = parseFeed(
    embeddedFeed,
    readFileSync(resolve(import.meta.dirname, '../../data/observations.csv')),
    { today: TODAY },
  );

  it('cannot tell for France from its sparse counts around October 2024', () => {
    const c = outreachComparison(observations, 'FR', day('2024-10-01'), TODAY);
    // After: 15 M (7 Oct 2024) to more than 19 M (2 Apr 2025), inside the side; before: none.
    expect(c.place.after).toMatchObject({ ok: true, from: 'counts', qualifier: '>' });
    expect(c.place.before).toMatchObject({ ok: false });
    expect(c.result).toEqual({ told: false, reason: 'too-few-before' });
    expect(c.nation).toBeUndefined();
  });

  it('cannot tell for a region that published a rate but no count', () => {
    expect(outreachComparison(observations, 'REG-75', day('2025-06-01'), TODAY).result).toEqual({
      told: false,
      reason: 'no-figures',
    });
  });
});
