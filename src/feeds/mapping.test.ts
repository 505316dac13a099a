import { describe, expect, it } from 'vitest';
import {
  isWide,
  mappedColumns,
  normaliseConfig,
  normaliseMapping,
  userVocabulary,
} from './mapping';
import type { ColumnMapping, FeedConfig } from './types';

// Synthetic mappings, as version 1 of the Feeds page saved them (places by prefix).
const v1: ColumnMapping = {
  indicator: { value: 'mes_profiles_open' },
  geo: { column: 'Code', prefix: 'REG-' },
  period: { column: 'Date' },
  value: { column: 'Valeur' },
  sourceUrl: { value: 'https://example.org/synthetic' },
};

describe('normaliseMapping', () => {
  it.each([
    [
      { column: 'Code', prefix: 'REG-' },
      { column: 'Code', kind: 'region' },
    ],
    [
      { column: 'Code', prefix: 'DEP-' },
      { column: 'Code', kind: 'departement' },
    ],
    [{ column: 'Code' }, { column: 'Code', kind: 'any' }],
    [
      { column: 'Code', prefix: '' },
      { column: 'Code', kind: 'any' },
    ],
    // Never offered by the page, possible in a hand-written file: kept, still applied.
    [
      { column: 'Code', prefix: 'DEP-0' },
      { column: 'Code', kind: 'any', prefix: 'DEP-0' },
    ],
    [{ value: 'FR' }, { value: 'FR' }],
    [
      { column: 'Code', kind: 'departement' },
      { column: 'Code', kind: 'departement' },
    ],
  ])('reads the place source %j as %j', (geo, expected) => {
    expect(normaliseMapping({ ...v1, geo } as ColumnMapping).geo).toEqual(expected);
  });

  it('keeps every other field as it was, and is idempotent', () => {
    const once = normaliseMapping(v1);
    expect(once).toEqual({ ...v1, geo: { column: 'Code', kind: 'region' } });
    expect(normaliseMapping(once)).toEqual(once);
    expect(v1.geo).toEqual({ column: 'Code', prefix: 'REG-' });
  });

  it('normalises a configuration and its upstream mapping, leaving the rest', () => {
    const config: FeedConfig = {
      id: 'user-x',
      label: { fr: 'x', en: 'x' },
      format: 'mapped-csv',
      url: 'x.csv',
      mapping: v1,
      upstream: { url: 'https://example.org/x.csv', format: 'mapped-csv', mapping: v1 },
    };
    const out = normaliseConfig(config);
    expect(out.mapping!.geo).toEqual({ column: 'Code', kind: 'region' });
    expect(out.upstream!.mapping!.geo).toEqual({ column: 'Code', kind: 'region' });
    expect({ ...out, mapping: v1, upstream: config.upstream }).toEqual(config);
  });
});

describe('isWide and mappedColumns', () => {
  const wide: ColumnMapping = {
    values: [
      { column: 'Ouverts', indicator: 'mes_profiles_open' },
      { column: 'Activés', indicator: 'mes_profiles_activated' },
    ],
    geo: { column: 'Code région', kind: 'region' },
    period: { column: 'Mois' },
    breakdown: { column: 'Sexe' },
  };
  it('tells a wide mapping from a long one', () => {
    expect(isWide(wide)).toBe(true);
    expect(isWide(v1)).toBe(false);
    expect(isWide({ ...wide, values: [] })).toBe(false);
  });
  it('lists every column read', () => {
    expect(mappedColumns(wide)).toEqual([
      { field: 'mes_profiles_open', column: 'Ouverts' },
      { field: 'mes_profiles_activated', column: 'Activés' },
      { field: 'geo', column: 'Code région' },
      { field: 'period', column: 'Mois' },
      { field: 'breakdown', column: 'Sexe' },
    ]);
  });
});

describe('userVocabulary', () => {
  it('gathers the user indicators and breakdown labels of every feed', () => {
    const u = {
      id: 'user_a',
      label: { fr: 'A', en: 'A' },
      unit: { fr: 'u', en: 'u' },
      kind: 'stock' as const,
      valueType: 'count' as const,
    };
    const base = { label: { fr: 'x', en: 'x' }, format: 'mapped-csv' as const, url: 'x' };
    expect(
      userVocabulary([
        { ...base, id: 'user-1', indicators: [u], breakdownLabels: { femmes: 'Femmes' } },
        { ...base, id: 'user-2' },
      ]),
    ).toEqual({ indicators: [u], breakdownLabels: { femmes: 'Femmes' } });
  });
});
