/**
 * Registers the service worker (`sw.js`, built by vite-plugin-pwa) and links the web app manifest
 * once the page is whole and the browser idle, not at the page's `load` event. The worker's
 * install precaches the app's shell, some 110 files that the browser fetches and stores (Chromium
 * compiles the scripts among them for its code cache): begun at `load`, while the app was still
 * building its page, it slowed that work (cold loads at 4x: long-task time after the first paint
 * 374 -> 84 ms on the Overview without it; docs/performance.md, "Off the page's thread"). A
 * reader who leaves before then has the worker on the next visit.
 */

/** The web app manifest, written by vite-plugin-pwa beside index.html (its default name). */
export const MANIFEST_HREF = './manifest.webmanifest';

/**
 * Links the web app manifest (once). Not in index.html: linked there, Chromium checks the page's
 * installability while it loads (the manifest fetched and parsed, its icon fetched and decoded on
 * the page's main thread), beside the app building its page; linked with the worker, the page
 * becomes installable when it can work offline.
 */
export function linkWebManifest(doc: Document = document): void {
  if (doc.querySelector('link[rel="manifest"]')) return;
  const link = doc.createElement('link');
  link.rel = 'manifest';
  link.href = MANIFEST_HREF;
  doc.head.append(link);
}

/** The longest the registration waits for the page to be whole. */
const WHOLE_MAX_MS = 15_000;

export interface ServiceWorkerHost {
  serviceWorker?: { register(url: string, options: { scope: string }): Promise<unknown> };
}

/** What the registration waits for once the page is whole: an idle moment, 2 s at most. */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(() => resolve(), { timeout: 2000 });
    else setTimeout(resolve, 200);
  });
}

/**
 * Registers `./sw.js` (scope `./`, like the rest of the build's relative paths) once the page is
 * whole (`whole()` resolved) and the browser idle, and still whole then: a render begun during the
 * idle wait (new data on screen) is waited for in turn. After 15 s it registers whatever the page
 * is doing. The web app manifest is linked then too (`linkManifest`). Resolves with whether it
 * registered: not where the browser has no service workers, nor when the registration failed
 * (said in the console: the app works as before, only not offline).
 */
export async function registerServiceWorkerWhenWhole(
  whole: () => Promise<void>,
  isWhole: () => boolean,
  host: ServiceWorkerHost = navigator as ServiceWorkerHost,
  idle: () => Promise<void> = whenIdle,
  linkManifest: () => void = linkWebManifest,
): Promise<boolean> {
  let late = false;
  const giveUp = new Promise<void>((resolve) => setTimeout(resolve, WHOLE_MAX_MS));
  void giveUp.then(() => (late = true));
  do {
    await Promise.race([whole(), giveUp]);
    await idle();
  } while (!late && !isWhole());
  linkManifest();
  const container = host.serviceWorker;
  if (!container) return false;
  try {
    await container.register('./sw.js', { scope: './' });
    return true;
  } catch (error) {
    console.warn('service worker not registered', error);
    return false;
  }
}
