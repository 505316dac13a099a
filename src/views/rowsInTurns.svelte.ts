import { askTurn, rendersAtOnce } from '../lib/renderQueue';

/**
 * How many rows of a long table to render: in the app, `chunk` more a turn
 * (src/lib/renderQueue.ts), so that no task builds the whole table (the Sources page's 45
 * publications, each with its notes, were one turn of 300-380 ms at 4x CPU); all of them at once
 * where nothing renders in turns (component tests, the Overview in index.html), but the first
 * chunk in a view's prerendered page, which holds its first screen only (its first frame, the
 * Sources page's 45 rows, was a task of 500 ms). Call while the component initialises. With
 * `firstScreen`, the turns are the first screen's (the app then shows itself once the whole table
 * is built, src/start.ts).
 */
export function rowsInTurns(
  total: () => number,
  chunk: number,
  firstScreen: boolean,
): { readonly count: number } {
  let count = $state(rendersAtOnce() ? Infinity : chunk);
  $effect(() => {
    if (count >= total()) return;
    return askTurn(() => (count += chunk), firstScreen);
  });
  return {
    get count() {
      return count;
    },
  };
}
