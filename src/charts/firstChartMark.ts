/**
 * The `segur-pulse:first-chart` performance mark (read by the benchmark): set once per page load,
 * when the first chart has its points on screen. Any page can use it on the element holding its
 * charts: `<div use:markFirstChart>`.
 */
export const FIRST_CHART_MARK = 'segur-pulse:first-chart';

function alreadyMarked(): boolean {
  return performance.getEntriesByName(FIRST_CHART_MARK, 'mark').length > 0;
}

/**
 * Watches `node` until a chart point (`.point`) is in it, then marks after the next frame has
 * been painted (a frame callback runs before paint; the timeout after it runs once painted).
 */
export function markFirstChart(node: HTMLElement): { destroy(): void } {
  let done = alreadyMarked();
  let frame: number | undefined;
  const observer = new MutationObserver(() => check());

  function check(): void {
    if (done || !node.querySelector('.point')) return;
    done = true;
    observer.disconnect();
    frame = requestAnimationFrame(() => {
      setTimeout(() => {
        if (!alreadyMarked()) performance.mark(FIRST_CHART_MARK);
      }, 0);
    });
  }

  if (!done) {
    check();
    if (!done) observer.observe(node, { childList: true, subtree: true });
  }
  return {
    destroy() {
      observer.disconnect();
      if (frame !== undefined && !alreadyMarked()) cancelAnimationFrame(frame);
    },
  };
}
