import type { CpuInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { exitCode, FIXED_BUDGETS, judge, lighthouseBudgets, pageBudgets } from './budgets';
import { staticClosure, type ViteManifest } from './bytes';
import { lighthouseMedianRun, performanceRunsText, type LighthouseRun } from './lighthouse';
import { layoutShiftScore, spread } from './stats';
import { busyShare, waitForQuietCpu } from './quietCpu';

describe('spread', () => {
  it('gives the median and quartiles of an even and an odd count', () => {
    expect(spread([5, 1, 3])).toMatchObject({ median: 3, min: 1, max: 5, p25: 2, p75: 4 });
    expect(spread([4, 1, 3, 2]).median).toBe(2.5);
  });
});

describe('staticClosure', () => {
  const manifest: ViteManifest = {
    'index.html': {
      file: 'assets/index.js',
      isEntry: true,
      imports: ['_shared.js'],
      dynamicImports: ['src/Page.svelte'],
      css: ['assets/index.css'],
    },
    '_shared.js': { file: 'assets/shared.js', imports: ['index.html'] },
    'src/Page.svelte': {
      file: 'assets/Page.js',
      imports: ['_lazy.js'],
      dynamicImports: ['src/Chart.svelte'],
      css: ['assets/page.css'],
    },
    '_lazy.js': { file: 'assets/lazy.js' },
    'src/Chart.svelte': { file: 'assets/Chart.js' },
  };

  it('follows static imports (cycles included) and leaves dynamic imports out', () => {
    expect(staticClosure(manifest, 'index.html', [])).toEqual({
      js: ['assets/index.js', 'assets/shared.js'],
      css: ['assets/index.css'],
    });
  });

  it('counts the dynamic imports the entry makes at every start, with their static imports', () => {
    expect(staticClosure(manifest, 'index.html', ['src/Page.svelte'])).toEqual({
      js: ['assets/index.js', 'assets/shared.js', 'assets/Page.js', 'assets/lazy.js'],
      css: ['assets/index.css', 'assets/page.css'],
    });
    expect(
      staticClosure(manifest, 'index.html', ['src/Page.svelte', 'src/Chart.svelte']).js,
    ).toEqual([
      'assets/index.js',
      'assets/shared.js',
      'assets/Page.js',
      'assets/lazy.js',
      'assets/Chart.js',
    ]);
    // Imported by a chunk that is not loaded at start.
    expect(() => staticClosure(manifest, 'index.html', ['src/Chart.svelte'])).toThrow(
      /nothing "index.html" loads imports "src\/Chart.svelte"/,
    );
    expect(() => staticClosure(manifest)).toThrow(/imports "src\/start.ts"/);
  });

  it('refuses a manifest without the entry', () => {
    expect(() => staticClosure({})).toThrow(/no entry "index.html"/);
  });
});

describe('judge', () => {
  it('meets at the limit, misses above it, and says what could not be checked', () => {
    const verdicts = judge({
      firstPaintJs: 90_000,
      ingestTotal: 1501,
      mapSwitch: { notMeasured: 'the region map is not built yet' },
    });
    const byId = Object.fromEntries(verdicts.map((v) => [v.budget.id, v]));
    expect(byId.firstPaintJs?.status).toBe('met');
    expect(byId.ingestTotal?.status).toBe('missed');
    expect(byId.mapSwitch).toMatchObject({
      status: 'not checked',
      reason: 'the region map is not built yet',
    });
    expect(byId.seriesRead?.status).toBe('not checked');
    expect(exitCode(verdicts)).toBe(1);
  });

  it('exits 0 only when every budget is met, 2 when one is unchecked', () => {
    const all = Object.fromEntries(FIXED_BUDGETS.map((b) => [b.id, b.limit]));
    expect(exitCode(judge(all))).toBe(0);
    expect(exitCode(judge({ ...all, mapSwitch: { notMeasured: 'x' } }))).toBe(2);
  });

  it('judges page ratios and shifts as limits, Lighthouse scores as floors', () => {
    const budgets = [
      ...pageBudgets('overview'),
      ...pageBudgets('regions'),
      ...lighthouseBudgets('regions', 'mobile'),
    ];
    const verdicts = judge(
      {
        'page:overview:coldRatio': 2.1,
        'page:regions:coldRatio': 2.9,
        'page:overview:cls': 0.05,
        'page:regions:cls': 0.051,
        'page:overview:longestTask': 200,
        'page:regions:longestTask': { notMeasured: 'no mark' },
        'lighthouse:regions:mobile:performance': 90,
        'lighthouse:regions:mobile:accessibility': 99,
        'lighthouse:regions:mobile:best-practices': 100,
        'lighthouse:regions:mobile:seo': 100,
      },
      budgets,
    );
    const status = Object.fromEntries(verdicts.map((v) => [v.budget.id, v.status]));
    expect(status).toEqual({
      'page:overview:coldRatio': 'missed',
      'page:regions:coldRatio': 'met',
      'page:overview:cls': 'met',
      'page:regions:cls': 'missed',
      'page:overview:longestTask': 'met',
      'page:regions:longestTask': 'not checked',
      'lighthouse:regions:mobile:performance': 'met',
      'lighthouse:regions:mobile:accessibility': 'missed',
      'lighthouse:regions:mobile:best-practices': 'met',
      'lighthouse:regions:mobile:seo': 'met',
    });
  });
});

describe('layoutShiftScore', () => {
  it('is the largest burst: shifts 1 s apart or more, or 5 s into a burst, start another', () => {
    expect(layoutShiftScore([])).toBe(0);
    // One burst: 0.1 + 0.2 within a second of each other.
    expect(
      layoutShiftScore([
        { at: 1900, value: 0.2 },
        { at: 1000, value: 0.1 },
      ]),
    ).toBeCloseTo(0.3);
    // Two bursts, 1.5 s apart: the larger counts.
    expect(
      layoutShiftScore([
        { at: 1000, value: 0.1 },
        { at: 2500, value: 0.15 },
        { at: 2600, value: 0.01 },
      ]),
    ).toBeCloseTo(0.16);
    // Shifts every 0.9 s for 6 s: the burst is cut at 5 s.
    const steady = Array.from({ length: 8 }, (_, i) => ({ at: i * 900, value: 0.01 }));
    expect(layoutShiftScore(steady)).toBeCloseTo(0.06);
  });
});

describe('lighthouseMedianRun', () => {
  const report = (
    performance: number,
    fcp: number,
    tti: number,
    error?: string,
  ): LighthouseRun => ({
    page: 'regions',
    preset: 'mobile',
    url: 'http://127.0.0.1/#/regions',
    scores: error ? {} : { performance, accessibility: 100 },
    metrics: error ? {} : { 'first-contentful-paint': fcp, interactive: tti },
    failing: [],
    shifts: [],
    error,
  });
  const runner = (reports: LighthouseRun[]) => {
    let i = 0;
    return () => Promise.resolve(reports[i++]!);
  };

  it('reports the run nearest the median paint and interactive times, with every score', async () => {
    const r = await lighthouseMedianRun(
      'regions',
      'mobile',
      'u',
      3,
      runner([report(95, 1000, 2500), report(80, 1300, 4000), report(90, 1200, 3000)]),
    );
    expect(r.scores.performance).toBe(90);
    expect(r.performanceRuns).toEqual([95, 80, 90]);
  });

  it('leaves failed runs out, and reports the first failure when every run failed', async () => {
    const some = await lighthouseMedianRun(
      'regions',
      'mobile',
      'u',
      2,
      runner([report(0, 0, 0, 'timed out'), report(88, 1200, 3000)]),
    );
    expect(some.scores.performance).toBe(88);
    expect(some.performanceRuns).toEqual([null, 88]);
    expect(performanceRunsText(some)).toBe('error, 88');
    expect(performanceRunsText(undefined)).toBe('–');
    const none = await lighthouseMedianRun(
      'regions',
      'mobile',
      'u',
      2,
      runner([report(0, 0, 0, 'timed out'), report(0, 0, 0, 'no FCP')]),
    );
    expect(none.error).toBe('timed out');
    expect(none.performanceRuns).toEqual([null, null]);
  });
});

describe('quiet processors before a Lighthouse run', () => {
  const cpu = (busy: number, idle: number): CpuInfo => ({
    model: 'test',
    speed: 0,
    times: { user: busy, nice: 0, sys: 0, irq: 0, idle },
  });

  it('gives the busy share of the time between two readings, over every processor', () => {
    expect(busyShare([cpu(100, 100), cpu(0, 0)], [cpu(150, 150), cpu(0, 100)])).toBeCloseTo(
      (50 + 0) / (100 + 100),
    );
    expect(busyShare([cpu(0, 0)], [cpu(0, 0)])).toBe(0);
  });

  it('waits while the machine is busy and stops at the first quiet reading', async () => {
    // Each reading: busy 90 %, then 50 %, then 10 % of the time since the one before.
    const readings = [
      cpu(0, 0),
      cpu(90, 10),
      cpu(90, 10),
      cpu(140, 60),
      cpu(140, 60),
      cpu(150, 150),
    ];
    let i = 0;
    const slept: number[] = [];
    const share = await waitForQuietCpu({
      read: () => [readings[i++]!],
      sleep: (ms) => (slept.push(ms), Promise.resolve()),
      sampleMs: 100,
    });
    expect(share).toBeCloseTo(0.1);
    expect(slept).toEqual([100, 100, 100]);
  });

  it('gives up after the longest wait on a machine that stays busy', async () => {
    let t = 0;
    const share = await waitForQuietCpu({
      read: () => [cpu((t += 90), t / 9)],
      sleep: () => Promise.resolve(),
      sampleMs: 500,
      maxMs: 2_000,
    });
    expect(share).toBeGreaterThan(0.5);
  });
});
