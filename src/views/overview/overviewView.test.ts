import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../feeds/ingest';
import { embeddedFeed } from '../../feeds/registry';
import {
  groupScopeObservations,
  overviewCharts,
  overviewContent,
  overviewKpis,
} from './overviewView';

const { observations } = parseFeed(
  embeddedFeed,
  readFileSync(resolve(import.meta.dirname, '../../../data/observations.csv')),
  { today: new Date('2026-11-22') },
);

describe('Overview on the embedded data', () => {
  const charts = Object.fromEntries(overviewCharts(observations, 'fr').map((c) => [c.id, c]));
  const periods = (id: string, key: string) =>
    charts[id]!.series.find((s) => s.key === key)!.points.map((p) => p.period);

  it('draws every national open and activated figure at its own date', () => {
    // One point per disputed figure (model/reconcile.ts): 31 May 2022 (exact) over 18 May
    // (about), and the official February 2024 count over the press one of 5 February.
    expect(periods('mes-profiles', 'mes_profiles_open')).toEqual([
      '2022-05-31',
      '2022-10-31',
      '2023-02',
      '2023-09',
      '2024-01-10',
      '2024-10-07',
    ]);
    expect(periods('mes-profiles', 'mes_profiles_activated')).toEqual([
      '2022-10-31',
      '2023-02',
      '2023-03',
      '2023-09',
      '2024-01-10',
      '2024-02',
      '2024-10-07',
      '2025-04-02',
      '2025-10-31',
      '2026-01-29',
    ]);
  });

  it('computes rates only where open and activated share a date, and keeps the published one', () => {
    const computed = charts['mes-rate']!.series.find((s) => s.key === 'rate-computed')!.points;
    expect(computed.map((p) => [p.period, Math.round(p.value * 10) / 10, p.qualifier])).toEqual([
      ['2022-10-31', 11, '='],
      ['2023-02', 12, '='],
      ['2023-09', 13.9, '='],
      ['2024-01-10', 15.4, '='],
      ['2024-10-07', 22.5, '<'], // open is "more than 66.6 M"
    ]);
    // 13 % of the population (2023), about 1 in 5 (2024), 33,6 % of profiles (2026)
    expect(periods('mes-rate', 'rate-published')).toEqual(['2023-04-20', '2024-10-07', '2026-01']);
  });

  it('splits DMP documents per month into the total and the sectors', () => {
    expect(charts['dmp-docs']!.series.map((s) => [s.key, s.points.length])).toEqual([
      ['total', 7],
      ['biologie', 1],
      ['hopital', 1],
      ['medecine_ville', 1],
      ['radiologie', 1],
    ]);
    expect(charts['dmp-docs']!.series[1]!.label).toBe('Biologie');
  });

  it('draws the three national INSi monthly figures', () => {
    expect(
      charts['insi-calls']!.series[0]!.points.map((p) => [p.period, p.value, p.qualifier]),
    ).toEqual([
      ['2021-09', 1_000_000, '~'],
      ['2021-12', 5_000_000, '~'],
      ['2022-10', 17_000_000, '>'],
    ]);
  });

  it('headline cards carry the latest value with its own date and source', () => {
    const kpis = Object.fromEntries(overviewKpis(observations, 'fr').map((k) => [k.id, k.point]));
    expect(kpis.mes_profiles_activated).toMatchObject({ period: '2026-01-29', value: 24_000_000 });
    expect(kpis.mes_profiles_activated?.sourceUrl).toMatch(
      /^https:\/\/www\.concourspluripro\.fr\//,
    );
    expect(kpis.mes_profiles_open).toMatchObject({
      period: '2024-10-07',
      value: 66_600_000,
      qualifier: '>',
    });
    expect(kpis.insi_calls_per_month).toMatchObject({ period: '2022-10', value: 17_000_000 });
  });

  it('lists figures of the three pilot departments together apart, never as a place', () => {
    const group = groupScopeObservations(observations);
    expect(group.length).toBe(7); // 4 figures of 15 Sep 2021, 3 of 17 Nov 2021
    expect(new Set(group.map((o) => o.geo))).toEqual(new Set(['DEP-31+DEP-44+DEP-80']));
  });

  it('captions every chart in plain words in both languages, with no figure of their own', () => {
    for (const lang of ['fr', 'en'] as const) {
      for (const chart of overviewCharts(observations, lang)) {
        expect(chart.description.length, `${lang} ${chart.id}`).toBeGreaterThan(60);
        // Figures belong to points and cards, which carry their date and source.
        expect(chart.description, `${lang} ${chart.id}`).not.toMatch(/\d/);
      }
    }
    expect(overviewCharts(observations, 'en')[3]!.description).toMatch(/^How many times a month/);
  });

  it('speaks English when asked', () => {
    expect(overviewCharts(observations, 'en')[0]!.title).toBe(
      'Mon espace santé: profiles open and activated',
    );
  });
});

describe('overviewContent (the key of the prerendered Overview)', () => {
  const reversed = [...observations].reverse();
  const national = observations.findIndex(
    (o) => o.geo === 'FR' && o.indicator === 'insi_calls_per_month',
  );
  const regional = observations.findIndex((o) => o.geo.startsWith('REG-'));

  it('is the same for the same figures in another order', () => {
    expect(overviewContent(reversed)).toBe(overviewContent(observations));
  });

  it('changes when a figure the Overview draws changes, not when a regional one does', () => {
    expect(national).toBeGreaterThanOrEqual(0);
    expect(regional).toBeGreaterThanOrEqual(0);
    const bump = (i: number) =>
      observations.map((o, j) => (j === i ? { ...o, value: o.value + 1 } : o));
    expect(overviewContent(bump(national))).not.toBe(overviewContent(observations));
    expect(overviewContent(bump(regional))).toBe(overviewContent(observations));
  });

  it('is French whatever the language on screen: the prerendered page is French', () => {
    expect(overviewContent(observations)).toContain(overviewCharts(observations, 'fr')[0]!.title);
  });
});
