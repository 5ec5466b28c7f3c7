// Draws the Professional Progression Profile charts. Each chart's numbers come from a
// <script type="application/json" data-chart="canvas-id"> block that the page renders beside a table
// holding the same numbers, so the page reads the same without this script.
(function () {
  "use strict";

  if (typeof window.Chart === "undefined") {
    return;
  }

  // Stages 0-2 in warm colours (still to secure), 3-5 in greens (the body of the profile), 6 in blue; "Not assessed" grey.
  var colours = ["#d4351c", "#f47738", "#ffdd00", "#85994b", "#00703c", "#28a197", "#1d70b8", "#b1b4b6"];

  document.querySelectorAll("script[type='application/json'][data-chart]").forEach(function (block) {
    var canvas = document.getElementById(block.getAttribute("data-chart"));
    if (!canvas) {
      return;
    }
    // A trust chart grows with its schools; set here because the Content-Security-Policy refuses style attributes.
    var box = canvas.parentElement;
    if (box && box.dataset.bars) {
      box.style.setProperty("--lynchpin-bars", box.dataset.bars);
    }
    var chart = JSON.parse(block.textContent);
    var valueAxis = {
      stacked: true,
      beginAtZero: true,
      title: { display: true, text: chart.valueLabel },
      ticks: { precision: 0 }
    };
    if (chart.percent) {
      valueAxis.max = 100;
    }
    var categoryAxis = { stacked: true };

    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: chart.labels,
        datasets: chart.series.map(function (series, i) {
          return {
            label: series.label,
            data: series.data,
            backgroundColor: colours[i % colours.length],
            borderColor: "#ffffff",
            borderWidth: 1
          };
        })
      },
      options: {
        indexAxis: chart.horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: chart.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
        plugins: {
          legend: { position: "bottom" },
          tooltip: {
            callbacks: {
              label: function (item) {
                var value = chart.horizontal ? item.parsed.x : item.parsed.y;
                return item.dataset.label + ": " + value + (chart.percent ? "%" : "");
              }
            }
          }
        }
      }
    });
  });
})();
