// Kehto: small progressive enhancements; every page works without this file.
(function () {
  'use strict';
  // Move focus to the error summary of a form that came back with errors, so screen readers announce it.
  var summary = document.querySelector('.error-summary');
  if (summary) { summary.setAttribute('tabindex', '-1'); summary.focus(); }
  // Confirm destructive actions marked with data-confirm.
  document.addEventListener('submit', function (ev) {
    var msg = ev.target.getAttribute('data-confirm');
    if (msg && !window.confirm(msg)) ev.preventDefault();
  });
})();
