// Kehto: suggestions under the deed search box (web/widgets.c search_form_write), as a WAI-ARIA 1.2 combobox with a
// listbox popup. Without this script the box is a plain search form, and it promises nothing more: the box's role
// and aria-* are set here.
(function () {
  'use strict';
  var form = document.querySelector('form.search[data-suggest]');
  var input = form && form.querySelector('input[name=q]');
  var list = input && document.getElementById(input.id + '-options');
  var count = input && document.getElementById(input.id + '-count');
  if (!list || !count || !window.fetch || !window.AbortController) return;
  var url = form.getAttribute('data-suggest');
  var MAX = 8, DELAY = 150; // at most as many as the server sends; ms after the last key before asking
  var timer = 0, pending = null, options = [], active = -1, sayTimer = 0;

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('autocomplete', 'off');

  // The polite status line: "3 ehdotusta", emptied first so the same count is announced again.
  function say(n) {
    count.textContent = '';
    window.clearTimeout(sayTimer);
    if (n) sayTimer = window.setTimeout(function () {
      count.textContent = n + ' ' + count.getAttribute(n === 1 ? 'data-one' : 'data-many');
    }, 50);
  }
  function setActive(i) {
    if (options[active]) options[active].setAttribute('aria-selected', 'false');
    active = i;
    if (options[i]) {
      options[i].setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', options[i].id);
      options[i].scrollIntoView({block: 'nearest'});
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }
  function setOpen(open) {
    list.hidden = !open;
    input.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (!open) setActive(-1);
  }
  function show(words) {
    list.textContent = '';
    active = -1;
    options = words.slice(0, MAX).map(function (w, i) {
      var li = document.createElement('li');
      li.id = list.id + '-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.textContent = String(w);
      list.appendChild(li);
      return li;
    });
    setOpen(options.length > 0);
    say(options.length);
  }
  function cancel() {
    window.clearTimeout(timer);
    if (pending) pending.abort();
    pending = null;
  }
  // Asks for the text as it is now; an answer to an older text (aborted, or arriving late) is dropped.
  function ask() {
    cancel();
    var text = input.value;
    if (text.trim().length < 2) { show([]); return; }
    var ctl = new AbortController();
    pending = ctl;
    fetch(url + '?q=' + encodeURIComponent(text), {signal: ctl.signal, credentials: 'same-origin',
      headers: {'Accept': 'application/json'}})
      .then(function (res) { return res.ok ? res.json() : []; })
      .then(function (words) {
        if (pending !== ctl) return;
        pending = null;
        if (document.activeElement === input && input.value === text) show(Array.isArray(words) ? words : []);
      })
      .catch(function () { if (pending === ctl) pending = null; });
  }
  function pick(i) {
    input.value = options[i].textContent;
    cancel();
    setOpen(false);
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  }

  input.addEventListener('input', function () {
    setActive(-1); // the list is for the text before this key: Enter now searches for what is typed
    window.clearTimeout(timer);
    timer = window.setTimeout(ask, DELAY);
  });
  input.addEventListener('keydown', function (ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    var n = options.length;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (!n) { ask(); return; }
      var down = ev.key === 'ArrowDown';
      if (list.hidden) { setOpen(true); setActive(down ? 0 : n - 1); return; }
      setActive(active < 0 ? (down ? 0 : n - 1) : (active + (down ? 1 : n - 1)) % n);
    } else if (ev.key === 'Enter') {
      if (!list.hidden && active >= 0) { ev.preventDefault(); pick(active); }
    } else if (ev.key === 'Escape') {
      if (!list.hidden) { ev.preventDefault(); cancel(); setOpen(false); }
    } else if (ev.key === 'Tab') {
      cancel();
      setOpen(false);
    }
  });
  // A press on an option keeps the focus in the box (so it does not close first); the click picks it.
  list.addEventListener('mousedown', function (ev) { ev.preventDefault(); });
  list.addEventListener('click', function (ev) {
    var i = options.indexOf(ev.target.closest('[role=option]'));
    if (i >= 0) pick(i);
  });
  input.addEventListener('blur', function () { cancel(); setOpen(false); });
  form.addEventListener('submit', function () { cancel(); setOpen(false); });
})();
