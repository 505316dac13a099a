/*
 * Runs in <head>, before the first paint: decides whether the Overview prerendered into
 * index.html (src/prerender/) is shown while the app loads. It is, on the plain overview address
 * in French, as long as the app last showed the same data: the key the app stored
 * (src/prerender/overviewKey.ts) is the page's, or none is stored (a first visit). Otherwise the
 * stylesheet keeps it hidden and the app replaces it. A classic script, not a module, so that it
 * runs before the page is painted; a file, because the Content-Security-Policy forbids inline
 * scripts.
 *
 * Once the prerendered chart is painted it sets the first-chart mark, as the app does
 * (src/charts/firstChartMark.ts: after the frame that shows the first point).
 */
(function () {
  var meta = document.querySelector('meta[name="segur-pulse-prerender"]');
  if (!meta) return;
  var lang = null;
  var key = null;
  try {
    lang = localStorage.getItem('segur-pulse:lang');
    key = localStorage.getItem('segur-pulse:overview-key');
  } catch {
    // Storage refused: no language chosen, nothing shown before, as on a first visit.
  }
  var plainOverview = /^(#\/?)?$/.test(location.hash) && !/[?&]embed=/.test(location.search);
  var french = lang === null || lang === 'fr';
  var sameData = key === null || key === meta.getAttribute('content');
  if (!plainOverview || !french || !sameData) return;
  document.documentElement.setAttribute('data-prerender', 'shown');

  var MARK = 'segur-pulse:first-chart';
  var CHARTS_HIDDEN = '(max-width: 520px)';

  // At each frame, before it is painted, while the parser builds the page: once a prerendered
  // point is in it, this frame paints it, and the mark follows the frame. Looked for once a
  // frame rather than by a MutationObserver, which would queue a record for each of the page's
  // hundreds of nodes as they are parsed.
  requestAnimationFrame(function lookForPoint() {
    var app = document.getElementById('app');
    if (app && !app.hasAttribute('data-prerendered')) return; // the app has replaced the page
    var point = app && app.querySelector('.point');
    if (!point) {
      // No point once the page is parsed: a page without charts, nothing to mark.
      if (document.readyState === 'loading') requestAnimationFrame(lookForPoint);
      return;
    }
    // As src/charts/firstChartMark.ts: once this frame has been produced, before work already
    // queued.
    if (window.scheduler && typeof scheduler.postTask === 'function') {
      scheduler.postTask(markIfShown, { priority: 'user-blocking' });
    } else {
      setTimeout(markIfShown, 0);
    }
  });

  function markIfShown() {
    // Still the prerendered page, and its charts not hidden: src/app.css hides them on a phone,
    // by this same media query. Asked of the query, not of a point's computed style, which would
    // make the browser restyle the page the parser has grown since the frame.
    var shown =
      document.documentElement.getAttribute('data-prerender') === 'shown' &&
      document.querySelector('#app[data-prerendered] .point') !== null &&
      !matchMedia(CHARTS_HIDDEN).matches;
    if (shown && performance.getEntriesByName(MARK, 'mark').length === 0) {
      performance.mark(MARK);
    }
  }
})();
