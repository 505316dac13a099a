import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../feeds/ingest';
import { embeddedFeed } from '../../feeds/registry';
import {
  cumulativeFigures,
  monthlyActivations,
  nationalTarget,
  paces,
  projectTarget,
  rateFigures,
} from '../../model/activation';
import { syntheticObservation } from '../../../test/synthetic';
import {
  dataCounts,
  geoOptions,
  geosWithActivationData,
  isThin,
  monthlyChart,
  monthlyRows,
  paceRows,
  progressText,
  projectionSentences,
  roundDerived,
} from './activationView';

const NNBSP = '\u202f';
/** The day these tests read the tracker on (injected, as the page does). */
const TODAY = new Date('2026-12-05T00:00:00Z');
const { observations } = parseFeed(
  embeddedFeed,
  readFileSync(resolve(import.meta.dirname, '../../../data/observations.csv')),
  { today: new Date('2026-11-22') },
);

describe('Activation tracker on the embedded data', () => {
  it('offers France, 18 regions and 101 departments', () => {
    const options = geoOptions();
    expect(options.country.map((o) => o.id)).toEqual(['FR']);
    expect(options.regions).toHaveLength(18);
    expect(options.departements).toHaveLength(101);
    expect(options.departements.find((d) => d.id === 'DEP-2A')?.name).toBe('2A – Corse-du-Sud');
  });

  it('lists the places that have activation figures, never the pilot group', () => {
    expect(geosWithActivationData(observations)).toEqual([
      'FR',
      'REG-27',
      'REG-44',
      'REG-75',
      'DEP-31',
      'DEP-33',
      'DEP-40',
      'DEP-54',
    ]);
  });

  it('calls a region thin when it has fewer than two activated counts', () => {
    expect(dataCounts(observations, 'REG-44')).toEqual({ activated: 0, open: 1, rate: 1 });
    expect(isThin(dataCounts(observations, 'REG-44'))).toBe(true);
    expect(isThin(dataCounts(observations, 'FR'))).toBe(false);
  });

  it('marks averages as computed and keeps published monthly figures as published', () => {
    const list = monthlyActivations(observations, 'FR');
    const chart = monthlyChart(list, 'FR', 'fr');
    const [published, averages] = chart.series;
    expect(published!.points.map((p) => p.period)).toEqual([
      '2022-10-31',
      '2024-01',
      '2024-02-05',
      '2024-10-07',
      '2024-12',
      '2026-01-30',
    ]);
    expect(published!.points.every((p) => p.derivedFrom === undefined)).toBe(true);
    expect(averages!.points.every((p) => p.derivedFrom!.length > 0 && p.explanation)).toBe(true);
    // one per interval between the national counts (one Feb 2024 figure of two may be drawn,
    // model/reconcile.ts), plus the 2-month, the 2024 and the 2025 totals
    expect(averages!.points).toHaveLength(cumulativeFigures(observations, 'FR').length - 1 + 3);

    const rows = monthlyRows(list, 'fr');
    const last = rows.find((r) => r.period === 'd’oct. 2025 au 29 janv. 2026')!;
    expect(last.kind).toBe('average');
    // 700 000 over 2.94 calendar months (end of October to 29 January)
    expect(last.perMonth).toBe(`238${NNBSP}000`);
    expect(last.how).toBe(
      `moyenne sur la période : (24${NNBSP}000${NNBSP}000 le 29 janv. 2026 − 23${NNBSP}300${NNBSP}000 en oct. 2025) / 2,9 mois`,
    );
    const fromBound = rows.find((r) => r.period === 'du 2 avr. 2025 à oct. 2025')!;
    expect(fromBound.perMonth).toBe(`moins de 620${NNBSP}000`);
    expect(fromBound.note).toMatch(/^Le chiffre de départ est un minimum/);
  });

  it('states which figures each pace was computed from', () => {
    const rows = paceRows(paces(cumulativeFigures(observations, 'FR')), 'fr');
    expect(rows.map((r) => r.value)).toEqual([
      `238${NNBSP}000 par mois`,
      `moins de 507${NNBSP}000 par mois`,
      `573${NNBSP}000 par mois`,
    ]);
    expect(rows[0]!.detail).toContain(`de 23${NNBSP}300${NNBSP}000 (oct. 2025`);
    expect(rows[0]!.detail).toContain(`à 24${NNBSP}000${NNBSP}000 (29 janv. 2026`);
    expect(rows[0]!.sources.map((s) => s.url)).toEqual([
      'https://pressactu.com/?p=112869',
      'https://www.concourspluripro.fr/parcours-de-soin/e-sante/mon-espace-sante-lassurance-maladie-vise-les-40-millions-dutilisateurs',
    ]);
  });

  it('projects the national target with its range, the pace needed and whether it is on track', () => {
    const target = nationalTarget(observations)!;
    const projection = projectTarget(cumulativeFigures(observations, 'FR'), target.value, {
      deadline: target.deadline,
      today: TODAY,
    });
    const lines = projectionSentences(projection, 'FR', 'fr', { deadline: target.deadline });
    // The latest national count is of 29 January 2026: on 5 December 2026 it is 10 months old.
    expect(lines[0]).toBe(
      'Dernier chiffre publié : 29 janv. 2026, il y a 10\u00a0mois. Les dates qui suivent supposent que le rythme d’alors s’est maintenu depuis.',
    );
    expect(lines[1]).toMatch(
      /^Au rythme des derniers chiffres \(238\u202f000 par mois, sur les 3 derniers mois\), l’objectif serait atteint vers \S+ 2031\.$/,
    );
    expect(lines[2]).toMatch(/^Selon le rythme récent retenu, entre \S+ 2028 .* et \S+ 2031 /);
    // The dates rest on the exact 3- and 12-month paces, not on the 6-month one from a bound.
    expect(lines.join(' ')).not.toContain('indicatives');
    expect(lines.at(-1)).toBe('À ce rythme, l’objectif ne serait pas tenu à temps.');
  });

  it('rounds computed averages to three significant digits', () => {
    expect(roundDerived(236_912.4)).toBe(237_000);
    expect(roundDerived(5_047_000)).toBe(5_050_000);
    expect(roundDerived(1234)).toBe(1230);
  });
});

describe('projection sentences relative to today (synthetic figures)', () => {
  const activated = (period: string, value: number) =>
    syntheticObservation({ indicator: 'mes_profiles_activated', geo: 'REG-53', period, value });
  // +30 000 a month, steadily: every recent pace is the same.
  const steady = cumulativeFigures(
    [
      activated('2025-01-31', 1_000_000),
      activated('2025-07-31', 1_180_000),
      activated('2025-10-31', 1_270_000),
      activated('2026-01-31', 1_360_000),
    ],
    'REG-53',
  );

  it('never presents a date already past as the future', () => {
    // 1 450 000 is 3 months ahead of January 2026 at 30 000 a month: April 2026.
    const lines = projectionSentences(
      projectTarget(steady, 1_450_000, { today: new Date('2026-12-05T00:00:00Z') }),
      'REG-53',
      'fr',
    );
    const text = lines.join(' ');
    expect(text).toContain('il y a 10\u00a0mois');
    expect(text).toContain('aurait été atteint vers avr. 2026, une date déjà passée');
    expect(text).not.toMatch(/serait atteint vers avr\. 2026/);
  });

  it('gives one date, not a range whose two ends are the same month', () => {
    const lines = projectionSentences(
      projectTarget(steady, 1_450_000, { today: new Date('2026-02-10T00:00:00Z') }),
      'REG-53',
      'fr',
    );
    expect(lines).toEqual([
      'Au rythme des derniers chiffres (30\u202f000 par mois, sur les 3 derniers mois), l’objectif serait atteint vers avr. 2026.',
    ]);
  });

  it('speaks of a rate target in points of rate', () => {
    const rate = (period: string, value: number) =>
      syntheticObservation({ indicator: 'mes_activation_rate', geo: 'REG-53', period, value });
    const figures = rateFigures(
      [rate('2025-01', 30), rate('2025-04', 33), rate('2025-07', 36)],
      'REG-53',
    );
    const projection = projectTarget(figures, 50, { today: new Date('2025-08-01T00:00:00Z') });
    const text = progressText(projection, 'fr', 'rate')!;
    expect(text.value).toBe('36\u00a0% sur 50\u00a0%');
    expect(text.gap).toBe('Reste à gagner : 14 points de taux d’activation.');
    expect(projectionSentences(projection, 'REG-53', 'fr', { kind: 'rate' })[0]).toMatch(
      /^Au rythme des derniers chiffres \(1 point par mois, sur les 3 derniers mois\), l’objectif serait atteint vers sept\. 2026\.$/,
    );
  });
});
