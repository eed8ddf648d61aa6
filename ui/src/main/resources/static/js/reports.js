// The reports page's charts, drawn with uPlot (served from /webjars). The data sits in #report-data, one value per
// UTC day of the period; the tables below the charts carry the same numbers for everyone who cannot see them.
(function () {
  'use strict';

  var COLORS = { blue: '#1f4fbf', green: '#146c43', red: '#b42318', amber: '#b7791f', purple: '#6941c6',
                 grey: '#5b6475', teal: '#0e7490' };
  var HEIGHT = 240;
  var charts = [];

  function utc(ts) { return uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'); }

  function widthOf(el) { return Math.max(260, el.clientWidth); }

  function money(v) { return v == null ? '—' : Number(v).toFixed(2); }

  function line(label, color, extra) {
    var s = { label: label, stroke: color, width: 2, points: { size: 5, fill: color } };
    Object.keys(extra || {}).forEach(function (k) { s[k] = extra[k]; });
    return s;
  }

  function bars(label, color, fill) {
    return { label: label, stroke: color, fill: fill, width: 1, points: { show: false },
             paths: uPlot.paths.bars({ size: [0.6, 48] }) };
  }

  // Bars and the first and last day need half a day of room on each side.
  function dayScale(days) {
    return { time: true, range: function () { return [days[0] - 43200, days[days.length - 1] + 43200]; } };
  }

  function draw(el, opts, data) {
    opts.width = widthOf(el);
    opts.height = HEIGHT;
    var chart = new uPlot(opts, data, el);
    var title = document.getElementById(el.getAttribute('aria-labelledby'));
    chart.root.setAttribute('role', 'img');
    chart.root.setAttribute('aria-label', (title ? title.textContent : 'Chart') + ' (the tables below hold the numbers)');
    charts.push({ el: el, chart: chart });
    return chart;
  }

  // Counts, money and seconds start at 0, and a period without any still gets a sensible axis.
  function fromZero(u, min, max) { return [0, max > 0 ? max * 1.1 : 1]; }

  function timeChart(id, series, columns, days, yAxes) {
    var el = document.getElementById(id);
    if (!el) { return; }
    var axes = [{}].concat(yAxes || [{}]);
    var scales = { x: dayScale(days), y: { range: fromZero } };
    (yAxes || []).forEach(function (axis) { if (axis.scale && axis.scale !== 'y') { scales[axis.scale] = {}; } });
    draw(el, { tzDate: utc, scales: scales, axes: axes, series: [{ label: 'Day', value: '{YYYY}-{MM}-{DD}' }].concat(series) },
         [days].concat(columns));
  }

  function tiersChart(source) {
    var el = document.getElementById('chart-tiers');
    var status = document.getElementById('tiers-status');
    if (!el || !source) { return; }
    fetch(source, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (tiers) {
        if (!Array.isArray(tiers) || tiers.length === 0) {
          status.textContent = 'No accepted orders yet.';
          return;
        }
        var xs = tiers.map(function (t, i) { return i; });
        draw(el, {
          scales: { x: { time: false, range: [-0.5, tiers.length - 0.5] }, y: { range: fromZero } },
          axes: [{ splits: function () { return xs; },
                   values: function (u, splits) { return splits.map(function (i) { return tiers[i] ? tiers[i].tier : ''; }); } },
                 { values: function (u, vals) { return vals.map(money); } }],
          series: [{ label: 'Tier', value: function (u, i) { return i == null || !tiers[i] ? '—' : tiers[i].tier; } },
                   bars('Revenue', COLORS.purple, 'rgba(105, 65, 198, .35)')]
        }, [xs, tiers.map(function (t) { return t.revenue; })]);
        status.textContent = tiers.map(function (t) {
          return t.tier + ': ' + money(t.revenue) + ' from ' + t.orders + ' order' + (t.orders === 1 ? '' : 's');
        }).join(' · ');
      })
      .catch(function () {
        el.classList.add('hidden');
        document.getElementById('tiers-slot').classList.add('unavailable');
        status.textContent = 'Revenue by tier is not available.';
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var holder = document.getElementById('report-data');
    if (!holder || typeof uPlot === 'undefined') { return; }
    var d = JSON.parse(holder.textContent);
    var days = d.days;

    timeChart('chart-revenue', [bars('Revenue', COLORS.blue, 'rgba(31, 79, 191, .35)')], [d.revenue], days,
      [{ values: function (u, vals) { return vals.map(money); }, size: 60 }]);

    timeChart('chart-units', [line('Ordered', COLORS.grey), line('Sold', COLORS.green), line('Lost', COLORS.red)],
      [d.unitsOrdered, d.unitsSold, d.unitsLost], days);

    timeChart('chart-funnel', [line('Placed', COLORS.blue), line('Accepted', COLORS.green),
      line('Out of stock', COLORS.red), line('Payment declined', COLORS.amber), line('Timed out', COLORS.purple),
      line('Cancelled', COLORS.grey, { dash: [6, 4] })],
      [d.placed, d.accepted, d.rejectedOutOfStock, d.rejectedPaymentDeclined, d.rejectedTimeout, d.cancelled], days);

    var seconds = { values: function (u, vals) { return vals.map(function (v) { return v + ' s'; }); }, size: 60 };
    timeChart('chart-timing', [line('Median', COLORS.teal, { value: function (u, v) { return v == null ? '—' : v + ' s'; } }),
      line('95th percentile', COLORS.amber, { value: function (u, v) { return v == null ? '—' : v + ' s'; } })],
      [d.medianSecondsToAccept, d.p95SecondsToAccept], days, [seconds]);

    tiersChart(d.tiersSource);

    var pending;
    window.addEventListener('resize', function () {
      clearTimeout(pending);
      pending = setTimeout(function () {
        charts.forEach(function (c) { c.chart.setSize({ width: widthOf(c.el), height: HEIGHT }); });
      }, 150);
    });
  });
})();
