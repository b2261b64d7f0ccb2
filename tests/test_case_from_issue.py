"""scripts/case-from-issue: a filled "Propose a good-practice case" issue becomes a case file that
validates; anything else gets a clear message and exit 1 or 2, never a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_integr8

SCRIPT = ROOT / "scripts" / "case-from-issue"
BODY = (ROOT / "tests" / "fixtures" / "issues" / "propose-case.md").read_text(encoding="utf-8")


@pytest.fixture
def site(tmp_path) -> Path:
    """A copy of this repository's content: its languages, lists, partners and cases."""
    target = tmp_path / "site"
    target.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", target)
    for folder in ("curriculum", "docs", ".integr8"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, target / folder)
    return target


def case_from_issue(site: Path, body: str | None, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), "--config", str(site / "mkdocs.yml"), *args],
                          input=body, capture_output=True, text=True, timeout=300, cwd=site)


def test_a_filled_form_becomes_a_valid_case(site):
    result = case_from_issue(site, BODY, "--issue", "42")
    assert result.returncode == 0, result.stderr
    path = site / "docs" / "cases" / "frauen-cafe-nienburg.de.md"
    assert "created docs/cases/frauen-cafe-nienburg.de.md" in result.stdout and "Closes #42" in result.stdout
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n# yaml-language-server: $schema=../../schemas/case.json\n")
    for line in ('title: "Frauen-Café Nienburg"', 'country: "DE"', '  start: "2022-09"', "  end: null",
                 "target_groups: [migrant-women, host-community]", "topics: [networking, rural-areas]",
                 'source_language: "de"', 'funding: "Landesprogramm \\"Gemeinsam in Niedersachsen\\""'):
        assert line in text.splitlines(), line
    # The form's bilingual headings in the case's language; the empty section is dropped; the
    # partner's own ### heading stays in the story.
    assert "## Ausgangslage" in text and "## Was getan wurde" in text and "Was andere lernen" not in text
    assert "### Was wir ausprobiert haben" in text
    check = run_integr8("validate", "docs/cases/frauen-cafe-nienburg.de.md", cwd=site)
    assert check.returncode == 0, check.stdout


def test_the_slug_can_be_given_and_an_existing_case_is_never_overwritten(site):
    assert case_from_issue(site, BODY, "--slug", "womens-cafe").returncode == 0
    assert (site / "docs" / "cases" / "womens-cafe.de.md").is_file()
    again = case_from_issue(site, BODY, "--slug", "womens-cafe")
    assert again.returncode == 2 and "already exists" in again.stderr and "--slug" in again.stderr


def test_a_title_without_latin_letters_needs_a_slug(site):
    body = BODY.replace("Frauen-Café Nienburg", "مقهى النساء")
    result = case_from_issue(site, body)
    assert result.returncode == 2 and "--slug" in result.stderr


@pytest.mark.parametrize("change, label, words", [
    (("\nde\n", "\nGermany\n"), "Country / Land", "two-letter country code"),
    (("https://example.org/frauen-cafe", "http://example.org/frauen-cafe"), "Website / Website", "https://"),
    (("\n2022-09\n", "\n09/2022\n"), "Start (month) / Beginn (Monat)", "YYYY-MM"),
    (("Ein offenes Café", "Ein **offenes** Café"), "Summary / Zusammenfassung", "plain text"),
    (("Lokale Netzwerke / Local networks (networking)", "Kochen / Cooking (cooking)"), "Topics / Themen", "not one of the choices"),
    (("- [X] This information", "- [ ] This information"), "Publication / Veröffentlichung", "not confirmed"),
    (("\nLandkreis Nienburg/Weser\n", "\n_No response_\n"), "Region / Region", "no answer"),
])
def test_wrong_answers_are_named_by_their_label_and_nothing_is_written(site, change, label, words):
    result = case_from_issue(site, BODY.replace(*change), "--issue", "7")
    assert result.returncode == 1, result.stderr
    assert f"  {label}: " in result.stderr and words in result.stderr
    assert "Traceback" not in result.stderr
    assert not (site / "docs" / "cases" / "frauen-cafe-nienburg.de.md").exists()


def test_a_story_that_does_not_validate_is_not_kept(site):
    body = BODY.replace("Eine Kinderbetreuung", '<script>alert("x")</script> Eine Kinderbetreuung')
    result = case_from_issue(site, body)
    assert result.returncode == 1
    assert "[unsafe-html]" in result.stderr and "was not kept" in result.stderr
    assert not (site / "docs" / "cases" / "frauen-cafe-nienburg.de.md").exists()


@pytest.mark.parametrize("body", [
    "",
    "Please add our project, it is great!",
    "### Page / Seite\n\nhttps://example.org\n\n### Language / Sprache\n\nfa\n",
])
def test_input_that_is_not_this_form_is_a_usage_error(site, body):
    result = case_from_issue(site, body)
    assert result.returncode == 2
    assert "not a filled 'Propose a good-practice case' form" in result.stderr and "Traceback" not in result.stderr


def test_unreadable_input_and_a_missing_configuration_are_usage_errors(site, tmp_path):
    missing = case_from_issue(site, None, "--body", str(tmp_path / "nope.md"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    (tmp_path / "binary.md").write_bytes(b"\xff\xfe\x00garbage")
    binary = case_from_issue(site, None, "--body", str(tmp_path / "binary.md"))
    assert binary.returncode == 2 and "Traceback" not in binary.stderr
    no_config = subprocess.run([sys.executable, str(SCRIPT), "--config", str(tmp_path / "none.yml")],
                               input=BODY, capture_output=True, text=True, timeout=300)
    assert no_config.returncode == 2 and "mkdocs.yml" in no_config.stderr or "configuration" in no_config.stderr
