// Live updates: the hub says which datasets a committed batch changed; a page whose
// <main data-datasets="a,b"> lists any of them fetches its own URL again (same filters) and swaps
// every [data-live] region in place, without a reload. Wall screens also cycle their slides.
(function () {
  function datasetsOfPage() {
    const el = document.querySelector('[data-datasets]');
    return el ? el.getAttribute('data-datasets').split(',').filter(Boolean) : [];
  }

  async function refresh(reason) {
    const response = await fetch(location.href, { headers: { 'X-Live-Refresh': '1' }, credentials: 'same-origin' });
    if (!response.ok) return;
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    document.querySelectorAll('[data-live][id]').forEach(function (old) {
      const fresh = doc.getElementById(old.id);
      if (fresh) old.replaceWith(fresh);
    });
    window.analyticsCharts.draw(document);
    document.querySelectorAll('[data-updated]').forEach(function (el) {
      el.textContent = new Date().toLocaleTimeString();
      el.setAttribute('data-updated', reason || 'live');
    });
    document.body.setAttribute('data-refreshes', String(Number(document.body.getAttribute('data-refreshes') || '0') + 1));
  }

  function connect() {
    const wanted = datasetsOfPage();
    if (wanted.length === 0 || typeof signalR === 'undefined') return;
    const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/lake').withAutomaticReconnect().build();
    connection.on('lakeChanged', function (change) {
      const changed = change.datasets || [];
      if (changed.some(function (d) { return wanted.indexOf(d) >= 0; })) refresh(change.batchId);
    });
    connection.start().then(function () { document.body.setAttribute('data-live-connected', 'true'); })
      .catch(function (e) { console.warn('live updates unavailable', e); });
  }

  function cycleWall() {
    const slides = document.querySelectorAll('.wall-slide');
    if (slides.length < 2) return;
    let current = 0;
    const seconds = Number(document.querySelector('[data-cycle-seconds]')?.getAttribute('data-cycle-seconds') || '15');
    setInterval(function () {
      const all = document.querySelectorAll('.wall-slide');
      all.forEach(function (s) { s.classList.remove('current'); });
      current = (current + 1) % all.length;
      all[current].classList.add('current');
      window.dispatchEvent(new Event('resize'));
    }, seconds * 1000);
  }

  document.addEventListener('DOMContentLoaded', function () { connect(); cycleWall(); });
})();
