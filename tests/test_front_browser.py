"""The front page of the real site in Chromium on a phone (360 × 740): the language choice and the
three doors are on the first screen without sideways scrolling, each door is a large target,
and a tap on it opens its page, in the reader's language."""

from __future__ import annotations

import pytest

from browser.harness import LocalServer, language_folder
from phone import phone  # noqa: F401 - the fixture
from integr8.project import load_project
from conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LANGUAGES = load_project(ROOT / "mkdocs.yml").codes
DOORS = ["for-women/", "for-trainers/", "for-partners/"]


@pytest.fixture(scope="module")
def server(real_site):
    with LocalServer(real_site) as running:
        yield running


def boxes(page, selector: str) -> list[dict]:
    return page.eval_on_selector_all(selector, "els => els.map(e => { const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, width: r.width, height: r.height}; })")


@pytest.mark.parametrize("language", LANGUAGES)
def test_languages_and_three_doors_fit_the_first_screen_without_sideways_scrolling(server, phone, language):
    opened = phone(server, language_folder(language), language=language)
    assert opened.no_sideways_scroll()
    doors = boxes(opened.page, ".i8-doors a.i8-door")
    assert len(doors) == 3
    assert all(box["bottom"] <= 740 for box in doors), f"a door below the first screen: {doors}"
    assert all(box["height"] >= 48 and box["width"] >= 280 for box in doors), doors
    languages = boxes(opened.page, ".i8-languages a")
    assert len(languages) == len(LANGUAGES) and all(box["height"] >= 44 for box in languages)
    assert languages[0]["top"] < doors[0]["top"], "the language choice comes first"


@pytest.mark.parametrize("language", ["de", "fa"])
@pytest.mark.parametrize("door", DOORS)
def test_a_tap_on_a_door_opens_its_page_in_the_same_language(server, phone, language, door):
    opened = phone(server, language_folder(language), language=language)
    page = opened.page
    page.locator(f".i8-doors a.i8-door >> nth={DOORS.index(door)}").tap()
    page.wait_for_url(server.url(language_folder(language) + door))
    assert page.evaluate("document.documentElement.lang") == language
    assert opened.no_sideways_scroll()
    targets = boxes(page, ".i8-door-links a")
    assert len(targets) >= 5 and all(box["height"] >= 24 for box in targets)
    assert all(box["height"] >= 48 for box in boxes(page, ".i8-door-links a.i8-door")), "the main links are large targets"


def test_the_persian_front_page_reads_right_to_left(server, phone):
    page = phone(server, "fa/", language="fa").page
    assert page.evaluate("getComputedStyle(document.querySelector('.i8-doors')).direction") == "rtl"
    first = boxes(page, ".i8-doors a.i8-door .i8-icon")[0]
    title = boxes(page, ".i8-doors a.i8-door .i8-door-title")[0]
    assert first["top"] < title["bottom"] and page.evaluate(
        "document.querySelector('.i8-doors a.i8-door .i8-icon').getBoundingClientRect().left > document.querySelector('.i8-doors a.i8-door .i8-door-title').getBoundingClientRect().left"
    ), "the icon stands at the right, where a Persian line starts"
