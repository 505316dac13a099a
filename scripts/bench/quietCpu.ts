/**
 * Waits, before each Lighthouse run, until the machine's processors are quiet: the last run's
 * browser and Lighthouse's own process may still be winding down. Lighthouse simulates the page at
 * 4x from the tasks it observes, so a task stretched by another process's work counts four times;
 * its documentation on variability names resource contention among the largest sources of spread.
 */
import { cpus, type CpuInfo } from 'node:os';

/** The processors' share of busy time between two readings of `os.cpus()`, 0 to 1. */
export function busyShare(before: CpuInfo[], after: CpuInfo[]): number {
  let busy = 0;
  let total = 0;
  after.forEach((cpu, i) => {
    const was = before[i];
    if (!was) return;
    const spent = (k: keyof CpuInfo['times']) => cpu.times[k] - was.times[k];
    const all = spent('user') + spent('nice') + spent('sys') + spent('irq') + spent('idle');
    total += all;
    busy += all - spent('idle');
  });
  return total > 0 ? busy / total : 0;
}

export interface QuietOptions {
  /** The busy share under which the machine counts as quiet (default 0.15). */
  threshold?: number;
  /** How long each reading lasts, ms (default 500). */
  sampleMs?: number;
  /** The longest wait, ms (default 20 s): a machine busy with something else is only reported. */
  maxMs?: number;
  /** The readings (tests). */
  read?: () => CpuInfo[];
  sleep?: (ms: number) => Promise<void>;
}

/** Resolves with the last busy share once one reading is under the threshold, or at `maxMs`. */
export async function waitForQuietCpu(options: QuietOptions = {}): Promise<number> {
  const {
    threshold = 0.15,
    sampleMs = 500,
    maxMs = 20_000,
    read = cpus,
    sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  } = options;
  let share = 1;
  for (let waited = 0; waited < maxMs; waited += sampleMs) {
    const before = read();
    await sleep(sampleMs);
    share = busyShare(before, read());
    if (share < threshold) break;
  }
  return share;
}
