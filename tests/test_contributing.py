"""CONTRIBUTING.md and CONTRIBUTING.de.md: the guide a partner follows without asking anyone.

- its list of validation rules is generated from the rule definitions and never stale;
- the example files it tells people to copy pass `integr8 validate` as they are;
- its field tables name every field of schema.yml;
- the German guide is the whole guide, section for section.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_integr8
from integr8.content.schema import fields
from integr8.validate.catalogue import rules

GUIDES = {"en": ROOT / "CONTRIBUTING.md", "de": ROOT / "CONTRIBUTING.de.md"}
EXAMPLE = re.compile(r'^```(?:yaml|markdown) title="(?P<path>[^"]+)"\n(?P<text>.*?)^```$', re.M | re.S)
START, END = "<!-- rule-docs:start", "<!-- rule-docs:end -->"


def guide(language: str) -> str:
    return GUIDES[language].read_text(encoding="utf-8")


def handwritten(language: str) -> str:
    text = guide(language)
    return text[: text.index(START)]


def test_the_generated_rule_list_is_up_to_date():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "rule-docs"), "--check"], capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("language", GUIDES)
def test_every_rule_is_explained_once_in_each_guide(language):
    generated = guide(language)[guide(language).index(START):]
    headings = re.findall(r"^#### `([a-z0-9-]+)`$", generated, re.M)
    assert headings == list(rules())
    assert generated.rstrip().endswith(END)


@pytest.mark.parametrize("language", GUIDES)
def test_the_example_files_of_the_guide_pass_validation(language, tmp_path):
    """What a newcomer copies from the guide (module.yml, de.md, en.md, a case) validates first time."""
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", site)
    for folder in ("curriculum", "docs", ".integr8"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, site / folder)
    examples = {m["path"]: m["text"] for m in EXAMPLE.finditer(handwritten(language))}
    assert {"curriculum/running-a-welcome-cafe/module.yml", "curriculum/running-a-welcome-cafe/de.md",
            "curriculum/running-a-welcome-cafe/en.md"} <= set(examples)
    for rel, text in examples.items():
        assert not (ROOT / rel).exists(), f"the example {rel} must be new content, not a copy of an existing file"
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    result = run_integr8("validate", "--lang", "en", *examples, cwd=site)
    assert result.returncode == 0, result.stdout
    rules_found = re.findall(r"\[([a-z0-9-]+)\]$", result.stdout, re.M)
    assert set(rules_found) <= {"translation-untracked"}, result.stdout


@pytest.mark.parametrize("language", GUIDES)
@pytest.mark.parametrize("kind", ["module", "module_page", "case"])
def test_the_field_tables_name_every_field(language, kind):
    text = handwritten(language)
    listed = set(re.findall(r"^\| `([a-z_]+)` \|", text, re.M))
    missing = sorted(set(fields(kind)) - listed)
    assert not missing, f"{GUIDES[language].name} has no table row for {kind} fields {missing}"


def test_the_german_guide_has_every_section_of_the_english_one():
    def outline(text):
        return [len(m.group(1)) for m in re.finditer(r"^(#{2,3}) ", text, re.M)]

    assert outline(handwritten("de")) == outline(handwritten("en"))
    english_blocks = EXAMPLE.findall(handwritten("en"))
    german_blocks = EXAMPLE.findall(handwritten("de"))
    assert [path for path, _ in german_blocks] == [path for path, _ in english_blocks]


@pytest.mark.parametrize("language, words", [
    ("en", ["Add file", "Create new file", "Create a new branch for this commit and start a pull request",
            "Create pull request", "Files changed", "annotation", "make serve", "--mark-current", "{handout}",
            "::: facilitator", "--lang de", "schemas/", "CODEOWNERS", "CONTRIBUTING.de.md"]),
    ("de", ["Add file", "Create new file", "Create a new branch for this commit and start a pull request",
            "Create pull request", "Files changed", "Anmerkung", "make serve", "--mark-current", "{handout}",
            "::: facilitator", "--lang de", "schemas/", "CODEOWNERS", "CONTRIBUTING.md"]),
])
def test_the_guide_walks_through_the_web_interface_and_the_tools(language, words):
    text = " ".join(handwritten(language).split())
    assert [word for word in words if word not in text] == []


def test_the_translation_section_is_kept_in_both_guides():
    assert "## Translating" in handwritten("en") and "## Übersetzen" in handwritten("de")
    for language in GUIDES:
        section = handwritten(language)
        assert "translated_from: sha256:0123456789abcdef" in section
        assert ".integr8/sources/" in section
