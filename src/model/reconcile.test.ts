import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticObservation as obs } from '../../test/synthetic';
import { embeddedFeed } from '../feeds/registry';
import { parseFeed } from '../feeds/ingest';
import { calendarPeriod, disputes, preferFigure, reconcile, sourceKind } from './reconcile';
import { activationRate, series } from './series';

const embedded = parseFeed(
  embeddedFeed,
  readFileSync(resolve(import.meta.dirname, '../../data/observations.csv')),
  { today: new Date('2026-11-22') },
).observations;

const src = (n: string) => `https://example.org/synthetic-${n}`;

describe('calendarPeriod', () => {
  it.each([
    ['2022-05-18', 'day', '2022-05'],
    ['2022-05-31', 'month', '2022-05'],
    ['2024-02', 'month', '2024-02'],
    ['2023-06', 'half-year', '2023-H1'],
    ['2023-12-31', 'half-year', '2023-H2'],
    ['2025-01', 'quarter', '2025-Q1'],
    ['2025-03-31', 'quarter', '2025-Q1'],
    ['2025-04', 'quarter', '2025-Q2'],
    ['2025-10', 'quarter', '2025-Q4'],
    ['2023', 'year', '2023'],
    ['2023-12-31', 'year', '2023'],
  ] as const)('%s (%s) -> %s', (period, precision, expected) => {
    expect(calendarPeriod({ period, precision })).toBe(expected);
  });
});

describe('sourceKind', () => {
  it('reads the first word of the label', () => {
    expect(sourceKind('official (CNAM press release)')).toBe('official');
    expect(sourceKind('press (DNS press briefing 5 Feb 2024)')).toBe('press');
    expect(sourceKind('parliament (AN commission)')).toBe('other');
    expect(sourceKind('')).toBe('other');
  });
});

describe('the embedded data', () => {
  it('has exactly two disputes: May 2022 open profiles, Feb 2024 activated profiles', () => {
    const found = disputes(embedded).map((group) =>
      group.map((o) => `${o.indicator} ${o.period} ${o.qualifier}${o.value}`),
    );
    expect(found).toEqual([
      ['mes_profiles_open 2022-05-31 =11200000', 'mes_profiles_open 2022-05-18 ~15000000'],
      ['mes_profiles_activated 2024-02 >11000000', 'mes_profiles_activated 2024-02-05 =10800000'],
    ]);
  });

  it('draws one point per disputed figure, marked, with every value kept', () => {
    const open = series(embedded, { indicator: 'mes_profiles_open', geo: 'FR' });
    const may = open.filter((p) => p.period.startsWith('2022-05'));
    expect(may).toHaveLength(1);
    expect(may[0]).toMatchObject({ period: '2022-05-31', value: 11_200_000 });
    expect(may[0]!.alternatives?.map((a) => a.value)).toEqual([15_000_000]);
    const activated = series(embedded, { indicator: 'mes_profiles_activated', geo: 'FR' });
    const feb = activated.filter((p) => p.period.startsWith('2024-02'));
    expect(feb).toHaveLength(1);
    expect(feb[0]).toMatchObject({ period: '2024-02', value: 11_000_000, qualifier: '>' });
    expect(feb[0]!.alternatives?.map((a) => a.value)).toEqual([10_800_000]);
    // Undisputed points carry no alternatives.
    expect(open.filter((p) => p.alternatives).length).toBe(1);
  });

  it('keeps the other charts whole: as many points as rows minus the two set aside', () => {
    const national = embedded.filter((o) => o.geo === 'FR' && o.breakdown === '');
    const count = (id: string) => national.filter((o) => o.indicator === id).length;
    expect(series(embedded, { indicator: 'mes_profiles_open', geo: 'FR' })).toHaveLength(
      count('mes_profiles_open') - 1,
    );
    expect(activationRate(embedded, 'FR').every((p) => Number.isFinite(p.value))).toBe(true);
  });
});

describe('reconcile', () => {
  it('prefers official to press, whatever the qualifier or date', () => {
    const press = obs({
      period: '2024-02-20',
      value: 2,
      sourceUrl: src('p'),
      sourceLabel: 'press',
    });
    const official = obs({
      period: '2024-02',
      precision: 'month',
      value: 1,
      qualifier: '~',
      sourceUrl: src('o'),
      sourceLabel: 'official (ministry)',
    });
    const [r] = reconcile([press, official]);
    expect(r).toEqual({ point: official, alternatives: [press] });
  });

  it('then exact before a bound before about, then the later date', () => {
    const about = obs({ period: '2024-03-30', value: 1, qualifier: '~', sourceUrl: src('a') });
    const more = obs({ period: '2024-03-02', value: 2, qualifier: '>', sourceUrl: src('b') });
    const exactEarly = obs({ period: '2024-03-01', value: 3, sourceUrl: src('c') });
    const exactLate = obs({ period: '2024-03-15', value: 4, sourceUrl: src('d') });
    expect(reconcile([about, more])[0]!.point).toBe(more);
    expect(reconcile([about, more, exactEarly])[0]!.point).toBe(exactEarly);
    expect(reconcile([exactEarly, exactLate, about])[0]!.point).toBe(exactLate);
    expect([exactEarly, exactLate].sort(preferFigure)[0]).toBe(exactLate);
  });

  it('does not group other months, other places, other breakdowns or other indicators', () => {
    const base = obs({ period: '2024-03-01', value: 1, sourceUrl: src('a') });
    const others = [
      obs({ period: '2024-04-01', value: 2, sourceUrl: src('b') }),
      obs({ period: '2024-03-01', value: 2, sourceUrl: src('b'), geo: 'REG-53' }),
      obs({ period: '2024-03-01', value: 2, sourceUrl: src('b'), breakdown: 'x' }),
      obs({ period: '2024-03-01', value: 2, sourceUrl: src('b'), indicator: 'other' }),
      obs({ period: '2024', precision: 'year', value: 2, sourceUrl: src('b') }),
    ];
    expect(reconcile([base, ...others]).every((r) => r.alternatives.length === 0)).toBe(true);
    expect(reconcile([base, ...others])).toHaveLength(6);
  });

  it('draws once the very same figure delivered by two feeds', () => {
    const a = obs({ period: '2024-03-01', value: 1, feed: 'embedded' });
    const copy = { ...a, feed: 'user-synthetic' };
    const other = obs({ period: '2024-03-25', value: 3, sourceUrl: src('other') });
    expect(reconcile([a, copy, other])).toEqual([{ point: other, alternatives: [a] }]);
    expect(reconcile([a, { ...copy, value: 2 }]).map((r) => r.point)).toHaveLength(2);
  });

  it('draws every figure of one source published twice in a month (a series, not a dispute)', () => {
    const a = obs({ period: '2024-03-01', value: 1 });
    const b = obs({ period: '2024-03-20', value: 2 });
    const c = obs({ period: '2024-03-25', value: 3, sourceUrl: src('other') });
    expect(reconcile([a, b, c]).map((r) => r.point)).toEqual([a, b, c]);
  });
});
