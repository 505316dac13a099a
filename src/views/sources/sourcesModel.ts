/** The Sources page's list: every source (address, or label) with the dates of its figures. */
import type { Observation } from '../../feeds/types';
import { formatPeriod, formatQualified, type Lang, type Unit } from '../../lib/format';
import { geoName } from '../../model/geography';
import { breakdownLabel, indicatorById } from '../../model/indicators';
import { sourceKey, sourceText } from '../../model/source';

export interface SourceEntry {
  /** What tells the source apart: its address, or its label when it has none (sourceKey). */
  key: string;
  /** '' for a source without an address (a user's file never published): no link. */
  url: string;
  labels: string[];
  /** Periods of the figures taken from this source, oldest first. */
  periods: { period: string; precision: Observation['precision'] }[];
  indicators: string[];
  count: number;
  feeds: string[];
}

export function sourceEntries(observations: readonly Observation[]): SourceEntry[] {
  const byKey = new Map<string, Observation[]>();
  for (const o of observations) {
    const list = byKey.get(sourceKey(o)) ?? [];
    list.push(o);
    byKey.set(sourceKey(o), list);
  }
  const entries = [...byKey].map(([key, obs]) => {
    const periods = new Map(obs.map((o) => [o.period, o.precision]));
    return {
      key,
      url: obs[0]!.sourceUrl,
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

/** One figure as the Sources page's tables show it: plain text cells. */
export interface FigureCells {
  indicator: string;
  place: string;
  period: string;
  value: string;
  source: string;
}

export function figureCells(o: Observation, lang: Lang): FigureCells {
  const indicator = indicatorById.get(o.indicator);
  const name = indicator?.label[lang] ?? o.indicator;
  const unit: Unit = indicator?.valueType === 'percent' ? 'percent' : 'count';
  return {
    indicator: o.breakdown ? `${name} (${breakdownLabel(o.indicator, o.breakdown, lang)})` : name,
    place: geoName(o.geo, lang),
    period: formatPeriod(o.period, o.precision, lang),
    value: formatQualified(o.value, o.qualifier, unit, lang),
    source: sourceText(o),
  };
}
