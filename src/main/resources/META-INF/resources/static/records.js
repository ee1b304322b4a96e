// Records review: select or unselect a whole category (the buttons stay hidden without scripts). The category's
// "all records" box covers its records not shown on the page; the server applies it to the whole category.
(function () {
  'use strict';
  document.querySelectorAll('.record-category').forEach(function (group) {
    var actions = group.querySelector('.record-category-actions');
    if (!actions) {
      return;
    }
    actions.hidden = false;
    actions.querySelectorAll('button[data-select]').forEach(function (button) {
      button.addEventListener('click', function () {
        var on = button.dataset.select === 'all';
        group.querySelectorAll('input[name="record"], input[name="category"]').forEach(function (box) {
          box.checked = on;
        });
      });
    });
  });
}());
