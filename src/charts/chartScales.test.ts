import { syntheticPoint } from '../../test/synthetic';
import { describe, expect, it } from 'vitest';
import {
  connectorPath,
  layoutTimeChart,
  qualifierMark,
  timeScale,
  timeTickCount,
  timeTickLabel,
  valueScale,
  valueTicks,
} from './chartScales';

const utc = (y: number, m: number, d = 1) => new Date(Date.UTC(y, m - 1, d));

describe('timeScale', () => {
  it('spaces dates by their true distance', () => {
    const x = timeScale([utc(2020, 1), utc(2022, 1), utc(2022, 2)], [0, 762]);
    expect(x(utc(2020, 1))).toBe(0);
    expect(x(utc(2022, 2))).toBe(762);
    // 731 days then 31 days over 762 px: one pixel a day.
    expect(x(utc(2022, 1))).toBeCloseTo(731);
  });

  it('centres a single date instead of putting it on an edge', () => {
    const x = timeScale([utc(2022, 6)], [0, 100]);
    expect(x(utc(2022, 6))).toBeCloseTo(50);
  });
});

describe('valueScale', () => {
  it('starts at zero and ends on a nice value', () => {
    const y = valueScale([3_200_000, 17_400_000], [200, 0]);
    expect(y.domain()).toEqual([0, 18_000_000]);
    expect(y(0)).toBe(200);
    expect(y(17_400_000)).toBeLessThan(y(3_200_000));
  });

  it('keeps a usable domain for all-zero or missing values', () => {
    expect(valueScale([0, 0], [100, 0]).domain()).toEqual([0, 1]);
    expect(valueScale([], [100, 0]).domain()).toEqual([0, 1]);
  });

  it('reaches below zero only when a value does', () => {
    expect(valueScale([-5, 10], [100, 0]).domain()[0]).toBeLessThan(0);
  });
});

describe('ticks', () => {
  it('formats value ticks compactly in French', () => {
    const y = valueScale([20_000_000], [200, 0]);
    expect(valueTicks(y, 4, 'count', 'fr').map((t) => t.label)).toEqual([
      '0',
      '5\u00a0M',
      '10\u00a0M',
      '15\u00a0M',
      '20\u00a0M',
    ]);
    const p = valueScale([40], [200, 0]);
    expect(valueTicks(p, 2, 'percent', 'en').map((t) => t.label)).toEqual(['0%', '20%', '40%']);
  });

  it.each<[Date, boolean, 'fr' | 'en', string]>([
    [utc(2022, 1), false, 'fr', '2022'],
    [utc(2022, 1), true, 'fr', '2022'],
    [utc(2022, 9), false, 'fr', 'sept.'],
    [utc(2022, 9), true, 'fr', 'sept. 2022'],
    [utc(2022, 9), true, 'en', 'Sept 2022'],
    [utc(2022, 9, 15), false, 'fr', '15 sept.'],
    [utc(2022, 9, 15), true, 'fr', '15 sept. 2022'],
  ])('labels %s (first: %s) in %s as %j', (date, first, lang, expected) => {
    expect(timeTickLabel(date, first, lang)).toBe(expected);
  });

  it('uses fewer time ticks on narrow screens', () => {
    expect(timeTickCount(290)).toBeLessThan(timeTickCount(900));
    expect(timeTickCount(50)).toBe(2);
  });
});

describe('qualifierMark', () => {
  it('draws each qualifier differently', () => {
    expect(qualifierMark('=')).toEqual({ kind: 'circle', r: 5, filled: true });
    expect(qualifierMark('~')).toMatchObject({ kind: 'circle', filled: false });
    const up = qualifierMark('>');
    const down = qualifierMark('<');
    expect(up).toMatchObject({ kind: 'triangle', direction: 'up' });
    expect(down).toMatchObject({ kind: 'triangle', direction: 'down' });
    // Upward: the apex (first vertex) is above the centre, i.e. negative y in SVG.
    const apexY = (d: string) => Number(/^M0,([-\d.]+)/.exec(d)?.[1]);
    if (up.kind !== 'triangle' || down.kind !== 'triangle') throw new Error('not triangles');
    expect(apexY(up.d)).toBeLessThan(0);
    expect(apexY(down.d)).toBeGreaterThan(0);
  });
});

describe('connectorPath', () => {
  it('joins points with straight segments and needs two points', () => {
    expect(connectorPath([{ x: 0, y: 0 }])).toBe('');
    expect(
      connectorPath([
        { x: 0, y: 10 },
        { x: 5, y: 0 },
        { x: 9, y: 4 },
      ]),
    ).toBe('M0,10L5,0L9,4');
  });
});

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

describe('the light scales match d3-scale', () => {
  // A small deterministic generator: the same cases every run.
  let seed = 42;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;

  it('valueScale: the domain, ticks and positions of scaleLinear().nice()', async () => {
    const { scaleLinear } = await import('d3-scale');
    for (let i = 0; i < 300; i++) {
      const low = random() < 0.3 ? -random() * 10 ** (random() * 8) : 0;
      const high = random() * 10 ** (random() * 9);
      const mine = valueScale([low, high], [200, 10]);
      const bottom = Math.min(0, low);
      const reference = scaleLinear()
        .domain([bottom, high > bottom ? high : bottom + 1])
        .range([200, 10])
        .nice();
      expect(mine.domain()).toEqual(reference.domain());
      for (const n of [2, 3, 5, 10]) expect(mine.ticks(n)).toEqual(reference.ticks(n));
      for (const v of [low, high, (low + high) / 2]) expect(mine(v)).toBe(reference(v));
    }
  });

  it('timeScale: the ticks and positions of scaleUtc()', async () => {
    const { scaleUtc } = await import('d3-scale');
    for (let i = 0; i < 300; i++) {
      const t0 = Date.UTC(2015, 0, 1) + random() * 3e11;
      const t1 = t0 + 10 ** (6 + random() * 5);
      const mine = timeScale([new Date(t0), new Date(t1)], [50, 600]);
      const reference = scaleUtc()
        .domain([new Date(t0), new Date(t1)])
        .range([50, 600]);
      for (const n of [2, 3, 5, 8]) expect(mine.ticks(n)).toEqual(reference.ticks(n));
      for (const d of [new Date(t0), new Date(t1), ...reference.ticks(5)]) {
        expect(mine(d)).toBe(reference(d));
      }
    }
  });
});
