"""What readers see of translation status in a real build: notices, switcher, canonical, sitemap, status page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import make_project
from test_build import mkdocs_build, page

pytestmark = pytest.mark.slow

# The fixture after a real edit of the German source of module beta: its English translation
# is now behind; alpha is current in en and fa; beta and the case have no Farsi version.
EDITED_BETA = """---
title: Beta auf Deutsch
summary: Das zweite Testmodul.
objectives:
  - Teilnehmerinnen kennen Beta.
---

## Erste Schritte {30 min}

Los geht's. Wir bringen Stifte mit.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("translations") / "project", {"curriculum/beta/de.md": EDITED_BETA})
    site = root / "site"
    result = mkdocs_build(root, site)
    assert result.returncode == 0, result.stderr
    return site


def notice(html: str) -> str | None:
    found = re.search(r'<aside class="i8-notice[^"]*"[^>]*>.*?</aside>', html, re.S)
    return found.group(0) if found else None


def switcher(html: str) -> str:
    return re.search(r'<ul class="md-select__list i8-switcher">.*?</ul>', html, re.S).group(0)


def test_a_current_translation_and_an_original_carry_no_notice(built):
    assert notice(page(built, "en/modules/alpha")) is None
    assert notice(page(built, "modules/alpha")) is None


def test_an_outdated_translation_says_so_in_its_own_language_and_links_the_original(built):
    found = notice(page(built, "en/modules/beta"))
    assert 'lang="en"' in found and "i8-notice--outdated" in found
    assert "The original (German) has been changed since this translation was made" in found
    assert re.search(r'<a href="(\.\./)+modules/beta/" hreflang="de">Read the original \(German\)</a>', found)


def test_a_fallback_page_tells_the_reader_in_her_language_and_keeps_the_source_language_on_its_text(built):
    html = page(built, "fa/modules/beta")
    found = notice(html)
    assert 'lang="fa" dir="rtl"' in found and "i8-notice--missing" in found
    assert "این صفحه هنوز به فارسی موجود نیست. این نسخهٔ آلمانی آن است." in found
    assert re.search(r'<html lang="fa"', html) and 'dir="rtl"' in re.search(r"<body[^>]*>", html).group(0)
    assert re.search(r'<div class="i8-module" lang="de" dir="ltr">\s*<h1>Beta auf Deutsch</h1>', html)


def test_a_fallback_page_is_not_announced_as_a_translation_and_its_canonical_is_the_original(built):
    html = page(built, "fa/modules/beta")
    assert "hreflang" not in re.search(r"<head>.*?</head>", html, re.S).group(0)
    assert '<link rel="canonical" href="https://example.org/hub/modules/beta/">' in html
    translated = page(built, "fa/modules/alpha")
    assert '<link rel="canonical" href="https://example.org/hub/fa/modules/alpha/">' in translated


def test_a_fallback_docs_page_has_the_notice_and_the_original_language_on_its_text(built):
    html = page(built, "fa/cases/example")
    assert "i8-notice--missing" in notice(html)
    assert re.search(r'<div class="i8-content" lang="de" dir="ltr">', html) or re.search(r'class="[^"]*" lang="de" dir="ltr"', html)


def test_the_switcher_leads_to_the_same_page_and_marks_untranslated_languages(built):
    links = switcher(page(built, "en/modules/beta"))
    assert re.search(r'<a class="md-select__link" href="\.\./\.\./\.\./modules/beta/" lang="de" dir="ltr" hreflang="de">Deutsch</a>', links)
    assert re.search(r'href="\.\./\.\./\.\./fa/modules/beta/" lang="fa" dir="rtl">فارسی <small class="i8-switcher__missing" lang="en" dir="ltr">\(not translated yet\)</small>', links)
    assert 'aria-current="page">English' in links


def test_the_sitemap_lists_only_real_pages_with_their_translations(built):
    sitemap = (built / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/hub/fa/modules/beta/</loc>" not in sitemap
    alpha = re.search(r"<url>\s*<loc>https://example.org/hub/modules/alpha/</loc>.*?</url>", sitemap, re.S).group(0)
    for code, prefix in (("de", ""), ("en", "en/"), ("fa", "fa/")):
        assert f'hreflang="{code}" href="https://example.org/hub/{prefix}modules/alpha/"' in alpha
    beta = re.search(r"<url>\s*<loc>https://example.org/hub/modules/beta/</loc>.*?</url>", sitemap, re.S).group(0)
    assert 'hreflang="fa"' not in beta


def test_the_status_page_shows_the_matrix_with_percentages_in_every_language(built):
    html = page(built, "en/status")
    assert "<h1>Translation status</h1>" in html
    beta = re.search(r'<tr>\s*<th scope="row"[^>]*>.*?Beta auf Deutsch.*?</tr>', html, re.S).group(0)
    assert "i8-state--source" in beta and "i8-state--outdated" in beta and "i8-state--missing" in beta
    totals = re.search(r"<tfoot>.*?</tfoot>", html, re.S).group(0)
    rows = re.findall(r'<tr>\s*<th scope="row".*?</tr>', re.search(r"<tbody>.*?</tbody>", html, re.S).group(0), re.S)
    english = [re.findall(r'class="i8-state i8-state--(\w+)"', row)[1] for row in rows]  # columns: de, en, fa
    current = english.count("current")
    assert "outdated" in english and "missing" in english
    assert f"{round(100 * current / len(rows))}% up to date ({current} of {len(rows)})" in totals
    assert "<h1>وضعیت ترجمه‌ها</h1>" in page(built, "fa/status")


# A language Material has no strings for -------------------------------------------------


@pytest.mark.parametrize(("code", "name", "direction"), [("ti", "ትግርኛ", "ltr"), ("ps", "پښتو", "rtl")])
def test_a_language_material_does_not_know_builds_with_one_config_entry_and_one_strings_file(tmp_path, code, name, direction):
    root = make_project(tmp_path / "project")
    # Content kept in data files (glossary, self-check, directory, front-page doors) is translated
    # like modules, and validate names each missing text; this test is about the engine.
    for data in ("glossary.yml", "self-check.yml", "directory.yml", "doors.yml"):
        (root / "curriculum" / data).unlink(missing_ok=True)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("        - {locale: fa, name: فارسی, build: true}\n", f"        - {{locale: fa, name: فارسی, build: true}}\n        - {{locale: {code}, name: {name}, build: true}}\n")
    config.write_text(text.replace("  - integr8\n", "  - integr8:\n      strings_dir: strings\n"), encoding="utf-8")
    # The wording does not matter here, only that one file brings the direction, the interface
    # strings and the vocabulary labels of the new language.
    english = (Path(__file__).resolve().parents[1] / "plugins/integr8/i18n/strings/en.yml").read_text(encoding="utf-8")
    vocabularies = yaml.safe_load((root / "curriculum/vocabularies.yml").read_text(encoding="utf-8"))
    labels = {name: {term: f"{term} ({code})" for term in terms} for name, terms in vocabularies.items()}
    (root / "strings").mkdir()
    strings_file = english.replace("direction: ltr", f"direction: {direction}") + yaml.safe_dump({"vocabularies": labels}, allow_unicode=True)
    (root / "strings" / f"{code}.yml").write_text(strings_file, encoding="utf-8")
    site = root / "site"
    result = mkdocs_build(root, site)
    assert result.returncode == 0, result.stderr
    html = page(site, f"{code}/modules/alpha")
    assert re.search(rf'<html lang="{code}"', html)
    assert f'dir="{direction}"' in re.search(r"<body[^>]*>", html).group(0)
    assert "i8-notice--missing" in notice(html)  # alpha has no version in this language: an honest fallback
    assert re.search(r'<div class="i8-module" lang="de" dir="ltr">', html)
    assert re.search(rf'lang="{code}" dir="{direction}" aria-current="page">{name} <small class="i8-switcher__missing"', switcher(html))


def test_a_language_without_a_strings_file_is_refused_with_the_file_to_create(tmp_path):
    root = make_project(tmp_path / "project")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "        - {locale: fa, name: فارسی, build: true}\n", "        - {locale: fa, name: فارسی, build: true}\n        - {locale: so, name: Soomaali, build: true}\n"), encoding="utf-8")
    result = mkdocs_build(root, root / "site")
    assert result.returncode != 0
    assert "the language 'so' has no file of interface strings" in result.stderr
