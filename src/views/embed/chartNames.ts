/** Loaded with the embed view only (not with the pages, which import embeddable.ts). */
import type { MessageKey } from '../../lib/i18n.svelte';

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
