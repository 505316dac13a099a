/**
 * The entry, kept small: when the Overview prerendered into index.html is on screen
 * (public/prerender-gate.js), the app's code (src/start.ts) is fetched, compiled and run only
 * after that page has been painted, so that it does not hold back the first frame. Otherwise it
 * loads at once.
 */
import './app.css';

const target = document.getElementById('app')!;
const prerenderShown =
  target.hasAttribute('data-prerendered') && document.documentElement.dataset.prerender === 'shown';
if (prerenderShown && document.visibilityState === 'visible') await afterNextFrame();
const { start } = await import('./start');
await start(target, prerenderShown);

/** After the next frame has been painted (a frame callback runs before the paint). */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
