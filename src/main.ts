/**
 * The entry, kept small: when the Overview prerendered into index.html is on screen
 * (public/prerender-gate.js), the app's code (src/start.ts) is fetched, compiled and run only
 * after that page has been painted, so that it does not hold back the first frame. Otherwise it
 * loads at once.
 */
import './app.css';
import { afterNextPaint } from './lib/nextPaint';
import { warmIntl, warmIntlOffThread } from './lib/warmIntl';

/** Resolves once public/prerender-gate.js has shown the view's prerendered page, or given up. */
function prerenderSettled(maxMs = 5000): Promise<void> {
  if (document.documentElement.dataset.prerender !== 'route-pending') return Promise.resolve();
  return new Promise((resolve) => {
    document.addEventListener('segur-pulse:prerender', () => resolve(), { once: true });
    setTimeout(resolve, maxMs);
  });
}

// ICU's data is the process's: loaded first in a worker, on another thread, it is mostly there
// when this thread reaches for it (src/lib/warmIntl.ts). English is the toggle's other language.
const intlWarmed = warmIntlOffThread(['fr-FR', 'en-GB']);
const target = document.getElementById('app')!;
await prerenderSettled();
const prerender = document.documentElement.dataset.prerender;
const prerenderShown =
  (prerender === 'shown' && target.hasAttribute('data-prerendered')) || prerender === 'route';
if (prerenderShown) await afterNextPaint();
// What is left of ICU's first use on this thread, a piece per task while the app's code
// downloads: not in the middle of a render.
void intlWarmed.then(() => warmIntl('fr-FR'));
// The app's components are fetched beside the code that starts it and evaluated in a task of
// their own, not in the same one (src/start.ts imports the same module).
void import('./App.svelte').catch(() => {});
const { start } = await import('./start');
await start(target, prerenderShown);
