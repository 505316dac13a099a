/**
 * The browser loads its ICU data (locale tags, collation, date and number patterns) at the first
 * use of each Intl service. Reached in one call, a page's first `new Intl.NumberFormat('fr-FR')`,
 * it was one task of 100 to 370 ms at 4x CPU; reached a piece at a time, as here, no piece took
 * more than 80 ms (docs/performance.md, "ICU in steps"). Most of that data is the process's, not
 * the page's: reached first in a worker (src/lib/warmIntl.worker.ts), on another thread, the same
 * steps then take the page's own thread 10-40 ms in all instead of 160-340 ms ("Off the page's
 * thread"). Kept free of imports, like the entry that uses it.
 */
export const INTL_WARM_STEPS: readonly ((locale: string) => unknown)[] = [
  // Likely subtags: the first locale lookup of any service.
  (locale) => new Intl.Locale(locale).maximize(),
  // Collation: what the views' sorts (localeCompare) use.
  (locale) => new Intl.Collator(locale).compare('a', 'b') + 'a'.localeCompare('b'),
  // The date services' locale list, then a date pattern.
  (locale) => Intl.DateTimeFormat.supportedLocalesOf(locale),
  (locale) => new Intl.DateTimeFormat(locale, { timeZone: 'UTC' }).format(0),
  (locale) => new Intl.NumberFormat(locale).format(0),
  (locale) => [new Intl.PluralRules(locale).select(1), new Intl.ListFormat(locale).format(['a'])],
];

/** Runs each of `steps` for `locale` in a task of its own, in order. */
export function warmIntl(
  locale: string,
  steps = INTL_WARM_STEPS,
  later: (run: () => void) => void = (run) => setTimeout(run, 0),
): void {
  const next = (at: number): void => {
    if (at >= steps.length) return;
    later(() => {
      runStep(steps[at]!, locale);
      next(at + 1);
    });
  };
  next(0);
}

function runStep(step: (locale: string) => unknown, locale: string): void {
  try {
    step(locale);
  } catch {
    // A browser without one of these services: the app's own use of it will say so.
  }
}

/** The worker's part: every step for each locale in turn, saying when a locale is done. */
export function warmLocales(
  locales: readonly string[],
  done: (locale: string) => void,
  steps = INTL_WARM_STEPS,
): void {
  for (const locale of locales) {
    for (const step of steps) runStep(step, locale);
    done(locale);
  }
}

/** What the page needs of a worker here (a fake one in tests). */
export interface WarmWorker {
  postMessage(locales: string[]): void;
  addEventListener(type: 'message' | 'error', listener: (event: { data?: unknown }) => void): void;
  terminate(): void;
}

const spawnWarmWorker = (): WarmWorker =>
  new Worker(new URL('./warmIntl.worker.ts', import.meta.url), { type: 'module' });

/**
 * Loads the ICU data of `locales` in a worker. Resolves once the first locale is loaded there; at
 * once when no worker can run, and after `maxMs` at most (then the page loads what is missing
 * itself, as before). The worker ends once the last one is loaded, or failed.
 */
export function warmIntlOffThread(
  locales: string[],
  spawn: () => WarmWorker = spawnWarmWorker,
  maxMs = 2000,
): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(done, maxMs);
    const resolve = () => {
      clearTimeout(timer);
      done();
    };
    let worker: WarmWorker;
    try {
      worker = spawn();
    } catch {
      resolve();
      return;
    }
    const warmed = new Set<string>();
    worker.addEventListener('message', (event) => {
      warmed.add(String(event.data));
      resolve();
      if (locales.every((l) => warmed.has(l))) worker.terminate();
    });
    worker.addEventListener('error', () => {
      resolve();
      worker.terminate();
    });
    worker.postMessage(locales);
  });
}
