import { describe, expect, it } from 'vitest';
import { syntheticObservation } from '../../../test/synthetic';
import type { Observation } from '../../feeds/types';
import { outreachComparison } from '../../model/outreach';
import { outreachText } from './outreachView';

// Synthetic figures: made-up counts, never published statistics.
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const NNBSP = '\u202f';
const NBSP = '\u00a0';

function monthlyCounts(geo: string, start: number, rise: (month: number) => number): Observation[] {
  let value = start;
  return Array.from({ length: 12 }, (_, i) => {
    if (i > 0) value += rise(i + 1);
    return syntheticObservation({
      indicator: 'mes_profiles_activated',
      geo,
      period: `2025-${String(i + 1).padStart(2, '0')}`,
      precision: 'month',
      value,
    });
  });
}

describe('outreachText', () => {
  const observations = [
    ...monthlyCounts('REG-53', 100_000, (m) => (m >= 7 ? 20_000 : 10_000)),
    ...monthlyCounts('FR', 10_000_000, () => 500_000),
  ];

  it('sets the place’s change beside the nation’s over the same months', () => {
    const c = outreachComparison(observations, 'REG-53', day('2025-07-01'), day('2026-12-05'));
    const text = outreachText(c, 'fr', 6);
    expect(text.beforeSpan).toBe('de janv. 2025 à juin 2025');
    expect(text.afterSpan).toBe('de juil. 2025 à déc. 2025');
    expect(text.rows.map((r) => [r.name, r.before.value, r.after.value, r.change])).toEqual([
      ['Bretagne', `10${NNBSP}000 par mois`, `20${NNBSP}000 par mois`, `+100${NBSP}%`],
      ['France', `500${NNBSP}000 par mois`, `500${NNBSP}000 par mois`, `0${NBSP}%`],
    ]);
    expect(text.rows[0]!.before.how).toBe('moyenne de 5 mois entiers');
    expect(text.rows[0]!.after.months[0]).toBe(`juil. 2025 : 20${NNBSP}000`);
    expect(text.statement).toBe(
      `Après le 1er juil. 2025, le rythme des activations a évolué de +100${NBSP}% (Bretagne), contre 0${NBSP}% pour la France sur les mêmes mois : l’évolution locale dépasse la tendance nationale.`,
    );
    expect(text.notes.join(' ')).toContain('ne prouve pas');
  });

  it('says plainly when the data cannot tell, in French and in English', () => {
    const few = observations.filter((o) => o.geo === 'FR' || o.period >= '2025-06');
    const c = outreachComparison(few, 'REG-53', day('2025-07-01'), day('2026-12-05'));
    const fr = outreachText(c, 'fr', 6);
    expect(fr.told).toBe(false);
    expect(fr.statement).toMatch(
      /^Les données ne permettent pas de le dire : trop peu de chiffres pour ce territoire \(Bretagne\) dans les 6 mois avant le 1er juil\. 2025/,
    );
    expect(fr.rows[0]!.before.value).toBeUndefined();
    expect(outreachText(c, 'en', 6).statement).toMatch(/^The data cannot tell: too few figures/);
  });
});
