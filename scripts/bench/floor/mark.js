// The first-chart mark, set as the app sets it (src/charts/firstChartMark.ts): once the frame that
// shows the first point has been produced, by a task of the highest priority where there is
// scheduler.postTask.
new MutationObserver(function (records, observer) {
  if (!document.querySelector('.point')) return;
  observer.disconnect();
  requestAnimationFrame(function () {
    var mark = function () {
      performance.mark('segur-pulse:first-chart');
    };
    if (window.scheduler && typeof scheduler.postTask === 'function') {
      scheduler.postTask(mark, { priority: 'user-blocking' });
    } else {
      setTimeout(mark, 0);
    }
  });
}).observe(document.documentElement, { childList: true, subtree: true });
