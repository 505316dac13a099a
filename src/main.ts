/**
 * The entry, kept small: when the Overview prerendered into index.html is on screen
 * (public/prerender-gate.js), the app's code (src/start.ts) is fetched, compiled and run only
 * after that page has been painted, so that it does not hold back the first frame. Otherwise it
 * loads at once.
 */
import './app.css';
import { afterNextPaint } from './lib/nextPaint';

const target = document.getElementById('app')!;
const prerenderShown =
  target.hasAttribute('data-prerendered') && document.documentElement.dataset.prerender === 'shown';
if (prerenderShown) await afterNextPaint();
const { start } = await import('./start');
await start(target, prerenderShown);
