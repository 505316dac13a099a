/**
 * Where a page's load spends its main thread: one cold load at 4x CPU with Chromium's timeline
 * recorded, then every top-level task of 100 ms or more with what it contained (layout, style,
 * script evaluation, microtasks, and the script functions called), and the app's marks.
 *
 *   npx tsx scripts/bench/trace.ts http://127.0.0.1:4173/ '#/activation' [--out trace.json]
 *
 * Serve the app first (`npm start`, or an unminified build for readable function names:
 * `npx vite build --minify false --outDir /tmp/unminified && npx vite preview --outDir
 * /tmp/unminified --port 4300`). The trace written with --out opens in Chromium's DevTools
 * (Performance panel). What `npm run bench` measures, this explains.
 *
 * With --functions, the trace also records V8's CPU profile and each long task lists the
 * functions it ran (time including callees); the sampling makes every task 2-3 times longer, so
 * read those lists for shares, not durations.
 */
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS, CPU_THROTTLE } from './browser';

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string; lineNumber?: number };
}

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      url?: string;
      functionName?: string;
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

const LONG_MS = 100;
const SETTLE_MS = 5000;

async function main(): Promise<void> {
  const [base, path = '', ...rest] = process.argv.slice(2);
  if (!base) throw new Error('usage: trace.ts <app url> [#/path] [--out file.json]');
  const out = rest[rest.indexOf('--out') + 1];
  const functions = rest.includes('--functions');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  try {
    const context = await browser.newContext({
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
    await browser.startTracing(page, {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8.execute',
        'blink.user_timing',
        ...(functions ? ['disabled-by-default-v8.cpu_profiler'] : []),
      ],
    });
    await page.goto(new URL(path, base).href);
    await page.waitForFunction(
      () => performance.getEntriesByName('segur-pulse:app-mounted').length > 0,
      null,
      { timeout: 60_000 },
    );
    await page.waitForTimeout(SETTLE_MS);
    const buffer = await browser.stopTracing();
    if (rest.includes('--out') && out) writeFileSync(out, buffer);
    report(JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }, functions);
  } finally {
    await browser.close();
  }
}

function report({ traceEvents }: { traceEvents: TraceEvent[] }, functions: boolean): void {
  const mainThreads = new Set(
    traceEvents
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = traceEvents.filter((e) => mainThreads.has(`${e.pid}:${e.tid}`) && e.ts > 0);
  const start = Math.min(...onMain.map((e) => e.ts));
  const at = (ts: number) => ((ts - start) / 1000).toFixed(0);
  const marks = traceEvents
    .filter((e) => e.cat?.includes('blink.user_timing') && e.name.startsWith('segur-pulse:'))
    .map((e) => `${e.name.slice('segur-pulse:'.length)} @${at(e.ts)} ms`);
  console.log(`marks: ${[...new Set(marks)].join(', ')}`);
  const tasks = onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) >= LONG_MS * 1000);
  const profile = functions ? pageProfile(traceEvents) : { nodes: new Map(), samples: [] };
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    const inside = new Map<string, number>();
    for (const e of onMain) {
      if (e === task || e.pid !== task.pid || e.tid !== task.tid) continue;
      if (e.ts < task.ts || e.ts + (e.dur ?? 0) > end || (e.dur ?? 0) < 3000) continue;
      // The garbage collector's phases, each already inside MinorGC or MajorGC.
      if (e.name.startsWith('V8.GC_')) continue;
      const what = [e.name, e.args?.data?.functionName, e.args?.data?.url?.split('/').pop()]
        .filter(Boolean)
        .join(' ');
      inside.set(what, (inside.get(what) ?? 0) + e.dur!);
    }
    const parts = [...inside]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([what, us]) => `${what.slice(0, 60)} ${(us / 1000).toFixed(0)}`);
    console.log(
      `task @${at(task.ts)} ms, ${(task.dur! / 1000).toFixed(0)} ms: ${parts.join(' | ')}`,
    );
    if (functions) {
      for (const [what, ms] of functionsIn(profile, task.ts, end)) {
        console.log(`  ${ms.toFixed(0).padStart(5)} ms  ${what}`);
      }
    }
  }
}

interface Profile {
  nodes: Map<number, ProfileNode>;
  samples: [number, number][];
}

/**
 * The page's CPU profile from the trace: its chunks are written by a thread of their own, under
 * the id of the profile the page's main thread started. Of the renderer's profiles (the page, a
 * service worker), the one whose functions come most from the app's assets.
 */
function pageProfile(traceEvents: TraceEvent[]): Profile {
  const starts = new Map<string, number>();
  for (const e of traceEvents) {
    if (e.name === 'Profile') starts.set(`${e.pid}:${e.id}`, e.args?.data?.startTime ?? 0);
  }
  const profiles = new Map<string, Profile & { at: number; assets: number }>();
  for (const e of traceEvents) {
    if (e.name !== 'ProfileChunk') continue;
    const key = `${e.pid}:${e.tid}`;
    let profile = profiles.get(key);
    if (!profile) {
      profile = {
        nodes: new Map(),
        samples: [],
        at: starts.get(`${e.pid}:${e.id}`) ?? 0,
        assets: 0,
      };
      profiles.set(key, profile);
    }
    for (const node of e.args?.data?.cpuProfile?.nodes ?? []) {
      profile.nodes.set(node.id, node);
      if (node.callFrame.url?.includes('/assets/')) profile.assets += 1;
    }
    const deltas = e.args?.data?.timeDeltas ?? [];
    (e.args?.data?.cpuProfile?.samples ?? []).forEach((id, i) => {
      profile.at += deltas[i] ?? 0;
      profile.samples.push([profile.at, id]);
    });
  }
  const best = [...profiles.values()].sort((a, b) => b.assets - a.assets)[0];
  return best ?? { nodes: new Map(), samples: [] };
}

/** The functions sampled between `from` and `to`, with their time including callees. */
function functionsIn(profile: Profile, from: number, to: number, top = 12): [string, number][] {
  const within = profile.samples.filter(([ts]) => ts >= from && ts <= to);
  if (within.length < 2) return [];
  const step = (within.at(-1)![0] - within[0]![0]) / (within.length - 1) / 1000;
  const total = new Map<string, number>();
  for (const [, id] of within) {
    const seen = new Set<string>();
    for (let node = profile.nodes.get(id); node; node = profile.nodes.get(node.parent ?? -1)) {
      const { functionName, url = '', lineNumber = 0 } = node.callFrame;
      if (!url.includes('/assets/')) continue;
      const what = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
      if (seen.has(what)) continue;
      seen.add(what);
      total.set(what, (total.get(what) ?? 0) + step);
    }
  }
  return [...total].sort((a, b) => b[1] - a[1]).slice(0, top);
}

await main();
