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
})();
