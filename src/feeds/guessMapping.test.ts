import { describe, expect, it } from 'vitest';
import {
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

describe('guessMapping: wide tables, indicators named in the headers', () => {
  it('maps the ARS export: code column for the place, Mois, both value columns', () => {
    const header = [
      'Région',
      'Code région',
      'Mois',
      'Nombre de profils MES ouverts',
      'Nombre de profils MES activés',
    ];
    const rows = [
      ['Bretagne', '53', 'janv. 2025', '2 100 000', '1 050 000'],
      ['Île-de-France', '11', 'janv. 2025', '7 900 000', '3 400 000'],
      ['Normandie', '28', 'févr. 2025', '2 150 000', '1 070 000'],
    ];
    const { mapping, fromContent } = guessMapping(header, rows);
    expect(mapping).toEqual({
      values: [
        { column: 'Nombre de profils MES ouverts', indicator: 'mes_profiles_open' },
        { column: 'Nombre de profils MES activés', indicator: 'mes_profiles_activated' },
      ],
      geo: { column: 'Code région', kind: 'region' },
      period: { column: 'Mois' },
    });
    // No source column: the source is the feed's, asked for by the form, never invented.
    expect(mapping.sourceUrl).toBeUndefined();
    expect(fromContent).toEqual([]);
    expect(missingFields(mapping)).toEqual([]);
  });

  it.each([
    ['Nombre de profils MES ouverts', 'mes_profiles_open'],
    ['Comptes créés', 'mes_profiles_open'],
    ['Nb espaces santé ouverts', 'mes_profiles_open'],
    ['Profils activés', 'mes_profiles_activated'],
    ['Espaces santé activés', 'mes_profiles_activated'],
    ["Taux d'activation (%)", 'mes_activation_rate'],
    ['Taux d’activation des profils', 'mes_activation_rate'],
    ['Documents envoyés au DMP', 'dmp_docs_sent_per_month'],
    ['Documents alimentés par mois', 'dmp_docs_sent_per_month'],
    ['Appels INSi', 'insi_calls_per_month'],
    ['Part des assurés ayant un profil', 'mes_profiles_open_share'],
  ])('recognises %j as %s', (column, indicator) => {
    const { mapping } = guessMapping(
      ['Code région', 'Date', column],
      [
        ['53', '31/01/2025', '12'],
        ['11', '31/01/2025', '13'],
      ],
    );
    expect(mapping.values).toEqual([{ column, indicator }]);
  });

  it('takes a breakdown column, and does not take a named value column with words in it', () => {
    const { mapping } = guessMapping(
      [
        'Code département',
        'Date',
        'Sexe',
        "Tranche d'âge",
        'Profils ouverts',
        'Profils activés (note)',
      ],
      [
        ['2A', '2025-01-31', 'Femmes', '25-34 ans', '10 500', 'n.c.'],
        ['971', '2025-01-31', 'Hommes', '25-34 ans', '9 800', 'n.c.'],
      ],
    );
    expect(mapping.values).toEqual([{ column: 'Profils ouverts', indicator: 'mes_profiles_open' }]);
    expect(mapping.geo).toEqual({ column: 'Code département', kind: 'departement' });
    expect(mapping.breakdown).toEqual({ column: 'Sexe' });
  });

  it('reads a Kibana export: region names, date-times', () => {
    const { mapping } = guessMapping(
      ['@timestamp', 'region.keyword', 'Comptes créés', 'Comptes activés'],
      [
        ['Jan 1, 2025 @ 00:00:00.000', 'Bretagne', '2100000', '1050000'],
        ['Jan 1, 2025 @ 00:00:00.000', "Provence-Alpes-Côte d'Azur", '4100000', '1900000'],
      ],
    );
    expect(mapping).toEqual({
      values: [
        { column: 'Comptes créés', indicator: 'mes_profiles_open' },
        { column: 'Comptes activés', indicator: 'mes_profiles_activated' },
      ],
      geo: { column: 'region.keyword', kind: 'region' },
      period: { column: '@timestamp' },
    });
  });

  it('remembers a month-first order when the dates say it', () => {
    const { mapping } = guessMapping(
      ['Code région', 'Date', 'Profils ouverts'],
      [
        ['53', '01/31/2025', '1'],
        ['53', '02/28/2025', '2'],
      ],
    );
    expect(mapping.period).toEqual({ column: 'Date', order: 'mdy' });
  });
});

describe('guessMapping: long tables', () => {
  it('maps a French export with an indicator column', () => {
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
      geo: { column: 'Code région', kind: 'region' },
      period: { column: 'Date de publication', order: 'dmy' },
      value: { column: 'Valeur' },
      qualifier: { column: 'Qualificatif' },
      sourceLabel: { column: 'Émetteur' },
      note: { column: 'Remarque' },
    });
    expect(fromContent).toEqual([]);
  });

  it('takes an indicator column of names as people write them', () => {
    const { mapping, fromContent } = guessMapping(
      ['Territoire', 'Période', 'Mesure', 'Valeur'],
      [
        ['Bretagne', 'T1 2025', 'Profils ouverts', '2 100 000'],
        ['Bretagne', 'T1 2025', 'Profils activés', '1 050 000'],
      ],
    );
    expect(mapping).toEqual({
      indicator: { column: 'Mesure' },
      geo: { column: 'Territoire', kind: 'region' },
      period: { column: 'Période' },
      value: { column: 'Valeur' },
    });
    expect(fromContent).toEqual([]);
  });

  it('maps English names and tidy names, ids read as any place', () => {
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
      geo: { column: 'geo', kind: 'region' },
      period: { column: 'period' },
      value: { column: 'value' },
      sourceUrl: { column: 'source_url' },
      sourceLabel: { column: 'source_label' },
      note: { column: 'comments' },
    });
  });

  it('reads department codes (2A, 974) as departments', () => {
    const { mapping } = guessMapping(
      ['Département', 'Date', 'Valeur'],
      [
        ['2A', '30/06/2024', '171 234'],
        ['974', '30/06/2024', '812 455'],
      ],
    );
    expect(mapping.geo).toEqual({ column: 'Département', kind: 'departement' });
  });

  it('reads two-digit codes as departments when the header says so', () => {
    const { mapping } = guessMapping(['code_dep', 'mois', 'nb'], [['53', '2024-01', '1']]);
    expect(mapping.geo).toEqual({ column: 'code_dep', kind: 'departement' });
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
      geo: { column: 'Code région', kind: 'region' },
      period: { column: 'Date', order: 'dmy' },
      value: { column: 'Valeur' },
    });
  });
});

describe('guessMapping by content', () => {
  it('finds dates, numbers, codes, indicator ids, URLs and qualifiers under unknown names', () => {
    const header = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];
    const rows = [
      ['mes_profiles_open', 'REG-84', '09/2023', '1 400 000', SRC, '~'],
      ['mes_profiles_open', 'REG-53', '10/2023', '610 000', SRC, '='],
    ];
    const { mapping, fromContent } = guessMapping(header, rows);
    expect(mapping).toEqual({
      indicator: { column: 'c1' },
      geo: { column: 'c2', kind: 'region' },
      period: { column: 'c3' },
      value: { column: 'c4' },
      sourceUrl: { column: 'c5' },
      qualifier: { column: 'c6' },
    });
    expect(fromContent).toEqual(['geo', 'period', 'value', 'indicator', 'sourceUrl', 'qualifier']);
  });

  it('leaves fields open when nothing fits, and uses each column once', () => {
    const { mapping } = guessMapping(
      ['Date', 'Nombre'],
      [
        ['31/01/2024', '68 500 000'],
        ['02/2024', '68 600 000'],
      ],
    );
    expect(mapping).toEqual({
      period: { column: 'Date', order: 'dmy' },
      value: { column: 'Nombre' },
    });
    expect(missingFields(mapping)).toEqual(['indicator', 'geo']);
  });

  it('profiles only filled cells', () => {
    const p = profileColumn(['', '53', ' ', '84'], 'Code région');
    expect(p).toMatchObject({ filled: 2, places: 2, placeKind: 'region', codes: 2, numbers: 2 });
    expect(profileColumn(['Bretagne', 'Normandie'])).toMatchObject({ places: 2, codes: 0 });
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
