/**
 * Memory of the browser's renderer processes, read from /proc (Linux): the page and its dedicated
 * workers run in one renderer, so its resident size counts the worker's JS heap, its typed arrays
 * and strings, and what the browser allocates for them outside the heap. Sampled from Node while
 * the page is busy, it gives the peak an ingest reaches, which a single reading from inside the
 * page (performance.measureUserAgentSpecificMemory, which needs cross-origin isolation the bench
 * does not serve, and reports after the fact) or the page's heap metrics over CDP (which leave
 * the worker out) cannot.
 */
import { readdirSync, readFileSync } from 'node:fs';

function parentOf(pid: number): number | undefined {
  try {
    // "pid (name) state ppid …": the name may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** Renderer processes started (through the browser) by this Node process. */
export function rendererPids(): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmdline.includes('--type=renderer')) continue;
    for (let p: number | undefined = pid, depth = 0; p && p > 1 && depth < 10; depth++) {
      p = parentOf(p);
      if (p === process.pid) {
        out.push(pid);
        break;
      }
    }
  }
  return out;
}

/** Resident memory of these processes together, in bytes (those gone count 0). */
export function residentBytes(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // The process ended.
    }
  }
  return total;
}

/** Samples residentBytes(pids) every `everyMs` while `f` runs: its peak above the first reading. */
export async function peakAbove<T>(
  pids: number[],
  f: () => Promise<T>,
  everyMs = 20,
): Promise<{ result: T; baseline: number; peak: number }> {
  const baseline = residentBytes(pids);
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, residentBytes(pids));
  }, everyMs);
  try {
    const result = await f();
    peak = Math.max(peak, residentBytes(pids));
    return { result, baseline, peak };
  } finally {
    clearInterval(timer);
  }
}
