/** What a view hands a chart or a KPI card to draw: the view models (views/*View.ts) build these. */
import type { SeriesPoint } from '../model/series';

/** A chart over time (TimeChart): its id, words, unit and series. */
export interface ChartSpec {
  id: string;
  title: string;
  description: string;
  unit: 'count' | 'percent';
  series: { key: string; label: string; points: SeriesPoint[] }[];
}

/** A headline figure (KpiCard). */
export interface KpiSpec {
  id: string;
  label: string;
  unit: 'count' | 'percent';
  point: SeriesPoint | undefined;
}
