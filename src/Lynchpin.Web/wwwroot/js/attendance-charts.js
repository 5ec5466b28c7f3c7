// Draws attendance over time with the 90 % persistent-absence line. Each chart's numbers come from a
// <script type="application/json" data-attendance-chart="canvas-id"> block beside a table of the same numbers.
(function () {
  "use strict";

  if (typeof window.Chart === "undefined") {
    return;
  }

  var colours = ["#1d70b8", "#00703c", "#912b88", "#f47738", "#5694ca", "#85994b"];

  document.querySelectorAll("script[type='application/json'][data-attendance-chart]").forEach(function (block) {
    var canvas = document.getElementById(block.getAttribute("data-attendance-chart"));
    if (!canvas) {
      return;
    }
    var chart = JSON.parse(block.textContent);
    var datasets = chart.series.map(function (series, i) {
      return {
        label: series.label,
        data: series.data,
        borderColor: colours[i % colours.length],
        backgroundColor: colours[i % colours.length],
        spanGaps: true,
        tension: 0
      };
    });
    datasets.push({
      type: "line",
      label: "90 % (persistent absence below)",
      data: chart.labels.map(function () { return chart.line; }),
      borderColor: "#d4351c",
      borderDash: [6, 4],
      pointRadius: 0,
      fill: false
    });

    new window.Chart(canvas, {
      type: chart.type || "line",
      data: { labels: chart.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          y: { suggestedMin: 70, max: 100, title: { display: true, text: "Attendance (%)" } }
        },
        plugins: { legend: { position: "bottom" } }
      }
    });
  });
})();
