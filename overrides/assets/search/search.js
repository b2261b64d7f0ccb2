/* INTEGR8 search, fetched the first time the reader opens search (integr8/search-opener.js, inline
 * in every page, opens the dialog and adds this file). It fetches, in parallel, lunr.js, the
 * stemmer of the page's language, engine.js (data-scripts, run in order) and that language's index
 * (data-index), and hands them to the engine. No other language's data is ever fetched. If a
 * download fails, the dialog says so and the next opening (focus in the field) tries again. See
 * partials/search.html. */
(function () {
  "use strict";
  var dialog = document.getElementById("i8-search");
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

  input.addEventListener("focus", load);
  load();
})();
