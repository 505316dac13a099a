import { describe, expect, it } from 'vitest';
import { syntheticArsWideCsv } from '../../../test/syntheticArs';
import { readDraft } from './feedDraft';
import { guessPageMapping, indicatorFromHeader } from './guessWide';

describe('indicatorFromHeader', () => {
  it.each([
    ['Nombre de profils MES ouverts', 'mes_profiles_open'],
    ['Profils créés', 'mes_profiles_open'],
    ['Comptes ouverts', 'mes_profiles_open'],
    ['Espaces santé ouverts', 'mes_profiles_open'],
    ['Nombre de profils MES activés', 'mes_profiles_activated'],
    ['profils_actives', 'mes_profiles_activated'],
    ["Taux d'activation (%)", 'mes_activation_rate'],
    ['Documents envoyés au DMP', 'dmp_docs_sent_per_month'],
    ['Documents alimentés', 'dmp_docs_sent_per_month'],
    ['Appels INSi', 'insi_calls_per_month'],
    ['Profils Mon espace santé ouverts', 'mes_profiles_open'],
    ['mes_profiles_open', 'mes_profiles_open'],
  ])('reads “%s” as %s', (header, id) => {
    expect(indicatorFromHeader(header)).toBe(id);
  });

  it.each(['Région', 'Mois', 'Valeur', 'Code région', ''])('names no indicator in “%s”', (h) => {
    expect(indicatorFromHeader(h)).toBeUndefined();
  });
});

describe('guessPageMapping', () => {
  it('proposes the wide mapping of the ARS export: region codes, French months, two indicators', () => {
    const draft = readDraft(syntheticArsWideCsv(), 'synthetic-ars.csv');
    const { mapping } = guessPageMapping(draft.header, draft.rows);
    expect(mapping).toEqual({
      geo: { column: 'Code région', kind: 'region' },
      period: { column: 'Mois' },
      values: [
        { column: 'Nombre de profils MES ouverts', indicator: 'mes_profiles_open' },
        { column: 'Nombre de profils MES activés', indicator: 'mes_profiles_activated' },
      ],
    });
  });

  it('keeps the long mapping of a table whose headers name no indicator', () => {
    const draft = readDraft(
      new TextEncoder().encode(
        'Date;Code région;Valeur\n31/01/2024;53;1 000\n29/02/2024;84;2 000\n',
      ),
      'synthetic-long.csv',
    );
    const { mapping } = guessPageMapping(draft.header, draft.rows);
    expect(mapping.values).toBeUndefined();
    expect(mapping).toMatchObject({
      geo: { column: 'Code région', kind: 'region' },
      period: { column: 'Date' },
      value: { column: 'Valeur' },
    });
  });
});
