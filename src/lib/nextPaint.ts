/**
 * Resolves once the browser has painted its next frame (a frame callback runs before the paint,
 * a timeout queued from it runs after); at once in a hidden tab, which paints no frame; after
 * `maxMs` at most, should the tab be hidden while waiting. Kept free of imports: the app's entry
 * (src/main.ts) uses it before anything else has loaded.
 */
export function afterNextPaint(maxMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function' || document.visibilityState !== 'visible') {
      resolve();
      return;
    }
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, maxMs);
  });
}
