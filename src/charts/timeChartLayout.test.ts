import { syntheticPoint } from '../../test/synthetic';
import { describe, expect, it } from 'vitest';
import { layoutTimeChart } from './timeChartLayout';

describe('layoutTimeChart', () => {
  const series = [
    {
      key: 'b',
      label: 'B',
      // Out of order on purpose: the layout sorts by date.
      points: [syntheticPoint('2023-01', 30, { qualifier: '<' }), syntheticPoint('2021-01', 10)],
    },
    { key: 'a', label: 'A', points: [syntheticPoint('2022-01', 20, { qualifier: '~' })] },
    { key: 'none', label: 'None', points: [] },
  ];
  const layout = layoutTimeChart({ series, width: 360, height: 240, unit: 'count', lang: 'fr' });

  it('keeps series order, sorts points by date and colours each series', () => {
    expect(layout.series.map((s) => s.key)).toEqual(['b', 'a', 'none']);
    expect(layout.series[0]!.points.map((p) => p.point.period)).toEqual(['2021-01', '2023-01']);
    expect(layout.series[0]!.colour).not.toBe(layout.series[1]!.colour);
    expect(layout.series[2]!.connector).toBe('');
  });

  it('fits inside a 360 px wide phone screen', () => {
    for (const s of layout.series) {
      for (const p of s.points) {
        expect(p.x).toBeGreaterThanOrEqual(layout.margin.left);
        expect(p.x).toBeLessThanOrEqual(360 - layout.margin.right);
        expect(p.y).toBeGreaterThanOrEqual(layout.margin.top);
        expect(p.y).toBeLessThanOrEqual(240 - layout.margin.bottom);
      }
    }
    expect(layout.xTicks.length).toBeGreaterThanOrEqual(2);
    expect(layout.xTicks.length).toBeLessThanOrEqual(4);
  });

  it('lists the qualifiers present, in legend order, and the date range', () => {
    expect(layout.qualifiers).toEqual(['=', '~', '<']);
    expect(layout.pointCount).toBe(3);
    expect(layout.first?.period).toBe('2021-01');
    expect(layout.last?.period).toBe('2023-01');
  });

  it('has nothing to draw without points', () => {
    const empty = layoutTimeChart({
      series: [],
      width: 640,
      height: 280,
      unit: 'count',
      lang: 'fr',
    });
    expect(empty.pointCount).toBe(0);
    expect(empty.xTicks).toEqual([]);
    expect(empty.first).toBeUndefined();
  });
});
