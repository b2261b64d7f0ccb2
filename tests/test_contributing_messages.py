"""Validation messages in the partner's language: `integr8 validate --lang de|en`.

Every rule has its German message and fix in rules.de.yml; the parts that checks fill in are
translated too, so that a German message has no English sentence left in it.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, make_project, run_integr8
from integr8.content.corpus import load_corpus
from integr8.project import load_project
from integr8.validate import validate
from integr8.validate.catalogue import rules
from integr8.validate.messages import PROSE, REPORT, Messages, from_environment, languages, load_catalogue, placeholders
from integr8.validate.schema import EXPECTED

RULES = ROOT / "tests" / "rules"
TODAY = datetime.date(2026, 11, 23)
OTHER_LANGUAGES = [code for code in languages() if code != "en"]
# Words that give away an English sentence; user values and ids are quoted or contain none.
ENGLISH_WORDS = {"a", "the", "is", "are", "not", "must", "of", "with", "without", "which", "found", "expected",
                 "has", "have", "does", "this", "that", "it", "an", "and", "or", "nor", "neither", "both",
                 "another", "none", "yet", "goes", "gives"}
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|`[^`]*`|<[^>]*>|\S*/\S*")


def english_words(text: str) -> set[str]:
    return {word for word in re.findall(r"[A-Za-z]+", QUOTED.sub(" ", text)) if word.lower() in ENGLISH_WORDS}


def test_german_messages_exist():
    assert "de" in languages() and languages()[0] == "en"


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_rule_has_a_message_and_a_fix_with_the_same_placeholders(language):
    translated = load_catalogue(language)["rules"]
    missing = sorted(set(rules()) - set(translated))
    assert not missing, f"rules without {language} texts in validate/rules.{language}.yml: {missing}"
    assert not sorted(set(translated) - set(rules())), "texts for rules that do not exist"
    for rule, english in rules().items():
        for part in ("message", "fix"):
            text = translated[rule].get(part)
            assert isinstance(text, str) and text.strip(), f"{rule}: no {part} in {language}"
            assert placeholders(text) == placeholders(english[part]), f"{rule}.{part}: placeholders differ from rules.yml"


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_report_words_and_phrases_are_complete(language):
    catalogue = load_catalogue(language)
    assert set(catalogue["report"]) == set(REPORT)
    for key, english in REPORT.items():
        assert placeholders(catalogue["report"][key]) == placeholders(english), key
    for source, target in catalogue["phrases"].items():
        names = set(re.findall(r"\{(\w+)(?::n)?\}", source))
        assert set(re.findall(r"\{(\w+)\}", target)) <= names | {"30"}, f"phrase {source!r} uses unknown placeholders"


def test_every_expected_value_of_the_schema_checker_is_translated():
    german = Messages("de")
    assert [value for value in EXPECTED.values() if german.phrase(value) is None] == []


@pytest.mark.parametrize("case", sorted(RULES.glob("*.yml")), ids=lambda path: path.stem)
def test_german_messages_of_every_rule_example_have_no_english_left(case, tmp_path):
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    root = make_project(tmp_path / "bad", spec["bad"]["files"])
    german = Messages("de")
    findings = validate(load_corpus(load_project(root / "mkdocs.yml")), today=TODAY)
    assert findings
    for finding in findings:
        for key, value in finding.params.items():
            if key in PROSE and isinstance(value, str) and german.phrase(value) is None:
                left = english_words(value)
                assert not left, f"[{finding.rule}] {key}={value!r}: add a phrase to rules.de.yml ({sorted(left)})"
        assert german.full(finding) != Messages("en").full(finding)


def test_phrases_translate_nested_and_listed_parts():
    german = Messages("de")
    assert german.translate("a whole number of at least 1") == "eine ganze Zahl von mindestens 1"
    assert german.translate(" (did you mean 'topics'?)") == " (meinten Sie 'topics'?)"
    assert german.translate("changed since: Arzt (changed), Termin (added) and 2 more") == \
        "seitdem geänderte Abschnitte: Arzt (geändert), Termin (neu) und 2 weitere"
    assert german.translate("while parsing a flow sequence expected ',' or ']', but got '<stream end>'") == \
        "erwartet war ',' oder ']', gefunden wurde das Dateiende (in einer Liste in eckigen Klammern)"
    # What a partner wrote is never translated, even when it looks like a phrase.
    assert german.translate("'a list'") == "'a list'"
    assert german.translate("org-one, org-two") == "org-one, org-two"


@pytest.mark.parametrize("environ, expected", [
    ({}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "POSIX"}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "de"),
    ({"LANG": "de_AT"}, "de"),
    ({"LANG": "fr_FR.UTF-8"}, "en"),
    ({"LANG": "de_DE.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, "en"),
    ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "de_CH.UTF-8"}, "de"),
    ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "en_GB", "LC_ALL": "de_DE.UTF-8"}, "de"),
    ({"LC_ALL": "", "LANG": "de_DE"}, "de"),
])
def test_the_default_language_comes_from_the_locale(environ, expected):
    assert from_environment(environ) == expected


BROKEN = {"curriculum/alpha/module.yml": "id: alpha\nsource_language: de\nduration_minutes: fifty\nlevel: entry\n"
          "audience: [migrant-women]\ntopics: [rights]\nformats: [in-person]\npartners: [org-one]\nlicense: CC-BY-SA-4.0\n"}


def test_validate_speaks_german_when_asked(tmp_path):
    root = make_project(tmp_path / "p", BROKEN)
    result = run_integr8("validate", "--lang", "de", cwd=root)
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first == ("curriculum/alpha/module.yml:3:19: Fehler: 'duration_minutes' ist 'fifty', erwartet wird eine ganze Zahl. "
                     "Lösung: Schreiben Sie es so: duration_minutes: 180 [field-type]")
    assert result.stdout.splitlines()[-1].endswith("Dateien gefunden.")


def test_the_locale_chooses_the_language_and_lang_overrides_it(tmp_path):
    root = make_project(tmp_path / "p", BROKEN)
    env = {"PATH": "/usr/bin:/bin", "LANG": "de_DE.UTF-8"}
    assert "Fehler:" in run_integr8("validate", cwd=root, env=env).stdout
    english = run_integr8("validate", "--lang", "en", cwd=root, env=env).stdout
    assert "error: 'duration_minutes' must be a whole number" in english
    assert "error:" in run_integr8("validate", cwd=root, env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}).stdout


def test_annotations_can_carry_both_languages(tmp_path):
    root = make_project(tmp_path / "p", BROKEN)
    result = run_integr8("validate", "--format", "github", "--lang", "en,de", cwd=root)
    assert result.returncode == 1
    line = result.stdout.splitlines()[0]
    assert line.startswith("::error file=curriculum/alpha/module.yml,line=3,col=19,title=field-type::")
    english, german = line.split("::", 2)[2].split("%0A")
    assert english.startswith("'duration_minutes' must be a whole number")
    assert german.startswith("'duration_minutes' ist 'fifty'")


def test_json_keeps_machine_fields_and_gives_every_language(tmp_path):
    import json

    root = make_project(tmp_path / "p", BROKEN)
    record = json.loads(run_integr8("validate", "--format", "json", "--lang", "de,en", cwd=root).stdout)[0]
    assert record["severity"] == "error" and record["rule"] == "field-type"
    assert record["message"].startswith("'duration_minutes' ist")
    assert set(record["messages"]) == {"de", "en"}


def test_an_unknown_language_is_a_usage_error(project):
    result = run_integr8("validate", "--lang", "xx", cwd=project)
    assert result.returncode == 2
    assert "--lang" in result.stderr and "de" in result.stderr and "Traceback" not in result.stderr


def test_all_good_in_german(project):
    result = run_integr8("validate", "--lang", "de", cwd=project)
    assert result.returncode == 0
    assert result.stdout.startswith("Alles in Ordnung:")
