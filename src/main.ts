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

const target = document.getElementById('app')!;
const prerenderShown =
  target.hasAttribute('data-prerendered') && document.documentElement.dataset.prerender === 'shown';
if (prerenderShown) await afterNextPaint();
warmIntl();
const { start } = await import('./start');
await start(target, prerenderShown);
