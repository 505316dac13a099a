/**
 * What the Activation tracker shows, in words and chart series, from the pure results of
 * `model/activation`. Plain functions of (data, language), tested without a DOM.
 */
import '../../lib/messages/activation';
import type { Observation, Qualifier } from '../../model/observation';
import {
  formatDuration,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatPeriodPhrase,
  formatQualified,
  formatSpan,
  type Lang,
} from '../../lib/format';
import { translate, translatePlural } from '../../lib/i18n.svelte';
import {
  ACTIVATION_FLOWS,
  type MonthlyActivation,
  type Pace,
  type Projection,
  type Target,
} from '../../model/activation';
import { sourceName } from '../../model/citation';
import { departements, geoName, parseGeo, regions } from '../../model/geography';
import { indicatorById } from '../../model/indicators';
import {
  ACTIVATED_INDICATOR,
  OPEN_INDICATOR,
  RATE_INDICATOR,
  activationRate,
  series,
  type SeriesPoint,
} from '../../model/series';
import type { ChartSpec } from '../../charts/chartSpec';
import { sourceKey } from '../../model/source';

export const DEFAULT_GEO = 'FR';

export interface GeoOption {
  id: string;
  name: string;
}

const collator = new Intl.Collator('fr');

/** The places one can track: France, the 18 regions, the 101 departments, by name. */
export function geoOptions(): {
  country: GeoOption[];
  regions: GeoOption[];
  departements: GeoOption[];
} {
  return {
    country: [{ id: 'FR', name: geoName('FR') }],
    regions: regions
      .map((r) => ({ id: `REG-${r.code}`, name: r.nom }))
      .sort((a, b) => collator.compare(a.name, b.name)),
    departements: departements.map((d) => ({ id: `DEP-${d.code}`, name: `${d.code} – ${d.nom}` })),
  };
}

const ACTIVATION_INDICATORS = new Set([
  ACTIVATED_INDICATOR,
  OPEN_INDICATOR,
  RATE_INDICATOR,
  ...Object.keys(ACTIVATION_FLOWS),
]);

/** Single places (not groups) with at least one activation figure, France first. */
export function geosWithActivationData(observations: readonly Observation[]): string[] {
  const found = new Set<string>();
  for (const o of observations) {
    if (!ACTIVATION_INDICATORS.has(o.indicator) || found.has(o.geo)) continue;
    const ref = parseGeo(o.geo);
    if (!('error' in ref) && ref.kind !== 'group') found.add(o.geo);
  }
  const rank = (id: string) => (id === 'FR' ? 0 : id.startsWith('REG-') ? 1 : 2);
  return [...found].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export interface DataCounts {
  activated: number;
  open: number;
  rate: number;
}

export function dataCounts(observations: readonly Observation[], geo: string): DataCounts {
  const count = (indicator: string) =>
    observations.filter((o) => o.indicator === indicator && o.geo === geo && o.breakdown === '')
      .length;
  return {
    activated: count(ACTIVATED_INDICATOR),
    open: count(OPEN_INDICATOR),
    rate: count(RATE_INDICATOR),
  };
}

/** Too little to follow a place: fewer than two cumulative counts of activated profiles. */
export function isThin(counts: DataCounts): boolean {
  return counts.activated < 2;
}

const indicatorLabel = (id: string, lang: Lang) => indicatorById.get(id)?.label[lang] ?? id;

export function profilesChart(
  observations: readonly Observation[],
  geo: string,
  lang: Lang,
): ChartSpec {
  const name = geoName(geo, lang);
  return {
    id: 'activation-profiles',
    title: translate(lang, 'activation.profilesTitle', { geo: name }),
    description: translate(lang, 'activation.profilesDesc'),
    unit: 'count',
    series: [ACTIVATED_INDICATOR, OPEN_INDICATOR].map((indicator) => ({
      key: indicator,
      label: indicatorLabel(indicator, lang),
      points: series(observations, { indicator, geo }),
    })),
  };
}

export function rateChart(
  observations: readonly Observation[],
  geo: string,
  lang: Lang,
): ChartSpec {
  const rate = activationRate(observations, geo).filter((p) => p.breakdown === '');
  return {
    id: 'activation-rate',
    title: translate(lang, 'activation.rateTitle', { geo: geoName(geo, lang) }),
    description: translate(lang, 'activation.rateDesc'),
    unit: 'percent',
    series: [
      {
        key: 'rate-computed',
        label: translate(lang, 'activation.rateComputed'),
        points: rate.filter((p) => p.derivedFrom),
      },
      {
        key: 'rate-published',
        label: translate(lang, 'activation.ratePublished'),
        points: rate.filter((p) => !p.derivedFrom),
      },
    ],
  };
}

/**
 * Derived averages are no more precise than the rounded figures they come from: three
 * significant digits.
 */
export function roundDerived(value: number): number {
  return Number(value.toPrecision(3));
}

const count = (value: number, qualifier: Qualifier, lang: Lang) =>
  formatQualified(value, qualifier, 'count', lang);
const when = (o: Observation, lang: Lang) => formatPeriod(o.period, o.precision, lang);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const months = (n: number, lang: Lang) => formatNumber(Math.round(n * 10) / 10, lang);

/** How a monthly figure was obtained, in words, with every input, its date and value. */
export function monthlyHow(m: MonthlyActivation, lang: Lang): string {
  const [first, second] = m.inputs as [Observation, Observation?];
  if (m.kind === 'published') {
    return translate(lang, 'activation.howPublished', {
      label: indicatorLabel(first.indicator, lang),
    });
  }
  if (m.kind === 'published-total-average') {
    return translate(lang, 'activation.howTotal', {
      total: count(first.value, first.qualifier, lang),
      months: months(m.months, lang),
    });
  }
  return translate(lang, 'activation.howDifference', {
    later: count(first.value, first.qualifier, lang),
    laterWhen: formatPeriodPhrase(first.period, first.precision, lang),
    earlier: count(second!.value, second!.qualifier, lang),
    earlierWhen: formatPeriodPhrase(second!.period, second!.precision, lang),
    months: months(m.months, lang),
  });
}

/** The period a monthly figure describes: its own date, or the span of an average. */
export function monthlyPeriod(m: MonthlyActivation, lang: Lang): string {
  if (m.kind === 'published') return when(m.inputs[0]!, lang);
  if (m.kind === 'published-total-average') {
    const o = m.inputs[0]!;
    // A published total names its own span ("2024", "the last 2 months to Jan 2023").
    return o.precision === 'year'
      ? when(o, lang)
      : formatSpan({ period: isoDay(m.from), precision: 'day' }, o, lang);
  }
  return formatSpan(m.inputs[1]!, m.inputs[0]!, lang);
}

/** What a bound among the inputs does to an average, or nothing for exact inputs. */
export function boundNote(qualifier: Qualifier, lang: Lang): string | undefined {
  if (qualifier === '=') return undefined;
  return translate(lang, `activation.boundNote.${qualifier}`);
}

export interface MonthlyRow {
  kind: 'published' | 'average';
  period: string;
  perMonth: string;
  how: string;
  note?: string;
  inconsistent: boolean;
  sources: { url: string; label: string }[];
}

export function monthlyRows(list: readonly MonthlyActivation[], lang: Lang): MonthlyRow[] {
  return list.map((m) => {
    const published = m.kind === 'published';
    const value = published ? m.perMonth : roundDerived(m.perMonth);
    const sources = new Map<string, { url: string; label: string }>();
    for (const o of m.inputs) {
      const key = o.sourceUrl || o.sourceLabel;
      if (!sources.has(key)) sources.set(key, { url: o.sourceUrl, label: sourceName(o, lang) });
    }
    // A published total keeps its qualifier on the value; a difference needs the words.
    const note = m.kind === 'cumulative-average' ? boundNote(m.qualifier, lang) : undefined;
    return {
      kind: published ? 'published' : 'average',
      period: monthlyPeriod(m, lang),
      perMonth: m.inconsistent ? '—' : count(value, m.qualifier, lang),
      how: m.inconsistent ? translate(lang, 'activation.inconsistent') : monthlyHow(m, lang),
      ...(note && !m.inconsistent ? { note } : {}),
      inconsistent: m.inconsistent === true,
      sources: [...sources.values()],
    };
  });
}

/**
 * The monthly figures as chart series: published ones as published, averages marked as
 * computed (`derivedFrom: []`, so tooltips and tables say "calculé") with the calculation as
 * their note. Each sits at the end of what it describes. Contradictory intervals are not drawn.
 */
export function monthlyChart(
  list: readonly MonthlyActivation[],
  geo: string,
  lang: Lang,
): ChartSpec {
  const published: SeriesPoint[] = [];
  const averages: SeriesPoint[] = [];
  for (const m of list) {
    if (m.inconsistent) continue;
    const latest = m.inputs[0]!;
    if (m.kind === 'published') {
      published.push({ ...latest, value: m.perMonth, date: m.to });
      continue;
    }
    averages.push({
      ...latest,
      indicator: 'mes_activations_per_month_avg',
      value: roundDerived(m.perMonth),
      qualifier: m.qualifier,
      note: '',
      explanation: [monthlyPeriod(m, lang), monthlyHow(m, lang)].join(' · '),
      date: m.to,
      // The figures it comes from: their sources are the point's (pointSource).
      derivedFrom: [...m.inputs],
    });
  }
  return {
    id: 'activation-monthly',
    title: translate(lang, 'activation.monthlyTitle', { geo: geoName(geo, lang) }),
    description: translate(lang, 'activation.monthlyDesc'),
    unit: 'count',
    series: [
      {
        key: 'monthly-published',
        label: translate(lang, 'activation.monthlyPublished'),
        points: published,
      },
      {
        key: 'period-average',
        label: translate(lang, 'activation.monthlyAverage'),
        points: averages,
      },
    ],
  };
}

export interface PaceRow {
  window: number;
  label: string;
  value?: string;
  detail: string;
  sources: { url: string; label: string }[];
  note?: string;
}

export function paceRows(list: readonly Pace[], lang: Lang): PaceRow[] {
  return list.map((p) => {
    const label = translate(lang, 'activation.paceWindow', { n: p.window });
    if (!p.ok) {
      return {
        window: p.window,
        label,
        detail: translate(lang, `activation.paceProblem.${p.problem}`, { n: p.window }),
        sources: [],
      };
    }
    const s = p.start.observation;
    const e = p.end.observation;
    const note = boundNote(p.qualifier, lang);
    return {
      window: p.window,
      label,
      value: translate(lang, 'activation.pacePerMonth', {
        value: count(roundDerived(p.perMonth), p.qualifier, lang),
      }),
      detail: translate(lang, 'activation.paceFrom', {
        earlier: count(s.value, s.qualifier, lang),
        earlierDate: when(s, lang),
        earlierSource: sourceName(s, lang),
        later: count(e.value, e.qualifier, lang),
        laterDate: when(e, lang),
        laterSource: sourceName(e, lang),
        months: months(p.months, lang),
      }),
      sources: [s, e]
        .filter((o, i, all) => all.findIndex((x) => sourceKey(x) === sourceKey(o)) === i)
        .map((o) => ({ url: o.sourceUrl, label: sourceName(o, lang) })),
      ...(note ? { note } : {}),
    };
  });
}

const monthOf = (date: Date, lang: Lang) =>
  formatPeriod(date.toISOString().slice(0, 7), 'month', lang);

/** What a target counts: activated profiles, or the activation rate (percent of open profiles). */
export type TargetKind = 'count' | 'rate';

/** A pace or a gap as read: "237 000" profiles, or "0,9 point" of rate. */
function amount(value: number, qualifier: Qualifier, kind: TargetKind, lang: Lang): string {
  if (kind === 'count') return count(value, qualifier, lang);
  const rounded = Math.round(value * 10) / 10;
  return translatePlural(lang, 'activation.points', rounded, {
    value: formatQualified(rounded, qualifier, 'count', lang),
  });
}

/** A target's value as read: "40 000 000" profiles or "50 %". */
export function targetText(value: number, kind: TargetKind, lang: Lang): string {
  return kind === 'count' ? formatNumber(value, lang) : formatPercent(value, lang);
}

/**
 * The projection in sentences: a date and its range, or why there is none. Dates already past
 * (the projection rests on a figure older than they are) are said to be past, never as to come;
 * a range whose two ends fall in the same month is one date.
 */
export function projectionSentences(
  projection: Projection,
  geo: string,
  lang: Lang,
  { deadline, kind = 'count' }: { deadline?: Date; kind?: TargetKind } = {},
): string[] {
  const geoText = geoName(geo, lang);
  switch (projection.status) {
    case 'no-target':
      return [];
    case 'reached':
      return [translate(lang, 'activation.reached')];
    case 'too-thin':
      return [
        translate(lang, `activation.thin.${projection.reason}`, {
          geo: geoText,
          count: projection.figureCount,
        }),
      ];
    case 'projected': {
      const perMonth = (p: { perMonth: number; qualifier: Qualifier }) =>
        kind === 'count'
          ? count(roundDerived(p.perMonth), p.qualifier, lang)
          : amount(p.perMonth, p.qualifier, kind, lang);
      const current = projection.progress.current.observation;
      const lines: string[] = [];
      if (projection.staleMonths >= 1) {
        lines.push(
          translate(lang, 'activation.projectionStale', {
            date: formatPeriod(current.period, current.precision, lang),
            age: formatDuration(Math.floor(projection.staleMonths), 'month', lang),
          }),
        );
      }
      lines.push(
        translate(
          lang,
          projection.past.date ? 'activation.projectionPast' : 'activation.projection',
          {
            pace: perMonth(projection.pace),
            n: projection.pace.window,
            date: monthOf(projection.date, lang),
            since: formatPeriod(current.period, current.precision, lang),
          },
        ),
      );
      const earliest = monthOf(projection.earliest, lang);
      const latest = monthOf(projection.latest, lang);
      if (earliest !== latest) {
        const key = projection.past.latest
          ? 'activation.projectionRangePast'
          : projection.past.earliest
            ? 'activation.projectionRangePartlyPast'
            : 'activation.projectionRange';
        lines.push(
          translate(lang, key, {
            earliest,
            fastest: perMonth(projection.fastest),
            fastestN: projection.fastest.window,
            latest,
            slowest: perMonth(projection.slowest),
            slowestN: projection.slowest.window,
          }),
        );
      }
      if (projection.uncertain) lines.push(translate(lang, 'activation.projectionUncertain'));
      if (kind === 'rate') lines.push(translate(lang, 'activation.rateDefinitions'));
      if (deadline && projection.neededPerMonth !== undefined) {
        lines.push(
          translate(lang, 'activation.needed', {
            year: deadline.getUTCFullYear(),
            needed: perMonth({ perMonth: projection.neededPerMonth, qualifier: '=' }),
          }),
        );
        lines.push(
          translate(lang, projection.onTrack ? 'activation.onTrack' : 'activation.offTrack'),
        );
      }
      return lines;
    }
  }
}

export interface ProgressText {
  /** 0–100 for the bar (capped). */
  percent: number;
  share: string;
  value: string;
  asOf: string;
  gap?: string;
  source: { url: string; label: string };
}

export function progressText(
  projection: Projection,
  lang: Lang,
  kind: TargetKind = 'count',
): ProgressText | undefined {
  if (projection.status === 'no-target') return undefined;
  const progress = projection.progress;
  if (!progress) return undefined;
  const current = progress.current.observation;
  const figure = formatQualified(
    current.value,
    current.qualifier,
    kind === 'count' ? 'count' : 'percent',
    lang,
  );
  return {
    percent: Math.min(100, Math.max(0, progress.share * 100)),
    share: translate(lang, 'activation.progressLabel', {
      share: formatQualified(progress.share * 100, progress.shareQualifier, 'percent', lang),
    }),
    value: translate(lang, 'activation.progressValue', {
      current: figure,
      target: targetText(progress.target, kind, lang),
    }),
    asOf: translate(lang, 'activation.progressAsOf', {
      current: figure,
      when: formatPeriodPhrase(current.period, current.precision, lang),
    }),
    ...(progress.gap > 0
      ? {
          gap: translate(lang, kind === 'count' ? 'activation.gap' : 'activation.gapRate', {
            gap: amount(progress.gap, progress.gapQualifier, kind, lang),
          }),
        }
      : {}),
    source: { url: current.sourceUrl, label: sourceName(current, lang) },
  };
}

export function nationalTargetTitle(target: Target, lang: Lang): string {
  return translate(lang, 'activation.nationalTitle', {
    target: formatNumber(target.value, lang),
    year: target.deadline?.getUTCFullYear() ?? '',
  });
}
