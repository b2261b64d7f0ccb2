"""Every validation rule, specified by data: tests/rules/<rule-id>.yml.

Each file holds a ``bad`` case (files laid over the fixture project, and the findings
``path:line:col rule-id`` that must be reported) and optionally a ``good`` case (files after
which the rule must stay silent; by default the untouched fixture). A partner's bug report
becomes a test by adding such a file.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml

from conftest import make_project
from integr8.content.corpus import load_corpus
from integr8.project import load_project
from integr8.validate import validate
from integr8.validate.catalogue import rules

CASES = Path(__file__).parent / "rules"
TODAY = datetime.date(2026, 11, 23)


def findings_for(root: Path) -> list[str]:
    corpus = load_corpus(load_project(root / "mkdocs.yml"))
    return [f"{f.path}:{f.line}:{f.column} {f.rule}" for f in validate(corpus, today=TODAY)]


def case_files():
    return sorted(CASES.glob("*.yml"))


def test_every_rule_has_a_case_file():
    missing = sorted(set(rules()) - {path.stem for path in case_files()})
    assert not missing, f"rules without tests/rules/<rule>.yml: {missing}"


def test_the_fixture_project_is_valid(project):
    assert findings_for(project) == []


@pytest.mark.parametrize("case", case_files(), ids=lambda p: p.stem)
def test_rule(case, tmp_path):
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    rule = case.stem
    bad = make_project(tmp_path / "bad", spec["bad"]["files"])
    found = findings_for(bad)
    for expected in spec["bad"]["expect"]:
        assert expected in found, f"{expected!r} not among {found}"
    assert any(line.endswith(" " + rule) for line in found)
    good = make_project(tmp_path / "good", (spec.get("good") or {}).get("files"))
    assert not [line for line in findings_for(good) if line.endswith(" " + rule)]
