// Score dashboards: the period picker, and every <canvas data-chart="ID"> drawn from the JSON in <script id="ID">
// with the vendored Chart.js. The tables beside the charts carry the same figures; a chart that cannot draw leaves
// its fallback text.

// The period picker shows the period picked with the mouse or a finger at once. From the keyboard, arrows only
// move through the list (a page per arrow press would be unusable) and Enter shows the period; without
// JavaScript the "Xem" button does.
(function () {
  "use strict";
  document.querySelectorAll("select[data-submit-on-pick]").forEach(function (select) {
    var byKeyboard = false;
    function show() {
      if (select.form.requestSubmit) { select.form.requestSubmit(); } else { select.form.submit(); }
    }
    select.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        show();
        return;
      }
      byKeyboard = true;
    });
    select.addEventListener("pointerdown", function () { byKeyboard = false; });
    select.addEventListener("change", function () {
      if (!byKeyboard) { show(); }
    });
  });
})();

(function () {
  "use strict";
  if (typeof Chart === "undefined") { return; }
  var number = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
  // Distinct hues (and, past ten lines, dash patterns and point shapes) so lines differ without colour alone.
  var PALETTE = ["#0b4fa8", "#b3161b", "#1b7f3b", "#a85a00", "#6f42c1", "#0f7c8c", "#7a5c00", "#c2185b", "#3d5a80", "#5c6f2b"];
  var DASHES = [[], [6, 3], [2, 2], [8, 3, 2, 3]];
  var POINTS = ["circle", "rect", "triangle", "rectRot", "crossRot", "star", "rectRounded", "cross"];
  var TARGET = "#343a40";
  var MUTED = "#c5cfdb";

  Chart.defaults.font.family = window.getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = "#1d232b";

  function format(value, suffix) {
    if (value === null || value === undefined) { return "không có số liệu"; }
    var text = number.format(value);
    if (suffix === "%") { return text + "%"; }
    return suffix ? text + " " + suffix : text;
  }

  function dataset(spec, index, type) {
    var color = spec.target ? TARGET : spec.muted ? MUTED : PALETTE[index % PALETTE.length];
    var set = { label: spec.label, data: spec.data, borderColor: color, backgroundColor: color };
    if (type === "line") {
      set.borderWidth = 2;
      set.spanGaps = false;
      if (spec.target) {
        set.borderDash = [7, 4];
        set.pointRadius = 0;
        set.pointStyle = "line";
        set.stepped = "middle";
        set.backgroundColor = "transparent";
      } else {
        set.borderDash = DASHES[Math.floor(index / PALETTE.length) % DASHES.length];
        set.pointStyle = POINTS[index % POINTS.length];
        set.pointRadius = 3.5;
      }
    }
    return set;
  }

  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source) { return; }
    var spec = JSON.parse(source.textContent);
    var horizontal = Boolean(spec.horizontal);
    if (horizontal) {
      // One bar per unit: the box grows with the number of units instead of squeezing them.
      canvas.parentNode.style.height = (spec.labels.length * 30 + 70) + "px";
    }
    // Bars start at zero (their length is the quantity); lines fit their values and the target,
    // so that 96% and 99% do not look alike.
    var value = { beginAtZero: spec.type !== "line", ticks: { callback: function (v) { return format(v, spec.suffix); } } };
    if (spec.max) { value.suggestedMax = spec.max; }
    // Month labels stay level and are thinned out rather than slanted when a small chart lacks room.
    var category = horizontal ? { ticks: { autoSkip: false } } : { ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 10 } };
    var scales = horizontal ? { x: value, y: category } : { x: category, y: value };
    new Chart(canvas, {
      type: spec.type,
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map(function (d, i) { return dataset(d, i, spec.type); })
      },
      options: {
        indexAxis: horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: "nearest", intersect: false, axis: horizontal ? "y" : "x" },
        scales: scales,
        plugins: {
          legend: { display: spec.datasets.length > 1, position: "bottom", labels: { usePointStyle: true, boxWidth: 10 } },
          tooltip: {
            callbacks: {
              title: function (items) {
                var i = items.length ? items[0].dataIndex : 0;
                return spec.titles ? spec.labels[i] + ". " + spec.titles[i] : spec.labels[i];
              },
              label: function (item) { return item.dataset.label + ": " + format(item.raw, spec.suffix); }
            }
          }
        }
      }
    });
    canvas.dataset.drawn = "1";
  }

  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    try { draw(canvas); } catch (error) { window.console.error("Không vẽ được biểu đồ", error); }
  });
})();
