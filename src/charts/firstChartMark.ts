/**
 * The `segur-pulse:first-chart` performance mark (read by the benchmark): set once per page load,
 * when the page's main content is on screen: the first chart's points, by default, or what the
 * page names (a map's shapes, a table's rows, a form). Every page uses it on the element holding
 * that content: `<div use:markFirstChart>`, `<div use:markFirstChart={'path[data-geo]'}>`.
 */
import { whenOnScreen } from '../lib/renderQueue';

export const FIRST_CHART_MARK = 'segur-pulse:first-chart';

function alreadyMarked(): boolean {
  return performance.getEntriesByName(FIRST_CHART_MARK, 'mark').length > 0;
}

interface TaskScheduler {
  postTask(callback: () => void, options: { priority: 'user-blocking' }): Promise<unknown>;
}

/**
 * Runs `callback` as soon as the frame being prepared has been produced: a frame callback runs
 * before it, a task posted from there after it. Where the browser has `scheduler.postTask`, the
 * task has the highest priority, so that work already queued (the parser's next chunks of a long
 * page, 20-40 ms at 4x CPU in traces) does not run first and push the mark past the paint it
 * stands for; a timeout elsewhere. The same in public/prerender-gate.js and the benchmark's floor
 * page (scripts/bench/floor/mark.js), which cannot import it.
 */
export function afterFrame(callback: () => void): number {
  return requestAnimationFrame(() => {
    const scheduler = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;
    if (typeof scheduler?.postTask === 'function') {
      void scheduler.postTask(callback, { priority: 'user-blocking' });
    } else {
      setTimeout(callback, 0);
    }
  });
}

/** Chart points, as TimeChart draws them. */
export const CHART_POINT = '.point';

/**
 * Watches `node` until an element matching `content` (a chart point by default) is in it, then
 * marks once it is painted.
 */
export function markFirstChart(node: HTMLElement, content = CHART_POINT): { destroy(): void } {
  let done = alreadyMarked();
  let frame: number | undefined;
  let destroyed = false;
  const observer = new MutationObserver(() => check());

  function check(): void {
    if (done || !node.querySelector(content)) return;
    done = true;
    observer.disconnect();
    // Built under a prerendered page, the content is not on screen yet: marked once it is.
    void whenOnScreen(node).then(() => {
      if (destroyed) return;
      frame = afterFrame(() => {
        if (!alreadyMarked()) performance.mark(FIRST_CHART_MARK);
      });
    });
  }

  if (!done) {
    check();
    if (!done) observer.observe(node, { childList: true, subtree: true });
  }
  return {
    destroy() {
      destroyed = true;
      observer.disconnect();
      if (frame !== undefined && !alreadyMarked()) cancelAnimationFrame(frame);
    },
  };
}
