"""The directory page in a real MkDocs build of the fixture site: every entry listed without
JavaScript, examples marked in words, filters hidden until the script can run them."""

from __future__ import annotations

import re

import pytest

from sitelinks import page_html, resolve, text_of

pytestmark = pytest.mark.slow


def entries(html: str) -> list[str]:
    return re.findall(r'<li class="i8-entry[^"]*" id="([^"]+)"', html)


@pytest.mark.parametrize("prefix", ["", "en/", "fa/"])
def test_every_entry_is_listed_in_every_language(fixture_site, prefix):
    html = page_html(fixture_site, f"{prefix}directory/")
    assert sorted(entries(html)) == ["example-cafe", "example-group", "mentoring-one"]


def test_without_javascript_the_filters_stay_hidden_and_the_count_shows_all(fixture_site):
    html = page_html(fixture_site, "en/directory/")
    assert re.search(r'<form class="i8-directory-filters" method="dialog" autocomplete="off" hidden data-i8-filters>', html)
    assert '<p class="i8-shown" role="status" data-i8-shown data-template="{shown} of {total} shown">3 of 3 shown</p>' in html


def test_each_filter_is_a_labelled_select_with_all_and_the_values_that_occur(fixture_site):
    html = page_html(fixture_site, "en/directory/")
    for name, label in (("region", "Region"), ("language", "Language"), ("kind", "Kind of offer")):
        assert f'<label for="i8-filter-{name}">{label}</label>' in html and f'<select id="i8-filter-{name}" name="{name}">' in html
    assert '<option value="DE/Niedersachsen" data-label="Niedersachsen (Germany)">Niedersachsen (Germany) (1)</option>' in html
    assert '<option value="ar" data-label="Arabic">Arabic (1)</option>' in html


def test_examples_are_marked_in_words_and_real_offers_are_not(fixture_site):
    html = page_html(fixture_site, "fa/directory/")
    items = dict(re.findall(r'<li class="i8-entry[^"]*" id="([^"]+)"(.*?)</li>', html, re.S))
    note = "ساختگی است تا نشان دهد یک مورد چه شکلی می‌تواند داشته باشد. این یک خدمت واقعی نیست."
    assert note in items["example-cafe"] and note in items["example-group"] and note not in items["mentoring-one"]


def test_an_entry_shows_kind_region_languages_and_organisation_with_its_website_and_case(fixture_site):
    html = page_html(fixture_site, "en/directory/")
    entry = re.search(r'<li class="i8-entry" id="mentoring-one".*?</li>', html, re.S).group(0)
    assert 'data-region="DE/Niedersachsen" data-language="de ar" data-kind="mentoring"' in entry
    text = text_of(entry)
    for part in ("Kind of offer Mentoring", "Region Niedersachsen ( Nienburg ), Germany", "Languages spoken German, Arabic", "Run by Organisation One · Website"):
        assert part in text, part
    assert '<a href="https://one.example.org" rel="noopener">Website</a>' in entry
    case = re.search(r'<p class="i8-entry-case"><a href="([^"]+)"', entry).group(1)
    assert resolve(fixture_site, "en/directory/", case) == "en/cases/example/"


def test_the_page_leads_partners_to_how_they_add_an_entry(fixture_site):
    html = page_html(fixture_site, "directory/")
    href = re.search(r'<p class="i8-directory-add">Kennst du einen Ort, der hier stehen sollte\? <a href="([^"]+)">So kommt er ins Verzeichnis</a>', html).group(1)
    assert resolve(fixture_site, "directory/", href.split("#")[0]) == "about/" and href.endswith("#contribute")
    assert 'id="contribute"' in page_html(fixture_site, "about/")


def test_the_filter_script_is_loaded_here_and_copied_once(fixture_site):
    html = page_html(fixture_site, "fa/directory/")
    assert re.search(r'<script src="[./]*assets/directory\.js" defer></script>', html)
    assert (fixture_site / "assets" / "directory.js").is_file()
