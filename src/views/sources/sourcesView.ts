/** The Sources page's list: every source URL with the dates of the figures it supports. */
import type { Observation } from '../../model/observation';
import { formatPeriod, formatQualified, type Lang, type Unit } from '../../lib/format';
import { sourceName } from '../../model/citation';
import { geoName } from '../../model/geography';
import { breakdownLabel, indicatorById } from '../../model/indicators';

export interface SourceEntry {
  /** The publication's address; '' for a source known by its label only (a user's own file). */
  url: string;
  /** The source's labels as transcribed in the data (the compiler's words). */
  labels: string[];
  /** The figures taken from it, oldest first, each with its note. */
  figures: Observation[];
  /** Periods of the figures taken from this source, oldest first. */
  periods: { period: string; precision: Observation['precision'] }[];
  indicators: string[];
  count: number;
  feeds: string[];
}

export function sourceEntries(observations: readonly Observation[]): SourceEntry[] {
  const byUrl = new Map<string, Observation[]>();
  for (const o of observations) {
    // A source without address is one source per label, not one for all of them.
    const key = o.sourceUrl || `\u0000${o.sourceLabel}`;
    const list = byUrl.get(key) ?? [];
    list.push(o);
    byUrl.set(key, list);
  }
  const entries = [...byUrl.values()].map((obs) => {
    const periods = new Map(obs.map((o) => [o.period, o.precision]));
    return {
      url: obs[0]!.sourceUrl,
      labels: [...new Set(obs.map((o) => o.sourceLabel).filter(Boolean))],
      figures: [...obs].sort((a, b) => a.period.localeCompare(b.period)),
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
    source: sourceName(o, lang) || o.sourceUrl,
  };
}
