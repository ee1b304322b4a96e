// Records review: select or unselect every record of one category (the buttons stay hidden without scripts).
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
        group.querySelectorAll('input[name="record"]').forEach(function (box) { box.checked = on; });
      });
    });
  });
}());
