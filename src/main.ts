/**
 * The entry, kept small: when the Overview prerendered into index.html is on screen
 * (public/prerender-gate.js), the app's code (src/start.ts) is fetched, compiled and run only
 * after that page has been painted, so that it does not hold back the first frame. Otherwise it
 * loads at once.
 */
import './app.css';
import { afterNextPaint } from './lib/nextPaint';

/**
 * The browser loads its number and date formatting data (ICU) at the page's first Intl formatter:
 * one call of 100 to 400 ms at 4x CPU, which no code can split. Made here, in tasks of their own
 * while the app's code is fetched and compiled, it is not added to the app's first render.
 */
function warmIntl(): void {
  setTimeout(() => {
    new Intl.NumberFormat('fr-FR').format(0);
    setTimeout(() => new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC' }).format(0), 0);
  }, 0);
}

/** Resolves once public/prerender-gate.js has shown the view's prerendered page, or given up. */
function prerenderSettled(maxMs = 5000): Promise<void> {
  if (document.documentElement.dataset.prerender !== 'route-pending') return Promise.resolve();
  return new Promise((resolve) => {
    document.addEventListener('segur-pulse:prerender', () => resolve(), { once: true });
    setTimeout(resolve, maxMs);
  });
}

const target = document.getElementById('app')!;
await prerenderSettled();
const prerender = document.documentElement.dataset.prerender;
const prerenderShown =
  (prerender === 'shown' && target.hasAttribute('data-prerendered')) || prerender === 'route';
if (prerenderShown) await afterNextPaint();
warmIntl();
const { start } = await import('./start');
await start(target, prerenderShown);
