// Draws every <div class="chart" data-chart='{"data":[...],"layout":{...}}'> with plotly.js.
// The server renders the figure as JSON; this file only hands it to Plotly, so the same
// definition serves the first render and every live refresh.
(function () {
  const base = { margin: { t: 30, r: 10, b: 60, l: 60 }, font: { family: 'system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif' } };

  function draw(root) {
    (root || document).querySelectorAll('.chart[data-chart]').forEach(function (el) {
      let figure;
      try { figure = JSON.parse(el.getAttribute('data-chart')); } catch (e) { el.textContent = 'chart data unreadable'; return; }
      const layout = Object.assign({}, base, figure.layout || {});
      Plotly.react(el, figure.data || [], layout, { displaylogo: false, responsive: true });
      el.setAttribute('data-drawn', String((figure.data || []).length));
    });
  }

  window.analyticsCharts = { draw: draw };
  document.addEventListener('DOMContentLoaded', function () { draw(document); });
})();
