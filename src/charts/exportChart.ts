/** What a download of a chart holds, and how its files are named (chartCsv.ts, chartPicture.ts). */
import type { Unit } from '../lib/format';
import type { SeriesPoint } from '../model/series';

export interface ExportChart {
  id: string;
  title: string;
  unit: Unit;
  series: readonly { key: string; label: string; points: readonly SeriesPoint[] }[];
}

/** `segur-pulse-<chart-id>-<YYYY-MM-DD>.<ext>`, the date being the day of the download (UTC). */
export function exportFileName(chartId: string, ext: 'csv' | 'svg' | 'png', now: Date): string {
  const id =
    chartId
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'chart';
  return `segur-pulse-${id}-${now.toISOString().slice(0, 10)}.${ext}`;
}
