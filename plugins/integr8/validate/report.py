"""Findings as text (ruff style), JSON, or GitHub workflow annotations, in the reader's language.

Machine-read parts stay the same in every language: the position, the rule id, the severity in
JSON and in the ``::error``/``::warning`` commands. The words people read follow ``messages``.
"""

from __future__ import annotations

import json

from ..findings import Finding
from .catalogue import severity
from .messages import Messages

FORMATS = ("text", "json", "github")
ENGLISH = Messages()


def full_message(f: Finding, messages: Messages = ENGLISH) -> str:
    """What is wrong and how to fix it, as every format prints it."""
    return messages.full(f)


def text_line(f: Finding, messages: Messages = ENGLISH) -> str:
    """One finding in ruff's layout: ``path:line:col: severity: message [rule]``."""
    return f"{f.path}:{f.line}:{f.column}: {messages.severity(f)}: {messages.full(f)} [{f.rule}]"


def as_text(findings: list[Finding], files_checked: int, messages: Messages | list[Messages] = ENGLISH) -> str:
    """One line per finding; with several languages each further language follows, indented."""
    first, *others = messages if isinstance(messages, list) else [messages]
    lines = []
    for f in findings:
        lines.append(text_line(f, first))
        lines.extend(f"    {m.language}: {m.full(f)}" for m in others)
    lines.append(summary(findings, files_checked, first))
    return "\n".join(lines)


def summary(findings: list[Finding], files_checked: int, messages: Messages = ENGLISH) -> str:
    errors = sum(severity(f) == "error" for f in findings)
    return messages.summary(errors, len(findings) - errors, len({f.path for f in findings}), files_checked)


def as_json(findings: list[Finding], messages: Messages | list[Messages] = ENGLISH) -> str:
    """``message`` in the first language; with several, ``messages`` maps each language to it."""
    every = messages if isinstance(messages, list) else [messages]

    def record(f: Finding) -> dict:
        fields = {"path": f.path, "line": f.line, "column": f.column, "severity": severity(f), "rule": f.rule, "message": every[0].full(f)}
        if len(every) > 1:
            fields["messages"] = {m.language: m.full(f) for m in every}
        return fields

    return json.dumps([record(f) for f in findings], ensure_ascii=False, indent=2)


def _escape(value: str, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def as_github(findings: list[Finding], messages: Messages | list[Messages] = ENGLISH) -> str:
    """One workflow command per finding; with several languages the message is given in each,
    one line per language, so that every partner reads the annotation in hers."""
    every = messages if isinstance(messages, list) else [messages]
    return "\n".join(
        f"::{severity(f)} file={_escape(f.path, True)},line={f.line},col={f.column},title={_escape(f.rule, True)}::"
        + _escape("\n".join(m.full(f) for m in every))
        for f in findings
    )


def render(findings: list[Finding], form: str, files_checked: int, messages: Messages | list[Messages] = ENGLISH) -> str:
    if form == "github":
        return as_github(findings, messages)
    if form == "json":
        return as_json(findings, messages)
    return as_text(findings, files_checked, messages)
