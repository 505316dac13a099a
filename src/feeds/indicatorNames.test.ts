import { describe, expect, it } from 'vitest';
import { userIndicator, type Indicator } from '../model/indicators';
import { nameWords, recogniseIndicator } from './indicatorNames';

describe('recogniseIndicator', () => {
  it.each([
    ['mes_profiles_open', 'mes_profiles_open'],
    ['Profils Mon espace santé ouverts', 'mes_profiles_open'],
    ['Mon espace santé profiles open', 'mes_profiles_open'],
    ['Nombre de profils MES ouverts', 'mes_profiles_open'],
    ['Comptes créés', 'mes_profiles_open'],
    ['Créations de comptes', 'mes_profiles_open'],
    ['Nombre de profils MES activés', 'mes_profiles_activated'],
    ['espaces santé activés', 'mes_profiles_activated'],
    ["Taux d'activation (%)", 'mes_activation_rate'],
    ['Activation rate', 'mes_activation_rate'],
    ["Taux d'opposition", 'mes_opposition_rate'],
    ['Documents envoyés', 'dmp_docs_sent_per_month'],
    ['Documents alimentés dans le mois', 'dmp_docs_sent_per_month'],
    ['Documents déposés (cumul)', 'dmp_docs_cumulative'],
    ['Appels INSi', 'insi_calls_per_month'],
    ['Appels INSi sur le semestre', 'insi_calls_in_half_year'],
    ['Structures utilisant INSi', 'insi_equipped_structures'],
  ])('%j is %s', (name, id) => {
    expect(recogniseIndicator(name)?.id).toBe(id);
  });

  it.each([['Région'], ['Mois'], ['Valeur'], ['Nombre par mois'], ['Part des profils activés']])(
    'does not read %j as an indicator',
    (name) => {
      expect(recogniseIndicator(name)).toBeUndefined();
    },
  );

  it('reads a feed’s own indicator by id and by label', () => {
    const own: Indicator = userIndicator({
      id: 'user_ambassadeurs',
      label: { fr: 'Ambassadeurs formés', en: 'Ambassadors trained' },
      unit: { fr: 'personnes', en: 'people' },
      kind: 'stock',
      valueType: 'count',
    });
    const extra = new Map([[own.id, own]]);
    expect(recogniseIndicator('user_ambassadeurs', extra)).toBe(own);
    expect(recogniseIndicator('ambassadeurs  formés', extra)).toBe(own);
    expect(recogniseIndicator('Ambassadeurs formés')).toBeUndefined();
  });

  it('compares words without accents, case or punctuation', () => {
    expect(nameWords('  Taux d’Activation (%) ')).toBe('taux d activation');
  });
});
