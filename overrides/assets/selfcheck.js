/* INTEGR8 self-check: scores the questionnaire in the browser. Everything the result shows is
   already in the page (answer points in the radio values, texts and links in the hidden pool), so
   this script makes no request, stores nothing and sends nothing; the answers disappear with the
   page. A dimension is a strength when its counted answers reach data-strength-from percent of
   their possible points; answers without points ("I don't know") are left out. No library. */
(function () {
  "use strict";
  var root = document.querySelector("[data-i8-selfcheck]");
  if (!root) return;
  var form = root.querySelector("[data-i8-form]");
  var result = root.querySelector("[data-i8-result]");
  var message = root.querySelector("[data-i8-message]");
  var pool = root.querySelector("[data-i8-pool]");
  var strengthFrom = Number(root.getAttribute("data-strength-from"));
  var scoreText = root.getAttribute("data-score");
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };

  function totals() {
    var byDimension = {};
    each(form.querySelectorAll("fieldset[data-dimension]"), function (question) {
      var id = question.getAttribute("data-dimension");
      var total = byDimension[id] || (byDimension[id] = { points: 0, max: 0 });
      var answer = question.querySelector("input:checked");
      if (answer && answer.value !== "") {
        total.points += Number(answer.value);
        total.max += Number(question.getAttribute("data-max"));
      }
    });
    return byDimension;
  }

  function groupOf(total) {
    if (!total || !total.max) return "open";
    return total.points * 100 >= strengthFrom * total.max ? "strength" : "growth";
  }

  function show() {
    var scores = totals();
    var counted = 0;
    each(root.querySelectorAll("[data-i8-group]"), function (group) { group.hidden = true; });
    each(root.querySelectorAll(".i8-result-item"), function (item) {
      var total = scores[item.getAttribute("data-dimension")];
      var group = groupOf(total);
      if (group !== "open") counted += 1;
      each(item.querySelectorAll("[data-i8-when]"), function (part) {
        part.hidden = part.getAttribute("data-i8-when").split(" ").indexOf(group) < 0;
      });
      if (total && total.max) {
        item.querySelector("meter").value = Math.round(total.points * 100 / total.max);
        item.querySelector("[data-i8-points]").textContent = scoreText.replace("{points}", total.points).replace("{max}", total.max);
      }
      var target = root.querySelector("[data-i8-group='" + group + "']");
      target.querySelector("ul").appendChild(item);
      target.hidden = false;
    });
    if (!counted) {
      hide();
      message.hidden = false;
      message.scrollIntoView({ block: "center" });
      return;
    }
    message.hidden = true;
    root.querySelector("[data-i8-date]").textContent = new Date().toLocaleDateString(document.documentElement.lang || undefined);
    root.classList.add("i8-scored");
    result.hidden = false;
    result.focus();
  }

  function hide() {
    each(root.querySelectorAll(".i8-result-item"), function (item) { pool.appendChild(item); });
    result.hidden = true;
    root.classList.remove("i8-scored");
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show();
  });
  form.addEventListener("reset", function () {
    hide();
    message.hidden = true;
  });
  form.addEventListener("change", function () { message.hidden = true; });
  each(root.querySelectorAll("[data-i8-print]"), function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  root.querySelector("[data-i8-actions]").hidden = false;
  root.querySelector("[data-i8-noscript]").hidden = true;
})();
