"""The rest of the repository's GitHub set-up: issue forms, pull request template, CODEOWNERS,
and the pre-commit hooks. They name fields, languages and values that live elsewhere
(schema.yml, mkdocs.yml, vocabularies.yml); these tests keep them in step."""

from __future__ import annotations

import fnmatch
import re

import pytest
import yaml

from conftest import ROOT
from integr8.content.corpus import load_corpus
from integr8.content.schema import fields
from integr8.project import load_project

GITHUB = ROOT / ".github"
FORMS = sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml"))
PROJECT = load_project(ROOT / "mkdocs.yml")
VOCABULARIES = load_corpus(PROJECT).vocabularies
OPTION_ID = re.compile(r"\(([a-z0-9-]+)\)$")


def form(name: str) -> dict:
    return yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / name).read_text(encoding="utf-8"))


def questions(data: dict) -> dict[str, dict]:
    return {element["id"]: element for element in data["body"] if element["type"] != "markdown"}


def option_ids(element: dict) -> list[str]:
    return [OPTION_ID.search(option).group(1) for option in element["attributes"]["options"]]


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.name)
def test_issue_forms_are_well_formed(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert {"name", "description", "body"} <= set(data)
    labels = [element["attributes"]["label"] for element in data["body"] if element["type"] != "markdown"]
    ids = [element["id"] for element in data["body"] if element["type"] != "markdown"]
    assert len(labels) == len(set(labels)) and len(ids) == len(set(ids))
    for element in data["body"]:
        if element["type"] == "dropdown":
            for option in element["attributes"]["options"]:
                assert ", " not in option, f"{option!r}: GitHub joins chosen options with ', '"


def test_there_are_the_three_forms():
    assert {p.name for p in FORMS} == {"propose-case.yml", "report-translation.yml", "suggest-module.yml"}


def case_questions() -> dict[str, dict]:
    """What the case form must ask, by form id: every case field (an object's as name_sub), with its spec."""
    expected = {}
    for name, spec in fields("case").items():
        if name == "translated_from":
            continue  # a proposal is a source text; translations come later
        if spec["type"] == "object":
            expected.update({f"{name}_{sub}": sub_spec for sub, sub_spec in spec["fields"].items()})
        else:
            expected[name] = spec
    return expected


def test_the_case_form_asks_for_exactly_the_fields_of_a_case():
    asked = questions(form("propose-case.yml"))
    expected = case_questions()
    assert set(asked) - {"story", "consent"} == set(expected)
    for key, spec in expected.items():
        required = bool(spec.get("required")) and not spec.get("nullable")  # a nullable field may stay empty
        assert bool(asked[key].get("validations", {}).get("required")) == required, key


@pytest.mark.parametrize("name, field, vocabulary", [
    ("propose-case.yml", "target_groups", "target_groups"),
    ("propose-case.yml", "topics", "topics"),
    ("suggest-module.yml", "audience", "audience"),
    ("suggest-module.yml", "level", "levels"),
    ("suggest-module.yml", "formats", "formats"),
])
def test_dropdowns_offer_exactly_the_values_of_the_lists(name, field, vocabulary):
    element = questions(form(name))[field]
    assert option_ids(element) == list(VOCABULARIES[vocabulary])
    for option, term in zip(element["attributes"]["options"], VOCABULARIES[vocabulary].values()):
        assert term["en"] in option, option


@pytest.mark.parametrize("name, field", [("propose-case.yml", "source_language"), ("report-translation.yml", "language")])
def test_language_dropdowns_offer_the_languages_of_the_site(name, field):
    element = questions(form(name))[field]
    assert option_ids(element) == PROJECT.codes
    assert [option.rsplit(" (", 1)[0] for option in element["attributes"]["options"]] == [language.name for language in PROJECT.languages]


def test_the_pull_request_template_has_a_checklist():
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    assert len(re.findall(r"^- \[ \] ", text, re.M)) >= 5
    assert "CONTRIBUTING.md" in text and "CONTRIBUTING.de.md" in text


def codeowners() -> list[tuple[str, list[str]]]:
    rules = []
    for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            pattern, *owners = line.split()
            rules.append((pattern, owners))
    return rules


def owners_of(path: str) -> list[str]:
    """The owners GitHub asks for ``path``: the last matching line wins."""
    found: list[str] = []
    for pattern, owners in codeowners():
        anchored = pattern.lstrip("/")
        if pattern == "*" or fnmatch.fnmatch(path, anchored) or fnmatch.fnmatch(path, anchored.replace("**/", "")) or (pattern.endswith("/") and path.startswith(anchored)):
            found = owners
    return found


@pytest.mark.parametrize("language", PROJECT.codes)
def test_codeowners_route_each_language_to_its_reviewers(language):
    team = f"@integr8-hub/reviewers-{language}"
    for path in (f"curriculum/health-system/{language}.md", f"docs/cases/integr8.{language}.md",
                 f"docs/index.{language}.md", f"docs/handbook/what-culture-is.{language}.md",
                 f"plugins/integr8/i18n/strings/{language}.yml"):
        assert owners_of(path) == [team], path


def test_codeowners_give_everything_else_to_the_maintainers():
    for path in ("curriculum/health-system/module.yml", "curriculum/vocabularies.yml", ".github/workflows/publish.yml", "plugins/integr8/cli/new.py"):
        assert owners_of(path) == ["@integr8-hub/maintainers"], path


def test_codeowner_teams_are_documented_in_both_guides():
    teams = {owner for _, owners in codeowners() for owner in owners}
    for guide in ("CONTRIBUTING.md", "CONTRIBUTING.de.md"):
        text = (ROOT / guide).read_text(encoding="utf-8")
        assert [team for team in sorted(teams) if f"`{team}`" not in text] == [], guide


def test_pre_commit_validates_changed_content_with_the_project_tools():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] if repo["repo"] == "local" for hook in repo["hooks"]}
    validate = hooks["integr8-validate"]
    assert validate["language"] == "system" and validate["entry"].endswith("integr8 validate")
    assert validate.get("pass_filenames", True)
    matches = re.compile(validate["files"])
    excluded = re.compile(validate["exclude"])
    for path in ("curriculum/health-system/de.md", "curriculum/health-system/module.yml", "curriculum/partners.yml",
                 "docs/cases/integr8.en.md", "docs/index.fa.md"):
        assert matches.search(path) and not excluded.search(path), path
    for path in ("plugins/integr8/cli/new.py", "README.md", "docs/developers/architecture.md"):
        assert not matches.search(path) or excluded.search(path), path
    assert "integr8 schemas" in hooks["integr8-schemas"]["entry"]
    assert "scripts/rule-docs" in hooks["rule-docs"]["entry"]
    for hook in hooks.values():
        assert hook["entry"].startswith(".venv/bin/"), "hooks run the pinned tools of .venv"
