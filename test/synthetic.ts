/** Synthetic figures for tests: made up, never published statistics, never app data. */
import type { Observation } from '../src/feeds/types';
import { periodDate } from '../src/model/period';
import type { SeriesPoint } from '../src/model/series';

export function syntheticObservation(
  p: Partial<Observation> & Pick<Observation, 'period' | 'value'>,
): Observation {
  return {
    indicator: 'synthetic_indicator',
    breakdown: '',
    geo: 'FR',
    precision: p.period.length === 10 ? 'day' : p.period.length === 7 ? 'month' : 'year',
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
