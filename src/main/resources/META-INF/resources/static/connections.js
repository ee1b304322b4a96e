// Live connection status: while Ferry or the portal is working, poll the connection and reload when it settles.
// Also follows the link to a SMART portal's sign-in page (a link, not a form redirect, so CSP form-action holds).
(function () {
  'use strict';
  var follow = document.querySelector('[data-auto-follow="true"]');
  if (follow) {
    window.location.assign(follow.getAttribute('href'));
    return;
  }
  var box = document.getElementById('connection-status');
  if (!box || !box.dataset.poll) {
    return;
  }
  var started = Date.now();
  function poll() {
    fetch(box.dataset.poll, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (c) {
        if (c && c.status !== box.dataset.status) {
          window.location.reload();
        } else if (Date.now() - started < 10 * 60 * 1000) {
          window.setTimeout(poll, 1500);
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
}());
