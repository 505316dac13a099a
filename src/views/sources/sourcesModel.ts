/** The Sources page's list: every source URL with the dates of the figures it supports. */
import type { Observation } from '../../feeds/types';

export interface SourceEntry {
  url: string;
  labels: string[];
  /** Periods of the figures taken from this source, oldest first. */
  periods: { period: string; precision: Observation['precision'] }[];
  indicators: string[];
  count: number;
  feeds: string[];
}

export function sourceEntries(observations: readonly Observation[]): SourceEntry[] {
  const byUrl = new Map<string, Observation[]>();
  for (const o of observations) {
    const list = byUrl.get(o.sourceUrl) ?? [];
    list.push(o);
    byUrl.set(o.sourceUrl, list);
  }
  const entries = [...byUrl].map(([url, obs]) => {
    const periods = new Map(obs.map((o) => [o.period, o.precision]));
    return {
      url,
      labels: [...new Set(obs.map((o) => o.sourceLabel).filter(Boolean))],
      periods: [...periods]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([period, precision]) => ({ period, precision })),
      indicators: [...new Set(obs.map((o) => o.indicator))].sort(),
      count: obs.length,
      feeds: [...new Set(obs.map((o) => o.feed))],
    };
  });
  // Most recent figures first: what readers look for.
  return entries.sort((a, b) =>
    (b.periods.at(-1)?.period ?? '').localeCompare(a.periods.at(-1)?.period ?? ''),
  );
}
