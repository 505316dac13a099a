/**
 * The charts each page can show alone in embed mode (`?embed=1#/<page>?…&chart=<id>`), in the
 * page's order; the first is the one shown when the address names none (`?embed=1#/activation`
 * is that place's tracker). A plain list, so the embed view can tell a chart that does not exist
 * before loading the page. Each page marks these charts embeddable and, in embed mode, shows the
 * one asked for alone (embeddedChart).
 */
import type { MessageKey } from '../../lib/i18n.svelte';
import type { Page, ViewState } from '../../lib/urlState';

export const EMBEDDABLE: Readonly<Record<Page, readonly string[]>> = {
  overview: ['mes-profiles', 'mes-rate', 'dmp-docs', 'insi-calls'],
  regions: ['region-map', 'region-ranking'],
  region: ['region-rate', 'region-activated', 'region-open', 'department-map', 'region-compare'],
  activation: ['activation-target', 'activation-profiles', 'activation-rate', 'activation-monthly'],
  sources: [],
  feeds: [],
};

/** What each chart is, for the list an embed shows when its address names a chart that does not exist. */
export const CHART_NAMES: Readonly<Record<string, MessageKey>> = {
  'mes-profiles': 'embed.chart.mes-profiles',
  'mes-rate': 'embed.chart.mes-rate',
  'dmp-docs': 'embed.chart.dmp-docs',
  'insi-calls': 'embed.chart.insi-calls',
  'region-map': 'embed.chart.region-map',
  'region-ranking': 'embed.chart.region-ranking',
  'region-rate': 'embed.chart.region-rate',
  'region-activated': 'embed.chart.region-activated',
  'region-open': 'embed.chart.region-open',
  'department-map': 'embed.chart.department-map',
  'region-compare': 'embed.chart.region-compare',
  'activation-target': 'embed.chart.activation-target',
  'activation-profiles': 'embed.chart.activation-profiles',
  'activation-rate': 'embed.chart.activation-rate',
  'activation-monthly': 'embed.chart.activation-monthly',
};

/**
 * The chart an embed of this state shows alone: the one its address names when the page has it,
 * the page's first when it names none; undefined outside embed mode or for a chart the page does
 * not have.
 */
export function embeddedChart(state: ViewState): string | undefined {
  if (!state.embed) return undefined;
  const charts = EMBEDDABLE[state.page];
  if (state.chart === undefined) return charts[0];
  return charts.includes(state.chart) ? state.chart : undefined;
}
