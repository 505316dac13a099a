import { describe, expect, it } from 'vitest';
import { syntheticObservation } from '../../test/synthetic';
import type { Qualifier } from './observation';
import { activationRate, latestAsOf, ratioQualifier, series } from './series';

const obs = syntheticObservation;

describe('ratioQualifier', () => {
  it.each<[Qualifier, Qualifier, Qualifier]>([
    ['=', '=', '='],
    ['~', '=', '~'],
    ['=', '~', '~'],
    ['>', '=', '>'], // more activated: rate at least this
    ['=', '>', '<'], // more open: rate at most this
    ['<', '=', '<'],
    ['=', '<', '>'],
    ['>', '<', '>'], // both push the rate up
    ['>', '>', '~'], // they pull opposite ways
    ['<', '~', '~'],
  ])('%s / %s -> %s', (n, d, expected) => {
    expect(ratioQualifier(n, d)).toBe(expected);
  });
});

describe('series', () => {
  const data = [
    obs({ indicator: 'mes_profiles_open', period: '2023-09', value: 3 }),
    obs({ indicator: 'mes_profiles_open', period: '2022-10-31', value: 1 }),
    obs({ indicator: 'mes_profiles_open', period: '2023-02', value: 2 }),
    obs({ indicator: 'mes_profiles_open', period: '2023-02', value: 9, geo: 'REG-27' }),
    obs({
      indicator: 'dmp_docs_sent_per_month',
      period: '2023-08',
      value: 6,
      breakdown: 'biologie',
    }),
    obs({ indicator: 'dmp_docs_sent_per_month', period: '2023-08', value: 12 }),
  ];

  it('selects one indicator, place and breakdown, in time order with real dates', () => {
    const s = series(data, { indicator: 'mes_profiles_open', geo: 'FR' });
    expect(s.map((p) => p.value)).toEqual([1, 2, 3]);
    expect(s.map((p) => p.date.toISOString().slice(0, 10))).toEqual([
      '2022-10-31',
      '2023-02-01',
      '2023-09-01',
    ]);
  });

  it('keeps the total apart from the breakdowns', () => {
    expect(
      series(data, { indicator: 'dmp_docs_sent_per_month', geo: 'FR' }).map((p) => p.value),
    ).toEqual([12]);
    expect(
      series(data, { indicator: 'dmp_docs_sent_per_month', geo: 'FR', breakdown: 'biologie' }).map(
        (p) => p.value,
      ),
    ).toEqual([6]);
  });
});

describe('activationRate', () => {
  it('computes activated / open only from same-period, same-place figures', () => {
    const data = [
      obs({ indicator: 'mes_profiles_open', period: '2023-02', value: 65_700_000 }),
      obs({ indicator: 'mes_profiles_activated', period: '2023-02', value: 7_900_000 }),
      // Mismatched dates: never a rate.
      obs({ indicator: 'mes_profiles_activated', period: '2023-03', value: 8_400_000 }),
      obs({ indicator: 'mes_profiles_open', period: '2024-01-10', value: 68_406_684 }),
      obs({ indicator: 'mes_profiles_activated', period: '2024-01', value: 10_000_000 }),
      // Another place at the same date: never mixed with FR.
      obs({ indicator: 'mes_profiles_open', period: '2023-03', value: 1_000_000, geo: 'REG-27' }),
    ];
    const rate = activationRate(data, 'FR');
    expect(rate).toHaveLength(1);
    expect(rate[0]!.period).toBe('2023-02');
    expect(rate[0]!.value).toBeCloseTo((7.9 / 65.7) * 100, 6);
    expect(rate[0]!.derivedFrom?.map((o) => o.value)).toEqual([7_900_000, 65_700_000]);
  });

  it('carries bounds through: activated exact over open "more than" gives "less than"', () => {
    const data = [
      obs({
        indicator: 'mes_profiles_open',
        period: '2024-10-07',
        value: 66_600_000,
        qualifier: '>',
      }),
      obs({ indicator: 'mes_profiles_activated', period: '2024-10-07', value: 15_000_000 }),
      obs({ indicator: 'mes_activation_rate', period: '2024-10-07', value: 20, qualifier: '~' }),
    ];
    const rate = activationRate(data, 'FR');
    expect(
      rate.map((p) => [p.qualifier, Math.round(p.value * 10) / 10, Boolean(p.derivedFrom)]),
    ).toEqual([
      ['<', 22.5, true],
      ['~', 20, false],
    ]);
  });
});

describe('latestAsOf', () => {
  const points = series(
    [
      obs({ indicator: 'x', period: '2023-02', value: 1 }),
      obs({ indicator: 'x', period: '2023-09-15', value: 2 }),
      obs({ indicator: 'x', period: '2024', value: 3, precision: 'year' }),
    ],
    { indicator: 'x', geo: 'FR' },
  );
  it.each([
    [undefined, 3],
    ['2023-09-14', 1],
    ['2023-09-15', 2],
    ['2024-12-30', 2], // the year 2024 is not over yet
    ['2024-12-31', 3],
    ['2023-02-27', undefined], // February 2023 ends on the 28th
  ])('as of %s -> %s', (asOf, expected) => {
    expect(latestAsOf(points, asOf ? new Date(`${asOf}T00:00:00Z`) : undefined)?.value).toBe(
      expected,
    );
  });

  it('takes a quarter as known once the quarter is over', () => {
    const quarterly = series(
      [
        obs({ indicator: 'x', period: '2025-01', value: 1, precision: 'month' }),
        obs({ indicator: 'x', period: '2025-01', value: 2, precision: 'quarter', sourceUrl: 'q' }),
      ],
      { indicator: 'x', geo: 'FR' },
    );
    const at = (day: string) => latestAsOf(quarterly, new Date(`${day}T00:00:00Z`))?.value;
    expect(at('2025-03-30')).toBe(1);
    expect(at('2025-03-31')).toBe(2);
  });
});
