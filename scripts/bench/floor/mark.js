// The first-chart mark, set as the app sets it (src/charts/firstChartMark.ts): after the frame
// that shows the first point.
new MutationObserver(function (records, observer) {
  if (!document.querySelector('.point')) return;
  observer.disconnect();
  requestAnimationFrame(function () {
    setTimeout(function () {
      performance.mark('segur-pulse:first-chart');
    }, 0);
  });
}).observe(document.documentElement, { childList: true, subtree: true });
