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

/**
 * The rows a chart draws. The same figure (indicator, breakdown, place, calendar month; year for
 * yearly figures) published by several sources, each a different one, is drawn once: an
 * official source first and the press last, then exact before a bound before about, then the
 * later date. Restated here from the rule, independently of src/model/reconcile.ts.
 */
export function drawnRows(rows: Row[]): Row[] {
  const month = (r: Row) =>
    r.precision === 'year'
      ? r.period.slice(0, 4)
      : r.precision === 'half-year'
        ? `${r.period.slice(0, 4)}-H${Number(r.period.slice(5, 7)) <= 6 ? 1 : 2}`
        : r.precision === 'quarter'
          ? `${r.period.slice(0, 4)}-Q${Math.ceil(Number(r.period.slice(5, 7)) / 3)}`
          : r.period.slice(0, 7);
  const key = (r: Row) => [r.indicator, r.breakdown, r.geo, month(r)].join('|');
  const kind = (r: Row) =>
    r.source_label.startsWith('official') ? 0 : r.source_label.startsWith('press') ? 2 : 1;
  const exactness = (r: Row) => ({ '': 0, '=': 0, '>': 1, '<': 1, '~': 2 })[r.qualifier] ?? 3;
  // Compare by the last day the period covers: a month figure ends after any day of that month.
  const end = (r: Row) => (r.period.length === 7 ? `${r.period}-99` : r.period);
  const groups = new Map<string, Row[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return rows.filter((r) => {
    const group = groups.get(key(r))!;
    if (group.length === 1 || new Set(group.map((g) => g.source_url)).size < group.length) {
      return true;
    }
    const best = [...group].sort(
      (a, b) => kind(a) - kind(b) || exactness(a) - exactness(b) || end(b).localeCompare(end(a)),
    )[0];
    return best === r;
  });
}

/** Rows drawn under another source's figure of the same period: disputed points, one per group. */
export function disputedGroups(rows: Row[]): number {
  return rows.length - drawnRows(rows).length;
}

/** Number of `.point` elements each Overview chart must draw, from the contract's rules. */
export function expectedPointCounts(allRows: Row[]): Record<ChartId, number> {
  const rows = drawnRows(allRows);
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
