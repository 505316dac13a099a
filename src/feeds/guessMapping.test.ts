import { describe, expect, it } from 'vitest';
import {
  geoPrefixFor,
  guessMapping,
  isTidyHeader,
  missingFields,
  normaliseHeader,
  profileColumn,
} from './guessMapping';

// Synthetic tables: made-up figures, never published data.
const SRC = 'https://example.org/synthetic/guess';

describe('normaliseHeader', () => {
  it.each([
    ['Code région', 'code region'],
    ['  DATE_DE_PUBLICATION ', 'date de publication'],
    ['Émetteur', 'emetteur'],
    ['Valeur (nombre)', 'valeur nombre'],
    ['Tranche d’âge', 'tranche d age'],
  ])('%j -> %j', (raw, expected) => expect(normaliseHeader(raw)).toBe(expected));
});

describe('guessMapping by header names', () => {
  it('maps a French export, with the region prefix from its codes', () => {
    const header = [
      'Indicateur',
      'Code région',
      'Région',
      'Date de publication',
      'Valeur',
      'Qualificatif',
      'Émetteur',
      'Remarque',
    ];
    const rows = [
      ['mes_profiles_open', '53', 'Bretagne', '15/03/2024', '3 012 345', '=', 'ARS', 'x'],
      ['mes_activation_rate', '11', 'Île-de-France', '01/02/2024', '12,5 %', '~', 'ARS', ''],
    ];
    const { mapping, fromContent } = guessMapping(header, rows);
    expect(mapping).toEqual({
      indicator: { column: 'Indicateur' },
      geo: { column: 'Code région', prefix: 'REG-' },
      period: { column: 'Date de publication' },
      value: { column: 'Valeur' },
      qualifier: { column: 'Qualificatif' },
      sourceLabel: { column: 'Émetteur' },
      note: { column: 'Remarque' },
    });
    expect(fromContent).toEqual([]);
  });

  it('maps English names and tidy names, ids kept without a prefix', () => {
    const header = [
      'indicator',
      'geo',
      'period',
      'value',
      'source_url',
      'source_label',
      'comments',
    ];
    const rows = [['mes_profiles_open', 'REG-53', '2024-03', '1', SRC, 'x', '']];
    expect(guessMapping(header, rows).mapping).toEqual({
      indicator: { column: 'indicator' },
      geo: { column: 'geo' },
      period: { column: 'period' },
      value: { column: 'value' },
      sourceUrl: { column: 'source_url' },
      sourceLabel: { column: 'source_label' },
      note: { column: 'comments' },
    });
  });

  it('prefixes department codes with DEP- (2A, 974)', () => {
    const { mapping } = guessMapping(
      ['Département', 'Date', 'Valeur'],
      [
        ['2A', '30/06/2024', '171 234'],
        ['974', '30/06/2024', '812 455'],
      ],
    );
    expect(mapping.geo).toEqual({ column: 'Département', prefix: 'DEP-' });
  });

  it('reads two-digit codes as departments when the header says so', () => {
    const { mapping } = guessMapping(['code_dep', 'mois', 'nb'], [['53', '2024-01', '1']]);
    expect(mapping.geo).toEqual({ column: 'code_dep', prefix: 'DEP-' });
  });

  it('does not map a header whose cells contradict it', () => {
    // "Valeur" holds words: not a value column; the numbers are in "nb".
    const { mapping } = guessMapping(
      ['Valeur', 'nb', 'Date'],
      [
        ['élevée', '12', '2024-01'],
        ['faible', '13', '2024-02'],
      ],
    );
    expect(mapping.value).toEqual({ column: 'nb' });
  });
});

describe('guessMapping: a few bad cells do not undo a header', () => {
  it('keeps Date, Code région and Valeur when half their cells are bad', () => {
    const { mapping } = guessMapping(
      ['Date', 'Code région', 'Valeur'],
      [
        ['2023-13', '53', '12'],
        ['31/01/2024', '99', 'abc'],
      ],
    );
    expect(mapping).toEqual({
      geo: { column: 'Code région', prefix: 'REG-' },
      period: { column: 'Date' },
      value: { column: 'Valeur' },
    });
  });
});

describe('guessMapping by content', () => {
  it('finds dates, numbers, codes, indicator ids, URLs and qualifiers under unknown names', () => {
    const header = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];
    const rows = [
      ['mes_profiles_open', '84', '09/2023', '1 400 000', SRC, '~'],
      ['mes_profiles_open', '53', '10/2023', '610 000', SRC, '='],
    ];
    const { mapping, fromContent } = guessMapping(header, rows);
    expect(mapping).toEqual({
      indicator: { column: 'c1' },
      geo: { column: 'c2', prefix: 'REG-' },
      period: { column: 'c3' },
      value: { column: 'c4' },
      sourceUrl: { column: 'c5' },
      qualifier: { column: 'c6' },
    });
    expect(fromContent).toEqual(['indicator', 'geo', 'period', 'value', 'sourceUrl', 'qualifier']);
  });

  it('leaves fields open when nothing fits, and uses each column once', () => {
    const { mapping } = guessMapping(
      ['Date', 'Profils ouverts'],
      [
        ['31/01/2024', '68 500 000'],
        ['02/2024', '68 600 000'],
      ],
    );
    expect(mapping).toEqual({ period: { column: 'Date' }, value: { column: 'Profils ouverts' } });
    expect(missingFields(mapping)).toEqual(['indicator', 'geo']);
  });

  it('ignores empty cells when profiling', () => {
    const p = profileColumn(['', '53', ' ', '84']);
    expect(p).toMatchObject({ filled: 2, regionCodes: 2, numbers: 2 });
    expect(geoPrefixFor(p)).toBe('REG-');
    expect(geoPrefixFor(profileColumn(['Bretagne', 'Normandie']))).toBeNull();
  });
});

describe('missingFields', () => {
  it('counts empty columns and blank constants as missing', () => {
    expect(
      missingFields({
        indicator: { value: ' ' },
        geo: { value: 'FR' },
        period: { column: '' },
        value: { column: 'v' },
        sourceUrl: { value: SRC },
      }),
    ).toEqual(['indicator', 'period']);
  });

  it('asks a wide mapping for its place and date only, never for a source', () => {
    expect(
      missingFields({
        values: [{ column: 'Ouverts', indicator: 'mes_profiles_open' }],
        geo: { column: 'Code région', kind: 'region' },
        period: { column: '' },
      }),
    ).toEqual(['period']);
    expect(missingFields({ geo: { value: 'FR' }, period: { column: 'Mois' } })).toEqual([
      'indicator',
      'value',
    ]);
  });
});

describe('isTidyHeader', () => {
  it('recognises the tidy header in any order and case', () => {
    expect(
      isTidyHeader(['Value', 'indicator', 'geo', 'period', 'precision', 'qualifier', 'source_url']),
    ).toBe(true);
    expect(isTidyHeader(['indicator', 'geo', 'period', 'value'])).toBe(false);
  });
});
