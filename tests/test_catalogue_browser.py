"""The catalogue filters in Chromium, on a real build of the fixture site served on 127.0.0.1.

A reader on a phone (360 × 740 CSS px) opens the filters, ticks options and sees the list, the
counts and the announced number of results change; the address keeps her choice, so that a
reload or a shared link shows the same list. Without JavaScript she gets the whole list.
The counts the script shows are compared with the core's (integr8.catalogue) for the same choice.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from browser.harness import PHONE, SOURCE_DATE_EPOCH, LocalServer, build_site
from integr8.catalogue import Labels, build_catalogue
from integr8.pages.site import Site
from integr8.project import load_project
from test_catalogue import catalogue_project

pytestmark = [pytest.mark.browser, pytest.mark.slow]

BUILD_DATE = datetime.datetime.fromtimestamp(int(SOURCE_DATE_EPOCH), datetime.timezone.utc).date()
LANGUAGES = load_project(Path(__file__).resolve().parents[1] / "mkdocs.yml").codes


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return catalogue_project(tmp_path_factory.mktemp("catalogue-browser") / "project")


@pytest.fixture(scope="module")
def server(project):
    site = build_site(project / "site", config=project / "mkdocs.yml")
    with LocalServer(site) as running:
        yield running


@pytest.fixture
def open_page(chromium, server):
    contexts = []

    def open_(path: str, *, javascript: bool = True, viewport: dict = PHONE):
        context = chromium.new_context(viewport=viewport, is_mobile=True, has_touch=True, java_script_enabled=javascript)
        contexts.append(context)
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server.origin) else route.abort())
        page = context.new_page()
        response = page.goto(server.url(path))
        assert response.ok, f"/{path}: HTTP {response.status}"
        return page

    yield open_
    for context in contexts:
        context.close()


def shown_titles(page) -> list[str]:
    return page.eval_on_selector_all(".i8-card", "items => items.filter(i => !i.hidden && i.offsetParent).map(i => i.querySelector('.i8-card-title').textContent.trim())")


def option(page, facet: str, value: str):
    return page.locator(f'input[name="{facet}"][value="{value}"]')


def count(page, facet: str, value: str) -> int:
    return int(page.locator(f'label:has(input[name="{facet}"][value="{value}"]) [data-i8-count]').text_content())


def status(page) -> str:
    return page.locator("[data-i8-shown]").text_content().strip()


def open_filters(page) -> None:
    page.locator("[data-i8-panel] > summary").click()
    page.locator(".i8-facets").wait_for(state="visible")


def query(page) -> dict:
    return parse_qs(urlsplit(page.url).query)


@pytest.mark.parametrize("path,titles,text", [
    ("modules/", ["Alpha auf Deutsch", "Beta auf Deutsch", "Gamma auf Deutsch"], "3 von 3 angezeigt"),
    ("fa/modules/", ["آلفا به فارسی", "Beta auf Deutsch", "Gamma auf Deutsch"], "نمایش 3 از 3"),
])
def test_without_javascript_the_whole_list_is_there_and_no_useless_filter_form(open_page, path, titles, text):
    page = open_page(path + "?topic=health", javascript=False)
    assert shown_titles(page) == titles, "without the script a filter in the address changes nothing"
    assert not page.locator("[data-i8-filters]").is_visible(), "a form that cannot filter is not offered"
    assert status(page) == text
    assert page.locator(".i8-card-summary").count() == 3


def test_options_combine_with_or_within_a_facet_and_and_across_facets(open_page):
    page = open_page("en/modules/")
    assert shown_titles(page) == ["Alpha in English", "Beta in English", "Gamma auf Deutsch"]
    open_filters(page)
    option(page, "topic", "health").check()
    assert shown_titles(page) == ["Beta in English", "Gamma auf Deutsch"]
    option(page, "topic", "rights").check()
    assert shown_titles(page) == ["Alpha in English", "Beta in English", "Gamma auf Deutsch"], "OR within topics"
    option(page, "level", "entry").check()
    assert shown_titles(page) == ["Alpha in English"], "AND across facets"
    option(page, "topic", "rights").uncheck()
    assert shown_titles(page) == []
    assert page.locator("[data-i8-none]").is_visible()


def test_counts_and_the_announced_number_follow_every_choice(open_page):
    page = open_page("en/modules/")
    live = page.locator("[data-i8-shown]")
    assert live.get_attribute("role") == "status" and live.get_attribute("aria-live") == "polite"
    open_filters(page)
    assert (count(page, "level", "entry"), count(page, "level", "intermediate")) == (1, 2)
    option(page, "topic", "health").check()
    assert status(page) == "Showing 2 of 3"
    assert (count(page, "level", "entry"), count(page, "level", "intermediate")) == (0, 2)
    assert (count(page, "topic", "rights"), count(page, "topic", "health")) == (1, 2), "a facet's own choice does not narrow its counts"
    option(page, "format", "hybrid").check()
    assert status(page) == "Showing 1 of 3"
    assert (count(page, "format", "online"), count(page, "format", "in-person")) == (2, 0)
    assert page.locator("[data-i8-active]").text_content() == "(2)"


def test_the_choice_is_in_the_address_survives_a_reload_and_can_be_shared(open_page, server):
    page = open_page("en/modules/")
    open_filters(page)
    option(page, "topic", "health").check()
    option(page, "duration", "120-180").check()
    assert query(page) == {"topic": ["health"], "duration": ["120-180"]}
    page.reload()
    assert option(page, "topic", "health").is_checked() and option(page, "duration", "120-180").is_checked()
    assert shown_titles(page) == ["Gamma auf Deutsch"] and status(page) == "Showing 1 of 3"
    shared = open_page("fa/modules/?topic=health&duration=120-180&colour=red")
    assert shown_titles(shared) == ["Gamma auf Deutsch"], "a link opened elsewhere shows the same list"
    assert status(shared) == "نمایش 1 از 3"
    assert query(shared)["colour"] == ["red"], "other parameters of the address are left alone"


def test_show_all_clears_the_choice_and_the_address(open_page):
    page = open_page("en/modules/?topic=health&level=entry")
    assert shown_titles(page) == [] and page.locator("[data-i8-none]").is_visible()
    page.locator("[data-i8-none] [data-i8-reset]").click()
    assert shown_titles(page) == ["Alpha in English", "Beta in English", "Gamma auf Deutsch"]
    assert query(page) == {} and status(page) == "Showing 3 of 3"
    assert not page.locator("[data-i8-none]").is_visible()
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY", "focus does not vanish with the button"


def test_a_keyboard_alone_opens_the_filters_and_ticks_an_option(open_page):
    page = open_page("en/cases/")
    page.locator("[data-i8-panel] > summary").focus()
    page.keyboard.press("Enter")
    option(page, "country", "AT").focus()
    page.keyboard.press("Space")
    assert shown_titles(page) == ["Hafenprojekt"] and query(page) == {"country": ["AT"]}


@pytest.mark.parametrize("path,selection", [
    ("en/modules/", {}),
    ("en/modules/", {"topic": ["health"], "format": ["online", "in-person"]}),
    ("fa/modules/", {"language": ["fa", "en"], "duration": ["to-120"]}),
    ("en/cases/", {"period": ["2020", "2024"], "topic": ["health"]}),
    ("fa/handbook/", {"language": ["fa"]}),
])
def test_the_browser_counts_exactly_as_the_core_does(open_page, project, path, selection):
    name = path.split("/")[-2]
    language = path.split("/")[0] if path.count("/") == 2 else "de"
    site = Site(load_project(project / "mkdocs.yml"))
    labels = Labels(language, site.default_language, site.corpus.vocabularies, site.strings(language),
                    {lang.code: lang.name for lang in site.project.languages}, site.direction)
    catalogue = build_catalogue(name, site.corpus, labels, BUILD_DATE)
    address = "&".join(f"{facet}={value}" for facet, values in selection.items() for value in values)
    page = open_page(path + ("?" + address if address else ""))
    shown = page.eval_on_selector_all(
        "[data-i8-filters] input[type=checkbox]",
        "boxes => boxes.map(b => [b.name, b.value, Number(b.closest('label').querySelector('[data-i8-count]').textContent)])",
    )
    expected = catalogue.counts(selection)
    assert {(facet, value): n for facet, value, n in shown} == {(f, v): n for f, values in expected.items() for v, n in values.items()}
    assert len(shown_titles(page)) == len(catalogue.matching(selection))


@pytest.fixture(scope="module")
def real_server(real_site):
    with LocalServer(real_site) as running:
        yield running


@pytest.fixture
def phone_page(chromium):
    context = chromium.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("language", ["de", "fa"])
@pytest.mark.parametrize("catalogue", ["modules", "cases", "handbook"])
def test_on_a_phone_the_real_catalogues_fit_the_screen_with_targets_of_24_px(phone_page, real_server, language, catalogue):
    """With the site's real content and stylesheet: long labels, many options."""
    page = phone_page
    page.goto(real_server.url(("" if language == "de" else "fa/") + catalogue + "/"))
    open_filters(page)
    width = page.evaluate("document.documentElement.clientWidth")
    assert width == PHONE["width"]
    sticking_out = page.eval_on_selector_all(
        "article *",
        "(els, width) => els.filter(e => { const b = e.getBoundingClientRect(); return b.width && (b.right > width + 0.5 || b.left < -0.5); })"
        ".map(e => e.tagName + '.' + e.className)", width,
    )
    assert not sticking_out, f"wider than the screen: {sticking_out}"
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    targets = "[data-i8-filters] input, [data-i8-panel] > summary, [data-i8-catalogue] button"
    boxes = page.eval_on_selector_all(targets, "els => els.filter(e => e.offsetParent).map(e => { const b = e.getBoundingClientRect(); return [b.width, b.height]; })")
    assert boxes and all(w >= 24 and h >= 24 for w, h in boxes), boxes


def test_right_to_left_the_checkbox_stands_at_the_start_of_its_line_on_the_right(open_page):
    page = open_page("fa/modules/")
    open_filters(page)
    label = page.locator('label:has(input[name="level"][value="entry"])')
    box, text = label.locator("input").bounding_box(), label.locator("span").first.bounding_box()
    assert box["x"] > text["x"], "in Farsi the box comes first, on the right"
    assert page.locator("[data-i8-panel] legend").first.text_content() == "موضوع‌ها"
    german = page.locator(".i8-card-title", has_text="Beta auf Deutsch")
    assert german.evaluate("e => [e.lang, getComputedStyle(e).direction]") == ["de", "ltr"]


def visible_count(page) -> int:
    return len(shown_titles(page))


def options_with_counts(page) -> list[tuple[str, str, int]]:
    return page.eval_on_selector_all(
        "[data-i8-filters] input[type=checkbox]",
        "boxes => boxes.map(b => [b.name, b.value, Number(b.closest('label').querySelector('[data-i8-count]').textContent)])",
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("catalogue", ["modules", "cases", "handbook"])
def test_on_the_real_site_choices_combine_as_counted_and_survive_a_reload(phone_page, real_server, language, catalogue):
    """Issue #4's acceptance, in every language: two options of one facet widen the list (OR), an
    option of another facet then leaves exactly the number it showed (AND), and a reload keeps it all."""
    page = phone_page
    page.goto(real_server.url(("" if language == "de" else f"{language}/") + catalogue + "/"))
    total = visible_count(page)
    open_filters(page)
    by_facet: dict[str, list[tuple[str, int]]] = {}
    for facet, value, n in options_with_counts(page):
        if 0 < n < total:
            by_facet.setdefault(facet, []).append((value, n))
    wide = next((facet for facet, options in by_facet.items() if len(options) >= 2), None)
    assert wide, f"{catalogue} ({language}): no facet with two options that narrow the list: {by_facet}"
    (first, n_first), (second, n_second) = by_facet[wide][:2]
    option(page, wide, first).check()
    assert visible_count(page) == n_first
    option(page, wide, second).check()
    widened = visible_count(page)
    assert widened >= max(n_first, n_second), "options of one facet combine with OR"
    narrowing = [(facet, value, n) for facet, value, n in options_with_counts(page) if facet != wide and 0 < n < widened]
    assert narrowing, f"{catalogue} ({language}): no other facet narrows {widened} results"
    facet, value, promised = narrowing[0]
    option(page, facet, value).check()
    assert visible_count(page) == promised, "an option of another facet combines with AND and leaves what it counted"
    chosen, titles = query(page), shown_titles(page)
    assert chosen == {wide: [first, second], facet: [value]}, "the choice is in the address"
    page.reload()
    assert query(page) == chosen and shown_titles(page) == titles, "the choice survives a reload"
    for name, value_ in ((wide, first), (wide, second), (facet, value)):
        assert option(page, name, value_).is_checked()
