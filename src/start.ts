import { flushSync, mount } from 'svelte';
import { warmFormatters } from './lib/format';
import { afterNextPaint } from './lib/nextPaint';
import { i18n } from './lib/i18n.svelte';
import {
  STAGING_ATTRIBUTE,
  allRendered,
  firstScreenRendered,
  renderInTurns,
  stagedAppShown,
  waitingTurns,
} from './lib/renderQueue';
import { router } from './lib/router.svelte';
import { registerServiceWorkerWhenWhole } from './lib/serviceWorker';
import { startData, whenShown } from './sync/dataState.svelte';
import { loadView } from './views/pages';

/** Set once the app has replaced the prerendered page, or mounted (read by the benchmark). */
export const APP_MOUNTED_MARK = 'segur-pulse:app-mounted';

/** The longest the prerendered Overview waits for the app's data: then the app shows its state. */
const PRERENDER_MAX_MS = 10_000;

/** The longest the app waits for its view's code before it shows itself, saying "loading". */
const VIEW_MAX_MS = 1_000;

/** The longest the app is built unseen under a prerendered page before it shows itself. */
const STAGING_MAX_MS = 5_000;

/**
 * Starts the app in `target` (loaded by src/main.ts), rendering in turns (src/lib/renderQueue.ts):
 * the page's first screen first, then each part further down in a task of its own.
 *
 * When a prerendered page (src/prerender/) is on screen, it stays there until the app has its own
 * data to show, or the reader goes elsewhere. The app is then built under it, unseen, a part per
 * task, and takes its place once its first screen is whole: the reader never sees a chart of the
 * prerendered page give way to an empty frame, and no task builds the whole first screen at once.
 * A prerendered page that is not shown is simply replaced.
 */
export async function start(target: HTMLElement, prerenderShown: boolean): Promise<void> {
  const dataStarted = startData();
  // The app waits for IndexedDB now: its number and date formatters are built meanwhile, not in
  // the middle of the first chart's render.
  setTimeout(() => warmFormatters(i18n.lang), 0);
  renderInTurns(true);
  const app = import('./App.svelte');
  // The view's code (and what it needs before it can be drawn: a map's outlines) beside the app's:
  // the app then shows the page at once, without a "loading" step.
  const view = loadView(router.state).catch(() => {});
  if (!prerenderShown) {
    await Promise.race([view, atMost(VIEW_MAX_MS)]);
    const { default: App } = await app;
    target.replaceChildren();
    target.removeAttribute('data-prerendered');
    delete document.documentElement.dataset.prerender;
    mount(App, { target });
    performance.mark(APP_MOUNTED_MARK);
    offlineOnceWhole(dataStarted);
    return;
  }

  const elsewhere = new Promise((resolve) =>
    window.addEventListener('hashchange', resolve, { once: true }),
  );
  const printing = new Promise((resolve) =>
    window.addEventListener('beforeprint', resolve, { once: true }),
  );
  await Promise.race([whenShown(), elsewhere, atMost(PRERENDER_MAX_MS)]);
  await Promise.race([view, elsewhere]);
  // The data was read (and on a first visit parsed) in the task that got here: the page is
  // mounted in a task of its own, not added to that one.
  await afterNextPaint();

  const { default: App } = await app;
  const stage = document.createElement('div');
  stage.setAttribute(STAGING_ATTRIBUTE, '');
  target.after(stage);
  mount(App, { target: stage });
  // The view (loaded above) is in place: its effects ask for the first screen's turns.
  flushSync();
  await Promise.race([firstScreenRendered(), elsewhere, printing, atMost(STAGING_MAX_MS)]);

  document.getElementById('prerendered-route')?.remove();
  target.remove();
  stage.removeAttribute(STAGING_ATTRIBUTE);
  stage.id = 'app';
  delete document.documentElement.dataset.prerender;
  stagedAppShown();
  performance.mark(APP_MOUNTED_MARK);
  offlineOnceWhole(dataStarted);
}

function atMost(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The service worker (offline, install) once the page is whole and the start's refresh round is
 * over: not competing with the page's build, nor with the round's end (on a first visit, the
 * data stored and read back, and the page updated), which a page whole before it used to meet.
 */
function offlineOnceWhole(dataStarted: Promise<void>): void {
  // The development server builds no service worker.
  if (!import.meta.env.PROD) return;
  const roundOver = dataStarted.catch(() => {});
  void registerServiceWorkerWhenWhole(
    () => roundOver.then(allRendered),
    () => waitingTurns() === 0,
  );
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
