// Draws the parity report's chart: CPD hours per head by group. The numbers come from a
// <script type="application/json" data-chart="parity-chart"> block beside the table that holds them,
// so the page reads the same without this script.
(function () {
  "use strict";

  if (typeof window.Chart === "undefined") {
    return;
  }
  document.querySelectorAll("script[type='application/json'][data-chart='parity-chart']").forEach(function (block) {
    var canvas = document.getElementById("parity-chart");
    if (!canvas) {
      return;
    }
    var chart = JSON.parse(block.textContent);
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: chart.labels,
        datasets: [{ label: chart.valueLabel, data: chart.values, backgroundColor: "#28a197" }]
      },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { beginAtZero: true, title: { display: true, text: chart.valueLabel } } },
        plugins: { legend: { display: false } }
      }
    });
  });
})();
