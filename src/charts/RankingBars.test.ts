import { render } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { syntheticObservation } from '../../test/synthetic';
import { regionByCode } from '../model/geography';
import { rankRegions, regionSeries, regionValuesAsOf } from '../model/regional';
import { RATE_INDICATOR } from '../model/series';
import { deferredTables } from './deferredTables.svelte';
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

/** A synthetic national reference of 20 % dated February 2024. */
const FRANCE = { value: 20, label: 'France : 20 % (févr. 2024)', date: 'févr. 2024' };

function renderBars(national?: typeof FRANCE) {
  return render(RankingBars, {
    props: {
      id: 'region-ranking',
      title: 'Classement',
      rows: rankRegions(
        values,
        national?.value,
        national && { period: '2024-02', precision: 'month' },
      ),
      nameOf: (code: string) => regionByCode.get(code)?.nom ?? code,
      national,
      nationalNote: 'pas comparable',
      unit: 'percent',
      lang: 'fr',
    },
  });
}

describe('RankingBars', () => {
  // First of the file: no table of this module's has been due yet.
  it('builds its closed table once the page is idle, not with the bars', async () => {
    expect(deferredTables.shown).toBe(false);
    const { container } = renderBars(FRANCE);
    expect(container.querySelectorAll('.bar')).toHaveLength(3);
    expect(container.querySelector('details.chart-table:not([open])')).not.toBeNull();
    expect(container.querySelectorAll('tr.data-row')).toHaveLength(0);
    await vi.waitFor(() => expect(container.querySelectorAll('tr.data-row')).toHaveLength(3));
  });

  it('draws one bar per region with a figure, highest first, each with its date', () => {
    const { container } = renderBars(FRANCE);
    const bars = [...container.querySelectorAll('.bar')];
    expect(bars.map((b) => b.getAttribute('data-geo'))).toEqual(['REG-44', 'REG-27', 'REG-53']);
    expect(bars[0]!.textContent).toContain('Grand Est');
    expect(bars[0]!.textContent).toContain('déc. 2023');
    const widths = bars.map((b) => Number(b.querySelector('rect')!.getAttribute('width')));
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
  });

  it('draws the national value as a reference line between the bars it separates', async () => {
    const { container } = renderBars(FRANCE);
    const reference = container.querySelector('.reference')!;
    expect(reference.getAttribute('data-value')).toBe('20');
    expect(reference.textContent).toContain('France : 20 % (févr. 2024)');
    const x = Number(reference.querySelector('line')!.getAttribute('x1'));
    const end = (geo: string) => {
      const rect = container.querySelector(`.bar[data-geo="${geo}"] rect`)!;
      return Number(rect.getAttribute('x')) + Number(rect.getAttribute('width'));
    };
    expect(x).toBeLessThan(end('REG-27'));
    expect(x).toBeGreaterThan(end('REG-53'));
    // The table alternative gives the difference from France, once the page is idle.
    await vi.waitFor(() => expect(container.querySelectorAll('tr.data-row')).toHaveLength(3));
    const rows = [...container.querySelectorAll('tr.data-row')];
    expect(rows[0]!.textContent).toMatch(/\+10/);
    expect(rows[2]!.textContent).toMatch(/−8/);
  });

  it('says which regions’ figures are more than 3 months from the national one', async () => {
    const { container } = renderBars(FRANCE);
    // Grand Est: December 2023; France: February 2024, 2 months: comparable. None is flagged.
    expect(container.querySelector('[data-testid="ranking-apart"]')).toBeNull();
    const later = { ...FRANCE, label: 'France : 20 % (sept. 2024)', date: 'sept. 2024' };
    const { container: apart } = render(RankingBars, {
      props: {
        id: 'region-ranking-2',
        title: 'Classement',
        rows: rankRegions(values, 20, { period: '2024-09', precision: 'month' }),
        nameOf: (code: string) => regionByCode.get(code)?.nom ?? code,
        national: later,
        unit: 'percent',
        lang: 'fr',
      },
    });
    expect(apart.querySelector('[data-testid="ranking-apart"]')?.textContent).toContain(
      'Les chiffres de 3 régions sont à plus de 3 mois de celui de la France (sept. 2024) : Grand Est, Bourgogne-Franche-Comté, Bretagne.',
    );
    await vi.waitFor(() =>
      expect(apart.querySelector('tr.data-row[data-geo="REG-44"]')).not.toBeNull(),
    );
    const grandEst = apart.querySelector('tr.data-row[data-geo="REG-44"]')!;
    expect(grandEst.textContent).toContain('à 9\u00a0mois du chiffre de la France');
  });

  it('says why there is no reference line when the national value is not comparable', () => {
    const { container } = renderBars();
    expect(container.querySelector('.reference')).toBeNull();
    expect(container.textContent).toContain('pas comparable');
  });
});
