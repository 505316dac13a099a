import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticObservation } from '../../test/synthetic';
import { parseFeed } from '../feeds/ingest';
import { embeddedFeed } from '../feeds/registry';
import { placeFacts } from './placeFacts';

describe('placeFacts on the embedded data', () => {
  const { observations } = parseFeed(
    embeddedFeed,
    readFileSync(resolve(import.meta.dirname, '../../data/observations.csv')),
    { today: new Date('2026-12-05') },
  );
  const pick = (points: { indicator: string; breakdown: string; value: number }[]) =>
    points.map((p) => [p.indicator, p.breakdown, p.value]);

  it('gives Nouvelle-Aquitaine its activation rank and its feeding shares', () => {
    const facts = placeFacts(observations, 'REG-75');
    expect(pick(facts.ranks)).toEqual([['mes_activation_rank_national', '', 2]]);
    expect(pick(facts.feeding)).toEqual([
      ['dmp_feeding_share', 'etablissements', 90],
      ['dmp_feeding_share', 'liberaux', 68.5],
      ['dmp_feeding_share', 'radiologues', 61.6],
      ['dmp_feeding_radiologues', '', 332],
    ]);
    expect(facts.outreach).toEqual([]);
  });

  it('gives Île-de-France its outreach figures, apart from adoption', () => {
    const facts = placeFacts(observations, 'REG-11');
    expect(pick(facts.outreach)).toEqual([
      ['mes_ambassadors', '', 246],
      ['mes_people_sensitised', '', 66_000],
    ]);
    expect(facts.ranks).toEqual([]);
  });

  it('gives Auvergne-Rhône-Alpes its rank for DMP feeding', () => {
    expect(pick(placeFacts(observations, 'REG-84').ranks)).toEqual([
      ['dmp_feeding_rank_national', '', 2],
    ]);
  });
});

describe('placeFacts', () => {
  it('keeps the latest figure of each indicator (synthetic figures)', () => {
    const rank = (period: string, value: number) =>
      syntheticObservation({
        indicator: 'mes_activation_rank_national',
        geo: 'REG-53',
        period,
        value,
      });
    const facts = placeFacts([rank('2024-01', 5), rank('2025-01', 3)], 'REG-53');
    expect(facts.ranks.map((p) => [p.period, p.value])).toEqual([['2025-01', 3]]);
  });
});
