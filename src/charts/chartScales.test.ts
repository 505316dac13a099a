import { describe, expect, it } from 'vitest';
import { timeScale, timeTickCount, timeTickLabel, valueScale, valueTicks } from './chartScales';

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
