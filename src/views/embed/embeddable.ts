/**
 * The charts each page can show alone in embed mode (`?embed=1#/<page>?…&chart=<id>`), in the
 * page's order; the first is the one shown when the address names none (`?embed=1#/activation`
 * is that place's tracker). A plain list, so the embed view can tell a chart that does not exist
 * before loading the page. Each page marks these charts embeddable and, in embed mode, shows the
 * one asked for alone (embeddedChart).
 */
import type { Page, ViewState } from '../../lib/urlState';

export const EMBEDDABLE: Readonly<Record<Page, readonly string[]>> = {
  overview: ['mes-profiles', 'mes-rate', 'dmp-docs', 'insi-calls'],
  regions: ['region-map', 'region-ranking'],
  region: ['region-rate', 'region-activated', 'region-open', 'department-map', 'region-compare'],
  activation: ['activation-target', 'activation-profiles', 'activation-rate', 'activation-monthly'],
  sources: [],
  feeds: [],
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
