/**
 * The words said about a point (aria labels, tooltips, summaries). Everything here returns
 * plain text: feed text is untrusted and is only ever rendered as text by the components.
 */
import type { SeriesPoint } from '../model/series';
import { sourceName, sourceNames, sourceQuote } from '../model/citation';
import { monthsBetween, periodEnd } from '../model/period';
import { formatPeriod, formatQualified, qualifierName, type Lang, type Unit } from '../lib/format';
import { translate } from '../lib/i18n.svelte';

/**
 * Who published a figure (« ARS Grand Est (officiel) »), or the sources of the figures a computed
 * one comes from. The data's own source label is not shown as it is: see model/citation.ts.
 */
export function pointSource(point: SeriesPoint, lang: Lang): string {
  return point.derivedFrom?.length
    ? sourceNames(point.derivedFrom, lang)
    : sourceName(point, lang) || point.sourceUrl;
}

/**
 * What is said about a point besides its value: the source's own words for a published figure
 * (when its note quotes them), the app's explanation for a computed one. The rest of a note is
 * the compiler's, shown on the Sources page only.
 */
export function pointRemark(point: SeriesPoint): string | undefined {
  if (point.explanation) return point.explanation;
  if (point.derivedFrom) return undefined;
  const quote = sourceQuote(point.note);
  return quote ? `« ${quote} »` : undefined;
}

export function pointPeriod(point: SeriesPoint, lang: Lang): string {
  return formatPeriod(point.period, point.precision, lang);
}

export function pointValue(point: SeriesPoint, unit: Unit, lang: Lang): string {
  return formatQualified(point.value, point.qualifier, unit, lang);
}

/**
 * "calculé : 7 200 000 (oct. 2022) / 65 400 000 (oct. 2022)". Inputs of derived rates are
 * counts, so they are formatted as counts whatever the unit of the result.
 */
export function derivedText(point: SeriesPoint, lang: Lang): string | undefined {
  if (!point.derivedFrom) return undefined;
  const inputs = point.derivedFrom
    .map(
      (o) =>
        `${formatQualified(o.value, o.qualifier, 'count', lang)} (${formatPeriod(o.period, o.precision, lang)})`,
    )
    .join(' / ');
  return inputs
    ? translate(lang, 'chart.derived', { inputs })
    : translate(lang, 'chart.derivedShort');
}

/** "Profils activés, oct. 2022 : 7 200 000 (source : CNAM)" */
export function pointLabel(
  point: SeriesPoint,
  seriesLabel: string,
  unit: Unit,
  lang: Lang,
): string {
  const label = translate(lang, 'chart.pointLabel', {
    series: seriesLabel,
    period: pointPeriod(point, lang),
    value: pointValue(point, unit, lang),
    source: pointSource(point, lang),
  });
  const withDerived = point.derivedFrom
    ? `${label}, ${translate(lang, 'chart.derivedShort')}`
    : label;
  return point.alternatives?.length
    ? `${withDerived}, ${translate(lang, 'chart.disputedPoint', { count: point.alternatives.length + 1 })}`
    : withDerived;
}

export interface TooltipLine {
  kind: 'period' | 'value' | 'qualifier' | 'source' | 'note' | 'derived' | 'disputed';
  text: string;
}

export function tooltipLines(point: SeriesPoint, unit: Unit, lang: Lang): TooltipLine[] {
  const lines: TooltipLine[] = [
    { kind: 'period', text: pointPeriod(point, lang) },
    { kind: 'value', text: pointValue(point, unit, lang) },
    { kind: 'qualifier', text: qualifierName(point.qualifier, lang) },
    {
      kind: 'source',
      text: translate(lang, 'chart.sourceLine', { source: pointSource(point, lang) }),
    },
  ];
  const remark = pointRemark(point);
  if (remark) lines.push({ kind: 'note', text: remark });
  const derived = point.explanation ? undefined : derivedText(point, lang);
  if (derived) lines.push({ kind: 'derived', text: derived });
  lines.push(...disputedLines(point, unit, lang));
  return lines;
}

/** Headline figures further apart than this are said not to be of the same moment. */
const KPI_SPREAD_MONTHS = 3;

/**
 * What a row of headline figures must say when its figures are not of the same moment (a 2024
 * count beside a 2026 one): the oldest and the latest dates. Each card still gives its own.
 */
export function kpiSpreadNote(
  points: readonly (SeriesPoint | undefined)[],
  lang: Lang,
): string | undefined {
  const dated = points
    .filter((p): p is SeriesPoint => p !== undefined)
    .map((p) => ({ p, end: periodEnd(p.period, p.precision) }))
    .sort((a, b) => a.end.getTime() - b.end.getTime());
  const first = dated[0];
  const last = dated[dated.length - 1];
  if (!first || !last) return undefined;
  if (monthsBetween(first.end, last.end) <= KPI_SPREAD_MONTHS) return undefined;
  return translate(lang, 'kpi.spread', {
    from: pointPeriod(first.p, lang),
    to: pointPeriod(last.p, lang),
  });
}

/** The chart's accessible name: what it shows, how many points, over which period. */
export function chartSummary(
  title: string,
  count: number,
  first: SeriesPoint | undefined,
  last: SeriesPoint | undefined,
  lang: Lang,
): string {
  if (!first || !last || count === 0) return translate(lang, 'chart.summaryEmpty', { title });
  const from = pointPeriod(first, lang);
  const to = pointPeriod(last, lang);
  if (count === 1) return translate(lang, 'chart.summaryOne', { title, from });
  return translate(lang, 'chart.summary', { title, count, from, to });
}

/** A disputed figure (model/reconcile.ts): every other published value, with its source. */
export function disputedLines(point: SeriesPoint, unit: Unit, lang: Lang): TooltipLine[] {
  if (!point.alternatives?.length) return [];
  return [
    { kind: 'disputed', text: translate(lang, 'chart.disputedHeading') },
    ...point.alternatives.map((o) => ({
      kind: 'disputed' as const,
      text: translate(lang, 'chart.disputedLine', {
        value: formatQualified(o.value, o.qualifier, unit, lang),
        period: formatPeriod(o.period, o.precision, lang),
        source: sourceName(o, lang) || o.sourceUrl,
      }),
    })),
  ];
}
