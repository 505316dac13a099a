// What the Overview should show, computed independently of the app from the tidy CSV.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

export const CSV_COLUMNS = [
  'indicator',
  'breakdown',
  'geo',
  'period',
  'precision',
  'value',
  'qualifier',
  'source_url',
  'source_label',
  'note',
] as const;

export type Row = Record<(typeof CSV_COLUMNS)[number], string>;

export const CHART_IDS = ['mes-profiles', 'mes-rate', 'dmp-docs', 'insi-calls'] as const;
export type ChartId = (typeof CHART_IDS)[number];

export function parseObservations(text: string): Row[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transform: (value) => value.trim(),
  });
  if (parsed.errors.length > 0) {
    throw new Error(
      `observations CSV does not parse: ${JSON.stringify(parsed.errors.slice(0, 3))}`,
    );
  }
  const header = parsed.meta.fields ?? [];
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new Error(`observations CSV lacks columns: ${missing.join(', ')}`);
  }
  return parsed.data.map((record) => {
    const row = {} as Row;
    for (const column of CSV_COLUMNS) row[column] = record[column] ?? '';
    return row;
  });
}

export function readObservations(path: string): Row[] {
  return parseObservations(readFileSync(path, 'utf8'));
}

/** Number of `.point` elements each Overview chart must draw, from the contract's rules. */
export function expectedPointCounts(rows: Row[]): Record<ChartId, number> {
  const fr = rows.filter((r) => r.geo === 'FR');
  const national = fr.filter((r) => r.breakdown === '');
  const of = (indicator: string, from: Row[]) => from.filter((r) => r.indicator === indicator);

  const open = of('mes_profiles_open', national);
  const activated = of('mes_profiles_activated', national);
  const activatedPeriods = new Set(activated.map((r) => r.period));
  const derivedRatePeriods = new Set(
    open.map((r) => r.period).filter((period) => activatedPeriods.has(period)),
  );

  return {
    'mes-profiles': open.length + activated.length,
    'mes-rate': of('mes_activation_rate', national).length + derivedRatePeriods.size,
    'dmp-docs': of('dmp_docs_sent_per_month', fr).length,
    'insi-calls': of('insi_calls_per_month', fr).length,
  };
}

/** Every distinct source URL of the file, in first-seen order. */
export function distinctSourceUrls(rows: Row[]): string[] {
  return [...new Set(rows.map((r) => r.source_url).filter((u) => u !== ''))];
}
