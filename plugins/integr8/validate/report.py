"""Findings as text (ruff style), JSON, or GitHub workflow annotations."""

from __future__ import annotations

import json

from ..findings import Finding
from .catalogue import fix, message, severity

FORMATS = ("text", "json", "github")


def full_message(f: Finding) -> str:
    """What is wrong and how to fix it, as every format prints it."""
    return f"{message(f)}. Fix: {fix(f)}"


def text_line(f: Finding) -> str:
    """One finding in ruff's layout: ``path:line:col: severity: message [rule]``."""
    return f"{f.path}:{f.line}:{f.column}: {severity(f)}: {full_message(f)} [{f.rule}]"


def as_text(findings: list[Finding], files_checked: int) -> str:
    lines = [text_line(f) for f in findings]
    lines.append(summary(findings, files_checked))
    return "\n".join(lines)


def summary(findings: list[Finding], files_checked: int) -> str:
    errors = sum(severity(f) == "error" for f in findings)
    warnings = len(findings) - errors
    if not findings:
        return f"All good: {files_checked} files checked, no problems found."
    return f"Found {errors} error{'s' * (errors != 1)} and {warnings} warning{'s' * (warnings != 1)} in {len({f.path for f in findings})} of {files_checked} files."


def as_json(findings: list[Finding]) -> str:
    return json.dumps(
        [
            {"path": f.path, "line": f.line, "column": f.column, "severity": severity(f), "rule": f.rule, "message": full_message(f)}
            for f in findings
        ],
        ensure_ascii=False,
        indent=2,
    )


def _escape(value: str, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def as_github(findings: list[Finding]) -> str:
    return "\n".join(
        f"::{severity(f)} file={_escape(f.path, True)},line={f.line},col={f.column},title={_escape(f.rule, True)}::{_escape(full_message(f))}"
        for f in findings
    )


def render(findings: list[Finding], form: str, files_checked: int) -> str:
    if form == "json":
        return as_json(findings)
    if form == "github":
        return as_github(findings)
    return as_text(findings, files_checked)
