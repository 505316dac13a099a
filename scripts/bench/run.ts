/**
 * `npm run bench`: builds the app, serves it on 127.0.0.1, drives Debian's Chromium with
 * playwright-core (and Lighthouse), prints the figures against the budgets of issues 6 and 16 and
 * writes them to bench-results/latest.json. Exits 1 when a budget is missed, 2 when none is
 * missed but one could not be checked.
 *
 * Options:
 * - `--only pages,lighthouse,ingest,map,scale`: the parts to run (all by default; the bytes
 *   always); `scale` ingests 10k, 100k and 1M-row tidy feeds and reports the curve;
 * - `--pages overview,regions,…`: the pages to load (all of pages.ts by default);
 * - `--runs N`: rounds of page loads (default 7), each the floor and every page, cold and warm;
 * - `--lighthouse-runs N`: Lighthouse runs of each page and preset (default 5, the count
 *   Lighthouse's documentation on variability advises), the median run reported (lighthouse.ts);
 * - `--out FILE`: where to write the figures (default bench-results/latest.json; a scoped run
 *   should write elsewhere).
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';
import {
  exitCode,
  FIXED_BUDGETS,
  judge,
  lighthouseBudgets,
  pageBudgets,
  type Budget,
  type Measured,
  type PageId,
  type Verdict,
} from './budgets';
import { CHROMIUM, CPU_THROTTLE, FIRST_CHART_MARK, withProfile } from './browser';
import { gzipSize, staticClosure, type ViteManifest } from './bytes';
import {
  lighthouseMedianRun,
  performanceRunsText,
  PRESETS,
  type LighthouseRun,
} from './lighthouse';
import { peakAbove, rendererPids } from './memory';
import { FLOOR_PATH, measurePages, PAGES, type PageLoad, type PagesFigures } from './pages';
import { quantile, spread, type Spread } from './stats';
import { syntheticTidyCsv, syntheticWideCsv } from './syntheticFeed';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HARNESS_DIR = resolve(ROOT, 'scripts/bench/harness');
const FLOOR_DIR = resolve(ROOT, 'scripts/bench/floor');
const SYNTHETIC_ROWS = 100_000;
/** The scale curve's feeds (issue 16); the budgets judge the last. */
const SCALE_ROWS = [10_000, 100_000, 1_000_000];
/** Ingests of the largest scale feed (its median is judged); one of each smaller one. */
const SCALE_RUNS = 3;
const scaleFile = (rows: number) => `synthetic-scale-${rows}.csv`;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const RUNS = Math.max(1, Number(option('runs', '7')));
const LIGHTHOUSE_RUNS = Math.max(1, Number(option('lighthouse-runs', '5')));
const OUT = resolve(ROOT, option('out', 'bench-results/latest.json'));
const PARTS = ['pages', 'lighthouse', 'ingest', 'map', 'scale'] as const;
type Part = (typeof PARTS)[number];
const ONLY = option('only', PARTS.join(',')).split(',') as Part[];
const BENCH_PAGES = (() => {
  const ids = option('pages', PAGES.map((p) => p.id).join(',')).split(',');
  const unknown = ids.filter((id) => !PAGES.some((p) => p.id === id));
  if (unknown.length) throw new Error(`--pages: no page ${unknown.join(', ')} (see pages.ts)`);
  return PAGES.filter((p) => ids.includes(p.id));
})();
for (const part of ONLY) {
  if (!PARTS.includes(part)) throw new Error(`--only: no part "${part}" (${PARTS.join(', ')})`);
}

const log = (message: string) => console.log(`[bench] ${message}`);

/** The 1, 5 and 15 min load averages, as /proc/loadavg has them. */
const loadAverage = () => loadavg().map((l) => Number(l.toFixed(2)));

// ---------------------------------------------------------------------------------------------
// Build and serve

/** A production build, exactly as `vite build` makes it (see test/browser/global-setup.ts). */
async function buildAll(outDir: string): Promise<void> {
  const saved = { NODE_ENV: process.env.NODE_ENV, VITEST: process.env.VITEST };
  process.env.NODE_ENV = 'production';
  delete process.env.VITEST;
  try {
    await build({
      root: ROOT,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, manifest: true },
    });
    // The harness page (never shipped) runs the app's own worker and store code.
    await build({
      configFile: false,
      root: HARNESS_DIR,
      base: './',
      mode: 'production',
      logLevel: 'warn',
      worker: { format: 'es' },
      build: { outDir: join(outDir, 'bench-harness'), emptyOutDir: true, target: 'es2022' },
    });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

async function serve(outDir: string): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview gave no port');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

// ---------------------------------------------------------------------------------------------
// Bytes

interface Bytes {
  firstPaintJs: number;
  firstPaintFiles: { file: string; gzip: number }[];
  allJs: number;
  workerJs: number;
  css: number;
  boundaries: { file: string; gzip: number }[] | 'missing';
}

function measureBytes(outDir: string): Bytes {
  const manifest = JSON.parse(
    readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'),
  ) as ViteManifest;
  const closure = staticClosure(manifest);
  const size = (file: string) => gzipSize(readFileSync(join(outDir, file)));
  const firstPaintFiles = closure.js.map((file) => ({ file, gzip: size(file) }));
  const assets = readdirSync(join(outDir, 'assets'));
  const sum = (files: string[]) => files.reduce((n, f) => n + size(`assets/${f}`), 0);
  const geoDir = join(outDir, 'geo');
  // The maps as the pages fetch them, projected at build time: the regions' map, and the
  // departments of one region (the largest of the 18 files).
  const layouts = existsSync(geoDir)
    ? readdirSync(geoDir).filter((f) => f.endsWith('.layout.json'))
    : [];
  const departmentMaps = layouts.filter((f) => f.startsWith('departements-'));
  const largestDepartmentMap = departmentMaps.sort(
    (a, b) => size(`geo/${b}`) - size(`geo/${a}`),
  )[0];
  const geo = layouts.includes('regions.layout.json')
    ? ['regions.layout.json', ...(largestDepartmentMap ? [largestDepartmentMap] : [])]
    : [];
  return {
    firstPaintJs: firstPaintFiles.reduce((n, f) => n + f.gzip, 0),
    firstPaintFiles,
    allJs: sum(assets.filter((f) => f.endsWith('.js'))),
    workerJs: sum(assets.filter((f) => f.endsWith('.js') && f.includes('.worker'))),
    css: sum(assets.filter((f) => f.endsWith('.css'))),
    boundaries: geo.length
      ? geo.map((f) => ({ file: `geo/${f}`, gzip: size(`geo/${f}`) }))
      : 'missing',
  };
}

// ---------------------------------------------------------------------------------------------
// Ingest and store, in the harness page

interface IngestRun {
  totalMs: number;
  rows: number;
  parseMs: number;
  storeMs: number;
  inWorker: boolean;
  longTasks: number[];
  longestBlockMs: number;
  dbName: string;
}

/** The Feeds page's check of the wide export in the worker (scripts/bench/harness). */
interface WideCheck {
  totalMs: number;
  parseMs: number;
  rows: number;
  rowsRead: number;
  sample: number;
  inWorker: boolean;
}

interface IngestFigures {
  feedBytes: number;
  worker: IngestRun[];
  /** A user's wide export of SYNTHETIC_ROWS rows (two figures each), in the worker. */
  wide: { feedBytes: number; worker: IngestRun[]; check: WideCheck };
  onPage: IngestRun;
  seriesRead: { times: number[]; rows: number; total: number };
}

async function ingestAndRead(url: string): Promise<IngestFigures> {
  const csv = syntheticTidyCsv(SYNTHETIC_ROWS);
  const wideCsv = syntheticWideCsv(SYNTHETIC_ROWS);
  return withProfile(async (context) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.route('**/synthetic-100k.csv', (route) =>
      route.fulfill({ body: csv, contentType: 'text/csv' }),
    );
    await page.route('**/synthetic-wide-100k.csv', (route) =>
      route.fulfill({ body: wideCsv, contentType: 'text/csv' }),
    );
    await page.goto(new URL('bench-harness/index.html', url).href);
    await page.waitForSelector('body[data-ready="true"]');
    const run = (mode: 'always' | 'never') =>
      page.evaluate(
        (m) => window.bench.ingest('synthetic-100k.csv', m),
        mode,
      ) as Promise<IngestRun>;
    const worker: IngestRun[] = [];
    for (let i = 0; i < 3; i++) {
      worker.push(await run('always'));
      const last = worker.at(-1)!;
      log(
        `ingest in worker ${i + 1}/3: ${last.totalMs.toFixed(0)} ms (parse ${last.parseMs.toFixed(0)}, store ${last.storeMs.toFixed(0)})`,
      );
    }
    const onPage = await run('never');
    log(`ingest on the page (for comparison): ${onPage.totalMs.toFixed(0)} ms`);
    const wide: IngestRun[] = [];
    for (let i = 0; i < 3; i++) {
      wide.push(
        (await page.evaluate(
          () => window.bench.ingest('synthetic-wide-100k.csv', 'always', 'wide'),
          undefined,
        )) as IngestRun,
      );
      const last = wide.at(-1)!;
      log(
        `wide ingest in worker ${i + 1}/3: ${last.totalMs.toFixed(0)} ms, ${last.rows} figures (parse ${last.parseMs.toFixed(0)}, store ${last.storeMs.toFixed(0)})`,
      );
    }
    const seriesRead = (await page.evaluate(
      (dbName) => window.bench.readSeries(dbName, 'mes_profiles_open', 'REG-53', 21),
      worker.at(-1)!.dbName,
    )) as IngestFigures['seriesRead'];
    const wideCheck = (await page.evaluate(() =>
      window.bench.check('synthetic-wide-100k.csv'),
    )) as WideCheck;
    log(
      `wide check in worker (the Feeds page's "Vérifier"): ${wideCheck.totalMs.toFixed(0)} ms, ${wideCheck.rows} figures, ${wideCheck.sample} sent back`,
    );
    return {
      feedBytes: Buffer.byteLength(csv),
      worker,
      onPage,
      seriesRead,
      wide: { feedBytes: Buffer.byteLength(wideCsv), worker: wide, check: wideCheck },
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Scale: the ingest's time and memory as feeds grow

interface ScaleRun {
  rows: number;
  feedBytes: number;
  totalMs: number;
  parseMs: number;
  storeMs: number;
  /** Peak resident memory of the renderer (page and worker) above the reading before the ingest. */
  extraBytes: number;
  baselineBytes: number;
  longTasks: number[];
  longestBlockMs: number;
}

interface ScaleFigures {
  runs: ScaleRun[];
  /** Per size: median time, largest extra memory, longest main-thread task. */
  curve: {
    rows: number;
    feedBytes: number;
    totalMs: number;
    extraBytes: number;
    longestTaskMs: number;
  }[];
  memorySource: string;
}

/** Writes the scale feeds where the harness is served (a temporary build directory). */
function writeScaleFeeds(dir: string): void {
  for (const rows of SCALE_ROWS) writeFileSync(join(dir, scaleFile(rows)), syntheticTidyCsv(rows));
}

async function scaleCurve(url: string): Promise<ScaleFigures> {
  return withProfile(async (context) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(new URL('bench-harness/index.html', url).href);
    await page.waitForSelector('body[data-ready="true"]');
    const cdp = await context.newCDPSession(page);
    const pids = rendererPids();
    if (!pids.length) throw new Error('no renderer process found under /proc');
    const runs: ScaleRun[] = [];
    for (const rows of SCALE_ROWS) {
      const times = rows === SCALE_ROWS.at(-1) ? SCALE_RUNS : 1;
      for (let i = 0; i < times; i++) {
        const feedBytes = (await page.evaluate(
          (file) => window.bench.fetchFeed(file),
          scaleFile(rows),
        )) as number;
        await cdp.send('HeapProfiler.collectGarbage');
        const { result, baseline, peak } = await peakAbove(pids, () =>
          page.evaluate(() => window.bench.ingestFetched()),
        );
        const run: ScaleRun = {
          rows,
          feedBytes,
          totalMs: result.totalMs,
          parseMs: result.parseMs,
          storeMs: result.storeMs,
          extraBytes: peak - baseline,
          baselineBytes: baseline,
          longTasks: result.longTasks,
          longestBlockMs: result.longestBlockMs,
        };
        runs.push(run);
        log(
          `scale ${rows.toLocaleString('en')} rows: ${ms(run.totalMs)} (parse ${ms(run.parseMs)}, store ${ms(run.storeMs)}), ` +
            `+${kb(run.extraBytes)}, longest task ${ms(Math.max(0, ...run.longTasks))}`,
        );
      }
    }
    const curve = SCALE_ROWS.map((rows) => {
      const of = runs.filter((r) => r.rows === rows);
      return {
        rows,
        feedBytes: of[0]!.feedBytes,
        totalMs: spread(of.map((r) => r.totalMs)).median,
        extraBytes: Math.max(...of.map((r) => r.extraBytes)),
        longestTaskMs: Math.max(0, ...of.flatMap((r) => r.longTasks)),
      };
    });
    return {
      runs,
      curve,
      memorySource:
        'peak VmRSS of the renderer processes (/proc, every 20 ms) minus the reading before the ingest',
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Map interaction

/** Installed in the page by mapSwitches: times one switch (see there). */
interface SwitchClock {
  __timeSwitch(act: () => boolean, shown: () => boolean): Promise<number>;
}

interface MapFigures {
  date?: Spread;
  indicator?: Spread;
  region?: Spread;
  notMeasurable?: string;
}

/** Switches timed of each kind: a median of a few runs moved by several ms between two benches. */
const SWITCHES = 21;

/**
 * Times a switch of the map's date slider and indicator select, and of the region it shows (the
 * next region focused, as the arrow keys do: its outline and its figures drawn): from the event,
 * fired at the start of a frame, to the end of the first frame that shows the new DOM.
 * Unthrottled.
 */
async function mapSwitches(url: string): Promise<MapFigures> {
  return withProfile(async (context) => {
    const page = await context.newPage();
    await page.goto(new URL('#/regions', url).href);
    const map = await page
      .waitForSelector('figure[data-chart-id="region-map"]', { timeout: 15_000 })
      .catch(() => null);
    if (!map)
      return {
        notMeasurable: 'not measurable yet: no figure[data-chart-id="region-map"] on #/regions',
      };
    // tsx names functions with a __name helper that the page does not have.
    await page.evaluate('globalThis.__name ??= (f) => f');
    // The switches are timed once the page has settled, as a reader's are: the start's refresh
    // (the feeds fetched, parsed and stored) and the service worker's install would otherwise
    // share the machine with the first switches.
    await page.waitForFunction(
      () =>
        ['fresh', 'error'].includes(
          document.querySelector('[data-testid="data-status"]')?.getAttribute('data-state') ?? '',
        ),
      undefined,
      { timeout: 30_000 },
    );
    await page.evaluate(async () => {
      await Promise.race([
        navigator.serviceWorker?.ready,
        new Promise((resolve) => setTimeout(resolve, 5_000)),
      ]);
      await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2_000 }));
    });
    // The one clock of every switch below: `act` makes the change at the start of a frame, and
    // the time runs to the end of the first frame that shows it (`shown`). A message posted
    // then runs after that frame is rendered; if the new view is not on screen by then (the page
    // re-rendered asynchronously), it waits for the frame that shows it.
    await page.evaluate(() => {
      const afterPaint = () =>
        new Promise<void>((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve();
          channel.port2.postMessage(0);
        });
      (globalThis as unknown as SwitchClock).__timeSwitch = (act, shown) =>
        new Promise<number>((resolve) => {
          requestAnimationFrame(() => {
            const t0 = performance.now();
            if (!act()) return resolve(NaN);
            void afterPaint().then(async () => {
              while (!shown() && performance.now() - t0 < 5_000) {
                await new Promise((r) => requestAnimationFrame(r));
                await afterPaint();
              }
              resolve(shown() ? performance.now() - t0 : NaN);
            });
          });
        });
    });
    const time = (selector: string, kind: 'range' | 'select', steps: number) =>
      page.evaluate(
        async ({ selector, kind, steps }) => {
          const { __timeSwitch } = globalThis as unknown as SwitchClock;
          const input = document.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
          // The whole page, not only the map: a date without new figures changes the date
          // label and the ranking, not the map's paths.
          const view = document.querySelector('main');
          if (!input || !view) return null;
          const values =
            kind === 'select'
              ? [...(input as HTMLSelectElement).options].map((o) => o.value)
              : (() => {
                  const r = input as HTMLInputElement;
                  const out: string[] = [];
                  for (let v = Number(r.min); v <= Number(r.max); v += Number(r.step || 1))
                    out.push(String(v));
                  return out;
                })();
          if (values.length < 2) return null;
          const times: number[] = [];
          let index = Math.max(0, values.indexOf(input.value));
          for (let i = 0; i < steps; i++) {
            index = (index + 1) % values.length;
            const next = values[index]!;
            let changed = false;
            const observer = new MutationObserver(() => (changed = true));
            // Looked up again each time: the page may have rendered a new control.
            const control = () =>
              document.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
            const ms = await __timeSwitch(
              () => {
                const first = control();
                if (!first) return false;
                observer.observe(view, {
                  subtree: true,
                  attributes: true,
                  childList: true,
                  characterData: true,
                });
                first.value = next;
                first.dispatchEvent(new Event('input', { bubbles: true }));
                first.dispatchEvent(new Event('change', { bubbles: true }));
                return true;
              },
              () =>
                changed &&
                control()?.value === next &&
                document.querySelector('figure[data-chart-id="region-map"] path[data-geo]') !==
                  null,
            );
            observer.disconnect();
            if (Number.isNaN(ms)) return { error: `the view did not show ${next} within 5 s` };
            times.push(ms);
          }
          return times;
        },
        { selector, kind, steps },
      );
    const timed = async (...a: Parameters<typeof time>) => {
      const r = await time(...a);
      if (r && !Array.isArray(r)) throw new Error(`map switch: ${r.error}`);
      return r;
    };
    const date = await timed('input[type=range][data-testid="map-date"]', 'range', SWITCHES);
    const indicator = await timed('[data-testid="map-indicator"]', 'select', SWITCHES);
    const region = await page.evaluate(async (steps) => {
      const { __timeSwitch } = globalThis as unknown as SwitchClock;
      const shapes = [
        ...document.querySelectorAll<SVGPathElement>(
          'figure[data-chart-id="region-map"] path[data-geo][tabindex]',
        ),
      ];
      if (shapes.length < 2) return null;
      // Shown: the region's tooltip is up, with the region's name, and its outline is drawn.
      const shown = (shape: SVGPathElement) => {
        const tooltipId = shape.getAttribute('aria-describedby');
        const tooltip = tooltipId ? document.getElementById(tooltipId) : null;
        const outline = document.querySelector('figure[data-chart-id="region-map"] .highlight');
        const name = shape.getAttribute('aria-label')?.split(/[,:]/)[0] ?? '';
        return (
          tooltip !== null &&
          (tooltip.textContent ?? '').includes(name) &&
          outline?.getAttribute('d') === shape.getAttribute('d')
        );
      };
      const times: number[] = [];
      for (let i = 0; i < steps; i++) {
        const shape = shapes[(i + 1) % shapes.length]!;
        const ms = await __timeSwitch(
          () => {
            shape.focus();
            return true;
          },
          () => shown(shape),
        );
        if (Number.isNaN(ms)) return { error: `region ${shape.dataset.geo} not shown within 5 s` };
        times.push(ms);
      }
      return times;
    }, SWITCHES);
    if (region && !Array.isArray(region)) throw new Error(`map switch: ${region.error}`);
    return {
      date: date ? spread(date) : undefined,
      indicator: indicator ? spread(indicator) : undefined,
      region: region ? spread(region) : undefined,
      notMeasurable:
        date || indicator || region
          ? undefined
          : 'not measurable yet: no date slider, indicator select or focusable region on the map',
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Report

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  let chromiumVersion = 'unknown';
  try {
    chromiumVersion = execFileSync(CHROMIUM, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // reported as unknown
  }
  return { cpus: cpus().length, cpuModel: model, chromium: chromiumVersion, node: process.version };
}

const kb = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1000).toFixed(1)} KB`);
const ms = (n: number) => `${n.toFixed(n < 20 ? 1 : 0)} ms`;
const spreadText = (s: Spread) =>
  `${ms(s.median)} (min ${ms(s.min)}, max ${ms(s.max)}, n=${s.runs})`;
const valueText = (value: number, unit: Budget['unit']) =>
  unit === 'bytes'
    ? kb(value)
    : unit === 'ms'
      ? ms(value)
      : unit === 'ratio'
        ? `${value.toFixed(2)}×`
        : unit === 'shift'
          ? value.toFixed(3)
          : String(value);

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const row of rows) console.log(`  ${row.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`);
}

function printVerdicts(verdicts: Verdict[]): void {
  console.log('\nBudgets');
  printTable(
    verdicts.map((v) => {
      const limit = `${v.budget.atLeast ? '≥ ' : '≤ '}${valueText(v.budget.limit, v.budget.unit)}`;
      const value = v.value === undefined ? '' : valueText(v.value, v.budget.unit);
      const mark = v.status === 'met' ? 'ok' : v.status === 'missed' ? 'MISSED' : 'NOT CHECKED';
      return [v.budget.label, mark, `${value} / ${limit}${v.reason ? ` — ${v.reason}` : ''}`];
    }),
  );
}

/** What the page loads gave, per page: the figures judged and the ones only reported. */
interface PageSummary {
  cold: Spread;
  warm: Spread;
  coldRatio: number;
  warmRatio: number;
  /** p75 and max over every load, cold and warm. */
  cls: { p75: number; max: number; sumMax: number };
  longestTask: { p75: number; max: number };
  jsBeforeChart: { cold: number; warm: number };
  /** Loads that set no first-chart mark. */
  unmarked: number;
}

const p75 = (values: number[]) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.75,
  );

function summarisePage(
  runs: { cold: PageLoad[]; warm: PageLoad[] },
  floor: PageSummary | undefined,
) {
  const times = (loads: PageLoad[]) => spread(loads.flatMap((l) => l.firstChartMs ?? []));
  const all = [...runs.cold, ...runs.warm];
  const cold = times(runs.cold);
  const warm = times(runs.warm);
  return {
    cold,
    warm,
    coldRatio: floor ? cold.median / floor.cold.median : 1,
    warmRatio: floor ? warm.median / floor.warm.median : 1,
    cls: {
      p75: p75(all.map((l) => l.cls)),
      max: Math.max(...all.map((l) => l.cls)),
      sumMax: Math.max(...all.map((l) => l.clsSum)),
    },
    longestTask: {
      p75: p75(all.map((l) => l.longestTaskMs)),
      max: Math.max(...all.map((l) => l.longestTaskMs)),
    },
    jsBeforeChart: {
      cold: Math.max(...runs.cold.map((l) => l.jsBeforeChart)),
      warm: Math.max(...runs.warm.map((l) => l.jsBeforeChart)),
    },
    unmarked: all.filter((l) => l.firstChartMs === undefined).length,
  } satisfies PageSummary;
}

/** The elements that moved most often in a page's loads, for the report. */
function shiftingElements(runs: { cold: PageLoad[]; warm: PageLoad[] }): string[] {
  const count = new Map<string, number>();
  for (const load of [...runs.cold, ...runs.warm])
    for (const shift of load.shifts)
      for (const source of shift.sources) {
        const element = source.replace(/ y .*$/, '');
        count.set(element, (count.get(element) ?? 0) + shift.value);
      }
  return [...count.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([element, total]) => `${element} (${total.toFixed(3)})`);
}

async function main(): Promise<void> {
  const loadAtStart = loadAverage();
  log(`load average ${loadAtStart.join(' ')} on ${cpus().length} CPUs`);
  if (loadAtStart[0]! > cpus().length / 2)
    log('the machine is busy: timings and Lighthouse scores will be worse than on a quiet machine');
  if (!existsSync(CHROMIUM))
    throw new Error(
      `no Chromium at ${CHROMIUM} (set CHROMIUM_PATH); browsers are never downloaded`,
    );

  const outDir = mkdtempSync(join(tmpdir(), 'segur-pulse-bench-dist-'));
  let server: PreviewServer | undefined;
  try {
    log('building the app and the harness');
    await buildAll(outDir);
    const bytes = measureBytes(outDir);
    // Copied before serving: the preview server lists its files when it starts.
    cpSync(FLOOR_DIR, join(outDir, FLOOR_PATH), { recursive: true });
    if (ONLY.includes('scale')) writeScaleFeeds(join(outDir, 'bench-harness'));
    const served = await serve(outDir);
    server = served.server;
    const url = served.url;
    log(`served at ${url}`);

    /** Each part's load average before and after it. */
    const loads: Partial<Record<Part, { before: number[]; after: number[] }>> = {};
    async function part<T>(name: Part, f: () => Promise<T>): Promise<T | undefined> {
      if (!ONLY.includes(name)) return undefined;
      const before = loadAverage();
      log(`${name}: load average ${before.join(' ')}`);
      const result = await f();
      loads[name] = { before, after: loadAverage() };
      log(`${name} done: load average ${loads[name].after.join(' ')}`);
      return result;
    }

    const pages = await part('pages', () => measurePages(url, outDir, BENCH_PAGES, RUNS, log));
    const lighthouse = await part('lighthouse', async () => {
      const runs: LighthouseRun[] = [];
      for (const page of BENCH_PAGES)
        for (const preset of PRESETS) {
          const href = new URL(page.path, url).href;
          const r = await lighthouseMedianRun(page.id, preset, href, LIGHTHOUSE_RUNS);
          runs.push(r);
          log(
            `lighthouse ${page.id} ${preset}: ${
              r.error ??
              Object.entries(r.scores)
                .map(([c, s]) => `${c} ${s}`)
                .join(', ')
            } (median run, processors ${Math.round((r.busyBefore ?? 0) * 100)} % busy before it; performance of the ${LIGHTHOUSE_RUNS} runs: ${performanceRunsText(r)})`,
          );
        }
      return runs;
    });
    const ingest = await part('ingest', () => ingestAndRead(url));
    const map = await part('map', () => mapSwitches(url));
    const scale = await part('scale', () => scaleCurve(url));

    // --- figures against budgets
    const measured: Measured = { firstPaintJs: bytes.firstPaintJs };
    const budgets: Budget[] = [...FIXED_BUDGETS];
    const skipped = { notMeasured: 'skipped (--only)' };
    const pageSummaries: Partial<Record<PageId, PageSummary>> = {};
    let floor: PageSummary | undefined;
    if (pages) {
      floor = summarisePage(pages.floor, undefined);
      for (const page of BENCH_PAGES) {
        const s = summarisePage(pages.pages[page.id]!, floor);
        pageSummaries[page.id] = s;
        budgets.push(...pageBudgets(page.id));
        const unmarked = s.unmarked
          ? { notMeasured: `${s.unmarked} loads set no ${FIRST_CHART_MARK} mark` }
          : undefined;
        measured[`page:${page.id}:coldRatio`] = unmarked ?? s.coldRatio;
        measured[`page:${page.id}:cls`] = s.cls.p75;
        measured[`page:${page.id}:longestTask`] = s.longestTask.p75;
      }
      measured.firstPaintJs = Math.max(
        bytes.firstPaintJs,
        pageSummaries.overview?.jsBeforeChart.warm ?? 0,
      );
    }
    if (lighthouse) {
      for (const page of BENCH_PAGES)
        for (const preset of PRESETS) {
          budgets.push(...lighthouseBudgets(page.id, preset));
          const r = lighthouse.find((l) => l.page === page.id && l.preset === preset);
          for (const [category, score] of Object.entries(r?.scores ?? {}))
            measured[`lighthouse:${page.id}:${preset}:${category}`] = score;
          if (r?.error)
            for (const b of lighthouseBudgets(page.id, preset))
              measured[b.id] ??= { notMeasured: r.error };
        }
    }
    if (ingest) {
      const ingestSpread = spread(ingest.worker.map((r) => r.totalMs));
      measured.ingestTotal = ingestSpread.median;
      measured.ingestWideTotal = spread(ingest.wide.worker.map((r) => r.totalMs)).median;
      // Tasks, as the Long Tasks API sees them; the timer gap (longestBlock) also counts the time
      // other processes took the CPU from the page, so it is reported but not judged.
      measured.ingestLongestTask = Math.max(
        0,
        ...[...ingest.worker, ...ingest.wide.worker].flatMap((r) => r.longTasks),
      );
      measured.seriesRead = spread(ingest.seriesRead.times).median;
    } else {
      measured.ingestTotal =
        measured.ingestWideTotal =
        measured.ingestLongestTask =
        measured.seriesRead =
          skipped;
    }
    const mapMedian = Math.max(
      map?.date?.median ?? -Infinity,
      map?.indicator?.median ?? -Infinity,
      map?.region?.median ?? -Infinity,
    );
    measured.mapSwitch = !map
      ? skipped
      : Number.isFinite(mapMedian)
        ? mapMedian
        : { notMeasured: map.notMeasurable ?? 'no figure' };
    if (scale) {
      const largest = scale.curve.at(-1)!;
      measured.scaleIngest1M = largest.totalMs;
      measured.scaleMemory1M = largest.extraBytes;
      measured.scaleLongestTask = Math.max(...scale.curve.map((c) => c.longestTaskMs));
    } else {
      measured.scaleIngest1M = measured.scaleMemory1M = measured.scaleLongestTask = skipped;
    }
    const verdicts = judge(measured, budgets);

    // --- the report
    console.log('\nSégur Pulse benchmark');
    printTable([
      [
        'first-screen JS: entry and the app it starts (gzip)',
        `${kb(bytes.firstPaintJs)} in ${bytes.firstPaintFiles.length} files`,
      ],
      ['all JS (gzip)', `${kb(bytes.allJs)} (of which the ingest worker ${kb(bytes.workerJs)})`],
      ['CSS (gzip)', kb(bytes.css)],
      [
        'boundaries (gzip)',
        bytes.boundaries === 'missing'
          ? 'missing (no geo/*.layout.json in the build)'
          : bytes.boundaries.map((b) => `${b.file} ${kb(b.gzip)}`).join(', '),
      ],
    ]);
    if (pages && floor) {
      console.log(
        `\nPages: first chart at ${CPU_THROTTLE}x CPU (median of ${RUNS}), ratio to the floor page loaded the same way;` +
          ' layout shift and longest task: p75 (max) of every load, cold and warm',
      );
      printTable([
        [
          'page',
          'cold',
          'warm',
          'cold ratio',
          'warm ratio',
          'CLS',
          'longest task',
          'JS before chart (cold/warm)',
        ],
        [
          'floor',
          ms(floor.cold.median),
          ms(floor.warm.median),
          '1',
          '1',
          floor.cls.p75.toFixed(3),
          ms(floor.longestTask.p75),
          '',
        ],
        ...BENCH_PAGES.map((page) => {
          const s = pageSummaries[page.id]!;
          return [
            page.id,
            ms(s.cold.median),
            ms(s.warm.median),
            `${s.coldRatio.toFixed(2)}×`,
            `${s.warmRatio.toFixed(2)}×`,
            `${s.cls.p75.toFixed(3)} (${s.cls.max.toFixed(3)})`,
            `${ms(s.longestTask.p75)} (${ms(s.longestTask.max)})`,
            `${kb(s.jsBeforeChart.cold)} / ${kb(s.jsBeforeChart.warm)}`,
          ];
        }),
      ]);
      for (const page of BENCH_PAGES) {
        const moved = shiftingElements(pages.pages[page.id]!);
        if (moved.length) console.log(`  ${page.id} shifts: ${moved.join(', ')}`);
      }
    }
    if (lighthouse) {
      console.log(
        `\nLighthouse (performance, accessibility, best practices, SEO; median of ${LIGHTHOUSE_RUNS} runs)`,
      );
      printTable([
        ['page', 'mobile', 'desktop', 'CLS mobile/desktop', 'mobile performance, each run'],
        ...BENCH_PAGES.map((page) => {
          const of = (preset: string) =>
            lighthouse.find((l) => l.page === page.id && l.preset === preset);
          const scores = (r?: LighthouseRun) =>
            r?.error
              ? 'error'
              : ['performance', 'accessibility', 'best-practices', 'seo']
                  .map((c) => r?.scores[c as keyof LighthouseRun['scores']] ?? '–')
                  .join('/');
          const cls = (r?: LighthouseRun) =>
            r?.metrics['cumulative-layout-shift']?.toFixed(3) ?? '–';
          return [
            page.id,
            scores(of('mobile')),
            scores(of('desktop')),
            `${cls(of('mobile'))} / ${cls(of('desktop'))}`,
            performanceRunsText(of('mobile')),
          ];
        }),
      ]);
      for (const r of lighthouse)
        for (const f of r.failing.filter((f) => f.category !== 'performance'))
          console.log(`  ${r.page} ${r.preset}: ${f.category} ${f.id} (${f.title})`);
    }
    if (ingest) {
      const ingestSpread = spread(ingest.worker.map((r) => r.totalMs));
      // The split of the run whose total is the median, so that its parts go with the total shown.
      const medianIngest = [...ingest.worker].sort((a, b) => a.totalMs - b.totalMs)[
        Math.floor(ingest.worker.length / 2)
      ]!;
      const wideSpread = spread(ingest.wide.worker.map((r) => r.totalMs));
      const medianWide = [...ingest.wide.worker].sort((a, b) => a.totalMs - b.totalMs)[
        Math.floor(ingest.wide.worker.length / 2)
      ]!;
      const inWorker = [...ingest.worker, ...ingest.wide.worker];
      const longestBlock = Math.max(...inWorker.map((r) => r.longestBlockMs));
      const readSpread = spread(ingest.seriesRead.times);
      console.log('');
      printTable([
        [
          `ingest ${SYNTHETIC_ROWS.toLocaleString('en')} synthetic rows in a worker`,
          `${spreadText(ingestSpread)}; median run: parse+validate ${ms(medianIngest.parseMs)}, store ${ms(medianIngest.storeMs)}`,
        ],
        [
          `ingest a ${SYNTHETIC_ROWS.toLocaleString('en')}-row wide export (${medianWide.rows.toLocaleString('en')} figures) in a worker`,
          `${spreadText(wideSpread)}; median run: parse+validate ${ms(medianWide.parseMs)}, store ${ms(medianWide.storeMs)}`,
        ],
        [
          '  the same export checked, not stored (Feeds page)',
          `${ms(ingest.wide.check.totalMs)} (${ingest.wide.check.inWorker ? 'in the worker' : 'on the page'})`,
        ],
        [
          'main thread during ingest',
          `long tasks over 50 ms: ${inWorker.flatMap((r) => r.longTasks).length}; longest gap of a 0 ms timer ${ms(longestBlock)}`,
        ],
        [
          'same ingest on the page (comparison)',
          `${ms(ingest.onPage.totalMs)}, longest main-thread task ${ms(Math.max(0, ...ingest.onPage.longTasks))}`,
        ],
        [
          `read one series (${ingest.seriesRead.rows} of ${ingest.seriesRead.total} rows), browser`,
          `${spreadText(readSpread)}; first read ${ms(ingest.seriesRead.times[0]!)}`,
        ],
      ]);
    }
    if (map) {
      console.log('');
      printTable([
        [
          'map date switch',
          map.date ? spreadText(map.date) : (map.notMeasurable ?? 'no date slider'),
        ],
        [
          'map indicator switch',
          map.indicator ? spreadText(map.indicator) : (map.notMeasurable ?? 'no indicator select'),
        ],
        [
          'map region switch (the next region focused)',
          map.region ? spreadText(map.region) : (map.notMeasurable ?? 'no focusable region'),
        ],
      ]);
    }
    if (scale) {
      console.log(`\nScale: tidy feeds ingested in a worker (memory: ${scale.memorySource})`);
      printTable([
        ['rows', 'file', 'time', 'extra memory', 'longest main-thread task'],
        ...scale.curve.map((c) => [
          c.rows.toLocaleString('en'),
          kb(c.feedBytes),
          ms(c.totalMs),
          kb(c.extraBytes),
          ms(c.longestTaskMs),
        ]),
      ]);
    }
    printVerdicts(verdicts);
    const loadAtEnd = loadAverage();
    log(`load average ${loadAtStart.join(' ')} at the start, ${loadAtEnd.join(' ')} at the end`);

    const result = {
      takenAt: new Date().toISOString(),
      machine: { ...machine(), loadAverage: { start: loadAtStart, end: loadAtEnd, parts: loads } },
      settings: {
        runs: RUNS,
        lighthouseRuns: LIGHTHOUSE_RUNS,
        parts: ONLY,
        pages: BENCH_PAGES,
        cpuThrottle: CPU_THROTTLE,
        syntheticRows: SYNTHETIC_ROWS,
        scaleRows: SCALE_ROWS,
        kilobyte: 1000,
      },
      bytes,
      pages: pages && {
        summary: { floor, ...pageSummaries },
        loads: pages satisfies PagesFigures,
      },
      lighthouse,
      ingest,
      map,
      scale,
      budgets: verdicts.map((v) => ({
        id: v.budget.id,
        label: v.budget.label,
        limit: v.budget.limit,
        unit: v.budget.unit,
        atLeast: v.budget.atLeast,
        value: v.value,
        status: v.status,
        reason: v.reason,
      })),
    };
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, JSON.stringify(result, null, 2) + '\n');
    log(`written ${OUT}`);
    process.exitCode = exitCode(verdicts);
  } finally {
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

await main();
