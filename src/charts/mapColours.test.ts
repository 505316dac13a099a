import { describe, expect, it } from 'vitest';
import { legendBins, MAP_COLOURS, mapColourScale } from './mapColours';

describe('the map colour classes match d3-scale', () => {
  // d3-scale is a dev dependency here only, as the reference the app's light scale must match.
  it.each([[[3, 47]], [[0]], [[0.3, 0.91]], [[12, 1_234_567]], [[72.4]], [[-5, 0]]])(
    'cuts %j as scaleQuantize().nice() does',
    async (values) => {
      const { scaleQuantize } = await import('d3-scale');
      const top = Math.max(0, ...values);
      const reference = scaleQuantize<string>()
        .domain([0, top > 0 ? top : 1])
        .nice(MAP_COLOURS.length)
        .range([...MAP_COLOURS]);
      const scale = mapColourScale(values);
      expect(scale.domain()).toEqual(reference.domain());
      for (const colour of MAP_COLOURS) {
        expect(scale.invertExtent(colour)).toEqual(reference.invertExtent(colour));
      }
      const [lo, hi] = reference.domain();
      for (let i = 0; i <= 40; i++) {
        const v = lo + ((hi - lo) * i) / 40;
        expect(scale(v), String(v)).toBe(reference(v));
      }
      expect(scale(hi * 2)).toBe(reference(hi * 2));
      expect(scale(-1)).toBe(reference(-1));
    },
  );

  it('labels each class of the legend with its bounds', () => {
    const bins = legendBins(mapColourScale([3, 47]), 'count', 'fr');
    expect(bins.map((b) => b.colour)).toEqual([...MAP_COLOURS]);
    expect(bins[0]!.label).toBe('0 – 10');
    expect(bins[4]!.label).toBe('40 – 50');
  });
});
