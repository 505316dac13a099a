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
 */
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS, CPU_THROTTLE } from './browser';

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; functionName?: string } };
}

const LONG_MS = 100;
const SETTLE_MS = 5000;

async function main(): Promise<void> {
  const [base, path = '', ...rest] = process.argv.slice(2);
  if (!base) throw new Error('usage: trace.ts <app url> [#/path] [--out file.json]');
  const out = rest[rest.indexOf('--out') + 1];
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
    report(JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] });
  } finally {
    await browser.close();
  }
}

function report({ traceEvents }: { traceEvents: TraceEvent[] }): void {
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
  }
}

await main();
