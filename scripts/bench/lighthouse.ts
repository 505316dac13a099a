/**
 * Lighthouse (pinned 12.2.3, see ../shared/STACK.md) on every page, mobile and desktop presets,
 * run by its own command line with Debian's Chromium, one fresh browser a run, each on a quiet
 * machine (quietCpu.ts): the four category
 * scores, the metrics behind the performance score, and what failed. Each page is run several
 * times and the run Lighthouse itself calls the median (`computeMedianRun`, as Lighthouse CI and
 * its documentation on variability do) is the one reported, every run's performance beside it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import {
  LIGHTHOUSE_CATEGORIES,
  type LighthouseCategory,
  type LighthousePreset,
  type PageId,
} from './budgets';
import { CHROMIUM, CHROMIUM_FLAGS } from './browser';
import { waitForQuietCpu } from './quietCpu';

const run = promisify(execFile);
const CLI = createRequire(import.meta.url).resolve('lighthouse/cli/index.js');

export const PRESETS: LighthousePreset[] = ['mobile', 'desktop'];

export interface LighthouseRun {
  page: PageId;
  preset: LighthousePreset;
  url: string;
  /** 0-100, as Lighthouse shows them. */
  scores: Partial<Record<LighthouseCategory, number>>;
  /** The metrics behind the performance score (ms, CLS unitless). */
  metrics: Record<string, number | undefined>;
  /** Audits below a full score that count in a category (their id, title and score), for finding them. */
  failing: { category: LighthouseCategory; id: string; title: string; score: number | null }[];
  /** The elements Lighthouse found shifting, with their part of the shift. */
  shifts: { node: string; score: number }[];
  /** Why the run gave no report. */
  error?: string;
  /** The performance score of each run of the page (the median run is the one above). */
  performanceRuns?: (number | null)[];
  /** The processors' busy share (0-1) just before the run, after waiting for a quiet machine. */
  busyBefore?: number;
}

interface Lhr {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<
    string,
    {
      title: string;
      score: number | null;
      scoreDisplayMode: string;
      numericValue?: number;
      details?: { items?: { node?: { selector?: string; snippet?: string }; score?: number }[] };
    }
  >;
  runtimeError?: { message: string };
}

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
  'interactive',
];

function summarise(page: PageId, preset: LighthousePreset, url: string, lhr: Lhr): LighthouseRun {
  const scores: LighthouseRun['scores'] = {};
  const failing: LighthouseRun['failing'] = [];
  for (const category of LIGHTHOUSE_CATEGORIES) {
    const c = lhr.categories[category];
    if (!c || c.score === null) continue;
    scores[category] = Math.round(c.score * 100);
    for (const ref of c.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0) continue;
      if (audit.scoreDisplayMode === 'notApplicable' || audit.scoreDisplayMode === 'manual')
        continue;
      if (audit.score !== null && audit.score >= 1) continue;
      failing.push({ category, id: ref.id, title: audit.title, score: audit.score });
    }
  }
  const metrics = Object.fromEntries(METRICS.map((m) => [m, lhr.audits[m]?.numericValue]));
  const shifts = (lhr.audits['layout-shifts']?.details?.items ?? []).map((item) => ({
    node: item.node?.selector ?? item.node?.snippet ?? '?',
    score: item.score ?? 0,
  }));
  return { page, preset, url, scores, metrics, failing, shifts, error: lhr.runtimeError?.message };
}

/** One Lighthouse run of `url`, in a browser of its own. */
export async function lighthouseRun(
  page: PageId,
  preset: LighthousePreset,
  url: string,
): Promise<LighthouseRun> {
  const busyBefore = Number((await waitForQuietCpu()).toFixed(2));
  const dir = mkdtempSync(join(tmpdir(), 'segur-pulse-lighthouse-'));
  const out = join(dir, 'report.json');
  try {
    await run(
      process.execPath,
      [
        CLI,
        url,
        '--quiet',
        '--output=json',
        `--output-path=${out}`,
        `--only-categories=${LIGHTHOUSE_CATEGORIES.join(',')}`,
        `--chrome-flags=--headless=new ${CHROMIUM_FLAGS.join(' ')}`,
        ...(preset === 'desktop' ? ['--preset=desktop'] : []),
      ],
      {
        env: { ...process.env, CHROME_PATH: CHROMIUM, TMPDIR: dir },
        timeout: 180_000,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    return {
      ...summarise(page, preset, url, JSON.parse(readFileSync(out, 'utf8')) as Lhr),
      busyBefore,
    };
  } catch (e) {
    const error = e instanceof Error ? e.message.split('\n').slice(0, 3).join(' ') : String(e);
    return {
      page,
      preset,
      url,
      scores: {},
      metrics: {},
      failing: [],
      shifts: [],
      error,
      busyBefore,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each run's performance score, in order, as the bench prints them ("error": a run without one). */
export function performanceRunsText(run: LighthouseRun | undefined): string {
  return run?.performanceRuns?.map((p) => p ?? 'error').join(', ') ?? '–';
}

/**
 * `count` runs of `url`; the one Lighthouse's `computeMedianRun` picks (nearest the median first
 * contentful paint and time to interactive of the runs with both), with every run's performance.
 * A page whose runs all fail reports the first failure.
 */
export async function lighthouseMedianRun(
  page: PageId,
  preset: LighthousePreset,
  url: string,
  count: number,
  run: typeof lighthouseRun = lighthouseRun,
): Promise<LighthouseRun> {
  const runs: LighthouseRun[] = [];
  for (let i = 0; i < count; i++) runs.push(await run(page, preset, url));
  const performanceRuns = runs.map((r) => r.scores.performance ?? null);
  const complete = runs.filter(
    (r) =>
      !r.error &&
      Number.isFinite(r.metrics['first-contentful-paint']) &&
      Number.isFinite(r.metrics['interactive']),
  );
  if (!complete.length) return { ...runs[0]!, performanceRuns };
  // computeMedianRun reads nothing but these two audits of a report.
  const reports = complete.map((r) => ({
    audits: {
      'first-contentful-paint': { numericValue: r.metrics['first-contentful-paint'] },
      interactive: { numericValue: r.metrics['interactive'] },
    },
  }));
  const median = computeMedianRun(reports as unknown as Parameters<typeof computeMedianRun>[0]);
  return {
    ...complete[reports.indexOf(median as unknown as (typeof reports)[number])]!,
    performanceRuns,
  };
}
