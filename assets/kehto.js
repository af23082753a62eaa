// Kehto: small progressive enhancements; every page works without this file.
(function () {
  'use strict';
  // Move focus to the error summary of a form that came back with errors, so screen readers announce it.
  var summary = document.querySelector('.error-summary');
  if (summary) { summary.setAttribute('tabindex', '-1'); summary.focus(); }
  // Fold the deed-list filters on a narrow screen (they are open without this script, and on a wide screen).
  var facets = document.querySelector('.facets details');
  var narrow = window.matchMedia('(max-width: 52rem)');
  function fitFacets() { if (facets) facets.open = !narrow.matches; }
  fitFacets();
  narrow.addEventListener('change', fitFacets);
  // Fold the signed-in menu (staff pages, or a contact's own) on a phone; it is open without this script.
  var usermenu = document.querySelector('details.usermenu');
  var phone = window.matchMedia('(max-width: 40rem)');
  function fitMenu() { if (usermenu) usermenu.open = !phone.matches; }
  fitMenu();
  phone.addEventListener('change', fitMenu);
  // Confirm destructive actions marked with data-confirm.
  document.addEventListener('submit', function (ev) {
    var msg = ev.target.getAttribute('data-confirm');
    if (msg && !window.confirm(msg)) ev.preventDefault();
  });
  // Roll call: each checkbox is saved as soon as it changes (the Save button sends the whole list without this script).
  var roll = document.querySelector('form.rollcall');
  if (roll) {
    var status = roll.querySelector('.save-status');
    var saveAll = roll.querySelector('.rollcall-save');
    if (saveAll) saveAll.hidden = true;
    var say = function (text) { status.textContent = ''; window.setTimeout(function () { status.textContent = text; }, 50); };
    roll.addEventListener('change', function (ev) {
      var box = ev.target;
      if (box.name !== 'present') return;
      var body = new URLSearchParams();
      body.set('csrf', roll.querySelector('input[name=csrf]').value);
      body.set('participation', box.value);
      body.set('present', box.checked ? '1' : '0');
      fetch(roll.getAttribute('data-mark'), {method: 'POST', body: body, credentials: 'same-origin',
        headers: {'Accept': 'application/json'}})
        .then(function (res) {
          if (!res.ok) throw new Error(res.status);
          say(roll.getAttribute('data-saved'));
        })
        .catch(function () {
          box.checked = !box.checked;
          if (saveAll) saveAll.hidden = false;
          say(roll.getAttribute('data-failed'));
        });
    });
  }
  // Surveys (the respondent's form and the staff's preview, web/survey_form.c): a question shown only on an earlier
  // answer (data-show-if, data-values) is hidden while that answer is not given; without this script every question
  // is shown with its condition said, and the server ignores an answer whose condition is not met.
  var survey = document.querySelector('.survey-form');
  if (survey) {
    var same = function (a, b) {
      var x = parseFloat(String(a).replace(',', '.')), y = parseFloat(b);
      return a === b || (!isNaN(x) && !isNaN(y) && x === y && /^\s*-?[0-9]+([.,][0-9]+)?\s*$/.test(a));
    };
    var answers = function (name) {
      var out = [];
      survey.querySelectorAll('[name="' + name + '"]').forEach(function (el) {
        if ((el.type !== 'radio' && el.type !== 'checkbox') || el.checked) out.push(el.value);
      });
      return out;
    };
    var conditions = function () {
      survey.querySelectorAll('fieldset[data-show-if]').forEach(function (fs) {
        var cq = fs.getAttribute('data-show-if'), wanted = fs.getAttribute('data-values').split(' ');
        var from = document.getElementById('sq-' + cq);
        var shown = !(from && from.hidden) && answers(cq).some(function (a) {
          return wanted.some(function (w) { return same(a, w); });
        });
        fs.hidden = !shown;
      });
    };
    conditions();
    survey.addEventListener('change', conditions);
    survey.addEventListener('input', conditions);
  }
})();
