/**
 * What the page shows of a checked feed before it is saved: rows read and skipped, the
 * observations per indicator, the span of dates, the places, and each group of skipped rows
 * with its first file lines. Pure: numbers through Intl (format.ts); the component words them
 * with the feeds messages (plurals by `countText`).
 */
import { skipReasonText } from '../../feeds/issueText';
import type { IngestReport } from '../../feeds/types';
import type { UserIndicator } from '../../model/indicators';
import type { Observation, Precision } from '../../model/observation';
import { formatNumber, formatPeriod, type Lang } from '../../lib/format';
import { indicatorById } from '../../model/indicators';

export interface SkippedGroupView {
  reason: string;
  column: string;
  /** The cell as written; '' for an empty cell. */
  value: string;
  count: string;
  firstLines: number[];
}

export interface ReportView {
  rowsRead: number;
  rowsSkipped: number;
  observations: number;
  /** Each indicator's name and figures ('' when only the worker's report is at hand). */
  perIndicator: { id: string; name: string; count: string }[];
  /** First and last period, as a reader says them; null without the figures at hand. */
  span: { from: string; to: string } | null;
  places: { nation: boolean; regions: number; departements: number } | null;
  skipped: SkippedGroupView[];
}

function periodBounds(observations: Observation[]): {
  from: Observation;
  to: Observation;
} | null {
  let from: Observation | undefined;
  let to: Observation | undefined;
  for (const o of observations) {
    if (!from || o.period < from.period) from = o;
    if (!to || o.period > to.period) to = o;
  }
  return from && to ? { from, to } : null;
}

const say = (o: { period: string; precision: Precision }, lang: Lang) =>
  formatPeriod(o.period, o.precision, lang);

/**
 * The report of a valid feed, in `lang`; `own` names the feed's user-defined indicators. With
 * all its `observations` (a file checked on the page) the figures are counted per indicator and
 * their period and places said; with the report alone (a big file checked in the worker), the
 * indicators are named.
 */
export function reportView(
  report: IngestReport,
  observations: Observation[] | null,
  own: UserIndicator[],
  lang: Lang,
): ReportView {
  const nameOf = (id: string) => {
    const label = indicatorById.get(id)?.label ?? own.find((u) => u.id === id)?.label;
    return label ? label[lang] || label.fr : id;
  };
  const base = {
    rowsRead: report.rowsRead,
    rowsSkipped: report.rowsSkipped,
    observations: report.rows,
    skipped: report.skipped.map((s) => ({
      reason: skipReasonText(s.reason, lang),
      column: s.column,
      value: s.value,
      count: formatNumber(s.count, lang),
      firstLines: s.firstLines,
    })),
  };
  if (!observations) {
    return {
      ...base,
      perIndicator: report.indicators.map((id) => ({ id, name: nameOf(id), count: '' })),
      span: null,
      places: null,
    };
  }
  const byIndicator = new Map<string, number>();
  const geos = new Set<string>();
  for (const o of observations) {
    byIndicator.set(o.indicator, (byIndicator.get(o.indicator) ?? 0) + 1);
    geos.add(o.geo);
  }
  const bounds = periodBounds(observations);
  const ids = [...geos];
  return {
    ...base,
    perIndicator: [...byIndicator].map(([id, n]) => ({
      id,
      name: nameOf(id),
      count: formatNumber(n, lang),
    })),
    span: bounds ? { from: say(bounds.from, lang), to: say(bounds.to, lang) } : null,
    places: {
      nation: geos.has('FR'),
      regions: ids.filter((g) => g.startsWith('REG-')).length,
      departements: ids.filter((g) => g.startsWith('DEP-') && !g.includes('+')).length,
    },
  };
}
