import { describe, expect, it } from 'vitest';
import type { Observation } from './types';
import { checkAcrossRows } from './validate';

// Synthetic figures.
const base: Observation = {
  indicator: 'mes_profiles_open',
  breakdown: '',
  geo: 'REG-53',
  period: '2025-01',
  precision: 'month',
  value: 1000,
  qualifier: '=',
  sourceUrl: '',
  sourceLabel: 'Export synthétique',
  note: '',
  feed: 'f',
};

function day(i: number): string {
  return new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
}

describe('checkAcrossRows', () => {
  it('tells sources without an address apart by their label', () => {
    const other = { ...base, sourceLabel: 'Autre export', value: 2000 };
    const { kept, issues } = checkAcrossRows([base, other], [2, 3], ['v', 'v'], 'f');
    expect(kept).toHaveLength(2);
    expect(issues).toEqual([]);
  });

  it.each([
    ['few series and dates (a dense table)', 3],
    ['more series × dates than a dense table holds (a map)', 4_200],
  ])('finds duplicates and conflicts with %s', (_name, spread) => {
    // `spread` figures, each of its own source and day: series × periods = spread².
    const many = Array.from({ length: spread }, (_, i) => ({
      ...base,
      sourceLabel: `source ${i}`,
      period: day(i),
      precision: 'day' as const,
    }));
    const list = [...many, { ...many[1]! }, { ...many[2]!, value: 999 }];
    const lines = list.map((_, i) => i + 2);
    const columns = list.map(() => 'Valeur');
    const { kept, issues, warnings } = checkAcrossRows(list, lines, columns, 'f');
    expect(kept).toHaveLength(spread);
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'row.duplicate', row: spread + 2, params: { line: 3 } }),
    ]);
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'value.conflict',
        row: spread + 3,
        column: 'Valeur',
        params: { line: 4, first: 1000, value: 999 },
      }),
    ]);
  });

  it('finds more activated than open in the same series, whichever comes first', () => {
    const activated = { ...base, indicator: 'mes_profiles_activated', value: 1200 };
    const elsewhere = { ...activated, geo: 'REG-11' };
    const { issues } = checkAcrossRows(
      [activated, base, elsewhere],
      [2, 3, 4],
      ['Activés', 'Ouverts', 'Activés'],
      'f',
    );
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'value.activatedAboveOpen',
        row: 2,
        column: 'Activés',
        params: { value: 1200, open: 1000, line: 3 },
      }),
    ]);
  });
});
