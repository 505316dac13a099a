import { afterEach, describe, expect, it } from 'vitest';
import { syntheticObservation as obs } from '../../../test/synthetic';
import { setUserIndicators } from '../../model/indicators';
import { monthSteps } from '../../model/regional';
import { ACTIVATED_INDICATOR, OPEN_INDICATOR, RATE_INDICATOR } from '../../model/series';
import {
  atDate,
  chosenIndicator,
  dateView,
  indicatorUnit,
  indicatorView,
  offeredIndicators,
  regionsData,
} from './regionsView';

// Synthetic figures (test/synthetic.ts): made up, never published statistics.
const MAP = [RATE_INDICATOR, ACTIVATED_INDICATOR, OPEN_INDICATOR];
const USER = {
  id: 'user_synthetic_count',
  label: { fr: 'Compte synthétique', en: 'Synthetic count' },
  unit: { fr: 'unités', en: 'units' },
  kind: 'stock' as const,
  valueType: 'count' as const,
};

afterEach(() => setUserIndicators([]));

describe('offeredIndicators', () => {
  it('offers the map indicators even without regional figures', () => {
    expect(offeredIndicators([])).toEqual(MAP);
  });

  it('adds every indicator with a regional figure: the catalogue first, then the user’s', () => {
    setUserIndicators([USER]);
    const offered = offeredIndicators([
      obs({ indicator: USER.id, geo: 'REG-53', period: '2025-01', value: 3 }),
      obs({ indicator: 'mes_opposition_rate', geo: 'DEP-29', period: '2025-01', value: 1 }),
    ]);
    expect(offered).toEqual([...MAP, 'mes_opposition_rate', USER.id]);
  });

  it('leaves out ranks and indicators nobody describes', () => {
    expect(
      offeredIndicators([
        obs({ indicator: 'mes_activation_rank_national', geo: 'REG-53', period: '2025', value: 2 }),
        obs({ indicator: 'user_gone', geo: 'REG-53', period: '2025', value: 2 }),
      ]),
    ).toEqual(MAP);
  });
});

describe('chosenIndicator', () => {
  it('takes the address’s indicator only when it is offered', () => {
    expect(chosenIndicator(OPEN_INDICATOR, MAP)).toBe(OPEN_INDICATOR);
    expect(chosenIndicator('dmp_docs_sent_per_month', MAP)).toBe(RATE_INDICATOR);
    expect(chosenIndicator(undefined, MAP)).toBe(RATE_INDICATOR);
  });
});

describe('indicatorUnit and per capita', () => {
  it('reads a percentage from the indicator, the catalogue’s or the user’s', () => {
    setUserIndicators([{ ...USER, id: 'user_share', valueType: 'percent', kind: 'rate' }]);
    expect(indicatorUnit(RATE_INDICATOR)).toBe('percent');
    expect(indicatorUnit('mes_opposition_rate')).toBe('percent');
    expect(indicatorUnit('user_share')).toBe('percent');
    expect(indicatorUnit(OPEN_INDICATOR)).toBe('count');
  });

  it('divides counts by the population, never a share, and compares only what compares', () => {
    setUserIndicators([{ ...USER, id: 'user_share', valueType: 'percent', kind: 'rate' }]);
    const data = regionsData([
      obs({ indicator: 'user_share', geo: 'REG-53', period: '2025-01', value: 40 }),
    ]);
    const share = indicatorView(data, 'user_share', true);
    expect(share.perCapita).toBe(false);
    expect(share.comparable).toBe(true);
    expect(share.byRegion.get('53')!.map((p) => p.value)).toEqual([40]);
    const open = indicatorView(data, OPEN_INDICATOR, false);
    expect(open.comparable).toBe(false);
    expect(indicatorView(data, OPEN_INDICATOR, true)).toMatchObject({
      perCapita: true,
      comparable: true,
    });
  });
});

describe('regionsData and indicatorView', () => {
  const observations = [
    obs({ indicator: OPEN_INDICATOR, geo: 'REG-53', period: '2024-06', value: 100 }),
    obs({ indicator: OPEN_INDICATOR, geo: 'REG-11', period: '2024-03', value: 300 }),
    obs({ indicator: OPEN_INDICATOR, geo: 'DEP-29+DEP-56', period: '2024-03', value: 7 }),
    obs({ indicator: OPEN_INDICATOR, geo: 'FR', period: '2024-06', value: 1000 }),
    obs({ indicator: 'dmp_docs_sent_per_month', geo: 'FR', period: '2024-06', value: 9 }),
  ];
  const data = regionsData(observations);

  it('keeps places only (no group of departments) and France’s figures of offered indicators', () => {
    expect(data.regional.map((o) => o.geo)).toEqual(['REG-53', 'REG-11']);
    expect(data.national.map((o) => o.indicator)).toEqual([OPEN_INDICATOR]);
  });

  it('computes every region’s series once, and what the colours span', () => {
    const view = indicatorView(data, OPEN_INDICATOR, false);
    expect(view.regionsWithData).toBe(2);
    expect(view.scaleValues.sort((a, b) => a - b)).toEqual([100, 300]);
    expect(view.national.map((p) => p.value)).toEqual([1000]);
  });

  it('looks each region’s latest value up at a date, ranked', () => {
    const view = indicatorView(data, OPEN_INDICATOR, false);
    const april = atDate(view, new Date('2024-04-30T00:00:00Z'));
    expect(april.withValueNow).toBe(1);
    expect(april.ranked.map((r) => r.code)).toEqual(['11']);
    // A count is not compared with France's total.
    expect(april.reference).toBeUndefined();
    const july = atDate(view, new Date('2024-07-31T00:00:00Z'));
    expect(july.ranked.map((r) => [r.code, r.rank])).toEqual([
      ['11', 1],
      ['53', 2],
    ]);
  });
});

describe('dateView', () => {
  const today = new Date('2024-08-15T00:00:00Z');
  const steps = monthSteps([{ period: '2024-03' }], today);

  it('starts at the latest step, and places an asked day on its month', () => {
    expect(steps).toEqual(['2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08']);
    expect(dateView(steps, undefined, today)).toEqual({ date: today, stepIndex: 5 });
    expect(dateView(steps, '2024-05-31', today).stepIndex).toBe(2);
  });

  it('holds a day outside the steps at the nearest end', () => {
    expect(dateView(steps, '2023-01-31', today).stepIndex).toBe(0);
    expect(dateView(steps, '2030-01-31', today).stepIndex).toBe(5);
    expect(dateView([], undefined, today)).toEqual({ date: today, stepIndex: 0 });
  });
});
