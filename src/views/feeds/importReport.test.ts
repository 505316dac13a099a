import { describe, expect, it } from 'vitest';
import { syntheticObservation } from '../../../test/synthetic';
import type { IngestResult } from '../../feeds/ingest';
import type { UserIndicator } from '../../feeds/types';
import { reportView } from './importReport';

const own: UserIndicator = {
  id: 'user_vaccinations',
  label: { fr: 'Vaccinations', en: 'Vaccinations' },
  unit: { fr: 'doses', en: 'doses' },
  kind: 'flow',
  valueType: 'count',
};

// Synthetic observations and a report as the pipeline gives them.
function result(): IngestResult {
  const observations = [
    syntheticObservation({
      indicator: 'mes_profiles_open',
      geo: 'REG-53',
      period: '2025-01',
      value: 1,
    }),
    syntheticObservation({
      indicator: 'mes_profiles_open',
      geo: 'REG-11',
      period: '2025-12',
      value: 2,
    }),
    syntheticObservation({
      indicator: 'mes_profiles_activated',
      geo: 'REG-53',
      period: '2025-03',
      value: 1,
    }),
    syntheticObservation({
      indicator: 'user_vaccinations',
      geo: 'DEP-2A',
      period: '2025-02',
      value: 3,
    }),
  ];
  return {
    observations,
    report: {
      feed: 'user-x',
      rows: observations.length,
      rowsRead: 2304,
      rowsSkipped: 180,
      skipped: [
        {
          reason: 'place.unknownCode',
          column: 'Code région',
          value: '07',
          count: 90,
          firstLines: [2, 3],
        },
        { reason: 'value.empty', column: 'Ouverts', value: '', count: 1200, firstLines: [9] },
      ],
      indicators: ['mes_profiles_activated', 'mes_profiles_open', 'user_vaccinations'],
      encoding: 'windows-1252',
      delimiter: ';',
      warnings: [],
    },
    breakdownLabels: {},
  };
}

describe('reportView', () => {
  it('counts figures per indicator by name, the span, the places and the skipped groups', () => {
    const { report, observations } = result();
    const view = reportView(report, observations, [own], 'fr');
    expect(view).toMatchObject({ rowsRead: 2304, rowsSkipped: 180, observations: 4 });
    expect(view.perIndicator).toEqual([
      { id: 'mes_profiles_open', name: 'Profils Mon espace santé ouverts', count: '2' },
      { id: 'mes_profiles_activated', name: 'Profils Mon espace santé activés', count: '1' },
      { id: 'user_vaccinations', name: 'Vaccinations', count: '1' },
    ]);
    expect(view.span).toEqual({ from: 'janv. 2025', to: 'déc. 2025' });
    expect(view.places).toEqual({ nation: false, regions: 2, departements: 1 });
    expect(view.skipped).toEqual([
      {
        reason: 'code inconnu',
        column: 'Code région',
        value: '07',
        count: '90',
        firstLines: [2, 3],
      },
      {
        reason: 'valeur vide (non publiée)',
        column: 'Ouverts',
        value: '',
        count: '1\u202f200',
        firstLines: [9],
      },
    ]);
  });

  it('speaks English under lang=en', () => {
    const { report, observations } = result();
    const view = reportView(report, observations, [own], 'en');
    expect(view.perIndicator[0]!.name).toBe('Mon espace santé profiles open');
    expect(view.skipped[1]).toMatchObject({
      reason: 'empty value (not published)',
      count: '1,200',
    });
    expect(view.span).toEqual({ from: 'Jan 2025', to: 'Dec 2025' });
  });

  it('has no span without figures', () => {
    expect(reportView(result().report, [], [], 'fr').span).toBeNull();
  });

  it('names the indicators from the report alone (a big file checked in the worker)', () => {
    const view = reportView(result().report, null, [own], 'fr');
    expect(view).toMatchObject({ observations: 4, rowsRead: 2304, span: null, places: null });
    expect(view.perIndicator.map((p) => [p.name, p.count])).toEqual([
      ['Profils Mon espace santé activés', ''],
      ['Profils Mon espace santé ouverts', ''],
      ['Vaccinations', ''],
    ]);
  });
});
