/*
 * Imported by the service worker (vite.config.ts, workbox.importScripts). The app's page, at the
 * address of the app itself with no query, is served by the browser straight from a cache, with
 * no need to start this worker or run its fetch handler (the service worker static routing API,
 * Chromium 123+): a visit to a stopped worker otherwise waits for it to start, and even a running
 * one added about 40 ms to a new tab's first chart here (4x CPU, 15 runs each). Other browsers,
 * and other addresses (a query such as ?embed=1, a data file), keep the worker's own routes: the
 * precached page (the navigate fallback) and the rest.
 *
 * The page is fetched during install, like the precache's copy of it, and stored without its
 * headers but the type, so that no Vary header can make the lookup miss.
 */
(function () {
  var SHELL_CACHE = 'segur-pulse-shell';
  self.addEventListener('install', function (event) {
    if (typeof event.addRoutes !== 'function' || typeof URLPattern !== 'function') return;
    var scope = new URL(self.registration.scope);
    event.waitUntil(
      fetch(new URL('index.html', scope).href, { cache: 'no-cache' })
        .then(function (response) {
          if (!response.ok) throw new Error('index.html: HTTP ' + response.status);
          return response.blob();
        })
        .then(function (body) {
          var page = new Response(body, {
            headers: { 'Content-Type': 'text/html; charset=utf-8' },
          });
          return caches.open(SHELL_CACHE).then(function (cache) {
            return cache.put(scope.href, page);
          });
        })
        .then(function () {
          return event.addRoutes({
            condition: {
              requestMode: 'navigate',
              urlPattern: new URLPattern({ pathname: scope.pathname, search: '' }),
            },
            source: { cacheName: SHELL_CACHE },
          });
        }),
    );
  });
})();
