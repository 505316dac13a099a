/** The performance budgets of issue 6, and how a run's figures compare with them. */

export type BudgetId =
  | 'firstPaintJs'
  | 'firstChartWarm'
  | 'firstChartCold'
  | 'ingestTotal'
  | 'ingestWideTotal'
  | 'ingestLongestTask'
  | 'mapSwitch'
  | 'seriesRead';

export interface Budget {
  id: BudgetId;
  label: string;
  limit: number;
  unit: 'bytes' | 'ms';
}

/** 1 KB = 1,000 bytes here (as Vite's own size report). */
export const BUDGETS: Budget[] = [
  { id: 'firstPaintJs', label: 'first-paint JS, gzip', limit: 90_000, unit: 'bytes' },
  { id: 'firstChartWarm', label: 'first chart, warm, 4x CPU (median)', limit: 500, unit: 'ms' },
  { id: 'firstChartCold', label: 'first chart, cold, 4x CPU (median)', limit: 1_000, unit: 'ms' },
  { id: 'ingestTotal', label: '100k-row ingest in a worker (median)', limit: 1_500, unit: 'ms' },
  // Issue 15: a user's export of as many rows, two figures a row, within the same budget.
  {
    id: 'ingestWideTotal',
    label: '100k-row wide export ingest in a worker (median)',
    limit: 1_500,
    unit: 'ms',
  },
  {
    id: 'ingestLongestTask',
    label: 'longest main-thread task during ingest',
    limit: 50,
    unit: 'ms',
  },
  {
    id: 'mapSwitch',
    label: 'map date/indicator/region switch (median)',
    limit: 16,
    unit: 'ms',
  },
  { id: 'seriesRead', label: 'read one series of 100k (median)', limit: 20, unit: 'ms' },
];

export type Measured = Partial<Record<BudgetId, number | { notMeasured: string }>>;

export interface Verdict {
  budget: Budget;
  value?: number;
  status: 'met' | 'missed' | 'not checked';
  /** Why a figure is missing. */
  reason?: string;
}

export function judge(measured: Measured): Verdict[] {
  return BUDGETS.map((budget) => {
    const m = measured[budget.id];
    if (m === undefined) return { budget, status: 'not checked', reason: 'not measured' };
    if (typeof m !== 'number') return { budget, status: 'not checked', reason: m.notMeasured };
    if (!Number.isFinite(m)) return { budget, status: 'not checked', reason: 'no value' };
    return { budget, value: m, status: m <= budget.limit ? 'met' : 'missed' };
  });
}

/** 0 when every budget is met; 1 when one is missed; 2 when none is missed but one could not be checked. */
export function exitCode(verdicts: Verdict[]): number {
  if (verdicts.some((v) => v.status === 'missed')) return 1;
  if (verdicts.some((v) => v.status === 'not checked')) return 2;
  return 0;
}
