/* INTEGR8 search, on every page: shows the search button and opens the search dialog.
 * It loads nothing until the reader opens search (the button, the "/" key, or focus in the
 * field). Then it fetches, in parallel, lunr.js, the stemmer of the page's language, engine.js
 * (data-scripts, run in order) and that language's index (data-index), and hands them to the
 * engine. No other language's data is ever fetched. See partials/search.html. */
(function () {
  "use strict";
  var dialog = document.getElementById("i8-search");
  var opener = document.querySelector("[data-i8-search-open]");
  if (!dialog || !opener || typeof dialog.showModal !== "function" || !window.fetch) return;
  try {
    new RegExp("\\p{L}", "u"); // the engine's word pattern; browsers without it get no search button
  } catch (error) {
    return;
  }
  var input = dialog.querySelector("#i8-search-input");
  var status = dialog.querySelector("[data-i8-search-status]");
  var started = null; // the engine's promise, from the first opening on
  var scripts = {}; // src -> promise; a script that failed is tried again at the next opening

  function script(src) {
    if (!scripts[src]) {
      scripts[src] = new Promise(function (resolve, reject) {
        var element = document.createElement("script");
        element.src = src;
        element.async = false; // downloads in parallel, runs in the order given
        element.onload = resolve;
        element.onerror = function () {
          delete scripts[src];
          element.remove();
          reject(new Error("search: " + src + " did not load"));
        };
        document.head.appendChild(element);
      });
    }
    return scripts[src];
  }

  function load() {
    if (started) return started;
    status.textContent = dialog.getAttribute("data-loading");
    var data = fetch(dialog.getAttribute("data-index"), { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.url);
      return response.json();
    });
    var code = dialog.getAttribute("data-scripts").split(" ").map(script);
    started = Promise.all([data].concat(code)).then(function (loaded) {
      return window.integr8Search.start(dialog, loaded[0], window.lunr);
    });
    started.catch(function () {
      status.textContent = dialog.getAttribute("data-error");
      started = null; // the next opening tries again
    });
    return started;
  }

  function open() {
    if (!dialog.open) dialog.showModal();
    input.focus();
    load();
  }

  opener.hidden = false;
  opener.addEventListener("click", open);
  input.addEventListener("focus", load);
  dialog.querySelector("[data-i8-search-close]").addEventListener("click", function () {
    dialog.close();
  });
  // A click on the backdrop lands on the dialog element itself, outside its content.
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener("close", function () {
    opener.focus();
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey && !dialog.open) {
      event.preventDefault();
      open();
    }
  });
})();
