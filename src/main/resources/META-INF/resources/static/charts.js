// Ferry's charts, drawn with Apache ECharts (served by Ferry from its webjar) from what the page already holds: a
// dashboard chart from its table (each row's label, or its short form in data-short, data-value and data-href, the
// page that lists the participants behind the bar), a measurement chart from the JSON in #measurements-data. No
// inline script and no inline style attribute (the CSP forbids both): sizes are set through the CSSOM, tooltips
// drawn on the canvas. The tables stay as the accessible, script-free form; the canvas is hidden from assistive
// technology.
(function () {
  'use strict';
  if (typeof window.echarts !== 'object') {
    return;
  }
  var INK = '#1b2330';
  var ACCENT = '#0b5fad';
  var COLOURS = ['#0b5fad', '#b45309', '#136c35', '#7c3aed'];
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var charts = [];

  function narrow(el) {
    return el.clientWidth < 560;
  }

  /**
   * A day as people write it: "12 Mar 2024", from "2024-03-12" or from a time on the axis (ECharts reads an ISO
   * day as local midnight, so the local calendar gives the same day back).
   */
  function readable(day) {
    if (typeof day === 'string') {
      var parts = day.split('-');
      return Number(parts[2]) + ' ' + MONTHS[Number(parts[1]) - 1] + ' ' + parts[0];
    }
    var d = new Date(day);
    return d.getDate() + ' ' + MONTHS[d.getMonth()] + ' ' + d.getFullYear();
  }

  /** Draws a chart in el with options(narrow) and again, for the new width, whenever the window is resized. */
  function start(el, options) {
    el.hidden = false;
    var chart = window.echarts.init(el, null, { renderer: 'canvas' });
    var draw = function () {
      var o = options(narrow(el));
      el.style.height = o.height + 'px';
      chart.resize();
      chart.setOption(o.option, true);
    };
    draw();
    charts.push(draw);
    return chart;
  }

  function rows(table) {
    return Array.prototype.map.call(table.querySelectorAll('tbody tr'), function (tr) {
      return {
        label: tr.dataset.short || tr.querySelector('th').textContent.trim(),
        value: Number(tr.dataset.value),
        href: tr.dataset.href || null
      };
    });
  }

  /** A dashboard chart: horizontal bars (or columns for weeks); a bar with participants behind it is a link. */
  function barChart(el) {
    var table = document.getElementById(el.dataset.table);
    if (!table) {
      return;
    }
    var bars = rows(table);
    var columns = el.dataset.chart === 'columns';
    var chart = start(el, function (phone) {
      return { height: columns ? 260 : Math.max(120, bars.length * (phone ? 48 : 38) + 24),
        option: barOption(bars, columns, phone) };
    });
    chart.on('click', function (p) {
      var bar = bars[p.dataIndex];
      if (bar && bar.href) {
        window.location.assign(bar.href);
      }
    });
    var hint = el.parentNode.querySelector('.chart-hint');
    if (hint && bars.some(function (b) { return b.href; })) {
      hint.hidden = false;
    }
  }

  function barOption(bars, columns, phone) {
    var category = {
      type: 'category', data: bars.map(function (b) { return b.label; }), inverse: !columns,
      axisTick: { show: false }, axisLine: { lineStyle: { color: INK } },
      axisLabel: columns ? { color: INK, interval: 0, rotate: phone ? 45 : 0 }
        : { color: INK, width: phone ? 120 : 240, overflow: 'break', lineHeight: 14 }
    };
    var value = { type: 'value', minInterval: 1, axisLabel: { color: INK }, splitLine: { lineStyle: { color: '#e5e7eb' } } };
    return {
      animation: false,
      grid: { left: 8, right: 36, top: 12, bottom: 8, containLabel: true },
      xAxis: columns ? category : value,
      yAxis: columns ? value : category,
      series: [{
        type: 'bar', barMaxWidth: 28,
        label: { show: true, position: columns ? 'top' : 'right', color: INK },
        data: bars.map(function (b) {
          return { value: b.value, cursor: b.href ? 'pointer' : 'default', itemStyle: { color: ACCENT } };
        })
      }]
    };
  }

  /** The y axis holds every value and the shaded normal ranges. */
  function bounds(m) {
    var all = [];
    m.series.forEach(function (s) {
      s.points.forEach(function (p) { all.push(Number(p.value)); });
      if (s.low !== null && s.low !== undefined) { all.push(Number(s.low)); }
      if (s.high !== null && s.high !== undefined) { all.push(Number(s.high)); }
    });
    var lo = Math.min.apply(null, all);
    var hi = Math.max.apply(null, all);
    // round numbers at the ends: a step of 1, 2 or 5 times a power of ten, about a fifth of the span
    var rough = ((hi - lo) || Math.abs(hi) || 1) / 5;
    var power = Math.pow(10, Math.floor(Math.log10(rough)));
    var step = [1, 2, 5, 10].map(function (f) { return f * power; }).filter(function (s) { return s >= rough; })[0];
    var min = Math.floor(lo / step) * step;
    return { min: min === lo && min - step >= 0 ? min - step : min, max: Math.ceil(hi / step) * step === hi
      ? hi + step : Math.ceil(hi / step) * step, step: step };
  }

  function band(s, box, colour) {
    if ((s.low === null || s.low === undefined) && (s.high === null || s.high === undefined)) {
      return undefined;
    }
    var low = s.low === null || s.low === undefined ? box.min : Number(s.low);
    var high = s.high === null || s.high === undefined ? box.max : Number(s.high);
    return { silent: true, itemStyle: { color: colour, opacity: 0.12 }, data: [[{ yAxis: low }, { yAxis: high }]] };
  }

  /** A lab test or vital sign over time: a line per measured code, its normal range shaded. */
  function measurementChart(el, m) {
    start(el, function (phone) {
      return { height: phone ? 220 : 260, option: measurementOption(m) };
    });
  }

  function measurementOption(m) {
    var box = bounds(m);
    var several = m.series.length > 1;
    var precise = function (v) { return Math.round(v * 1e6) / 1e6; };
    return {
      animation: false,
      color: COLOURS,
      grid: { left: 8, right: 40, top: several ? 36 : 16, bottom: 8, containLabel: true },
      legend: several ? { top: 0, textStyle: { color: INK } } : undefined,
      tooltip: {
        trigger: 'axis', renderMode: 'richText', formatter: function (items) {
          var lines = [readable(items[0].value[0])];
          items.forEach(function (i) {
            lines.push((several ? i.seriesName + ': ' : '') + i.value[1] + ' ' + m.unit);
          });
          return lines.join('\n');
        }
      },
      xAxis: {
        type: 'time', axisLine: { lineStyle: { color: INK } },
        axisLabel: { color: INK, hideOverlap: true, formatter: function (t) { return readable(t); } }
      },
      yAxis: {
        type: 'value', min: precise(box.min), max: precise(box.max), interval: precise(box.step),
        axisLabel: { color: INK }, splitLine: { lineStyle: { color: '#e5e7eb' } }
      },
      series: m.series.map(function (s, i) {
        return {
          type: 'line', name: s.name, symbolSize: 8, showAllSymbol: true,
          data: s.points.map(function (p) { return [p.date, Number(p.value)]; }),
          markArea: band(s, box, COLOURS[i % COLOURS.length])
        };
      })
    };
  }

  document.querySelectorAll('.chart-canvas[data-chart]').forEach(barChart);
  var data = document.getElementById('measurements-data');
  if (data) {
    var measurements = JSON.parse(data.textContent).items;
    document.querySelectorAll('.chart-canvas[data-measurement]').forEach(function (el) {
      var m = measurements[Number(el.dataset.measurement)];
      if (m) {
        measurementChart(el, m);
      }
    });
  }
  window.addEventListener('resize', function () {
    charts.forEach(function (draw) { draw(); });
  });
}());
