import { mount } from 'svelte';
import App from './App.svelte';
import { warmFormatters } from './lib/format';
import { afterNextPaint } from './lib/nextPaint';
import { i18n } from './lib/i18n.svelte';
import { renderInTurns } from './lib/renderQueue';
import { startData, whenShown } from './sync/dataState.svelte';

/** Set once the app has replaced the prerendered page, or mounted (read by the benchmark). */
export const APP_MOUNTED_MARK = 'segur-pulse:app-mounted';

/** The longest the prerendered Overview waits for the app's data: then the app shows its state. */
const PRERENDER_MAX_MS = 10_000;

/**
 * Starts the app in `target` (loaded by src/main.ts). When a prerendered page (src/prerender/) is
 * on screen, it stays there until the app has its own data to show, or the reader goes
 * elsewhere; then the app replaces it with its own first screen, and renders the rest in turns
 * (src/lib/renderQueue.ts). A prerendered page that is not shown is simply replaced.
 */
export async function start(target: HTMLElement, prerenderShown: boolean): Promise<void> {
  void startData();
  if (prerenderShown) {
    await Promise.race([
      whenShown(),
      new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true })),
      new Promise((resolve) => setTimeout(resolve, PRERENDER_MAX_MS)),
    ]);
    // The data was read (and on a first visit parsed) in the task that got here: the page is
    // mounted in a task of its own, not added to that one.
    await afterNextPaint();
  }
  document.getElementById('prerendered-route')?.remove();
  target.replaceChildren();
  target.removeAttribute('data-prerendered');
  delete document.documentElement.dataset.prerender;
  // The first screen in this task, what can wait (marks, parts further down) in later ones.
  renderInTurns(true);
  mount(App, { target });
  performance.mark(APP_MOUNTED_MARK);
  // The app now waits for IndexedDB: build the number and date formatters meanwhile (the first
  // one loads the locale's data), rather than in the middle of the first chart's render.
  setTimeout(() => warmFormatters(i18n.lang), 0);
}

// Printing shows every chart's data table: closed <details> are opened for the print and closed
// again afterwards (CSS alone cannot open them in every browser).
const openedForPrint = new Set<HTMLDetailsElement>();
window.addEventListener('beforeprint', () => {
  for (const details of document.querySelectorAll<HTMLDetailsElement>('details:not([open])')) {
    details.open = true;
    openedForPrint.add(details);
  }
});
window.addEventListener('afterprint', () => {
  for (const details of openedForPrint) details.open = false;
  openedForPrint.clear();
});
