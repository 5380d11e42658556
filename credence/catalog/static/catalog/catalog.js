// The guided request form: a field asked only on another field's answer
// appears once that answer is given, and a device or application list set
// to "something else" opens the box to type it in. Without this script
// every field shows, and the server ignores answers to fields whose
// condition is not met.
(function () {
  "use strict";

  function answerOf(form, name) {
    const row = form.querySelector('[id="field-' + name + '-row"]');
    if (row && row.hidden) {
      return "";
    }
    const checked = form.querySelector(
      'input[type=radio][name="' + name + '"]:checked',
    );
    if (checked) {
      return checked.value;
    }
    const other = form.querySelector('select[name="' + name + '"]');
    return other ? other.value : "";
  }

  // Rows come in the form's order and conditions point only at earlier
  // fields, so one pass settles each row after the one it depends on.
  function update(form, announce) {
    const appeared = [];
    form.querySelectorAll("[data-shown-when]").forEach(function (row) {
      const shown =
        answerOf(form, row.dataset.shownWhen) === row.dataset.shownValue;
      if (shown && row.hidden) {
        const question = row.querySelector("legend, label");
        appeared.push(question ? question.textContent.trim() : "");
      }
      row.hidden = !shown;
    });
    // Someone listening to the page hears of a question that appeared
    // below the answer they just gave.
    const region = form.querySelector(".questions-news");
    if (announce && region && appeared.length) {
      region.textContent = "New question below: " + appeared.join("; ");
    }
    form.querySelectorAll("select[data-other]").forEach(function (select) {
      const box = document.getElementById(select.dataset.other);
      if (box) {
        box.hidden = select.value !== "__other__";
      }
    });
  }

  document.querySelectorAll("form.request-form").forEach(function (form) {
    form.addEventListener("change", function () {
      update(form, true);
    });
    update(form, false);
  });
})();
