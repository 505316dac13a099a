/**
 * Data tables inside closed <details> are not needed for the first paint: they are rendered once
 * the page is idle after it (or at once when opened, or when printing), so the first chart is
 * not delayed by tables nobody sees yet. Every table stays in the page: keyboard, screen-reader
 * and print users get it as before.
 */
import { flushSync } from 'svelte';
import { askTurn, renderAllNow, rendersAtOnce } from '../lib/renderQueue';

export const deferredTables = $state({ shown: false });

let scheduled = false;

/** Asks for the closed tables to be rendered when the page is next idle (once for the app). */
export function scheduleTables(): void {
  if (deferredTables.shown || scheduled) return;
  scheduled = true;
  const show = () => {
    deferredTables.shown = true;
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(show, { timeout: 2000 });
  else setTimeout(show, 0);
}

/**
 * One part's deferred table (call while the component initialises): shown once the page's tables
 * are due and this part's turn has come (src/lib/renderQueue.ts), so that the tables are not all
 * built in one task; or at once when the reader opens its disclosure (`toggled`, from its
 * `ontoggle`), which renders every waiting table too.
 *
 * A table shown open (`open`, the Regions page's map) is part of the page, not of its idle time:
 * it asks for its turn at once, so that the part and its table are two tasks rather than one. It
 * is below the first screen (the Regions map's table starts 74rem down at 1280 px), so its turn
 * comes after the first screen's and a prerendered first screen leaves it out, as it does a
 * `Later` part (src/views/Later.svelte). Rendered at once where nothing renders in turns (the
 * server render of a whole page, tests).
 */
export function deferredTable(open: () => boolean = () => false): {
  readonly shown: boolean;
  toggled(open: boolean): void;
} {
  let turn = $state(false);
  let opened = $state(false);
  let wasOpen = open();
  $effect(() => {
    if (turn) return;
    if (open() || deferredTables.shown) return askTurn(() => (turn = true));
  });
  return {
    get shown() {
      return opened || turn || (open() && rendersAtOnce());
    },
    toggled(isOpen) {
      // A <details> created open tells so with a toggle event too: not the reader's doing.
      if (isOpen === wasOpen) return;
      wasOpen = isOpen;
      opened = isOpen;
      if (isOpen) showTablesNow();
    },
  };
}

/**
 * Renders every deferred table now (before printing, when one is opened): the parts asking for
 * their table's turn (src/lib/renderQueue.ts) are given it at once.
 */
export function showTablesNow(): void {
  if (!deferredTables.shown) {
    deferredTables.shown = true;
    flushSync();
  }
  renderAllNow();
}

/** Printing shows every table: render them before the print is laid out. */
if (typeof window !== 'undefined') {
  window.addEventListener('beforeprint', showTablesNow);
  window.matchMedia?.('print').addEventListener?.('change', (event) => {
    if (event.matches) showTablesNow();
  });
}
