// Live connection status: while Ferry or the portal is working, poll the connection and reload when it settles.
// Also follows the link to a SMART portal's sign-in page (a link, not a form redirect, so CSP form-action holds).
(function () {
  'use strict';
  var follow = document.querySelector('[data-auto-follow="true"]');
  if (follow) {
    window.location.assign(follow.getAttribute('href'));
    return;
  }
  watchSync(document.getElementById('sync-status'));
  watchUpdate(document.getElementById('sign-in-update'));
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

  // A connected portal's sync, live: "Fetching your records… N so far" while it runs (the first sync starts by itself
  // right after connecting; "Sync now" starts one too), then how it ended, without a reload. A status that changes
  // meanwhile (access ended, say) reloads the page, which then shows what to do.
  function watchSync(sync) {
    if (!sync || sync.dataset.running !== 'true') {
      return;
    }
    var line = sync.querySelector('.sync-line');
    var records = sync.querySelector('.sync-records');
    var since = Date.now();
    function say(template, n) {
      line.textContent = template.split('{n}').join(String(n));
    }
    function tick() {
      fetch(sync.dataset.poll, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (c) {
          if (c && c.status !== 'connected') {
            window.location.reload();
            return;
          }
          var run = c && c.lastSync;
          if (run && run.finishedAt) {
            line.classList.remove('running');
            say(run.outcome === 'new_records' ? sync.dataset.msgNew
              : run.outcome === 'no_new_records' ? sync.dataset.msgNothing : sync.dataset.msgFailed, run.newRecords);
            records.hidden = !(run.newRecords > 0);
            sync.dataset.running = 'false';
            return;
          }
          if (run) {
            say(sync.dataset.msgRunning, run.newRecords);
            records.hidden = !(run.newRecords > 0);
          }
          if (Date.now() - since < 15 * 60 * 1000) {
            window.setTimeout(tick, 1000);
          }
        })
        .catch(function () { window.setTimeout(tick, 5000); });
    }
    window.setTimeout(tick, 800);
  }

  // New sign-in details being tried for a working connection: reload once the portal has answered.
  function watchUpdate(update) {
    if (!update || update.dataset.checking !== 'true') {
      return;
    }
    var since = Date.now();
    function tick() {
      fetch(update.dataset.poll, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (c) {
          if (c && (c.status !== 'connected' || !(c.signInUpdate && c.signInUpdate.state === 'checking'))) {
            window.location.reload();
          } else if (Date.now() - since < 10 * 60 * 1000) {
            window.setTimeout(tick, 1200);
          }
        })
        .catch(function () { window.setTimeout(tick, 5000); });
    }
    window.setTimeout(tick, 800);
  }
}());
