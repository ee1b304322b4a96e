// Supporting Documents: send the chosen .zip, folder or files with a bar for the bytes sent, then follow the
// upload's processing with a second bar until it is finished. Without JavaScript the form posts as it is.
(function () {
  'use strict';
  var FINISHED = ['ready_for_review', 'accepted', 'rejected', 'failed'];

  document.querySelectorAll('form[data-api]').forEach(setUp);
  followUploadPage();

  function setUp(form) {
    var dropped = null;
    var zone = form.querySelector('[data-drop]');
    var hint = form.querySelector('[data-drop-hint]');
    zone.addEventListener('dragover', function (e) {
      e.preventDefault();
      zone.classList.add('dragging');
    });
    zone.addEventListener('dragleave', function () { zone.classList.remove('dragging'); });
    zone.addEventListener('drop', function (e) {
      e.preventDefault();
      zone.classList.remove('dragging');
      collect(e.dataTransfer).then(function (files) {
        dropped = files;
        hint.textContent = form.dataset.dropped.replace('#', String(files.length));
      });
    });
    form.querySelectorAll('input[type=file]').forEach(function (input) {
      input.addEventListener('change', function () { dropped = null; });
    });
    form.addEventListener('submit', function (e) {
      if (!window.FormData || !window.XMLHttpRequest) {
        return;
      }
      e.preventDefault();
      var files = dropped || chosen(form);
      var box = form.querySelector('[data-progress]');
      box.hidden = false;
      if (!files.length) {
        say(box, form.dataset.nothing);
        return;
      }
      // The study's limit, checked before a single byte is sent: a participant must not wait for a gigabyte to
      // travel only to be refused (the server checks again and answers 413 with the same message).
      var total = files.reduce(function (sum, f) { return sum + f.file.size; }, 0);
      var max = Number(form.dataset.maxBytes);
      if (max > 0 && total > max) {
        refuse(box, (files.length === 1 ? form.dataset.tooLargeFile : form.dataset.tooLargeFiles)
          .split('{size}').join(readable(total)));
        return;
      }
      box.querySelector('[data-can-leave]').hidden = false;
      var data = new FormData();
      form.querySelectorAll('input[type=hidden]').forEach(function (field) { data.append(field.name, field.value); });
      files.forEach(function (f) { data.append('file', f.file, f.name); });
      form.querySelector('button[type=submit]').disabled = true;
      send(form, box, data);
    });
  }

  // Files from the three inputs; a folder's files carry their path inside the folder as their name.
  function chosen(form) {
    var files = [];
    form.querySelectorAll('input[type=file]').forEach(function (input) {
      Array.prototype.forEach.call(input.files, function (file) {
        files.push({ file: file, name: file.webkitRelativePath || file.name });
      });
    });
    return files;
  }

  // Dropped items, walking into dropped folders.
  function collect(transfer) {
    var entries = [];
    Array.prototype.forEach.call(transfer.items || [], function (item) {
      var entry = item.webkitGetAsEntry && item.webkitGetAsEntry();
      if (entry) {
        entries.push(entry);
      }
    });
    if (!entries.length) {
      return Promise.resolve(Array.prototype.map.call(transfer.files, function (file) {
        return { file: file, name: file.name };
      }));
    }
    return Promise.all(entries.map(walk)).then(function (lists) { return [].concat.apply([], lists); });
  }

  function walk(entry) {
    if (entry.isFile) {
      return new Promise(function (resolve, reject) {
        entry.file(function (file) { resolve([{ file: file, name: entry.fullPath.replace(/^\//, '') }]); }, reject);
      });
    }
    return readAll(entry.createReader(), []).then(function (children) {
      return Promise.all(children.map(walk)).then(function (lists) { return [].concat.apply([], lists); });
    });
  }

  function readAll(reader, found) {
    return new Promise(function (resolve, reject) {
      reader.readEntries(function (batch) {
        if (!batch.length) {
          resolve(found);
        } else {
          readAll(reader, found.concat(batch)).then(resolve, reject);
        }
      }, reject);
    });
  }

  // An upload that was refused or did not go through: say why, and do not claim it goes on.
  function refuse(box, message) {
    box.querySelector('[data-can-leave]').hidden = true;
    say(box, message);
    box.querySelector('[data-status]').setAttribute('role', 'alert');
  }

  // Sizes as Ferry writes them (1,024-based, one decimal where it matters), so "1.1 GB" reads like the limit.
  function readable(bytes) {
    var MB = 1024 * 1024, GB = 1024 * MB;
    function one(v) { var t = v.toFixed(1); return t.slice(-2) === '.0' ? t.slice(0, -2) : t; }
    if (bytes >= GB) { return one(bytes / GB) + ' GB'; }
    if (bytes >= MB) { return one(bytes / MB) + ' MB'; }
    return Math.max(1, Math.ceil(bytes / 1024)) + ' KB';
  }

  function send(form, box, data) {
    var sent = box.querySelector('.send-progress');
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.dataset.api);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        sent.value = Math.round(e.loaded / e.total * 100);
      }
    });
    xhr.addEventListener('load', function () {
      form.querySelector('button[type=submit]').disabled = false;
      var body = parse(xhr.responseText);
      if (xhr.status === 202 && body) {
        sent.value = sent.max;
        refreshMyData();
        follow(form, box, body);
      } else {
        refuse(box, body && body.detail ? body.detail : form.dataset.failed);
      }
    });
    xhr.addEventListener('error', function () {
      form.querySelector('button[type=submit]').disabled = false;
      refuse(box, form.dataset.failed);
    });
    xhr.send(data);
  }

  function follow(form, box, upload) {
    var read = box.querySelector('.read-progress');
    read.max = Math.max(upload.progress.total, 1);
    read.value = FINISHED.indexOf(upload.status) >= 0 ? read.max : upload.progress.done;
    say(box, label(box, upload.status) + (upload.rejection ? ' ' + upload.rejection.message : ''));
    if (FINISHED.indexOf(upload.status) >= 0) {
      var link = document.createElement('a');
      link.href = '/supporting-documents/uploads/' + upload.id;
      link.textContent = form.dataset.see;
      link.className = 'see-documents';
      box.querySelector('[data-status]').appendChild(document.createTextNode(' '));
      box.querySelector('[data-status]').appendChild(link);
      refreshMyData();
      return;
    }
    window.setTimeout(function () {
      get(upload.id).then(function (next) { follow(form, box, next || upload); })
        .catch(function () { window.setTimeout(function () { follow(form, box, upload); }, 4000); });
    }, 1000);
  }

  // My data, as the server now renders it (the new upload listed), without reloading the page and its bars.
  function refreshMyData() {
    var current = document.querySelector('.my-data');
    if (!current || !window.DOMParser) {
      return;
    }
    fetch(window.location.pathname, { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        var fresh = html && new DOMParser().parseFromString(html, 'text/html').querySelector('.my-data');
        if (fresh) {
          current.replaceWith(document.importNode(fresh, true));
        }
      })
      .catch(function () { /* the list stays as it was; a reload shows the upload */ });
  }

  // On an upload's own page: reload once its status changes, so the documents appear.
  function followUploadPage() {
    var panel = document.getElementById('upload-status');
    if (!panel || !panel.dataset.poll) {
      return;
    }
    var bar = panel.querySelector('.read-progress');
    function poll() {
      fetch(panel.dataset.poll, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (u) {
          if (u && u.status !== panel.dataset.status) {
            window.location.reload();
            return;
          }
          if (u && bar) {
            bar.max = Math.max(u.progress.total, 1);
            bar.value = u.progress.done;
          }
          window.setTimeout(poll, 1500);
        })
        .catch(function () { window.setTimeout(poll, 5000); });
    }
    window.setTimeout(poll, 1000);
  }

  function get(id) {
    return fetch('/api/v1/uploads/' + encodeURIComponent(id),
      { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; });
  }

  function label(box, status) {
    var item = box.querySelector('[data-status-labels] [data-code="' + status + '"]');
    return item ? item.textContent : status;
  }

  function say(box, text) {
    box.querySelector('[data-status]').textContent = text;
  }

  function parse(text) {
    try {
      return JSON.parse(text);
    } catch (e) {
      return null;
    }
  }
}());
