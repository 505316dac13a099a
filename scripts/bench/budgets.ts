/**
 * The performance budgets (issues 6 and 16), and how a run's figures compare with them. Page
 * times are judged as ratios to the floor page loaded the same way in the same run, since this
 * machine's speed changes from one quarter of an hour to the next; the rest are absolute.
 */

export type Unit = 'bytes' | 'ms' | 'ratio' | 'shift' | 'score';

export interface Budget {
  id: string;
  label: string;
  limit: number;
  unit: Unit;
  /** The figure must be at least the limit (scores), not at most. */
  atLeast?: boolean;
}

/** The pages the bench loads, by id (see pages.ts for their addresses). */
export type PageId =
  | 'overview'
  | 'regions'
  | 'region'
  | 'activation'
  | 'activation-shared'
  | 'sources'
  | 'feeds'
  | 'embed';

/** Cold first chart against the cold floor page: the Overview, prerendered, is held to 2×. */
export const COLD_RATIO: Record<PageId, number> = {
  overview: 2,
  regions: 3,
  region: 3,
  activation: 3,
  'activation-shared': 3,
  sources: 3,
  feeds: 3,
  embed: 3,
};
/** Cumulative layout shift during a load (cold and warm), every page. */
export const MAX_CLS = 0.05;
/** The longest main-thread task during a page's load at 4x CPU. */
export const MAX_TASK_MS = 200;
/** Lighthouse: accessibility, best practices and SEO at 100; performance at least 90. */
export const LIGHTHOUSE_MIN = {
  performance: 90,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
} as const;
export type LighthouseCategory = keyof typeof LIGHTHOUSE_MIN;
export const LIGHTHOUSE_CATEGORIES = Object.keys(LIGHTHOUSE_MIN) as LighthouseCategory[];
export type LighthousePreset = 'mobile' | 'desktop';

/** 1 KB = 1,000 bytes here (as Vite's own size report). */
export const FIXED_BUDGETS: Budget[] = [
  { id: 'firstPaintJs', label: 'first-paint JS, gzip', limit: 90_000, unit: 'bytes' },
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
  // Issue 16, scale: a million-row tidy feed in the worker, the page kept responsive.
  { id: 'scaleIngest1M', label: '1M-row ingest in a worker (median)', limit: 5_000, unit: 'ms' },
  {
    id: 'scaleMemory1M',
    label: '1M-row ingest: extra memory of the renderer (max)',
    limit: 300_000_000,
    unit: 'bytes',
  },
  {
    id: 'scaleLongestTask',
    label: 'longest main-thread task during the scale ingests',
    limit: 50,
    unit: 'ms',
  },
];

export function pageBudgets(page: PageId): Budget[] {
  return [
    {
      id: `page:${page}:coldRatio`,
      label: `${page}: first chart cold / floor cold (median)`,
      limit: COLD_RATIO[page],
      unit: 'ratio',
    },
    {
      id: `page:${page}:cls`,
      label: `${page}: layout shift, cold and warm (p75)`,
      limit: MAX_CLS,
      unit: 'shift',
    },
    {
      id: `page:${page}:longestTask`,
      label: `${page}: longest task during the load (p75)`,
      limit: MAX_TASK_MS,
      unit: 'ms',
    },
  ];
}

export function lighthouseBudgets(page: PageId, preset: LighthousePreset): Budget[] {
  return LIGHTHOUSE_CATEGORIES.map((category) => ({
    id: `lighthouse:${page}:${preset}:${category}`,
    label: `${page}: Lighthouse ${preset} ${category}`,
    limit: LIGHTHOUSE_MIN[category],
    unit: 'score',
    atLeast: true,
  }));
}

export type Measured = Record<string, number | { notMeasured: string } | undefined>;

export interface Verdict {
  budget: Budget;
  value?: number;
  status: 'met' | 'missed' | 'not checked';
  /** Why a figure is missing. */
  reason?: string;
}

export function judge(measured: Measured, budgets: Budget[] = FIXED_BUDGETS): Verdict[] {
  return budgets.map((budget) => {
    const m = measured[budget.id];
    if (m === undefined) return { budget, status: 'not checked', reason: 'not measured' };
    if (typeof m !== 'number') return { budget, status: 'not checked', reason: m.notMeasured };
    if (!Number.isFinite(m)) return { budget, status: 'not checked', reason: 'no value' };
    const met = budget.atLeast ? m >= budget.limit : m <= budget.limit;
    return { budget, value: m, status: met ? 'met' : 'missed' };
  });
}

/** 0 when every budget is met; 1 when one is missed; 2 when none is missed but one could not be checked. */
export function exitCode(verdicts: Verdict[]): number {
  if (verdicts.some((v) => v.status === 'missed')) return 1;
  if (verdicts.some((v) => v.status === 'not checked')) return 2;
  return 0;
}
