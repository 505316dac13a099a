import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { syntheticObservation } from '../../test/synthetic';
import { regionByCode } from '../model/geography';
import { rankRegions, regionSeries, regionValuesAsOf } from '../model/regional';
import { RATE_INDICATOR } from '../model/series';
import RankingBars from './RankingBars.svelte';

// Synthetic rates (made up): three regions with a figure, fifteen without.
const observations = [
  ['53', '2024-01-31', 12],
  ['44', '2023-12', 30],
  ['27', '2024-02-15', 21],
].map(([code, period, value]) =>
  syntheticObservation({
    indicator: RATE_INDICATOR,
    geo: `REG-${code}`,
    period: String(period),
    value: Number(value),
  }),
);
const values = regionValuesAsOf(
  regionSeries(observations, RATE_INDICATOR, false),
  new Date('2024-03-31T00:00:00Z'),
);

function renderBars(national?: { value: number; label: string }) {
  return render(RankingBars, {
    props: {
      id: 'region-ranking',
      title: 'Classement',
      rows: rankRegions(values, national?.value),
      nameOf: (code: string) => regionByCode.get(code)?.nom ?? code,
      national,
      nationalNote: 'pas comparable',
      unit: 'percent',
      lang: 'fr',
    },
  });
}

describe('RankingBars', () => {
  it('draws one bar per region with a figure, highest first, each with its date', () => {
    const { container } = renderBars({ value: 20, label: 'France : 20 %' });
    const bars = [...container.querySelectorAll('.bar')];
    expect(bars.map((b) => b.getAttribute('data-geo'))).toEqual(['REG-44', 'REG-27', 'REG-53']);
    expect(bars[0]!.textContent).toContain('Grand Est');
    expect(bars[0]!.textContent).toContain('déc. 2023');
    const widths = bars.map((b) => Number(b.querySelector('rect')!.getAttribute('width')));
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
  });

  it('draws the national value as a reference line between the bars it separates', () => {
    const { container } = renderBars({ value: 20, label: 'France : 20 %' });
    const reference = container.querySelector('.reference')!;
    expect(reference.getAttribute('data-value')).toBe('20');
    expect(reference.textContent).toContain('France : 20 %');
    const x = Number(reference.querySelector('line')!.getAttribute('x1'));
    const end = (geo: string) => {
      const rect = container.querySelector(`.bar[data-geo="${geo}"] rect`)!;
      return Number(rect.getAttribute('x')) + Number(rect.getAttribute('width'));
    };
    expect(x).toBeLessThan(end('REG-27'));
    expect(x).toBeGreaterThan(end('REG-53'));
    // The table alternative gives the difference from France.
    const rows = [...container.querySelectorAll('tr.data-row')];
    expect(rows).toHaveLength(3);
    expect(rows[0]!.textContent).toMatch(/\+10/);
    expect(rows[2]!.textContent).toMatch(/−8/);
  });

  it('says why there is no reference line when the national value is not comparable', () => {
    const { container } = renderBars();
    expect(container.querySelector('.reference')).toBeNull();
    expect(container.textContent).toContain('pas comparable');
  });
});
