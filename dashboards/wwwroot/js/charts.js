// Draws every <div class="chart" data-chart='{"data":[...],"layout":{...}}'> with plotly.js.
// The server renders the figure as JSON; this file only hands it to Plotly, so the same
// definition serves the first render and every live refresh.
(function () {
  const family = 'system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
  // A wall screen is read from across the room: larger type, light text on the dark page.
  function base() {
    return document.querySelector('.wall-screen')
      ? { margin: { t: 60, r: 20, b: 140, l: 80 }, font: { family: family, size: 22, color: '#f2f5f8' }, paper_bgcolor: '#0b1622', plot_bgcolor: '#13263a' }
      : { margin: { t: 30, r: 10, b: 60, l: 60 }, font: { family: family } };
  }

  function draw(root) {
    (root || document).querySelectorAll('.chart[data-chart]').forEach(function (el) {
      let figure;
      try { figure = JSON.parse(el.getAttribute('data-chart')); } catch (e) { el.textContent = 'chart data unreadable'; return; }
      const layout = Object.assign({}, base(), figure.layout || {});
      Plotly.react(el, figure.data || [], layout, { displaylogo: false, responsive: true });
      // How many data points were drawn, so a test (or a person) can tell an empty chart from a full one.
      const points = (figure.data || []).reduce(function (n, t) { return n + ((t.y || t.x || []).length); }, 0);
      el.setAttribute('data-drawn', String(points));
    });
  }

  window.analyticsCharts = { draw: draw };
  document.addEventListener('DOMContentLoaded', function () { draw(document); });
})();
