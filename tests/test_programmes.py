"""Programmes (issue 5): courses made of modules, their schedules, pages and printable packs.

The fixture's programme `starter` (tests/fixtures/site/curriculum/programmes/starter.yml):

    day_start 09:30, at most 240 minutes a day
    Tag 1:  alpha (50 min) · Kaffeepause 15 · beta (30 min)
    day 2:  alpha in 40 minutes (its own duration is 50), no title

The validation rules have their good and bad examples in tests/rules/programme-*.yml.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from browser.harness import CHROMIUM, require
from conftest import make_project, run_integr8
from integr8.pages.programmes import programme_list, programme_pack, programme_page
from integr8.pages.site import Site
from integr8.project import load_project

SPLIT = """id: starter
title: {de: Einstiegsprogramm}
summary: {de: Ein Modul, geteilt.}
source_language: de
partners: [org-one]
days:
  - items:
      - module: alpha
        duration_minutes: 30
      - break: 10
      - module: alpha
        duration_minutes: 30
"""


def site_of(root: Path) -> Site:
    return Site(load_project(root / "mkdocs.yml"))


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Site:
    return site_of(make_project(tmp_path_factory.mktemp("programmes") / "project"))


def rows(day) -> list[tuple]:
    return [(row.kind, row.start, row.end, row.title.text, row.duration, row.note) for row in day.rows]


# --- Schedules ------------------------------------------------------------------------------------


def test_a_day_runs_from_day_start_through_modules_and_breaks_with_clock_times(fixture_site):
    view = programme_page(fixture_site, fixture_site.corpus.programmes["starter"], "de")
    first, second = view.days
    assert (first.heading.text, first.span, first.teaching) == ("Tag 1", "09:30–11:05", "1 Std. 20 Min.")
    assert rows(first) == [
        ("module", "09:30", "10:20", "Alpha auf Deutsch", "50 Min.", ""),
        ("break", "10:20", "10:35", "Kaffeepause", "15 Min.", ""),
        ("module", "10:35", "11:05", "Beta auf Deutsch", "30 Min.", ""),
    ]
    assert (second.heading.text, second.span) == ("Tag 2", "09:30–10:10"), "a day without a title is numbered"
    assert rows(second) == [("module", "09:30", "10:10", "Alpha auf Deutsch", "40 Min.", "40 Min. in diesem Programm (im Modul: 50 Min.)")]


def test_totals_count_learning_time_without_breaks(fixture_site):
    view = programme_page(fixture_site, fixture_site.corpus.programmes["starter"], "en")
    facts = {fact.label: fact.values for fact in view.facts}
    assert facts == {"Days": ["2"], "Learning time": ["2 h"], "Modules": ["2"], "Partners": ["Organisation One"]}


def test_each_text_falls_back_to_the_source_language_on_its_own(fixture_site):
    view = programme_page(fixture_site, fixture_site.corpus.programmes["starter"], "fa")
    assert (view.title.text, view.title.language, view.title.direction) == ("برنامهٔ آغازین", "fa", "rtl")
    assert (view.summary.text, view.summary.language, view.summary.direction) == ("Zwei Module an zwei Vormittagen.", "de", "ltr")
    first, second = view.days
    assert (first.heading.text, first.heading.language) == ("روز اول", "fa")
    assert (first.rows[1].title.text, first.rows[1].title.language) == ("Kaffeepause", "de")
    assert (first.rows[0].title.text, first.rows[0].title.language) == ("آلفا به فارسی", "fa")
    assert (first.rows[2].title.text, first.rows[2].title.language) == ("Beta auf Deutsch", "de"), "beta has no Farsi text"
    assert (second.heading.text, second.heading.language) == ("روز 2", "fa")


def test_a_module_split_around_a_break_is_shown_in_parts(tmp_path):
    site = site_of(make_project(tmp_path / "p", {"curriculum/programmes/starter.yml": SPLIT}))
    programme = site.corpus.programmes["starter"]
    day = programme_page(site, programme, "en").days[0]
    assert [row.note for row in day.rows] == ["part 1 of 2", "", "part 2 of 2"]
    assert day.span == "09:00–10:10", "days start at 09:00 unless day_start says otherwise"
    essentials = programme_pack(site, programme, "en").modules
    assert [m.id for m in essentials] == ["alpha"], "a module's essentials are printed once"
    assert essentials[0].note == "1 h in this programme (module: 50 min)"


def test_without_programmes_the_list_says_there_are_none(tmp_path):
    root = make_project(tmp_path / "p", {"curriculum/programmes/starter.yml": None})
    view = programme_list(site_of(root), "de")
    assert view.items == [] and view.empty == "Es gibt noch keine Programme."


# --- Validation messages a partner can act on ------------------------------------------------------


def test_messages_say_where_what_and_how_to_fix(tmp_path):
    root = make_project(tmp_path / "p", {"curriculum/programmes/starter.yml": """id: starter
title: {de: Einstiegsprogramm}
summary: {de: Zwei Module.}
source_language: de
partners: [org-one]
day_start: 9:30
max_day_minutes: 60
days:
  - items:
      - module: alpha
      - break: 15
      - module: alpah
"""})
    result = run_integr8("validate", "curriculum/programmes", cwd=root)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert (
        "curriculum/programmes/starter.yml:6:12: error: 'day_start' must be a time of day written in quotes, such as \"09:30\", "
        "but is 9:30 without quotes, which YAML reads as the number 570. Fix: Write it like this: day_start: \"09:00\" [field-type]"
    ) in lines
    assert (
        "curriculum/programmes/starter.yml:9:5: error: day 1 lasts 65 minutes with its breaks, more than max_day_minutes (60). "
        "Fix: Move a module to another day, shorten a break or a duration_minutes, or raise max_day_minutes (at most 720). [programme-day-too-long]"
    ) in lines
    assert (
        "curriculum/programmes/starter.yml:12:17: error: 'alpah' is not a module (did you mean 'alpha'?). "
        "Fix: Use the id (folder name) of a module under curriculum/: alpha, beta. [programme-module-unknown]"
    ) in lines


def test_a_broken_programme_file_is_a_finding_not_a_crash(tmp_path):
    root = make_project(tmp_path / "p", {"curriculum/programmes/starter.yml": "id: starter\ndays: [oops\n", "curriculum/programmes/list.yml": "- a\n- b\n"})
    result = run_integr8("validate", cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "curriculum/programmes/list.yml:1:1: error: expected lines of the form 'field: value', found a list" in result.stdout
    assert re.search(r"curriculum/programmes/starter\.yml:\d+:\d+: error: YAML syntax error", result.stdout)


# --- The built pages -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("programme-site") / "project")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(root / "site")], cwd=root,
        capture_output=True, text=True, timeout=600, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return root


def page(root: Path, url: str) -> str:
    return (root / "site" / url / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("prefix", ["", "en/", "fa/"])
def test_list_programme_and_pack_pages_exist_in_every_language(built, prefix):
    assert 'href="starter/"' in page(built, f"{prefix}programmes")
    for url in (f"{prefix}programmes/starter", f"{prefix}programmes/starter/pack"):
        assert (built / "site" / url / "index.html").is_file(), url


@pytest.mark.slow
def test_programme_page_links_modules_and_its_pack_in_the_readers_language(built):
    html = page(built, "fa/programmes/starter")
    assert '<a href="../../modules/alpha/">آلفا به فارسی</a>' in html
    assert '<span lang="de" dir="ltr"><a href="../../modules/beta/">Beta auf Deutsch</a></span>' in html
    assert '<td class="i8-time" dir="ltr">09:30–10:20</td>' in html
    assert 'href="pack/"' in html and 'href="starter-programme-pack-fa.pdf"' in html and "چاپ بستهٔ برنامه" in html


@pytest.mark.slow
def test_programme_pack_has_cover_schedule_and_each_modules_trainer_essentials(built):
    html = page(built, "en/programmes/starter/pack")
    assert ">Programme pack<" in html and "Starter programme" in html
    assert "https://example.org/hub/en/programmes/starter/pack/" in html and 'class="i8-qr"' in html
    assert "09:30–10:20" in html and "Coffee break" in html
    for module, title in (("alpha", "Alpha in English"), ("beta", "Beta in English")):
        assert f'<h2 id="module-{module}" lang="en" dir="ltr">{title}</h2>' in html
        assert f'href="../../../modules/{module}/trainer-pack/"' in html
        assert f"https://example.org/hub/en/modules/{module}/trainer-pack/" in html
    assert "Participants know Alpha." in html and "Getting started" in html
    assert "1 h 30 min in this programme (module: 50 min)" in html, "alpha's two entries, 50 + 40 minutes"


@pytest.mark.slow
def test_programmes_are_in_the_navigation_and_their_packs_are_not(built):
    html = page(built, "en/modules")
    assert "programmes/starter/" in html and "programmes/starter/pack/" not in html


@pytest.mark.slow
@pytest.mark.browser
def test_programme_pack_pdf_reads_back_with_its_schedule(built, tmp_path):
    require(CHROMIUM.exists(), f"Chromium ({CHROMIUM})", "run `make browser` as root")
    require(shutil.which("pdftotext") is not None, "pdftotext", "sudo apt-get install poppler-utils")
    result = run_integr8("pdf", "--programme", "starter", "--lang", "de", "--site-dir", "site", cwd=built)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("[1/1] programmes/starter/starter-programme-pack-de.pdf (")
    pdf = built / "site/programmes/starter/starter-programme-pack-de.pdf"
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "PROGRAMM-MAPPE" in text, "the kind of pack, set in capitals above the title"
    for expected in ( "Einstiegsprogramm", "Tag 1", "09:30–10:20", "Kaffeepause", "Alpha auf Deutsch", "Beta auf Deutsch",
                     "Teilnehmerinnen kennen Alpha.", "Namensschilder"):
        assert expected in text, expected
