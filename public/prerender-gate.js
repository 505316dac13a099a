/*
 * Runs in <head>, before the first paint: decides whether a page prerendered at build time
 * (src/prerender/) is shown while the app loads. A classic script, not a module, so that it runs
 * before the page is painted; a file, because the Content-Security-Policy forbids inline scripts.
 *
 * - The Overview, in index.html itself: shown on the plain overview address in French, as long as
 *   the app last showed the same data (the key it stored, src/prerender/overviewKey.ts, is the
 *   page's, or none is stored: a first visit). Otherwise the stylesheet keeps it hidden.
 * - Another view (src/prerender/routes.ts: each page's plain address, a region's page, the
 *   activation tracker of a region, an embedded chart): in French, on the same data, its page is
 *   fetched from prerender/ and shown in #prerendered-route; the key of the address is computed
 *   as routeKey does there (a unit test holds the two together). Until it is there,
 *   data-prerender is 'route-pending'; then 'route', or nothing if it could not be had (offline
 *   and never fetched): the app renders the view itself, as it does for any other address.
 *   src/main.ts waits for the 'segur-pulse:prerender' event this sends on either outcome.
 *
 * Once a prerendered page is painted it sets the first-chart mark, as the app does
 * (src/charts/firstChartMark.ts: after the frame that shows it). While a view's page is
 * fetched, the type scale is laid out unseen (warmType).
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
  var MARK = 'segur-pulse:first-chart';
  var CHARTS_HIDDEN = '(max-width: 520px)';
  if (!french) return;
  if (!plainOverview) {
    showRoute();
    return;
  }
  if (!sameData) return;
  document.documentElement.setAttribute('data-prerender', 'shown');

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

  /** As routeKey in src/prerender/routes.ts. */
  function routeKey(search, hash) {
    var embed = /[?&]embed=(?:1|true)(?:&|$)/.test(search);
    var raw = hash.replace(/^#/, '');
    var queryAt = raw.indexOf('?');
    var path = (queryAt < 0 ? raw : raw.slice(0, queryAt)).replace(/^\/+|\/+$/g, '');
    var params = (queryAt < 0 ? '' : raw.slice(queryAt + 1)).split('&').filter(function (p) {
      return p !== '' && !/^v=/.test(p) && !(embed && /^embed=/.test(p));
    });
    return (embed ? 'embed:' : '') + path + (params.length ? '?' + params.join('&') : '');
  }

  function showRoute() {
    var list = document.querySelector('meta[name="segur-pulse-prerender-pages"]');
    if (!list) return;
    var pages;
    var pagesKey = null;
    try {
      pages = JSON.parse(list.getAttribute('content'));
      pagesKey = localStorage.getItem('segur-pulse:pages-key');
    } catch {
      // A broken list, or storage refused: the key stays unknown, as on a first visit.
    }
    if (!pages || (pagesKey !== null && pagesKey !== pages.key)) return;
    var file = pages.pages[routeKey(location.search, location.hash)];
    if (!file) return;
    var html = document.documentElement;
    html.setAttribute('data-prerender', 'route-pending');
    warmType();
    var settled = function (shown) {
      if (shown) html.setAttribute('data-prerender', 'route');
      else html.removeAttribute('data-prerender');
      document.dispatchEvent(new Event('segur-pulse:prerender'));
    };
    fetch(file)
      .then(function (response) {
        if (!response.ok) throw new Error(file + ': HTTP ' + response.status);
        return response.text();
      })
      .then(function (text) {
        var place = function () {
          var target = document.getElementById('prerendered-route');
          // The app took over meanwhile, or the reader went elsewhere: nothing to show.
          if (!target || html.getAttribute('data-prerender') !== 'route-pending') return;
          target.innerHTML = text;
          target.hidden = false;
          settled(true);
          requestAnimationFrame(function () {
            if (window.scheduler && typeof scheduler.postTask === 'function') {
              scheduler.postTask(markRoute, { priority: 'user-blocking' });
            } else {
              setTimeout(markRoute, 0);
            }
          });
        };
        if (document.getElementById('prerendered-route')) place();
        else document.addEventListener('DOMContentLoaded', place, { once: true });
      })
      .catch(function () {
        settled(false);
      });
  }

  /**
   * A line of text in each size and weight of the type scale (src/app.css), laid out unseen in
   * the next frame, then removed: the browser resolves those fonts and loads its text shaper and
   * line breaker there, while the view's page is on its way, rather than in the frame that paints
   * it. That frame was the longest task of a view's load (200-350 ms at 4x CPU), a third of it
   * such one-time work. Not for the Overview, which the parser paints as it reads it: there the
   * extra frame came before the first chart (its mark 120 ms later at 4x).
   */
  function warmType() {
    var box = document.createElement('div');
    box.className = 'type-warmup';
    box.setAttribute('aria-hidden', 'true');
    ['', 'strong', 'small', 'small strong', 'heading', 'title', 'chart'].forEach(function (kind) {
      var line = document.createElement('span');
      line.className = kind;
      line.textContent = 'Ségur 0123,45 %';
      box.appendChild(line);
    });
    document.documentElement.appendChild(box);
    requestAnimationFrame(function () {
      setTimeout(function () {
        box.remove();
      }, 0);
    });
  }

  function markRoute() {
    var route = document.getElementById('prerendered-route');
    var shown =
      document.documentElement.getAttribute('data-prerender') === 'route' &&
      route !== null &&
      !route.hidden &&
      !(matchMedia(CHARTS_HIDDEN).matches && route.querySelector('.plot') !== null);
    if (shown && performance.getEntriesByName(MARK, 'mark').length === 0) {
      performance.mark(MARK);
    }
  }
})();
