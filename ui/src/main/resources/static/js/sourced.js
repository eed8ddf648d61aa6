// Sourced pages: a little plain JavaScript for what changes on its own. Everything works without it,
// only without the live updates.
(function () {
  'use strict';

  function localTimes(root) {
    root.querySelectorAll('time[datetime]').forEach(function (el) {
      var at = new Date(el.getAttribute('datetime'));
      if (!isNaN(at)) { el.textContent = at.toLocaleString(); }
    });
  }

  // Values that change by themselves (stock, balances): poll a small JSON map { key: text } every 2 s
  // and rewrite each [data-live=key].
  function liveValues(container) {
    var url = container.getAttribute('data-live-source');
    function poll() {
      fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (values) {
          if (!values) { return; }
          container.querySelectorAll('[data-live]').forEach(function (el) {
            var value = values[el.getAttribute('data-live')];
            if (value !== undefined && el.textContent !== value) {
              el.textContent = value;
              el.setAttribute('data-value', value);
              el.classList.add('changed');
            }
          });
        })
        .catch(function () { /* try again next time */ })
        .then(function () { setTimeout(poll, 2000); });
    }
    setTimeout(poll, 2000);
  }

  // A server-rendered fragment that is re-read every 3 s (or data-refresh-every ms) and swapped when it changed
  // (no inputs to type into inside). A fresh fragment without data-refresh has nothing more to change: the last read.
  function liveFragment(el) {
    var url = el.getAttribute('data-refresh');
    var every = parseInt(el.getAttribute('data-refresh-every'), 10) || 3000;
    function poll() {
      var again = true;
      fetch(url, { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (!html) { return; }
          var next = document.createElement('div');
          next.innerHTML = html;
          var fresh = next.firstElementChild;
          if (fresh && fresh.innerHTML.trim() !== el.innerHTML.trim()) {
            localTimes(fresh);
            el.innerHTML = fresh.innerHTML;
          }
          if (fresh && !fresh.hasAttribute('data-refresh')) {
            again = false;
            el.removeAttribute('data-refresh');
            ['data-status'].forEach(function (name) {
              if (fresh.hasAttribute(name)) { el.setAttribute(name, fresh.getAttribute(name)); }
            });
          }
        })
        .catch(function () { })
        .then(function () { if (again) { setTimeout(poll, every); } });
    }
    setTimeout(poll, every);
  }

  // A pending order, or one with a return in progress: follow it with server-sent events and rewrite its status, reason,
  // prices, total, the units returned and what was refunded.
  function liveOrder(el) {
    var source = new EventSource(el.getAttribute('data-live-order'));
    source.onmessage = function (message) {
      var order = JSON.parse(message.data);
      el.querySelectorAll('[data-field=status]').forEach(function (badge) {
        badge.textContent = order.statusText;
        badge.setAttribute('data-status', order.status);
        badge.className = 'badge badge-' + order.status.toLowerCase();
      });
      el.querySelectorAll('[data-field=status-text]').forEach(function (t) { t.textContent = order.statusText; });
      el.querySelectorAll('[data-field=reason]').forEach(function (reason) {
        reason.textContent = order.reason;
        var row = reason.closest('.reason-row');
        if (row) { row.classList.toggle('hidden', !order.reason); }
      });
      el.querySelectorAll('[data-field=total]').forEach(function (t) { t.textContent = order.total; });
      Object.keys(order.unitPrices || {}).forEach(function (id) {
        el.querySelectorAll('[data-unit-price="' + id + '"]').forEach(function (c) { c.textContent = order.unitPrices[id]; });
        el.querySelectorAll('[data-line-total="' + id + '"]').forEach(function (c) { c.textContent = order.lineTotals[id]; });
        el.querySelectorAll('[data-filled="' + id + '"]').forEach(function (c) { c.textContent = order.filled[id]; });
        el.querySelectorAll('[data-returned="' + id + '"]').forEach(function (c) { c.textContent = order.returned[id]; });
      });
      el.querySelectorAll('[data-field=refunded]').forEach(function (t) { t.textContent = order.refunded; });
      refreshHistory(el);
      if (order.terminal) {
        source.close();
        el.querySelectorAll('.pending-hint, .cancel-form').forEach(function (n) { n.remove(); });
      }
    };
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED) { return; }
    };
  }

  function refreshHistory(el) {
    var url = el.getAttribute('data-history');
    var history = document.getElementById('history');
    if (!url || !history) { return; }
    fetch(url, { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var next = document.createElement('div');
        next.innerHTML = html;
        var fresh = next.querySelector('#history');
        if (fresh) { localTimes(fresh); history.replaceWith(fresh); }
        var returns = document.getElementById('returns');
        var freshReturns = next.querySelector('#returns');
        if (returns && freshReturns) { localTimes(freshReturns); returns.replaceWith(freshReturns); }
        var trace = document.getElementById('trace');
        var freshTrace = next.querySelector('#trace');
        if (trace && freshTrace) {
          freshTrace.open = trace.open;
          localTimes(freshTrace);
          trace.replaceWith(freshTrace);
        }
      })
      .catch(function () { });
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  // The value of a datetime-local input for an instant, in the reader's time zone, to the second.
  function localInputValue(at) {
    return at.getFullYear() + '-' + pad(at.getMonth() + 1) + '-' + pad(at.getDate()) + 'T' +
      pad(at.getHours()) + ':' + pad(at.getMinutes()) + ':' + pad(at.getSeconds());
  }

  // "As of": the reader types their local time; the server gets the instant it means (?asOf=<ISO instant>).
  function asOfControl(form) {
    var local = form.querySelector('input[type=datetime-local]');
    var instant = form.querySelector('input[name=asOf]');
    if (!local || !instant) { return; }
    var shown = local.getAttribute('data-instant');
    if (shown) { local.value = localInputValue(new Date(shown)); }
    local.removeAttribute('name');
    form.addEventListener('submit', function () {
      var at = local.value ? new Date(local.value) : null;
      instant.disabled = false;
      if (at && !isNaN(at)) {
        instant.value = at.toISOString();
      } else {
        instant.disabled = true; // nothing chosen: the page as it is now
      }
    });
  }

  // Instants typed as the reader's local time: each datetime-local [data-instant-into] shows the instant of its hidden
  // input in the reader's time zone and, when the form is sent, writes back the instant it means.
  function instantInputs(form) {
    var pairs = [];
    form.querySelectorAll('input[data-instant-into]').forEach(function (local) {
      var instant = document.getElementById(local.getAttribute('data-instant-into'));
      if (!instant) { return; }
      var at = new Date(instant.value);
      if (instant.value && !isNaN(at)) { local.value = localInputValue(at); }
      pairs.push([local, instant]);
    });
    form.addEventListener('submit', function () {
      pairs.forEach(function (pair) {
        var at = pair[0].value ? new Date(pair[0].value) : null;
        pair[1].value = at && !isNaN(at) ? at.toISOString() : pair[0].value;
      });
    });
  }

  // A form that asks first (data-confirm): declining sends nothing. Runs before the form's own listeners.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopPropagation();
    }
  }, true);

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form[data-as-of]').forEach(asOfControl);
    document.querySelectorAll('form[data-instants]').forEach(instantInputs);
    localTimes(document);
    document.querySelectorAll('[data-live-source]').forEach(liveValues);
    document.querySelectorAll('[data-refresh]').forEach(liveFragment);
    // browsers allow few open connections per site: follow the first few pending orders of a list live
    Array.prototype.slice.call(document.querySelectorAll('[data-live-order]'), 0, 4).forEach(liveOrder);
    // a form sent once stays sent: no double order from a double click
    document.querySelectorAll('form[method=post]').forEach(function (form) {
      form.addEventListener('submit', function () {
        form.querySelectorAll('button[type=submit]').forEach(function (b) {
          setTimeout(function () { b.disabled = true; }, 0);
        });
      });
    });
  });
})();
