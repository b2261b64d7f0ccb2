// Touch targets a reader can see and tap that are smaller than the minimum, as
// [{target, width, height, text}]. Evaluated in the page by test_pages.py.
//
// WCAG 2.5.8 (Target Size, Minimum) asks for 24 × 24 CSS px. We apply its "inline" exception:
// a link inside a sentence is as tall as the line of text around it and is exempt. We do NOT
// apply its "spacing" exception (a small target far enough from its neighbours): readers tap
// with thumbs on small phones, so every other target must itself be big enough. axe's
// target-size rule checks the full WCAG rule as well.
(minimum) => {
  const TARGETS = [
    "a[href]", "button", "input:not([type=hidden])", "select", "textarea", "summary",
    "label[for]", "[role=button]", "[role=link]", "[role=tab]", "[role=checkbox]",
    "[role=menuitem]", "[role=option]", "[tabindex]:not([tabindex='-1'])",
  ].join(",");
  const width = document.documentElement.clientWidth;
  const isTarget = (node) => node.nodeType === 1 && node.matches(TARGETS);
  const isInline = (node) => getComputedStyle(node).display.startsWith("inline")
    && getComputedStyle(node).display !== "inline-block" && getComputedStyle(node).display !== "inline-flex"
    && getComputedStyle(node).display !== "inline-grid";

  // What the reader actually sees: rendered, not transparent, at least partly inside the
  // viewport's width (the closed navigation drawer waits off-screen and cannot be tapped).
  const seen = (element) => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.right <= 0 || box.left >= width) return false;
    if (getComputedStyle(element).visibility !== "visible") return false;
    for (let node = element; node; node = node.parentElement) {
      if (Number(getComputedStyle(node).opacity) === 0) return false;
    }
    return true;
  };

  // The WCAG "inline" exception: the target flows in a line of text, i.e. its nearest block
  // container also holds text that belongs to no target (axe's isInTextBlock, without its
  // length comparison). A link alone in a list item is not in a sentence and must be big enough.
  const inSentence = (element) => {
    if (!isInline(element)) return false;
    let block = element.parentElement;
    while (block && isInline(block)) block = block.parentElement;
    if (!block) return false;
    let text = "";
    const walk = (node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === 3) text += child.nodeValue;
        else if (child.nodeType === 1 && !isTarget(child) && isInline(child)) walk(child);
      }
    };
    walk(block);
    return /[\p{L}\p{N}]/u.test(text);
  };

  const describe = (element) => {
    const parts = [];
    for (let node = element; node && node !== document.body && parts.length < 4; node = node.parentElement) {
      let part = node.tagName.toLowerCase();
      if (node.id) { parts.unshift(`${part}#${node.id}`); break; }
      const classes = [...node.classList].slice(0, 2);
      if (classes.length) part += "." + classes.join(".");
      if (node === element && node.getAttribute("href")) part += `[href="${node.getAttribute("href")}"]`;
      if (node === element && node.getAttribute("for")) part += `[for="${node.getAttribute("for")}"]`;
      parts.unshift(part);
    }
    return parts.join(" > ");
  };

  const small = [];
  for (const element of document.querySelectorAll(TARGETS)) {
    if (!seen(element)) continue;
    const box = element.getBoundingClientRect();
    if (box.width >= minimum - 0.01 && box.height >= minimum - 0.01) continue;
    if (inSentence(element)) continue;
    small.push({
      target: describe(element),
      width: Math.round(box.width * 10) / 10,
      height: Math.round(box.height * 10) / 10,
      text: (element.innerText || element.getAttribute("aria-label") || "").trim().slice(0, 40),
    });
  }
  return small;
}
