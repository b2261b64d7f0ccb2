/* INTEGR8 directory filters. The page already lists every entry; this script shows the filters
   (region, language, kind of offer) and hides the entries they leave out: an entry stays when it
   matches every filter that is not "All". Each option's count is what it would show with the
   other filters as they are. The choice lives in the address (?language=ar), so a filtered list
   can be shared and survives a reload. No library, no request, nothing stored. */
(function () {
  "use strict";
  var root = document.querySelector("[data-i8-directory]");
  if (!root || !window.URLSearchParams || !window.history || !history.replaceState) return;
  var form = root.querySelector("[data-i8-filters]");
  var shown = root.querySelector("[data-i8-shown]");
  var none = root.querySelector("[data-i8-none]");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var entries = Array.prototype.slice.call(root.querySelectorAll(".i8-entry"));

  // Does the entry match select `name` set to `value` ("" matches everything)?
  function fits(entry, name, value) {
    if (!value) return true;
    var values = (entry.getAttribute("data-" + name) || "").split(name === "language" ? " " : "\n");
    return values.indexOf(value) >= 0;
  }

  function passes(entry, ignore) {
    return selects.every(function (select) { return select === ignore || fits(entry, select.name, select.value); });
  }

  function update() {
    var visible = 0;
    entries.forEach(function (entry) {
      entry.hidden = !passes(entry, null);
      if (!entry.hidden) visible += 1;
    });
    selects.forEach(function (select) {
      Array.prototype.forEach.call(select.options, function (option) {
        if (!option.value) return;
        var count = entries.filter(function (entry) { return passes(entry, select) && fits(entry, select.name, option.value); }).length;
        option.textContent = option.getAttribute("data-label") + " (" + count + ")";
      });
    });
    shown.textContent = shown.getAttribute("data-template").replace("{shown}", visible).replace("{total}", entries.length);
    none.hidden = visible > 0;
  }

  function writeAddress() {
    var params = new URLSearchParams(location.search);
    selects.forEach(function (select) {
      if (select.value) params.set(select.name, select.value); else params.delete(select.name);
    });
    var query = params.toString();
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  function readAddress() {
    var params = new URLSearchParams(location.search);
    selects.forEach(function (select) {
      var wanted = params.get(select.name) || "";
      select.value = Array.prototype.some.call(select.options, function (o) { return o.value === wanted; }) ? wanted : "";
    });
  }

  form.addEventListener("change", function () { update(); writeAddress(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  root.querySelector("[data-i8-reset]").addEventListener("click", function () {
    selects.forEach(function (select) { select.value = ""; });
    update();
    writeAddress();
    selects[0].focus();  // the button just pressed is hidden now
  });

  readAddress();
  update();
  form.hidden = false;
})();
