/* INTEGR8 printable packs. Buttons marked data-i8-print open the browser's print dialog; a link
   marked so first goes to its target, so that "print only this handout" (#handout-2) prints that
   handout alone (print.css keeps only a :target handout) and "print the whole pack" (#pack) prints
   everything. Without this script the links still select what prints and the buttons stay hidden. */
(function () {
  "use strict";
  if (!window.print) return;
  Array.prototype.forEach.call(document.querySelectorAll("button[data-i8-print]"), function (button) {
    button.hidden = false;
  });
  document.addEventListener("click", function (event) {
    var control = event.target.closest && event.target.closest("[data-i8-print]");
    if (!control) return;
    // Let a link change the address (and so :target) first, then print.
    window.setTimeout(function () { window.print(); }, control.tagName === "A" ? 50 : 0);
  });
})();
