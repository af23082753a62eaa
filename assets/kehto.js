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
  // Confirm destructive actions marked with data-confirm.
  document.addEventListener('submit', function (ev) {
    var msg = ev.target.getAttribute('data-confirm');
    if (msg && !window.confirm(msg)) ev.preventDefault();
  });
})();
