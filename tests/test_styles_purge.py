"""Material's stylesheet is trimmed to the classes the site can produce, and its script waits
until the page has loaded: the two costs Lighthouse found on a phone's first paint of a module page
(README "Benchmark"). What a reader sees must not change: the trimmed copy draws every page as the
full one does (checked in Chromium below), and Material still starts."""

from __future__ import annotations

import re

import pytest

from browser.harness import LocalServer
from phone import phone  # noqa: F401 - the fixture
from integr8.styles.purge import ClassNames, purge


def classes(html: str = "", script: str = "") -> ClassNames:
    names = ClassNames()
    names.add_html(html)
    names.add_script(script)
    return names


def test_a_rule_whose_class_no_page_uses_is_dropped_and_one_in_use_stays():
    css = ".md-annotation{color:red}.md-header{color:blue}"
    assert purge(css, classes('<header class="md-header x">')) == ".md-header{color:blue}"


def test_a_class_written_in_capitals_in_a_partners_raw_html_counts():
    css = ".md-typeset .admonition{margin:0}.md-button{color:red}"
    page = '<article class="md-content__inner md-typeset"><DIV CLASS="admonition">…</DIV></article>'
    assert purge(css, classes(page)) == ".md-typeset .admonition{margin:0}"


def test_a_rule_keeps_only_the_selectors_that_can_match():
    css = ".md-tag,.md-nav__link,a{color:red}"
    assert purge(css, classes('<a class="md-nav__link">')) == ".md-nav__link,a{color:red}"


def test_every_class_of_a_compound_or_descendant_selector_must_be_producible():
    css = ".md-typeset .tabbed-set{margin:0}.md-typeset p{margin:1em}"
    assert purge(css, classes('<div class="md-typeset">')) == ".md-typeset p{margin:1em}"


def test_a_class_inside_not_or_is_never_makes_a_selector_unusable():
    css = ".md-nav:not(.md-nav--secondary) a{color:red}.md-nav :is(.gone,.md-nav){top:0}"
    assert purge(css, classes('<nav class="md-nav">')) == css


def test_attribute_and_element_selectors_stay():
    css = '[dir=rtl] .md-nav{left:0}html{font-size:125%}[data-md-color-scheme=default]{color-scheme:light}'
    assert purge(css, classes('<nav class="md-nav">')) == css


def test_classes_a_script_adds_stay_including_ones_it_builds_from_a_prefix():
    css = ".md-tooltip2--active{opacity:1}.md-color-red{color:red}.md-dialog{display:none}"
    script = 'e.classList.add("md-tooltip2--active");t.className=`md-color-${name}`'
    assert purge(css, classes(script=script)) == ".md-tooltip2--active{opacity:1}.md-color-red{color:red}"


def test_classes_set_by_an_inline_script_of_a_page_stay():
    css = ".i8-open{display:block}.i8-shut{display:none}"
    html = '<script>document.body.classList.add("i8-open")</script>'
    assert purge(css, classes(html)) == ".i8-open{display:block}"


def test_a_media_query_keeps_its_usable_rules_and_goes_when_none_is_left():
    css = "@media screen and (min-width:76.25em){.md-nav{top:0}.md-source{top:1px}}@media print{.md-source{display:none}}"
    assert purge(css, classes('<nav class="md-nav">')) == "@media screen and (min-width:76.25em){.md-nav{top:0}}"


def test_keyframes_font_faces_charset_and_custom_properties_are_kept_as_they_are():
    css = '@charset "UTF-8";:root{--md-icon:url("data:image/svg+xml;charset=utf-8,<svg>}{</svg>")}@keyframes spin{0%{opacity:0}to{opacity:1}}'
    assert purge(css, classes()) == css


def test_braces_and_commas_inside_strings_do_not_confuse_the_reader():
    css = '.md-nav[title="a,{b}"],.gone{color:red}.md-nav:after{content:"}"}'
    assert purge(css, classes('<nav class="md-nav">')) == '.md-nav[title="a,{b}"]{color:red}.md-nav:after{content:"}"}'


def test_comments_go_but_a_licence_stays():
    css = "/* layout */.md-nav{top:0}/*! Material for MkDocs, MIT licence */"
    assert purge(css, classes('<nav class="md-nav">')) == ".md-nav{top:0}/*! Material for MkDocs, MIT licence */"


# The real site, as Lighthouse loads a module page (tests/conftest.py builds it once per session).
MODULE = "fa/modules/health-system/"


@pytest.fixture(scope="module")
def server(real_site):
    with LocalServer(real_site) as running:
        yield running


def theme_stylesheets(site) -> tuple[str, str]:
    """Material's stylesheet as the build copied it, and the trimmed copy the pages link."""
    names = [path.name for path in (site / "assets" / "stylesheets").glob("main.*.min.css")]
    original = [name for name in names if re.fullmatch(r"main\.[0-9a-f]{8}\.min\.css", name)]
    trimmed = [name for name in names if re.fullmatch(r"main\.[0-9a-f]{8}\.[0-9a-f]{8}\.min\.css", name)]
    assert len(original) == 1 and len(trimmed) == 1, names
    return original[0], trimmed[0]


def test_pages_link_a_trimmed_copy_named_after_its_content(real_site):
    original, trimmed = theme_stylesheets(real_site)
    folder = real_site / "assets" / "stylesheets"
    assert (folder / trimmed).stat().st_size < 0.7 * (folder / original).stat().st_size
    for page in ("index.html", MODULE + "index.html", "404.html"):
        html = (real_site / page).read_text(encoding="utf-8")
        assert f"assets/stylesheets/{trimmed}" in html and original not in html, page


def test_the_theme_script_is_not_fetched_by_the_parser_but_by_the_loader(real_site):
    html = (real_site / MODULE / "index.html").read_text(encoding="utf-8")
    assert not re.search(r'<script\b[^>]*\ssrc="[^"]*bundle\.[0-9a-f]+\.min\.js"', html)
    assert re.search(r'<script type="text/plain" data-i8-late="\.\./\.\./\.\./assets/javascripts/bundle\.[0-9a-f]+\.min\.js"></script>', html)


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("path", ["", MODULE, "glossary/"])
def test_material_starts_after_the_page_has_loaded_and_draws_it_as_the_full_stylesheet_does(server, phone, real_site, path):
    opened = phone(server, path)
    page = opened.page
    page.wait_for_function("() => document.documentElement.classList.contains('js')")  # Material's first act
    assert page.evaluate("() => !!document.querySelector('.md-top')"), "the back-to-top button of navigation.top"
    trimmed = page.screenshot(full_page=True)
    folder = real_site / "assets" / "stylesheets"
    original, trimmed_name = theme_stylesheets(real_site)
    full = (folder / original).read_bytes()
    assert len(full) > 1.4 * (folder / trimmed_name).stat().st_size
    page.route(re.compile(r".*/assets/stylesheets/main\.[0-9a-f]{8}\.[0-9a-f]{8}\.min\.css$"), lambda route: route.fulfill(body=full, content_type="text/css"))
    page.reload(wait_until="networkidle")
    page.wait_for_function("() => document.documentElement.classList.contains('js')")
    assert page.screenshot(full_page=True) == trimmed, f"/{path} looks different with Material's whole stylesheet"
    assert not [url for url in opened.requests if not url.startswith(server.origin)]
