/**
 * What a place published about itself besides the map's indicators, for its pages: its national
 * rank, the shares of health providers feeding the DMP, and outreach figures (people sensitised,
 * ambassadors), which are context, never an adoption rate. Pure: the latest figure of each
 * indicator and breakdown, with its date and source.
 */
import type { Observation } from './observation';
import { indicatorById } from './indicators';
import { latestAsOf, series, type SeriesPoint } from './series';

export const RANK_INDICATORS = ['mes_activation_rank_national', 'dmp_feeding_rank_national'];
export const FEEDING_INDICATORS = ['dmp_feeding_share', 'dmp_feeding_radiologues'];

export interface PlaceFacts {
  ranks: SeriesPoint[];
  feeding: SeriesPoint[];
  outreach: SeriesPoint[];
}

/** The latest figure of each (indicator, breakdown) among `indicators` at `geo`, in that order. */
function latestOf(
  observations: readonly Observation[],
  indicators: readonly string[],
  geo: string,
): SeriesPoint[] {
  return indicators.flatMap((indicator) => {
    const breakdowns = [
      ...new Set(
        observations
          .filter((o) => o.indicator === indicator && o.geo === geo)
          .map((o) => o.breakdown),
      ),
    ].sort();
    return breakdowns
      .map((breakdown) => latestAsOf(series(observations, { indicator, geo, breakdown })))
      .filter((p): p is SeriesPoint => p !== undefined);
  });
}

export function placeFacts(observations: readonly Observation[], geo: string): PlaceFacts {
  const outreach = [...new Set(observations.map((o) => o.indicator))].filter(
    (id) => indicatorById.get(id)?.category === 'outreach',
  );
  return {
    ranks: latestOf(observations, RANK_INDICATORS, geo),
    feeding: latestOf(observations, FEEDING_INDICATORS, geo),
    outreach: latestOf(observations, outreach.sort(), geo),
  };
}
