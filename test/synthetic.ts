/** Synthetic figures for tests: made up, never published statistics, never app data. */
import { FeedError, type Observation } from '../src/feeds/types';
import { periodDate, periodGranularity } from '../src/model/period';
import type { SeriesPoint } from '../src/model/series';
import type { ExportChart } from '../src/charts/exportChart';

export function syntheticObservation(
  p: Partial<Observation> & Pick<Observation, 'period' | 'value'>,
): Observation {
  return {
    indicator: 'synthetic_indicator',
    breakdown: '',
    geo: 'FR',
    precision: periodGranularity(p.period),
    qualifier: '=',
    sourceUrl: 'https://example.org/synthetic-source',
    sourceLabel: 'synthetic source',
    note: '',
    feed: 'synthetic-feed',
    ...p,
  };
}

export function syntheticPoint(
  period: string,
  value: number,
  over: Partial<SeriesPoint> = {},
): SeriesPoint {
  return {
    ...syntheticObservation({ period, value, precision: 'month' }),
    date: periodDate(period),
    ...over,
  };
}

/** Runs f and returns the FeedError it throws; fails the test if it throws nothing or something else. */
export function caughtFeedError(f: () => unknown): FeedError {
  try {
    f();
  } catch (e) {
    if (e instanceof FeedError) return e;
    throw e;
  }
  throw new Error('expected a FeedError');
}

/**
 * A chart to export, with what an export must survive: a `;` in a label, a formula in a source
 * label, a disputed figure, a negative value, a tab in a note. Made up, never published.
 */
export const syntheticExportChart: ExportChart = {
  id: 'synthetic-chart',
  title: 'Synthetic chart',
  unit: 'count',
  series: [
    {
      key: 'a',
      label: 'Série A; avec point-virgule',
      points: [
        syntheticPoint('2023-05', 2500, { qualifier: '>' }),
        syntheticPoint('2022-01', 1000, {
          sourceLabel: '=HYPERLINK("http://evil","x")',
          alternatives: [
            syntheticPoint('2022-01', 1100, {
              qualifier: '~',
              sourceLabel: 'another synthetic source',
              sourceUrl: 'https://example.org/another',
            }),
          ],
        }),
      ],
    },
    {
      key: 'b',
      label: '-B series',
      points: [
        syntheticPoint('2022-06', -42.5, {
          note: '@SUM(A1)\tline',
          sourceUrl: 'https://example.org/other',
          sourceLabel: 'other synthetic source',
        }),
      ],
    },
  ],
};
