/*
 * Runs in the page before the app's bundle (inlined into index.html), so it
 * sees every long task from the start. It records when the dashboard's table
 * is complete — it counts all the expected rows (aria-rowcount: header, rows,
 * totals; only the rows in view are rendered), shows the first of them and
 * the totals of all — and when that has been painted, and exposes what it
 * saw as window.__perf for the runner to read.
 */
(function probe() {
  const expected = Number(document.documentElement.dataset.expectedRows);
  const perf = (window.__perf = {
    longTasks: [],
    rowsAt: null,
    paintedAt: null,
  });
  try {
    new PerformanceObserver(function onLongTasks(list) {
      list.getEntries().forEach(function add(entry) {
        perf.longTasks.push({
          start: entry.startTime,
          end: entry.startTime + entry.duration,
        });
      });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {
    perf.longTaskError = String(e);
  }
  function complete() {
    const table = document.querySelector(
      'table[aria-label^="Streaming pipelines owned by"]',
    );
    return (
      !!table &&
      Number(table.getAttribute('aria-rowcount')) === expected + 2 &&
      !!table.tBodies[0].querySelector('tr[data-ref]') &&
      table.tFoot.textContent.includes(`Total: ${expected} pipelines`)
    );
  }
  const observer = new MutationObserver(function onMutation() {
    if (perf.rowsAt !== null || !complete()) return;
    perf.rowsAt = performance.now();
    observer.disconnect();
    // The frame after the commit is painted by the time a task queued from
    // requestAnimationFrame runs.
    requestAnimationFrame(function afterFrame() {
      setTimeout(function painted() {
        perf.paintedAt = performance.now();
      }, 0);
    });
  });
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
})();
