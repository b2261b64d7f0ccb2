"""A real MkDocs build of the fixture site with its glossary: the page in German and Persian, and
the links from module and case pages to the entries, in the reader's language."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from conftest import make_project
from test_build import mkdocs_build, page

pytestmark = pytest.mark.slow

CASE = """\
---
title: Beispielprojekt
summary: Ein Projekt zum Testen.
country: DE
region: Nienburg
organisation: Organisation One
funding: Keine Angabe
period:
  start: "2023-01"
  end: null
target_groups: [migrant-women]
topics: [rights]
website: https://one.example.org/project
source_language: de
---

## Ausgangslage beim Jobcenter

Viele Frauen waren noch nie beim Jobcenter. Im Brief steht `Jobcenter` oben links.
Danach ging es um das Jobcenter und um [Geld zum Leben](glossary:buergergeld).
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("glossary") / "project", {"docs/cases/example.de.md": CASE})
    site = root / "site"
    result = mkdocs_build(root, site)
    assert result.returncode == 0, result.stderr
    return site


def term_links(html: str) -> list[tuple[str, str]]:
    """(href, word) of every link to a glossary entry."""
    return re.findall(r'<a class="i8-term" href="([^"]*)"[^>]*>([^<]*)</a>', html)


def resolves(site: Path, page_url: str, href: str) -> bool:
    """Whether a relative link of the page at ``page_url`` reaches an existing entry."""
    path, _, anchor = href.partition("#")
    target = posixpath.normpath(posixpath.join("/" + page_url, path)).lstrip("/")
    file = site / target / "index.html"
    return file.is_file() and f'id="{anchor}"' in file.read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", ["", "en/", "fa/"])
def test_the_glossary_page_exists_in_every_language_with_an_anchor_per_entry(built, prefix):
    html = page(built, f"{prefix}glossary")
    assert '<div class="i8-entry" id="jobcenter">' in html and '<div class="i8-entry" id="buergergeld">' in html
    assert html.index('id="buergergeld"') < html.index('id="jobcenter"'), "ordered by the German word"
    assert '<a href="#letter-b">B</a>' in html and 'id="letter-b"' in html


def test_the_german_page_shows_the_words_without_marking_their_language(built):
    html = page(built, "glossary")
    assert '<h1>Wichtige Wörter</h1>' in html
    assert '<span class="i8-word">Jobcenter</span></dt>' in html
    assert 'Das Amt für <a href="#buergergeld">Bürgergeld</a> und für Hilfe' in html, "another entry's word links to it"
    assert "i8-glossary-index" not in html, "no second list in the words' own language"


def test_the_persian_page_keeps_the_german_word_german_inside_right_to_left_text(built):
    html = page(built, "fa/glossary")
    assert '<div class="i8-glossary" lang="fa" dir="rtl">' in html
    assert '<span class="i8-word" lang="de" dir="ltr">Jobcenter</span> <span class="i8-name">اداره کار</span>' in html
    assert '<a href="#jobcenter" lang="de" dir="ltr">Jobcenter</a>' in html, "a word of another entry inside a definition"
    assert '<summary>واژه‌ها به فارسی</summary>' in html and '<li><a href="#jobcenter">اداره کار</a></li>' in html
    assert '<a href="../modules/alpha/">آلفا به فارسی</a>' in html
    assert '<a href="../modules/beta/" lang="de" dir="ltr">Beta auf Deutsch</a>' in html, "an untranslated module title stays German"
    assert (built / "fa/modules/alpha/index.html").is_file()


def test_a_persian_module_links_the_german_word_to_the_persian_glossary(built):
    html = page(built, "fa/modules/alpha")
    assert '<a class="i8-term" href="../../glossary/#jobcenter" title="اداره کار" lang="de" dir="ltr">Jobcenter</a>' in html
    for href, _ in term_links(html):
        assert resolves(built, "fa/modules/alpha/", href), href
    assert posixpath.normpath(posixpath.join("/fa/modules/alpha/", "../../glossary/")) == "/fa/glossary"


def test_a_case_links_the_first_use_and_the_link_written_on_purpose_but_not_its_heading_or_code(built):
    html = page(built, "cases/example")
    assert term_links(html) == [("../../glossary/#jobcenter", "Jobcenter"), ("../../glossary/#buergergeld", "Geld zum Leben")]
    assert re.search(r"<h2[^>]*>Ausgangslage beim Jobcenter", html), "headings are never linked"
    assert "<code>Jobcenter</code>" in html
    assert "glossary:" not in html


@pytest.mark.parametrize("prefix", ["en/", "fa/"])
def test_a_german_case_read_in_another_language_links_to_that_languages_glossary(built, prefix):
    html = page(built, f"{prefix}cases/example")
    links = term_links(html)
    assert [word for _, word in links] == ["Jobcenter", "Geld zum Leben"]
    for href, _ in links:
        assert resolves(built, f"{prefix}cases/example/", href), href
    assert 'lang="de" dir="ltr"' not in re.search(r'<a class="i8-term"[^>]*>', html).group(0), "the case text itself is German"


def test_a_link_to_a_word_the_glossary_lacks_stops_the_build_with_a_message(tmp_path):
    root = make_project(tmp_path / "project", {"docs/cases/example.de.md": CASE.replace("glossary:buergergeld", "glossary:buergergelt")})
    result = mkdocs_build(root, root / "site")
    assert result.returncode != 0
    assert ("docs/cases/example.de.md:20:40: error: the link 'glossary:buergergelt' points to 'buergergelt', which is not a word "
            "of the glossary (did you mean 'buergergeld'?)") in result.stderr
    assert "Fix: Use the id of an entry in curriculum/glossary.yml, for example [Jobcenter](glossary:jobcenter)" in result.stderr
    assert "Traceback" not in result.stderr
