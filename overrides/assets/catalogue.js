/* INTEGR8 catalogue filters. The page already lists every item; this script only hides what the
   chosen filters leave out, with the rule of integr8/catalogue/facets.py: an item stays when, in
   every facet with a choice, it has one of the chosen values (AND across facets, OR within one).
   An option's count is what it would show among the items the other facets leave. The choice
   lives in the address (?topic=health&level=entry), so a filtered list can be shared and
   survives a reload. No library, no request, nothing before the page is parsed (defer). */
(function () {
  "use strict";
  var root = document.querySelector("[data-i8-catalogue]");
  if (!root || !window.URLSearchParams || !window.history || !history.replaceState) return;

  var form = root.querySelector("[data-i8-filters]");
  var panel = root.querySelector("[data-i8-panel]");
  var shown = root.querySelector("[data-i8-shown]");
  var none = root.querySelector("[data-i8-none]");
  var resetRow = root.querySelector("[data-i8-reset-row]");
  var active = root.querySelector("[data-i8-active]");
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
  var items = Array.prototype.slice.call(root.querySelectorAll(".i8-card[data-facets]")).map(function (el) {
    var keys = {};
    el.getAttribute("data-facets").split(" ").forEach(function (key) { if (key) keys[key] = true; });
    return { el: el, keys: keys };
  });
  var facets = [];
  boxes.forEach(function (box) { if (facets.indexOf(box.name) < 0) facets.push(box.name); });

  function selection() {
    var chosen = {};
    boxes.forEach(function (box) {
      if (box.checked) (chosen[box.name] = chosen[box.name] || []).push(box.value);
    });
    return chosen;
  }

  // Does the item pass every facet's choice, leaving out the facet `ignore`?
  function matches(item, chosen, ignore) {
    return facets.every(function (facet) {
      var values = chosen[facet];
      return facet === ignore || !values || values.some(function (value) { return item.keys[facet + ":" + value]; });
    });
  }

  function writeAddress() {
    var params = new URLSearchParams(location.search);
    facets.forEach(function (facet) { params.delete(facet); });
    boxes.forEach(function (box) { if (box.checked) params.append(box.name, box.value); });
    var query = params.toString();
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  function update() {
    var chosen = selection();
    var visible = 0;
    items.forEach(function (item) {
      var keep = matches(item, chosen, null);
      item.el.hidden = !keep;
      if (keep) visible += 1;
    });
    boxes.forEach(function (box) {
      var key = box.name + ":" + box.value;
      var count = items.filter(function (item) { return item.keys[key] && matches(item, chosen, box.name); }).length;
      box.parentNode.querySelector("[data-i8-count]").textContent = count;
    });
    var checked = boxes.filter(function (box) { return box.checked; }).length;
    var text = shown.getAttribute("data-template").replace("{shown}", visible).replace("{total}", items.length);
    if (shown.textContent !== text) shown.textContent = text;
    active.textContent = checked ? "(" + checked + ")" : "";
    resetRow.hidden = !checked;
    none.hidden = visible > 0;
  }

  function readAddress() {
    var params = new URLSearchParams(location.search);
    boxes.forEach(function (box) { box.checked = params.getAll(box.name).indexOf(box.value) >= 0; });
  }

  form.addEventListener("change", function () { update(); writeAddress(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  Array.prototype.forEach.call(root.querySelectorAll("[data-i8-reset]"), function (button) {
    button.addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = false; });
      update();
      writeAddress();
      panel.querySelector("summary").focus();  // the button just pressed is hidden now
    });
  });

  readAddress();
  update();
  form.hidden = false;
  if (window.matchMedia && window.matchMedia("(min-width: 60em)").matches) panel.open = true;
})();
