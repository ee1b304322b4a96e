// Records review: select or unselect a whole category (the buttons stay hidden without scripts), and the action
// bar's live count of what is selected. The category's "all records" box covers its records not shown on the page;
// the server applies it to the whole category (and counts again before deleting anything).
(function () {
  'use strict';
  var counter = document.querySelector('[data-selection-count]');

  function selected() {
    var n = 0;
    document.querySelectorAll('.record-category').forEach(function (group) {
      var boxes = group.querySelectorAll('input[name="record"]');
      var ticked = group.querySelectorAll('input[name="record"]:checked').length;
      var whole = group.querySelector('input[data-whole-category]');
      var total = parseInt(group.dataset.total, 10) || boxes.length;
      n += ticked + (whole && whole.checked ? Math.max(total - boxes.length, 0) : 0);
    });
    return n;
  }

  function update() {
    if (counter) {
      counter.textContent = counter.dataset.template.replace('{n}', String(selected()));
      counter.hidden = false;
    }
  }

  document.querySelectorAll('.record-category').forEach(function (group) {
    var actions = group.querySelector('.record-category-actions');
    if (actions) {
      actions.hidden = false;
      actions.querySelectorAll('button[data-select]').forEach(function (button) {
        button.addEventListener('click', function () {
          var on = button.dataset.select === 'all';
          group.querySelectorAll('input[name="record"], input[name="category"]').forEach(function (box) {
            box.checked = on;
          });
          update();
        });
      });
    }
    group.addEventListener('change', update);
  });
  update();
}());
