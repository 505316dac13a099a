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
  // As src/charts/firstChartMark.ts: once the frame being prepared has been produced, before any
  // work already queued.
  function afterFrame(callback) {
    requestAnimationFrame(function () {
      if (window.scheduler && typeof scheduler.postTask === 'function') {
        scheduler.postTask(callback, { priority: 'user-blocking' });
      } else {
        setTimeout(callback, 0);
      }
    });
  }
  new MutationObserver(function (records, observer) {
    var point = document.querySelector('#app[data-prerendered] .point');
    if (!point) return;
    observer.disconnect();
    afterFrame(function () {
      // Still the prerendered page, and its charts not hidden: src/app.css hides them on a
      // phone, by this same media query. Asked of the query, not of the point's computed style,
      // which would make the browser restyle the page the parser has grown since the frame.
      var shown =
        document.documentElement.getAttribute('data-prerender') === 'shown' &&
        point.isConnected &&
        !matchMedia(CHARTS_HIDDEN).matches;
      if (shown && performance.getEntriesByName(MARK, 'mark').length === 0) {
        performance.mark(MARK);
      }
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
