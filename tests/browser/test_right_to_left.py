"""Right-to-left in a real browser: Arabic and Farsi pages are mirrored, fallback text is not.

Screenshots are taken (tests/.output/, for people to look at) and the layout is checked by the
positions of elements on the 360 px phone screen, not by eye.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .harness import PHONE, PageType

pytestmark = pytest.mark.browser

OUTPUT = Path(__file__).resolve().parents[1] / ".output"
TRANSLATED_MODULE = PageType("module", "module page", "modules/knowing-my-rights/")
# No Farsi or Arabic version of this module exists: readers get the German text (the status
# report and the fallback notice say so).
FALLBACK_MODULE = PageType("fallback", "fallback module page", "modules/mentoring/")

LAYOUT = """() => {
  const box = (selector) => {
    const element = document.querySelector(selector);
    if (!element) return null;
    const r = element.getBoundingClientRect();
    return {left: r.left, right: r.right, width: r.width, direction: getComputedStyle(element).direction};
  };
  const scroller = document.scrollingElement;
  return {
    htmlDir: document.documentElement.getAttribute("dir") || document.body.getAttribute("dir"),
    scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth,
    drawer: box("label.md-header__button[for='__drawer']"),
    title: box(".md-header__title"),
    h1: box(".md-content h1"),
    notice: box(".i8-notice"),
    noticeText: box(".i8-notice p"),
    timingFirst: box(".i8-timing thead th:first-child"),
    timingLast: box(".i8-timing thead th:last-child"),
  };
}"""


def layout(visit, page_type, language, name):
    seen = visit(page_type, language)
    OUTPUT.mkdir(exist_ok=True)
    seen.page.screenshot(path=str(OUTPUT / f"{name}.png"), full_page=False)
    return seen.page.evaluate(LAYOUT)


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_a_translated_module_page_is_right_to_left_without_sideways_scrolling(visit, language):
    found = layout(visit, TRANSLATED_MODULE, language, f"module-{language}")
    assert found["scrollWidth"] <= found["clientWidth"], f"the page scrolls sideways: {found['scrollWidth']} > {found['clientWidth']}"
    assert found["h1"]["direction"] == "rtl"
    # Mirrored interface: the menu button sits on the right, the title to its left.
    assert found["drawer"]["left"] > PHONE["width"] / 2, found["drawer"]
    assert found["title"]["right"] <= found["drawer"]["left"] + 1, (found["title"], found["drawer"])
    # The heading starts at the right edge of the content column.
    assert found["h1"]["right"] > PHONE["width"] - 40, found["h1"]
    # The timing table reads from the right: its first column (start time) is the rightmost.
    assert found["timingFirst"]["left"] > found["timingLast"]["left"], (found["timingFirst"], found["timingLast"])


def test_a_farsi_fallback_page_keeps_a_farsi_interface_and_a_left_to_right_german_text(visit):
    found = layout(visit, FALLBACK_MODULE, "fa", "fallback-fa")
    assert found["scrollWidth"] <= found["clientWidth"], f"the page scrolls sideways: {found['scrollWidth']} > {found['clientWidth']}"
    assert found["htmlDir"] == "rtl"
    assert found["drawer"]["left"] > PHONE["width"] / 2, "the Farsi interface is not mirrored"
    # The notice is Farsi, right to left; the German heading below it is left to right.
    assert found["notice"]["direction"] == "rtl"
    assert found["h1"]["direction"] == "ltr"
    assert found["h1"]["left"] < 40, f"the German heading does not start at the left: {found['h1']}"


def test_an_arabic_page_of_every_kind_in_this_check_fits_a_360_px_screen(visit):
    for page_type in (TRANSLATED_MODULE, FALLBACK_MODULE, PageType("front", "front page", ""), PageType("status", "status page", "status/")):
        seen = visit(page_type, "ar")
        widths = seen.page.evaluate("() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]")
        assert widths[0] <= widths[1], f"/{seen.path} scrolls sideways at 360 px: {widths}"
