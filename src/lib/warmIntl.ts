/**
 * The browser loads its ICU data (locale tags, collation, date and number patterns) at the first
 * use of each Intl service. Reached in one call, a page's first `new Intl.NumberFormat('fr-FR')`,
 * it was one task of 100 to 370 ms at 4x CPU; reached a piece at a time, as here, no piece took
 * more than 80 ms (docs/performance.md, "ICU in steps"). Each step runs in a task of its own
 * while the app's code downloads (src/main.ts), so that no render waits on it. Kept free of
 * imports, like the entry that uses it.
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
      try {
        steps[at]!(locale);
      } catch {
        // A browser without one of these services: the app's own use of it will say so.
      }
      next(at + 1);
    });
  };
  next(0);
}
