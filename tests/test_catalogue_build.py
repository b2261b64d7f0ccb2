"""The catalogue, handbook and topic pages in a real MkDocs build of the fixture site, in two languages.

The fixture gets a third module, a second case and a handbook (tests/test_catalogue.py,
CATALOGUE_FILES). Beta, gamma, both cases and one chapter have no Farsi version: the Farsi pages
list them in German, marked as German.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser.harness import build_site
from test_catalogue import catalogue_project

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = catalogue_project(tmp_path_factory.mktemp("catalogue-build") / "project")
    return build_site(root / "site", config=root / "mkdocs.yml")


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def article(html: str) -> str:
    return re.search(r"<article\b.*?</article>", html, re.S).group(0)


def card(html: str, title: str) -> str:
    """The catalogue item whose title is ``title``."""
    for item in re.findall(r'<li class="i8-card".*?</li>', html, re.S):
        if f">{title}</a>" in item:
            return item
    raise AssertionError(f"no item {title!r}")


def nav_links(html: str) -> dict[str, str]:
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', html, re.S).group(0)
    return {text: href for href, text in re.findall(r'<a href="([^"]*)" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*([^<]*?)\s*<', nav)}


def test_the_module_catalogue_shows_title_summary_duration_level_and_languages(built):
    html = page(built, "en/modules")
    alpha = card(html, "Alpha in English")
    assert '<a href="alpha/">' in alpha, "links stay in the reader's language (en/modules/alpha/)"
    assert "A short module for testing." in alpha
    assert "<dt>Duration</dt><dd><bdi>50 min</bdi></dd>" in alpha and "<dt>Level</dt><dd><bdi>Entry level</bdi></dd>" in alpha
    languages = re.search(r"<dt>Languages</dt><dd>(.*?)</dd>", alpha).group(1)
    assert languages == '<bdi lang="de" dir="ltr">Deutsch</bdi>, <bdi>English</bdi>, <bdi lang="fa" dir="rtl">فارسی</bdi>'
    assert "<dt>Duration</dt><dd><bdi>2 h 30 min</bdi></dd>" in card(html, "Gamma auf Deutsch")
    assert html.count('<li class="i8-card"') == 3


def test_the_farsi_catalogue_marks_untranslated_items_as_german_and_labels_everything_in_farsi(built):
    html = page(built, "fa/modules")
    assert re.search(r'<html[^>]*lang="fa"', html) and re.search(r'<body[^>]*dir="rtl"', html)
    assert "<h1>واحدهای آموزشی</h1>" in html
    beta = card(html, "Beta auf Deutsch")
    assert '<h2 class="i8-card-title" lang="de" dir="ltr"><a href="beta/">Beta auf Deutsch</a></h2>' in beta
    assert '<p class="i8-card-summary" lang="de" dir="ltr">Das zweite Testmodul.</p>' in beta
    assert "<dt>مدت</dt><dd><bdi>30 دقیقه</bdi></dd>" in beta, "facts stay in the reader's language"
    alpha = card(html, "آلفا به فارسی")
    assert '<h2 class="i8-card-title"><a href="alpha/">' in alpha, "a translated item needs no language of its own"
    legends = re.findall(r"<legend>(.*?)</legend>", html)
    assert legends == ["موضوع‌ها", "مخاطبان", "سطح", "شیوه‌های اجرا", "مدت", "موجود به زبان"]


def test_the_filters_are_a_hidden_form_of_labelled_checkboxes_with_counts_until_the_script_runs(built):
    html = page(built, "modules")
    form = re.search(r"<form\b[^>]*data-i8-filters[^>]*>", html).group(0)
    assert " hidden " in form and 'method="get"' in form
    assert re.search(r'<fieldset class="i8-facet">\s*<legend>Themen</legend>', html)
    assert re.search(r'<label><input type="checkbox" name="topic" value="health"> <span>Gesundheit</span> '
                     r'<span class="i8-count">\(<span data-i8-count>2</span>\)</span></label>', html)
    assert re.search(r'<p class="i8-shown" role="status" aria-live="polite" data-i8-shown data-template="\{shown\} von \{total\} angezeigt">3 von 3 angezeigt</p>', html)
    assert 'data-facets="topic:health audience:trainers level:intermediate format:online duration:120-180 language:de"' in card(html, "Gamma auf Deutsch")


def test_the_filter_script_is_loaded_deferred_on_catalogue_pages_only(built):
    script = '<script src="../../assets/catalogue.js" defer></script>'
    head = lambda html: html.split("</head>")[0]  # noqa: E731
    assert script in head(page(built, "en/modules")) and script in head(page(built, "fa/handbook"))
    for url in ("en/modules/alpha", "en/topics/rights", "en/cases/example", "en"):
        assert "catalogue.js" not in page(built, url), url
    assert (built / "assets" / "catalogue.js").is_file()


def test_the_case_catalogue_filters_by_country_topic_target_group_and_period(built):
    html = page(built, "fa/cases")
    assert re.findall(r"<legend>(.*?)</legend>", html) == ["کشور", "موضوع‌ها", "گروه‌های هدف", "دوره", "موجود به زبان"]
    assert re.search(r'value="AT"> <span>اتریش</span>', html) and re.search(r'value="DE"> <span>آلمان</span>', html)
    harbour = card(html, "Hafenprojekt")
    assert "<dt>کشور</dt><dd><bdi>اتریش</bdi></dd>" in harbour and "<bdi>2019-03 – 2020-12</bdi>" in harbour
    assert "<bdi>seit 2023-01</bdi>" in card(page(built, "cases"), "Beispielprojekt")


def test_the_handbook_catalogue_keeps_the_introduction_and_the_chapters_order(built):
    html = article(page(built, "fa/handbook"))
    assert html.count("<h1") == 1 and "<h1>کتاب راهنما</h1>" in html
    assert re.search(r'<div class="i8-content" lang="de" dir="ltr">\s*<p>.*Ein Handbuch.*</p>', html, re.S), "the German introduction, marked as German"
    titles = re.findall(r'<h2 class="i8-card-title"[^>]*><a href="([^"]*)">', html)
    assert titles == ["first-steps/", "staying-healthy/"]
    assert '<h2 class="i8-card-title" lang="de" dir="ltr"><a href="staying-healthy/">Gesund bleiben</a></h2>' in html
    assert '<h2 class="i8-card-title"><a href="first-steps/">گام‌های نخست</a></h2>' in html


def test_a_topic_page_lists_modules_cases_and_chapters_of_its_topic(built):
    html = article(page(built, "fa/topics/rights"))
    assert "<h1>حقوق و مزایا</h1>" in html
    assert re.findall(r'<h2 id="i8-topic-(\w+)">', html) == ["modules", "cases", "handbook"]
    assert '<h3 class="i8-card-title"><a href="../../modules/alpha/">آلفا به فارسی</a></h3>' in html
    assert '<h3 class="i8-card-title" lang="de" dir="ltr"><a href="../../cases/example/">Beispielprojekt</a></h3>' in html
    assert "Gamma" not in html and "Hafenprojekt" not in html
    index = article(page(built, "en/topics"))
    assert '<a href="rights/">Rights and entitlements</a>' in index and "Modules: 1 · Good-practice cases: 1 · Handbook: 2" in index
    assert '<a href="../topics/health/"><bdi>Health</bdi></a>' in card(page(built, "en/modules"), "Beta in English")


@pytest.mark.parametrize("url,sections", [
    ("modules", {"Module": "./", "Gute-Praxis-Beispiele": "../cases/", "Handbuch": "../handbook/", "Themen": "../topics/"}),
    ("fa/modules", {"واحدهای آموزشی": "./", "نمونه‌های تجربهٔ خوب": "../cases/", "کتاب راهنما": "../handbook/", "موضوع‌ها": "../topics/"}),
    ("en/handbook", {"Modules": "../modules/", "Good-practice cases": "../cases/", "Handbook": "./", "Topics": "../topics/"}),
])
def test_the_navigation_leads_to_every_catalogue_with_titles_in_the_readers_language(built, url, sections):
    links = nav_links(page(built, url))
    for title, href in sections.items():
        assert links.get(title) == href, (title, links)


def test_sections_of_generated_pages_are_named_by_their_page_not_their_folder(built):
    links = nav_links(page(built, "fa/modules"))
    assert links.get("آلفا به فارسی") == "alpha/" and "Alpha" not in links
    assert nav_links(page(built, "en/topics/rights")).get("Rights and entitlements") == "./"


@pytest.mark.parametrize("url,title", [("en/modules", "Modules"), ("fa/cases", "نمونه‌های تجربهٔ خوب"), ("handbook", "Handbuch"), ("en/topics/health", "Health")])
def test_a_generated_page_has_its_own_title_not_index(built, url, title):
    assert f"<title>{title} - Fixture</title>" in page(built, url)
