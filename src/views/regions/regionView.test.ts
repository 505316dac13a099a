import { describe, expect, it } from 'vitest';
import { syntheticObservation as obs } from '../../../test/synthetic';
import { departements } from '../../model/geography';
import { ACTIVATED_INDICATOR, OPEN_INDICATOR, RATE_INDICATOR } from '../../model/series';
import {
  comparePanels,
  departmentsView,
  departmentValues,
  regionFigures,
  vsFranceCharts,
} from './regionView';
import { offeredIndicators } from './regionsView';

// Synthetic figures (test/synthetic.ts): made up, never published statistics.
const BRETAGNE = departements.filter((d) => d.region === '53').map((d) => d.code);
const observations = [
  ...BRETAGNE.map((c, i) =>
    obs({ indicator: OPEN_INDICATOR, geo: `DEP-${c}`, period: '2024-06', value: 100 * (i + 1) }),
  ),
  ...BRETAGNE.map((c) =>
    obs({ indicator: ACTIVATED_INDICATOR, geo: `DEP-${c}`, period: '2024-06', value: 50 }),
  ),
  obs({ indicator: OPEN_INDICATOR, geo: 'FR', period: '2024-06', value: 10_000 }),
  obs({ indicator: OPEN_INDICATOR, geo: 'REG-11', period: '2024-06', value: 2_000 }),
];
const offered = offeredIndicators(observations);

describe('vsFranceCharts', () => {
  it('draws the region against France for each map indicator, in its unit', () => {
    const charts = vsFranceCharts(observations, { code: '53', name: 'Bretagne' }, false, 'fr');
    expect(charts.map((c) => [c.id, c.unit])).toEqual([
      ['region-rate', 'percent'],
      ['region-activated', 'count'],
      ['region-open', 'count'],
    ]);
    const open = charts[2]!;
    expect(open.series.map((s) => s.key)).toEqual(['REG-53', 'FR']);
    // The region's count is its departments' sum.
    expect(open.series[0]!.points.map((p) => p.value)).toEqual([1000]);
    // Its rate is recomputed from the summed counts: 4 × 50 / 1000.
    expect(charts[0]!.series[0]!.points.map((p) => p.value)).toEqual([20]);
  });

  it('divides counts by the population when asked, never the rate', () => {
    const charts = vsFranceCharts(observations, { code: '53', name: 'Bretagne' }, true, 'fr');
    expect(charts[0]!.series[0]!.points[0]!.value).toBe(20);
    expect(charts[2]!.series[0]!.points[0]!.value).toBeLessThan(1);
  });
});

describe('departmentsView', () => {
  it('gives each department its latest value at a date, and what the colours span', () => {
    const view = departmentsView(observations, '53', offered, OPEN_INDICATOR, false);
    expect(view.hasFigures).toBe(true);
    expect(view.scaleValues).toEqual([100, 200, 300, 400]);
    const before = departmentValues(view, new Date('2024-05-31T00:00:00Z'));
    expect(before.map((v) => v.value)).toEqual([undefined, undefined, undefined, undefined]);
    const after = departmentValues(view, new Date('2024-07-31T00:00:00Z'));
    expect(after.map((v) => [v.code, v.value?.point.value])).toEqual(
      BRETAGNE.map((c, i) => [c, 100 * (i + 1)]),
    );
  });

  it('says when no department has a figure', () => {
    expect(departmentsView(observations, '11', offered, OPEN_INDICATOR, false).hasFigures).toBe(
      false,
    );
  });
});

describe('regionFigures', () => {
  it('lists published figures of the region and its departments, and the computed ones', () => {
    const rows = regionFigures(observations, '53');
    expect(rows.filter((r) => !r.computed)).toHaveLength(2 * BRETAGNE.length);
    expect(rows.filter((r) => r.computed).map((r) => [r.point.indicator, r.point.value])).toEqual(
      expect.arrayContaining([
        [OPEN_INDICATOR, 1000],
        [RATE_INDICATOR, 20],
      ]),
    );
    expect(rows.every((r) => r.point.geo !== 'REG-11' && r.point.geo !== 'FR')).toBe(true);
  });
});

describe('comparePanels', () => {
  it('puts this region first, then the compared ones, on one indicator', () => {
    const panels = comparePanels(observations, ['53', '11'], OPEN_INDICATOR, false, (c) => c);
    expect(panels.map((p) => [p.key, p.points.map((x) => x.value)])).toEqual([
      ['REG-53', [1000]],
      ['REG-11', [2000]],
    ]);
  });
});
