"""The directory filters in Chromium, on a real build of the fixture site served on 127.0.0.1.

A woman on a phone chooses her language or region and sees only the offers that fit, with the
number shown announced; the address keeps her choice, so that a reload or a shared link shows
the same list. Without JavaScript she gets the whole list and no filter that cannot work.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from browser.harness import LocalServer
from phone import phone  # noqa: F401 - the fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(fixture_site):
    with LocalServer(fixture_site) as running:
        yield running


def shown(page) -> list[str]:
    return page.eval_on_selector_all(".i8-entry", "items => items.filter(i => i.offsetParent).map(i => i.id)")


def option_texts(page, name: str) -> list[str]:
    return page.eval_on_selector_all(f"select[name={name}] option", "options => options.map(o => o.textContent)")


def test_choosing_a_language_shows_only_the_offers_in_that_language(server, phone):
    opened = phone(server, "en/directory/", language="en")
    page = opened.page
    assert sorted(shown(page)) == ["example-cafe", "example-group", "mentoring-one"]
    page.get_by_label("Language", exact=True).select_option("fa")
    assert shown(page) == ["example-cafe"]
    assert page.get_by_role("status").inner_text() == "1 of 3 shown"
    assert parse_qs(urlsplit(page.url).query) == {"language": ["fa"]}
    assert option_texts(page, "region") == ["All", "Beispielland (Austria) (0)", "Musterland (Germany) (1)", "Niedersachsen (Germany) (0)"], "counts follow the other filters"
    assert all(url.startswith(server.origin) for url in opened.requests)


def test_region_and_kind_combine_and_nothing_left_offers_to_show_all(server, phone):
    page = phone(server, "en/directory/", language="en").page
    page.get_by_label("Region", exact=True).select_option("DE/Niedersachsen")
    assert shown(page) == ["mentoring-one"]
    page.get_by_label("Kind of offer", exact=True).select_option("language-cafe")
    assert shown(page) == [] and page.get_by_text("No entry fits.").is_visible()
    page.get_by_role("button", name="Show all").click()
    assert len(shown(page)) == 3 and page.get_by_role("status").inner_text() == "3 of 3 shown"
    assert urlsplit(page.url).query == ""


def test_a_shared_address_opens_with_the_same_choice(server, phone):
    page = phone(server, "fa/directory/?region=DE%2FNiedersachsen", language="fa").page
    assert page.get_by_label("منطقه", exact=True).input_value() == "DE/Niedersachsen"
    assert shown(page) == ["mentoring-one"] and page.get_by_role("status").inner_text() == "1 از 3 نشان داده شده"


def test_an_unknown_value_in_the_address_shows_everything(server, phone):
    page = phone(server, "en/directory/?language=xx", language="en").page
    assert page.get_by_label("Language", exact=True).input_value() == "" and len(shown(page)) == 3


def test_the_persian_directory_is_right_to_left_and_fits_the_phone(server, phone):
    opened = phone(server, "fa/directory/", language="fa")
    assert opened.page.evaluate("getComputedStyle(document.querySelector('.i8-entries')).direction") == "rtl"
    assert opened.no_sideways_scroll()
    heights = opened.page.eval_on_selector_all("select", "selects => selects.map(s => s.getBoundingClientRect().height)")
    assert len(heights) == 3 and min(heights) >= 44


def test_without_javascript_every_entry_is_listed_and_no_filter_is_offered(server, phone):
    page = phone(server, "en/directory/", javascript=False, language="en").page
    assert len(shown(page)) == 3
    assert not page.get_by_label("Language", exact=True).is_visible()
    assert page.get_by_text("Invented to show what an entry can look like.").count() == 2
