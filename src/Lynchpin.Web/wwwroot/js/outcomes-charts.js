// Draws the outcomes pages' charts from the <script type="application/json" data-chart> blocks beside the tables
// that hold the same numbers, so each page reads the same without this script:
// "outcomes-chart", a school's progress by year with its 95 % intervals as floating bars and the share of staff on
// track on a second axis; "outcomes-scatter", one point per school of a trust.
(function () {
  "use strict";

  if (typeof window.Chart === "undefined") {
    return;
  }
  var colours = ["#1d70b8", "#28a197", "#f47738"];

  function read(name) {
    var block = document.querySelector("script[type='application/json'][data-chart='" + name + "']");
    var canvas = document.getElementById(name);
    return block && canvas ? { data: JSON.parse(block.textContent), canvas: canvas } : null;
  }

  var school = read("outcomes-chart");
  if (school) {
    var datasets = [];
    school.data.series.forEach(function (series, i) {
      datasets.push({ type: "line", label: series.label, data: series.values, borderColor: colours[i % colours.length],
        backgroundColor: colours[i % colours.length], spanGaps: false, yAxisID: "y" });
      datasets.push({ type: "bar", label: series.label + " (95 % interval)", data: series.intervals,
        backgroundColor: "rgba(29, 112, 184, 0.18)", borderColor: colours[i % colours.length], borderWidth: 1, yAxisID: "y" });
    });
    datasets.push({ type: "line", label: school.data.measure.label, data: school.data.measure.values, borderColor: "#505a5f",
      borderDash: [6, 4], backgroundColor: "#505a5f", yAxisID: "y1" });
    new window.Chart(school.canvas, {
      data: { labels: school.data.labels, datasets: datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: {
          y: { title: { display: true, text: "Progress (0 is the national average)" } },
          y1: { position: "right", min: 0, max: 100, grid: { drawOnChartArea: false }, title: { display: true, text: "Staff on track (%)" } }
        }
      }
    });
  }

  var scatter = read("outcomes-scatter");
  if (scatter) {
    new window.Chart(scatter.canvas, {
      type: "scatter",
      data: { datasets: [{ label: "Schools", data: scatter.data.points, backgroundColor: "#1d70b8", pointRadius: 5 }] },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: function (c) { return c.raw.label + ": " + c.raw.x + ", " + c.raw.y; } } }
        },
        scales: {
          x: { title: { display: true, text: scatter.data.xLabel } },
          y: { title: { display: true, text: scatter.data.yLabel } }
        }
      }
    });
  }
})();
