/**
 * Renders a page in turns rather than in one task. At 4x CPU, mounting a whole page (the
 * Activation tracker: KPIs, three charts, a 60-row table, the targets) was one task of 0.7-1 s,
 * during which the page could not answer a click or a key. Parts that can wait (a chart's marks,
 * a section below the first screen) ask for a turn here; each turn runs in a task of its own,
 * after the browser has painted a frame, in the order they were asked for (the page's order).
 *
 * Only the app in a browser renders in turns (src/start.ts switches it on): the server render
 * (src/prerender/) and component tests render everything at once, as before. Printing renders
 * every waiting part first. While parts wait, the document element carries `data-rendering`, so
 * that a test or the benchmark can wait until the page is whole.
 */
import { flushSync, getContext, setContext } from 'svelte';

interface Turn {
  run: () => void;
  /** Part of the page's first screen: taken before the parts further down. */
  firstScreen: boolean;
  /** The rest of a part whose turn has just run: taken before every other waiting part. */
  next: boolean;
}

let progressive = false;
const waiting: Turn[] = [];
let scheduled = false;

/** Switches rendering in turns on (the app, src/start.ts) or off. */
export function renderInTurns(on: boolean): void {
  progressive = on;
  if (!on) renderAllNow();
}

/**
 * Runs `run` in a task of its own once the parts asked for before it have rendered; returns what
 * cancels it (a part removed before its turn). Runs it at once when rendering is not in turns.
 * A part of the first screen goes before every waiting part that is not: a first-screen chart
 * asks for its marks' turn while the sections below it are already waiting. With `next`, the turn
 * goes before every waiting part (after the other `next` ones): the rest of a part built in two
 * turns, asked for in the first, comes right after it wherever the part is on the page.
 */
export function askTurn(run: () => void, firstScreen = false, next = false): () => void {
  if (!progressive) {
    run();
    return () => {};
  }
  const turn: Turn = { run, firstScreen, next };
  const at = next
    ? waiting.findIndex((t) => !t.next)
    : firstScreen
      ? waiting.findIndex((t) => !t.firstScreen)
      : -1;
  waiting.splice(at < 0 ? waiting.length : at, 0, turn);
  markRendering();
  schedule();
  return () => {
    const at = waiting.indexOf(turn);
    if (at >= 0) waiting.splice(at, 1);
    markRendering();
  };
}

/** Reads of the first screen under way (holdFirstScreen). */
let holds = 0;

/**
 * A part of the first screen that reads what it shows (from IndexedDB) once created: the first
 * screen is whole only once `reading` has settled, so that the app built under a prerendered page
 * does not show itself and then grow as the part fills in (a layout shift). Nothing where
 * rendering is not in turns. src/start.ts bounds the wait.
 */
export function holdFirstScreen(reading: Promise<unknown>): void {
  if (!progressive) return;
  holds++;
  markRendering();
  const release = () => {
    holds--;
    markRendering();
  };
  reading.then(release, release);
}

/** How many parts are waiting for their turn, or for what they read. */
export function waitingTurns(): number {
  return waiting.length + holds;
}

/** Renders every waiting part now, in order (before printing). */
export function renderAllNow(): void {
  while (waiting.length) {
    waiting.shift()!.run();
    flushSync();
  }
  markRendering();
}

function schedule(): void {
  if (scheduled || !waiting.length) return;
  scheduled = true;
  afterPaint(takeTurn);
}

function takeTurn(): void {
  scheduled = false;
  const turn = waiting.shift();
  try {
    if (turn) {
      turn.run();
      // The part's DOM is built in this task, not in a microtask after it.
      flushSync();
    }
  } finally {
    // A part that failed to render does not hold back the ones after it.
    markRendering();
    schedule();
  }
}

/**
 * After the next frame: the browser lays out and paints what the last turn added in a task of its
 * own, and the next part reads sizes from a layout already done. A hidden tab paints no frame:
 * there a timeout alone.
 */
function afterPaint(callback: () => void): void {
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState !== 'visible') {
    setTimeout(callback, 0);
    return;
  }
  requestAnimationFrame(() => setTimeout(callback, 0));
}

function markRendering(): void {
  // Checked after the microtasks already queued: a part's state changed in its turn may update
  // its effects there, and ask for the next first-screen turn (the next rows of a table).
  if (firstScreenWaiters.length) queueMicrotask(settleFirstScreen);
  if (allWaiters.length) queueMicrotask(settleAll);
  if (typeof document === 'undefined') return;
  document.documentElement.toggleAttribute('data-rendering', waitingTurns() > 0);
}

const firstScreenWaiters: (() => void)[] = [];

function settleFirstScreen(): void {
  if (holds > 0 || waiting.some((t) => t.firstScreen)) return;
  for (const resolve of firstScreenWaiters.splice(0)) resolve();
}

/**
 * Resolves once no part of the first screen waits for its turn (at once when none does): the app
 * built under a prerendered page shows itself then (src/start.ts).
 */
export function firstScreenRendered(): Promise<void> {
  return new Promise((resolve) => {
    firstScreenWaiters.push(resolve);
    markRendering();
  });
}

const allWaiters: (() => void)[] = [];

function settleAll(): void {
  if (waitingTurns() > 0) return;
  for (const resolve of allWaiters.splice(0)) resolve();
}

/**
 * Resolves once no part waits for its turn (at once when none does): the page is whole, and what
 * can wait for it (the service worker's install, src/lib/serviceWorker.ts) may start.
 */
export function allRendered(): Promise<void> {
  return new Promise((resolve) => {
    allWaiters.push(resolve);
    markRendering();
  });
}

/**
 * The attribute of the app's root while it is built, unseen, under a prerendered page
 * (src/start.ts), until its first screen is whole.
 */
export const STAGING_ATTRIBUTE = 'data-staging';

const shownWaiters: (() => void)[] = [];

/** Called by src/start.ts once the app built under a prerendered page has replaced it. */
export function stagedAppShown(): void {
  for (const resolve of shownWaiters.splice(0)) resolve();
}

/** Resolves once `node` can be seen: at once, unless it is in the app still being built unseen. */
export function whenOnScreen(node: Element): Promise<void> {
  if (!node.closest(`[${STAGING_ATTRIBUTE}]`)) return Promise.resolve();
  return new Promise((resolve) => shownWaiters.push(resolve));
}

const FIRST_SCREEN = Symbol('first screen');

/**
 * Called by a component as it is created (src/views/Later.svelte): the parts inside it belong to
 * the first screen, or not. A chart inside asks for its turns with `inFirstScreen()`.
 */
export function setFirstScreen(on: boolean): void {
  setContext(FIRST_SCREEN, on);
}

/** Whether the component being created is part of the first screen (see setFirstScreen). */
export function inFirstScreen(): boolean {
  return getContext<boolean | undefined>(FIRST_SCREEN) ?? false;
}

let firstScreenOnly = false;

/**
 * The build's server render of a view fetched by public/prerender-gate.js keeps only the page's
 * first screen: what waits for a turn in the app is left out there too, so that the page the
 * browser parses, lays out and paints before the app is small (src/prerender/render.ts).
 */
export function prerenderFirstScreenOnly(on: boolean): void {
  firstScreenOnly = on;
}

/**
 * Whether a part is rendered as it is created rather than in a turn of its own: where nothing
 * renders in turns (the server render, component tests); in a server render of the first screen
 * only (prerenderFirstScreenOnly), only if it is of the first screen, the others being left out.
 */
export function rendersAtOnce(firstScreen = false): boolean {
  return firstScreenOnly ? firstScreen : !progressive;
}

if (typeof window !== 'undefined') {
  window.addEventListener('beforeprint', renderAllNow);
  window.matchMedia?.('print').addEventListener?.('change', (event) => {
    if (event.matches) renderAllNow();
  });
}
