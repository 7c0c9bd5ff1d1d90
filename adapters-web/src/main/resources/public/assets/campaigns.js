// Live expected responses for the plan form: as the form changes, its fields go (as JSON, the same names) to the
// preview route, which plans without storing; the figures appear under the form. Without this script the form
// still plans, and the plan's page shows the figures.
(function () {
  var FIELDS = ['subjectId', 'budget', 'threshold', 'day', 'method', 'explorationShare', 'controlShare', 'control',
    'seed', 'startDate'];
  function number(x) {
    return x.toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  }
  function body(form) {
    var json = {};
    FIELDS.forEach(function (name) {
      var field = form.elements[name];
      if (field && field.value.trim() !== '') { json[name] = field.value.trim(); }
    });
    return JSON.stringify(json);
  }
  function show(box, plan) {
    var table = box.querySelector('#preview-figures');
    ['target', 'explore', 'control', 'chosen'].forEach(function (group) {
      var e = plan.figures[group];
      var cells = table.querySelector('tr[data-group="' + group + '"]').querySelectorAll('td');
      cells[1].textContent = e.customers.toLocaleString('en');
      cells[2].textContent = number(e.expected);
      cells[3].textContent = number(e.lower) + ' – ' + number(e.upper);
    });
    table.hidden = false;
    box.querySelector('#preview-text').textContent = 'Expected from ' + plan.figures.eligible.toLocaleString('en')
      + ' eligible customers in ' + plan.figures.audiences.toLocaleString('en') + ' audiences (not stored yet):';
    box.setAttribute('data-state', 'shown');
  }
  function refuse(box, error) {
    box.querySelector('#preview-figures').hidden = true;
    box.querySelector('#preview-text').textContent = (error.field ? error.field + ': ' : '') + error.message;
    box.setAttribute('data-state', 'refused');
  }
  function start(form) {
    var box = document.getElementById('preview');
    var timer = null;
    var asked = 0;
    function ask() {
      var mine = ++asked;
      box.setAttribute('data-state', 'asking');
      fetch(form.getAttribute('data-preview'), {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: body(form)
      }).then(function (r) {
        return r.json().then(function (json) { return { ok: r.ok, json: json }; });
      }).then(function (answer) {
        if (mine !== asked) { return; }   // a later change asked again
        if (answer.ok) { show(box, answer.json); } else { refuse(box, answer.json); }
      }).catch(function () {
        if (mine === asked) { refuse(box, { message: 'the figures could not be fetched; planning still works' }); }
      });
    }
    function changed() {
      clearTimeout(timer);
      timer = setTimeout(ask, 250);
    }
    form.addEventListener('input', changed);
    form.addEventListener('change', changed);
    ask();
  }
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('plan-form');
    if (form && form.getAttribute('data-preview')) { start(form); }
  });
})();
