/** What the Overview shows, derived from observations: pure, so it is tested without a DOM. */
import type { ChartSpec, KpiSpec } from '../../charts/chartSpec';
import type { Lang } from '../../lib/format';
import { translate, type MessageKey } from '../../lib/i18n.svelte';
import type { Observation } from '../../model/observation';
import { breakdownLabel, indicatorById } from '../../model/indicators';
import { parseGeo } from '../../model/geography';
import {
  activationRate,
  breakdownsOf,
  latestAsOf,
  series,
  ACTIVATED_INDICATOR,
  OPEN_INDICATOR,
  RATE_INDICATOR,
} from '../../model/series';

export const DMP_INDICATOR = 'dmp_docs_sent_per_month';
export const INSI_INDICATOR = 'insi_calls_per_month';

const label = (id: string, lang: Lang) => indicatorById.get(id)?.label[lang] ?? id;

export function overviewCharts(observations: readonly Observation[], lang: Lang): ChartSpec[] {
  const s = (key: MessageKey) => translate(lang, key);
  const geo = 'FR';
  const rate = activationRate(observations, geo);
  const dmpSectors = breakdownsOf(observations, DMP_INDICATOR, geo);
  return [
    {
      id: 'mes-profiles',
      title: s('overview.mesTitle'),
      description: s('overview.mesDesc'),
      unit: 'count',
      series: [OPEN_INDICATOR, ACTIVATED_INDICATOR].map((indicator) => ({
        key: indicator,
        label: label(indicator, lang),
        points: series(observations, { indicator, geo }),
      })),
    },
    {
      id: 'mes-rate',
      title: s('overview.rateTitle'),
      description: s('overview.rateDesc'),
      unit: 'percent',
      series: [
        {
          key: 'rate-computed',
          label: s('overview.rateComputed'),
          points: rate.filter((p) => p.derivedFrom),
        },
        {
          key: 'rate-published',
          label: s('overview.ratePublished'),
          points: rate.filter((p) => !p.derivedFrom),
        },
      ],
    },
    {
      id: 'dmp-docs',
      title: s('overview.dmpTitle'),
      description: s('overview.dmpDesc'),
      unit: 'count',
      series: ['', ...dmpSectors].map((breakdown) => ({
        key: breakdown || 'total',
        label: breakdownLabel(DMP_INDICATOR, breakdown, lang),
        points: series(observations, { indicator: DMP_INDICATOR, geo, breakdown }),
      })),
    },
    {
      id: 'insi-calls',
      title: s('overview.insiTitle'),
      description: s('overview.insiDesc'),
      unit: 'count',
      series: [
        {
          key: INSI_INDICATOR,
          label: label(INSI_INDICATOR, lang),
          points: series(observations, { indicator: INSI_INDICATOR, geo }),
        },
      ],
    },
  ];
}

/** Headline figures: the latest national value of each, with its own date and source. */
export function overviewKpis(observations: readonly Observation[], lang: Lang): KpiSpec[] {
  const latest = (indicator: string) => latestAsOf(series(observations, { indicator, geo: 'FR' }));
  return [
    {
      id: OPEN_INDICATOR,
      label: label(OPEN_INDICATOR, lang),
      unit: 'count',
      point: latest(OPEN_INDICATOR),
    },
    {
      id: ACTIVATED_INDICATOR,
      label: label(ACTIVATED_INDICATOR, lang),
      unit: 'count',
      point: latest(ACTIVATED_INDICATOR),
    },
    {
      id: RATE_INDICATOR,
      label: label(RATE_INDICATOR, lang),
      unit: 'percent',
      point: latestAsOf(activationRate(observations, 'FR')),
    },
    {
      id: DMP_INDICATOR,
      label: label(DMP_INDICATOR, lang),
      unit: 'count',
      point: latest(DMP_INDICATOR),
    },
    {
      id: INSI_INDICATOR,
      label: label(INSI_INDICATOR, lang),
      unit: 'count',
      point: latest(INSI_INDICATOR),
    },
  ];
}

/** Figures whose scope is a group of places (the 2021 pilot departments): listed, never mapped. */
export function groupScopeObservations(observations: readonly Observation[]): Observation[] {
  return observations
    .filter((o) => {
      const ref = parseGeo(o.geo);
      return !('error' in ref) && ref.kind === 'group';
    })
    .sort((a, b) => a.period.localeCompare(b.period) || a.indicator.localeCompare(b.indicator));
}

/**
 * Everything the Overview draws, in French (the language of the page prerendered into
 * index.html), as text: two sets of observations with the same text give the same French
 * Overview. Its checksum is the key that tells whether the prerendered page shows the data the
 * app would show (see src/prerender/).
 */
export function overviewContent(observations: readonly Observation[]): string {
  return JSON.stringify([
    overviewCharts(observations, 'fr'),
    overviewKpis(observations, 'fr'),
    groupScopeObservations(observations),
  ]);
}
