import { afterEach, describe, expect, it } from 'vitest';
import {
  breakdownLabel,
  catalogueIndicators,
  indicatorById,
  indicators,
  isCatalogueIndicator,
  setUserIndicators,
} from './indicators';

const trained = {
  id: 'user_ambassadeurs_formes',
  label: { fr: 'Ambassadeurs formés', en: 'Ambassadors trained' },
  unit: { fr: 'personnes', en: 'people' },
  kind: 'stock' as const,
  valueType: 'count' as const,
};

afterEach(() => setUserIndicators([]));

describe('the user indicators registry', () => {
  it('adds the user indicators after the catalogue, and replaces them on each call', () => {
    setUserIndicators([trained], { femmes: 'Femmes' });
    expect(indicators).toHaveLength(catalogueIndicators.length + 1);
    expect(indicatorById.get('user_ambassadeurs_formes')).toMatchObject({
      domain: 'user',
      label: trained.label,
      aggregation: 'sum',
      min: 0,
    });
    expect(isCatalogueIndicator('user_ambassadeurs_formes')).toBe(false);
    expect(breakdownLabel('user_ambassadeurs_formes', 'femmes', 'fr')).toBe('Femmes');
    setUserIndicators([]);
    expect(indicators).toHaveLength(catalogueIndicators.length);
    expect(indicatorById.has('user_ambassadeurs_formes')).toBe(false);
    expect(breakdownLabel('user_ambassadeurs_formes', 'femmes', 'fr')).toBe('femmes');
  });

  it('never lets a user indicator replace a catalogue one', () => {
    const before = indicatorById.get('mes_profiles_open');
    setUserIndicators([{ ...trained, id: 'mes_profiles_open' }]);
    expect(indicatorById.get('mes_profiles_open')).toBe(before);
    expect(indicators).toHaveLength(catalogueIndicators.length);
  });

  it('bounds a user share to 0-100 and does not sum it across places', () => {
    setUserIndicators([{ ...trained, id: 'user_part', valueType: 'percent', kind: 'rate' }]);
    expect(indicatorById.get('user_part')).toMatchObject({ min: 0, max: 100, aggregation: 'none' });
  });
});
