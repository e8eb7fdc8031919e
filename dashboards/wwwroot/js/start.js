// Starts Blazor (blazor.web.js is loaded with autostart="false") with a reconnection policy fit for a
// wall screen nobody touches: a lost connection is noticed within about 4 s (the server pings every
// second), shown by #components-reconnect-modal, retried every second without end; when the server
// no longer knows the page's circuit (the host restarted), the page reloads itself and shows current data.
(function () {
  'use strict';
  var reloading = false;
  function reloadSoon(ms) {
    if (reloading) return;
    reloading = true;
    setTimeout(function () { location.reload(); }, ms);
  }

  var modal = document.getElementById('components-reconnect-modal');
  if (modal) {
    modal.addEventListener('components-reconnect-state-changed', function (e) {
      var state = e.detail && e.detail.state;
      document.documentElement.setAttribute('data-connection', state || '');
      if (state === 'rejected') reloadSoon(0);
      else if (state === 'failed' || state === 'resume-failed') reloadSoon(2000);
    });
  }

  Blazor.start({
    circuit: {
      reconnectionOptions: {
        maxRetries: 1000000,
        retryIntervalMilliseconds: 1000,
      },
      configureSignalR: function (builder) {
        builder.withServerTimeout(4000).withKeepAliveInterval(1000);
      },
    },
  });
})();
