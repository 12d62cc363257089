// The one script the pages load (/assets/live.js, allowed by CSP `script-src 'self'`).
// Everything works without it; with it, a list marked data-live refreshes itself when the
// server announces a change (server-sent events from /api/events), and j/k and / move
// through lists and to the search box. Kept as a string module so that the sources and
// the build serve the same bytes with no copy step.

export const LIVE_JS = `'use strict';
(function () {
  var live = document.querySelector('[data-live]');
  var status = document.getElementById('live-status');
  if (live && window.EventSource) {
    var kinds = (live.getAttribute('data-live') || '').split(' ');
    var timer = null;
    var refresh = function () {
      timer = null;
      var url = live.getAttribute('data-fragment');
      if (!url) return;
      fetch(url, { headers: { accept: 'text/html' }, credentials: 'same-origin' })
        .then(function (res) { return res.ok ? res.text() : Promise.reject(res.status); })
        .then(function (text) {
          var focused = document.activeElement && live.contains(document.activeElement)
            ? document.activeElement.getAttribute('href') : null;
          live.innerHTML = text;
          if (focused) {
            var again = live.querySelector('a[href="' + focused.replace(/"/g, '') + '"]');
            if (again) again.focus();
          }
          if (status) status.textContent = 'List updated at ' + new Date().toLocaleTimeString();
        })
        .catch(function () {});
    };
    var onEvent = function (e) {
      var type = e.type;
      try { type = JSON.parse(e.data).type || type; } catch (err) {}
      if (kinds.indexOf(type) < 0) return;
      // Bursts of events (a batch ingest) become one refresh.
      if (!timer) timer = setTimeout(refresh, 800);
    };
    var source = new EventSource('/api/events');
    ['message', 'stories', 'articles', 'watches'].forEach(function (name) {
      source.addEventListener(name, onEvent);
    });
  }

  var ITEMS = 'ol.stories > li h2 a, ol.articles > li > a:first-child';
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName))) return;
    if (e.key === '/') {
      var box = document.querySelector('header input[type=search]');
      if (box) { e.preventDefault(); box.focus(); }
      return;
    }
    if (e.key !== 'j' && e.key !== 'k') return;
    var items = Array.prototype.slice.call(document.querySelectorAll(ITEMS));
    if (items.length === 0) return;
    var at = items.indexOf(document.activeElement);
    var next = e.key === 'j' ? Math.min(at + 1, items.length - 1) : Math.max(at - 1, 0);
    e.preventDefault();
    items[next].focus();
    items[next].scrollIntoView({ block: 'nearest' });
  });
})();
`;
