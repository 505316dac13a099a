/**
 * Charts the embed view can show on their own (`?embed=1#/?chart=<id>`): the Overview's. Kept as a
 * plain list (a test checks it against overviewCharts) so that the share buttons of every chart
 * can tell whether to offer an embed link without loading the Overview's model.
 */
export const EMBEDDABLE_CHARTS: readonly string[] = [
  'mes-profiles',
  'mes-rate',
  'dmp-docs',
  'insi-calls',
];

export function isEmbeddable(chartId: string): boolean {
  return EMBEDDABLE_CHARTS.includes(chartId);
}
