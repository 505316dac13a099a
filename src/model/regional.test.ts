import { describe, expect, it } from 'vitest';
import type { Observation } from './observation';
import { syntheticObservation } from '../../test/synthetic';
import { departements, regions } from './geography';
import { ACTIVATED_INDICATOR, OPEN_INDICATOR, RATE_INDICATOR, series } from './series';
import {
  asOf,
  displaySeries,
  monthSteps,
  perHundred,
  placeSeries,
  population,
  populationOf,
  rankRegions,
  regionSeries,
  regionValuesAsOf,
  rollUpDepartments,
  stepDay,
  sumQualifier,
  valueAge,
  type RegionValue,
} from './regional';

const obs = syntheticObservation;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const departmentsOf = (region: string) =>
  departements.filter((d) => d.region === region).map((d) => `DEP-${d.code}`);

// Bretagne (53) has four departments: 22, 29, 35, 56.
const BRETAGNE = departmentsOf('53');

function allDepartments(
  indicator: string,
  period: string,
  value: (geo: string, i: number) => number,
  over: Partial<Observation> = {},
): Observation[] {
  return BRETAGNE.map((geo, i) => obs({ indicator, geo, period, value: value(geo, i), ...over }));
}

describe('asOf', () => {
  const points = series(
    [
      obs({ indicator: 'x', period: '2023-01-15', value: 1 }),
      obs({ indicator: 'x', period: '2023-03', value: 2 }),
      obs({ indicator: 'x', period: '2024', value: 3 }),
    ],
    { indicator: 'x', geo: 'FR' },
  );

  it('takes the latest figure whose period ended at or before the date, with its age', () => {
    expect(asOf(points, day('2023-01-15'))).toMatchObject({ point: { value: 1 }, ageDays: 0 });
    expect(asOf(points, day('2023-03-30'))).toMatchObject({ point: { value: 1 }, ageDays: 74 });
    // A month figure counts once its month is over.
    expect(asOf(points, day('2023-03-31'))).toMatchObject({ point: { value: 2 }, ageDays: 0 });
    expect(asOf(points, day('2024-06-30'))).toMatchObject({ point: { value: 2 }, ageDays: 457 });
    expect(asOf(points, day('2025-01-10'))).toMatchObject({ point: { value: 3 }, ageDays: 10 });
  });

  it('has nothing before the first figure', () => {
    expect(asOf(points, day('2023-01-14'))).toBeUndefined();
    expect(asOf([], day('2030-01-01'))).toBeUndefined();
  });
});

describe('valueAge', () => {
  it.each([
    [0, { amount: 0, unit: 'day' }],
    [30, { amount: 30, unit: 'day' }],
    [31, { amount: 1, unit: 'month' }],
    [100, { amount: 3, unit: 'month' }],
    [729, { amount: 24, unit: 'month' }],
    [1100, { amount: 3, unit: 'year' }],
  ])('%i days read as %o', (days, expected) => {
    expect(valueAge(days)).toEqual(expected);
  });
});

describe('rollUpDepartments', () => {
  it('sums the departments of a region at a period where every one of them has a figure', () => {
    const rolled = rollUpDepartments(
      allDepartments(OPEN_INDICATOR, '2024-06-30', (_, i) => 100 * (i + 1)),
      OPEN_INDICATOR,
      '53',
    );
    expect(rolled).toHaveLength(1);
    expect(rolled[0]).toMatchObject({ geo: 'REG-53', period: '2024-06-30', value: 1000 });
    expect(rolled[0]!.qualifier).toBe('=');
    expect(rolled[0]!.derivedFrom).toHaveLength(4);
  });

  it('gives nothing when one department is missing, or reports another date', () => {
    const three = allDepartments(OPEN_INDICATOR, '2024-06-30', () => 10).slice(0, 3);
    expect(rollUpDepartments(three, OPEN_INDICATOR, '53')).toEqual([]);
    const otherDate = [
      ...three,
      obs({ indicator: OPEN_INDICATOR, geo: BRETAGNE[3]!, period: '2024-06-29', value: 10 }),
    ];
    expect(rollUpDepartments(otherDate, OPEN_INDICATOR, '53')).toEqual([]);
  });

  it('ignores breakdowns and departments of other regions', () => {
    const data = [
      ...allDepartments(OPEN_INDICATOR, '2024-06-30', () => 10, { breakdown: 'age_25_69' }),
      obs({ indicator: OPEN_INDICATOR, geo: 'DEP-75', period: '2024-06-30', value: 10 }),
    ];
    expect(rollUpDepartments(data, OPEN_INDICATOR, '53')).toEqual([]);
  });

  it('carries the qualifiers of its parts', () => {
    const data = allDepartments(OPEN_INDICATOR, '2024-06-30', () => 10).map((o, i) =>
      i === 0 ? { ...o, qualifier: '>' as const } : o,
    );
    expect(rollUpDepartments(data, OPEN_INDICATOR, '53')[0]!.qualifier).toBe('>');
  });
});

describe('sumQualifier', () => {
  it.each([
    [['=', '='], '='],
    [['=', '>'], '>'],
    [['<', '<', '='], '<'],
    [['>', '<'], '~'],
    [['=', '~'], '~'],
  ] as const)('%o sums to %s', (parts, expected) => {
    expect(sumQualifier(parts)).toBe(expected);
  });
});

describe('placeSeries', () => {
  it('recomputes a region rate from rolled-up counts, never averaging department rates', () => {
    // Department rates 50 % on 100 and 10 % on 900 profiles: the mean of rates would say 30 %.
    const opens = [100, 900, 500, 500];
    const activated = [50, 90, 50, 50];
    const data = [
      ...allDepartments(OPEN_INDICATOR, '2024-06-30', (_, i) => opens[i]!),
      ...allDepartments(ACTIVATED_INDICATOR, '2024-06-30', (_, i) => activated[i]!),
      ...allDepartments(RATE_INDICATOR, '2024-06-30', (_, i) => (activated[i]! / opens[i]!) * 100),
    ];
    const rate = placeSeries(data, RATE_INDICATOR, 'REG-53');
    expect(rate).toHaveLength(1);
    expect(rate[0]!.value).toBeCloseTo((240 / 2000) * 100, 10);
    expect(rate[0]!.derivedFrom?.map((p) => p.value)).toEqual([240, 2000]);
  });

  it('keeps published rates of a region as they are, with no department input', () => {
    const data = [
      obs({ indicator: RATE_INDICATOR, geo: 'REG-27', period: '2023-12-20', value: 15 }),
    ];
    expect(placeSeries(data, RATE_INDICATOR, 'REG-27').map((p) => p.value)).toEqual([15]);
  });

  it('prefers what the region published over the sum of its departments at the same period', () => {
    const data = [
      ...allDepartments(OPEN_INDICATOR, '2024-06-30', () => 10),
      ...allDepartments(OPEN_INDICATOR, '2024-07-31', () => 20),
      obs({ indicator: OPEN_INDICATOR, geo: 'REG-53', period: '2024-06-30', value: 41 }),
    ];
    const points = placeSeries(data, OPEN_INDICATOR, 'REG-53');
    expect(points.map((p) => [p.period, p.value, Boolean(p.derivedFrom)])).toEqual([
      ['2024-06-30', 41, false],
      ['2024-07-31', 80, true],
    ]);
  });
});

describe('per 100 inhabitants', () => {
  it('divides by the INSEE population of the place', () => {
    const bretagne = population.regions['53']!;
    const point = series(
      [obs({ indicator: OPEN_INDICATOR, geo: 'REG-53', period: '2024-01', value: bretagne / 2 })],
      { indicator: OPEN_INDICATOR, geo: 'REG-53' },
    )[0]!;
    const per = perHundred(point)!;
    expect(per.value).toBeCloseTo(50, 10);
    expect(per.derivedFrom).toEqual([point]);
    expect(populationOf('FR')).toBe(population.total);
    expect(populationOf('DEP-2A')).toBe(population.departements['2A']);
    expect(populationOf('DEP-31+DEP-44')).toBeUndefined();
  });

  it('applies to counts only: a rate is shown as it is', () => {
    const data = [
      obs({ indicator: RATE_INDICATOR, geo: 'REG-44', period: '2024', value: 22.8 }),
      obs({ indicator: OPEN_INDICATOR, geo: 'REG-44', period: '2024', value: 1000 }),
    ];
    expect(displaySeries(data, RATE_INDICATOR, 'REG-44', true)[0]!.value).toBe(22.8);
    expect(displaySeries(data, OPEN_INDICATOR, 'REG-44', true)[0]!.value).toBeCloseTo(
      (1000 / population.regions['44']!) * 100,
      10,
    );
  });
});

describe('regionValuesAsOf and rankRegions', () => {
  const data = [
    obs({ indicator: RATE_INDICATOR, geo: 'REG-27', period: '2023-12-20', value: 15 }),
    obs({ indicator: RATE_INDICATOR, geo: 'REG-27', period: '2024-01-10', value: 16 }),
    obs({ indicator: RATE_INDICATOR, geo: 'REG-44', period: '2024-12-31', value: 22.8 }),
    obs({ indicator: RATE_INDICATOR, geo: 'REG-53', period: '2024-12-31', value: 22.8 }),
    obs({ indicator: RATE_INDICATOR, geo: 'REG-11', period: '2023-06', value: 9 }),
    obs({ indicator: RATE_INDICATOR, geo: 'FR', period: '2024-12-31', value: 20 }),
  ];
  const byRegion = regionSeries(data, RATE_INDICATOR, false);

  it('lists all 18 regions, with a value only where one exists by that date', () => {
    const values = regionValuesAsOf(byRegion, day('2024-01-31'));
    expect(values.map((v) => v.code).sort()).toEqual(regions.map((r) => r.code).sort());
    const withValue = Object.fromEntries(
      values.filter((v) => v.value).map((v) => [v.code, [v.value!.point.value, v.value!.ageDays]]),
    );
    expect(withValue).toEqual({ '27': [16, 21], '11': [9, 215] });
  });

  it('ranks highest first, ties sharing a rank, against the national value', () => {
    const ranked = rankRegions(regionValuesAsOf(byRegion, day('2025-01-01')), 20);
    expect(ranked.map((r) => [r.code, r.rank])).toEqual([
      ['44', 1],
      ['53', 1],
      ['27', 3],
      ['11', 4],
    ]);
    expect(ranked[0]!.difference).toBeCloseTo(2.8, 10);
    expect(ranked[3]!.difference).toBe(-11);
  });

  it('has no difference without a national reference, and no entry for regions without data', () => {
    const none: RegionValue[] = [{ code: '53' }];
    expect(rankRegions(none)).toEqual([]);
    const ranked = rankRegions(regionValuesAsOf(byRegion, day('2025-01-01')));
    expect(ranked.every((r) => r.difference === undefined)).toBe(true);
  });
});

describe('date steps', () => {
  it('runs month by month from the first figure to the month of today', () => {
    const steps = monthSteps([{ period: '2023-11-20' }, { period: '2024' }], day('2024-02-10'));
    expect(steps).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(monthSteps([], day('2024-02-10'))).toEqual([]);
  });

  it('takes the last day of a month, or today within the current month', () => {
    expect(stepDay('2024-02', day('2025-01-01'))).toBe('2024-02-29');
    expect(stepDay('2024-02', day('2024-02-10'))).toBe('2024-02-10');
  });
});

describe('regionSeries', () => {
  it('gives each region the series displaySeries gives it from all the figures', () => {
    const data: Observation[] = [
      ...BRETAGNE.flatMap((geo, i) => [
        obs({ indicator: OPEN_INDICATOR, geo, period: '2024-06', value: 1000 + i }),
        obs({ indicator: ACTIVATED_INDICATOR, geo, period: '2024-06', value: 300 + i }),
      ]),
      obs({ indicator: OPEN_INDICATOR, geo: 'REG-53', period: '2023-12', value: 3900 }),
      obs({ indicator: RATE_INDICATOR, geo: 'REG-27', period: '2024-01-10', value: 16 }),
      obs({ indicator: ACTIVATED_INDICATOR, geo: 'REG-11', period: '2024-03', value: 500 }),
      obs({ indicator: OPEN_INDICATOR, geo: 'REG-11', period: '2024-03', value: 2000 }),
      obs({ indicator: OPEN_INDICATOR, geo: 'DEP-22+DEP-29', period: '2024-06', value: 9 }),
      obs({ indicator: OPEN_INDICATOR, geo: 'FR', period: '2024-06', value: 60000 }),
    ];
    for (const indicator of [RATE_INDICATOR, OPEN_INDICATOR, ACTIVATED_INDICATOR]) {
      for (const perCapita of [false, true]) {
        const byRegion = regionSeries(data, indicator, perCapita);
        for (const r of regions) {
          expect(byRegion.get(r.code), `${indicator} ${perCapita} ${r.code}`).toEqual(
            displaySeries(data, indicator, `REG-${r.code}`, perCapita),
          );
        }
      }
    }
    expect(regionSeries(data, RATE_INDICATOR, false).get('53')!.length).toBeGreaterThan(0);
  });
});
