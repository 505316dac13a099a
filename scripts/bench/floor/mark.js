// The first-chart mark, set as the prerendered page sets it (public/prerender-gate.js): the point
// is looked for at each frame, before it is painted; the mark follows the frame that paints it,
// by a task of the highest priority where there is scheduler.postTask.
requestAnimationFrame(function lookForPoint() {
  if (!document.querySelector('.point')) {
    if (document.readyState === 'loading') requestAnimationFrame(lookForPoint);
    return;
  }
  var mark = function () {
    performance.mark('segur-pulse:first-chart');
  };
  if (window.scheduler && typeof scheduler.postTask === 'function') {
    scheduler.postTask(mark, { priority: 'user-blocking' });
  } else {
    setTimeout(mark, 0);
  }
});
