import { describe, expect, it } from 'vitest';
import { syntheticArsWideCsv } from '../../../test/syntheticArs';
import { readDraft } from './feedDraft';
import { guessMapping } from '../../feeds/guessMapping';
import {
  addIndicator,
  chosenValueColumns,
  defaultSourceLabel,
  draftConfig,
  feedNameOf,
  indicatorOptions,
  mappingOf,
  stateFromMapping,
  stateProblems,
  valueColumnChoices,
  type MappingState,
} from './mappingState';

// Synthetic files: made-up figures, example.org addresses.
const enc = (s: string) => new TextEncoder().encode(s);
const at = new Date('2026-12-05T10:00:00Z');

function arsState() {
  const draft = readDraft(syntheticArsWideCsv(), 'synthetic-ars.csv');
  const guess = guessMapping(draft.header, draft.rows);
  const state = stateFromMapping(guess.mapping, defaultSourceLabel(draft, at, 'fr'));
  return { draft, state };
}

describe('defaultSourceLabel', () => {
  it('names the file and the day it was imported, in French or English', () => {
    expect(defaultSourceLabel({ name: 'export-ars.csv' }, at, 'fr')).toBe(
      'Fichier export-ars.csv, importé le 5 déc. 2026',
    );
    expect(defaultSourceLabel({ name: 'export-ars.csv' }, at, 'en')).toBe(
      'File export-ars.csv, imported on 5 Dec 2026',
    );
    expect(
      defaultSourceLabel({ name: 'x.csv', url: 'https://example.org/data/x.csv' }, at, 'fr'),
    ).toBe('Données de example.org, lues le 5 déc. 2026');
  });
});

describe('the guessed ARS export', () => {
  it('needs nothing more: wide, the source given once with a label and no link', () => {
    const { draft, state } = arsState();
    expect(state.shape).toBe('wide');
    expect(stateProblems(state, draft.header)).toEqual([]);
    const config = draftConfig(draft, 'user-ars', 'Export ARS', state);
    expect(config).toEqual({
      id: 'user-ars',
      label: { fr: 'Export ARS', en: 'Export ARS' },
      format: 'mapped-csv',
      url: 'synthetic-ars.csv',
      mapping: {
        geo: { column: 'Code région', kind: 'region' },
        period: { column: 'Mois' },
        values: [
          { column: 'Nombre de profils MES ouverts', indicator: 'mes_profiles_open' },
          { column: 'Nombre de profils MES activés', indicator: 'mes_profiles_activated' },
        ],
      },
      source: { label: 'Fichier synthetic-ars.csv, importé le 5 déc. 2026' },
    });
  });

  it('offers as value columns every column not taken by the place or the date', () => {
    const { draft, state } = arsState();
    expect(valueColumnChoices(state, draft.header)).toEqual([
      'Région',
      'Nombre de profils MES ouverts',
      'Nombre de profils MES activés',
    ]);
    // A column no longer offered (taken for a breakdown) is no longer imported as values.
    const taken: MappingState = {
      ...state,
      optional: { ...state.optional, breakdown: 'Nombre de profils MES activés' },
    };
    expect(chosenValueColumns(taken, draft.header).map((v) => v.column)).toEqual([
      'Nombre de profils MES ouverts',
    ]);
  });

  it('says what is missing or refused', () => {
    const { draft, state } = arsState();
    const broken: MappingState = {
      ...state,
      geo: { ...state.geo, column: '' },
      columns: {},
      source: { ...state.source, label: ' ', url: 'http://example.org/x' },
    };
    expect(stateProblems(broken, draft.header)).toEqual([
      { field: 'geo' },
      { field: 'values' },
      { field: 'sourceLabel' },
      { field: 'sourceUrl', reason: expect.stringMatching(/only https/) },
    ]);
    const withLink: MappingState = {
      ...state,
      source: { ...state.source, url: ' https://example.org/synthetic/ars ' },
    };
    expect(stateProblems(withLink, draft.header)).toEqual([]);
    expect(draftConfig(draft, 'user-ars', 'x', withLink).source).toEqual({
      label: 'Fichier synthetic-ars.csv, importé le 5 déc. 2026',
      url: 'https://example.org/synthetic/ars',
    });
  });

  it('reads the source from columns when the user says so', () => {
    const { draft, state } = arsState();
    const columns: MappingState = {
      ...state,
      source: { ...state.source, mode: 'column', urlColumn: '', labelColumn: '' },
    };
    expect(stateProblems(columns, draft.header)).toEqual([{ field: 'sourceColumn' }]);
    const labelled = { ...columns, source: { ...columns.source, labelColumn: 'Région' } };
    const config = draftConfig(draft, 'user-ars', 'x', labelled);
    expect(config.source).toBeUndefined();
    expect(config.mapping?.sourceLabel).toEqual({ column: 'Région' });
    expect(valueColumnChoices(labelled, draft.header)).not.toContain('Région');
  });
});

describe('long tables', () => {
  const draft = readDraft(
    enc('Date;Code région;Valeur\n01/02/2024;53;1 000\n01/03/2024;84;2 000\n'),
    'synthetic-long.csv',
  );
  const state = stateFromMapping(guessMapping(draft.header, draft.rows).mapping, 'Fichier');

  it('asks for the indicator, then maps one value column to it, dates in the order chosen', () => {
    expect(state.shape).toBe('long');
    expect(stateProblems(state, draft.header)).toEqual([{ field: 'indicator' }]);
    const done: MappingState = {
      ...state,
      indicator: { mode: 'value', column: '', value: 'mes_profiles_open' },
      period: { ...state.period, order: 'mdy' },
    };
    expect(mappingOf(done, draft.header)).toEqual({
      geo: { column: 'Code région', kind: 'region' },
      period: { column: 'Date', order: 'mdy' },
      value: { column: 'Valeur' },
      indicator: { value: 'mes_profiles_open' },
    });
  });
});

describe('user-defined indicators', () => {
  it('adds one for a column, with a user_ id, kept with the feed only while it is used', () => {
    const { draft, state } = arsState();
    const { state: next, indicator } = addIndicator(
      state,
      {
        labelFr: 'Profils MES ouverts (ARS)',
        labelEn: '',
        unitFr: 'profils',
        unitEn: '',
        kind: 'stock',
      },
      'Région',
    );
    expect(indicator).toEqual({
      id: 'user_profils_mes_ouverts_ars',
      label: { fr: 'Profils MES ouverts (ARS)', en: 'Profils MES ouverts (ARS)' },
      unit: { fr: 'profils', en: 'profils' },
      kind: 'stock',
      valueType: 'count',
    });
    expect(next.columns['Région']).toBe('user_profils_mes_ouverts_ars');
    expect(draftConfig(draft, 'user-ars', 'x', next).indicators).toEqual([indicator]);
    const unused = { ...next, columns: { ...next.columns, Région: '' } };
    expect(draftConfig(draft, 'user-ars', 'x', unused).indicators).toBeUndefined();
  });

  it('makes a rate a percentage, and never reuses an id', () => {
    const { state } = arsState();
    const n = {
      labelFr: 'Taux local',
      labelEn: 'Local rate',
      unitFr: '',
      unitEn: '',
      kind: 'rate' as const,
    };
    const first = addIndicator(state, n);
    expect(first.indicator).toMatchObject({ unit: { fr: '%', en: '%' }, valueType: 'percent' });
    expect(first.state.indicator).toEqual({ mode: 'value', column: '', value: 'user_taux_local' });
    const second = addIndicator(first.state, n);
    expect(second.indicator.id).toBe('user_taux_local_2');
  });

  it('lists indicators by name and unit, never by id, the user’s after the catalogue', () => {
    const { state } = arsState();
    const { state: next } = addIndicator(state, {
      labelFr: 'Vaccinations',
      labelEn: 'Vaccinations',
      unitFr: 'doses',
      unitEn: 'doses',
      kind: 'flow',
    });
    const options = indicatorOptions(next.indicators, 'fr');
    expect(options[0]).toEqual({
      id: 'mes_profiles_open',
      text: 'Profils Mon espace santé ouverts (profils)',
      user: false,
    });
    expect(options.at(-1)).toEqual({
      id: 'user_vaccinations',
      text: 'Vaccinations (doses)',
      user: true,
    });
    expect(options.some((o) => o.text.includes('mes_'))).toBe(false);
    expect(indicatorOptions([], 'en')[0]!.text).toBe('Mon espace santé profiles open (profiles)');
  });
});

describe('feedNameOf', () => {
  it.each([
    ['export.csv', 'export'],
    ['Classeur ARS.xlsx', 'Classeur ARS'],
    ['data.ods', 'data'],
    ['noext', 'noext'],
  ])('%s -> %s', (file, name) => expect(feedNameOf(file)).toBe(name));
});
