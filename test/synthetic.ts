/** Synthetic figures for tests: made up, never published statistics, never app data. */
import { FeedError, type Observation } from '../src/feeds/types';
import { periodDate, periodGranularity } from '../src/model/period';
import type { SeriesPoint } from '../src/model/series';

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
