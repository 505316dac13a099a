/**
 * A chart's CSV export reads back into the app (the feeds page and `npm run validate-feed` run
 * this same `parseFeed`) with the values the chart showed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../feeds/ingest';
import { embeddedFeed } from '../feeds/registry';
import type { FeedConfig } from '../feeds/types';
import { monthlyActivations } from '../model/activation';
import { monthlyChart, profilesChart, rateChart } from '../views/activation/activationView';
import { overviewCharts } from '../views/overview/overviewView';
import { chartCsv, exportValue } from './chartCsv';
import type { ExportChart } from './exportChart';

const TODAY = new Date('2026-12-05T00:00:00Z');
const { observations } = parseFeed(
  embeddedFeed,
  readFileSync(resolve(import.meta.dirname, '../../data/observations.csv')),
  { today: TODAY },
);

/** A user's feed of a downloaded file, as the feeds page saves one. */
const reimport: FeedConfig = {
  id: 'reimported-export',
  label: { fr: 'Export ré-importé', en: 'Re-imported export' },
  format: 'tidy-csv',
  url: 'segur-pulse-export.csv',
};

function roundTrip(chart: ExportChart) {
  const csv = chartCsv(chart, 'fr');
  const { observations: back, report } = parseFeed(reimport, new TextEncoder().encode(csv), {
    today: TODAY,
  });
  const shown = chart.series.flatMap((s) =>
    s.points.map((p) => ({
      indicator: p.indicator,
      breakdown: p.breakdown,
      geo: p.geo,
      period: p.period,
      precision: p.precision,
      value: exportValue(p, chart.unit),
      qualifier: p.qualifier,
      // A computed figure was published nowhere: no address, its label names its inputs' sources.
      sourceUrl: p.derivedFrom || p.explanation ? '' : p.sourceUrl,
      sourceLabel: p.sourceLabel,
    })),
  );
  return { shown, back, report };
}

const charts: ExportChart[] = [
  ...overviewCharts(observations, 'fr'),
  profilesChart(observations, 'FR', 'fr'),
  rateChart(observations, 'FR', 'fr'),
  monthlyChart(monthlyActivations(observations, 'FR'), 'FR', 'fr'),
];

describe('CSV export → import round trip', () => {
  it.each(charts.map((c) => [c.id, c] as const))(
    '%s reads back with the same values',
    (_, chart) => {
      const { shown, back, report } = roundTrip(chart);
      expect(back).toHaveLength(shown.length);
      expect(back.map(({ feed: _feed, note: _n, ...o }) => o)).toEqual(
        expect.arrayContaining(shown),
      );
      // The export's own columns (chart, series, unit, …) are not the tidy format's: ignored, said.
      expect(report.warnings.every((w) => w.reason === 'unknown column ignored')).toBe(true);
    },
  );

  it('keeps each figure’s qualifier, "=" included, through the formula guard', () => {
    const chart = charts.find((c) => c.id === 'mes-profiles')!;
    expect(chartCsv(chart, 'fr')).toContain(',"=",');
    const { back } = roundTrip(chart);
    expect(new Set(back.map((o) => o.qualifier))).toEqual(new Set(['=', '>']));
  });

  it('writes computed rates to one decimal, as the page shows them', () => {
    const rate = rateChart(observations, 'FR', 'fr');
    const csv = chartCsv(rate, 'fr');
    expect(csv).toContain(',11,'); // 7 200 000 / 65 400 000 = 11.009… %
    expect(csv).not.toMatch(/\d\.\d{2,}/);
  });
});

describe('CSV export of the activation rate charts (Overview and tracker)', () => {
  // The published « environ 1 assuré sur 5 » (20 %, 7 Oct 2024) and the rate computed from the
  // counts of that day (22,5 %) share indicator, place, date and the counts' source.
  it('keeps the published and the computed rate of one day apart', () => {
    const day = (p: { period: string }) => p.period === '2024-10-07';
    const { back } = roundTrip(rateChart(observations, 'FR', 'fr'));
    expect(
      back.filter(day).map((o) => [o.value, o.qualifier, o.sourceUrl !== '', o.sourceLabel]),
    ).toEqual(
      expect.arrayContaining([
        [20, '~', true, 'press (relaying CNAM communiqué)'],
        [22.5, '<', false, expect.stringContaining(' / ')],
      ]),
    );
    expect(back.filter(day)).toHaveLength(2);
  });
});
