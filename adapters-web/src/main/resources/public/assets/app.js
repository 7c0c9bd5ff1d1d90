// Live progress for background jobs: any element with data-job="ID" polls /api/v1/jobs/ID until it ends.
// The job id is in the page's address, so a reload picks the polling up again.
(function () {
  function finished(job) {
    return job.state === 'SUCCEEDED' || job.state === 'FAILED' || job.state === 'CANCELLED';
  }
  function poll(box) {
    var id = box.getAttribute('data-job');
    var bar = box.querySelector('progress');
    var text = box.querySelector('.job-text');
    fetch('/api/v1/jobs/' + encodeURIComponent(id), { headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (job) {
        if (job.fraction !== undefined && bar) { bar.value = job.fraction; }
        if (text) {
          text.textContent = finished(job)
            ? job.state.toLowerCase() + ': ' + job.outcome
            : job.stage + ' ' + Math.round(job.fraction * 100) + ' %';
        }
        box.setAttribute('data-state', job.state);
        if (finished(job)) {
          var done = box.querySelector('.job-done');
          if (done) { done.hidden = false; }
          var cancel = box.querySelector('.job-cancel');
          if (cancel) { cancel.hidden = true; }
          return;
        }
        setTimeout(function () { poll(box); }, 400);
      })
      .catch(function () { setTimeout(function () { poll(box); }, 1500); });
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-job]').forEach(poll);
  });
})();
