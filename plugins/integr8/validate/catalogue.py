"""The rule catalogue (rules.yml): severities and message templates by rule id."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from string import Formatter

from ..datafile import read_yaml
from ..findings import Finding

RULES_FILE = Path(__file__).with_name("rules.yml")


@lru_cache(maxsize=None)
def rules() -> dict[str, dict]:
    return read_yaml(RULES_FILE)


class _Defaulting(dict):
    def __missing__(self, key):
        return ""


def severity(finding: Finding) -> str:
    return rules()[finding.rule]["severity"]


def render(template: str, params: dict) -> str:
    return Formatter().vformat(template, (), _Defaulting({k: _text(v) for k, v in params.items()}))


def _text(value) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value)


def message(finding: Finding) -> str:
    rule = rules()[finding.rule]
    return render(rule["message"], finding.params)


def fix(finding: Finding) -> str:
    return render(rules()[finding.rule]["fix"], finding.params)
