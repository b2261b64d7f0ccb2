"""Validation messages in the reader's language.

English is the validator's source language: the rule templates are in ``rules.yml``, the words
around them (``error``, ``Fix:``, the summary) in :data:`REPORT` below, and the parts that a
check fills in (what was expected, what was found, "did you mean …") in the checks themselves.
Every other language has ONE catalogue beside ``rules.yml``, ``rules.<language>.yml``, with
three parts:

- ``report``: the same keys as :data:`REPORT`;
- ``rules``: ``message`` and ``fix`` for every rule id, with the same ``{placeholders}``;
- ``phrases``: the checks' English parts and their translation, either exact
  (``"a list": "eine Liste"``) or as patterns whose ``{placeholders}`` stand for any text
  (``{name:n}``: digits only). Text a placeholder stands for is translated again, so patterns
  nest. Values that match no phrase (file names, ids, what a partner wrote) stay as they are.

A language is available when its catalogue exists; ``--lang`` and the locale choose among them.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from string import Formatter

from ..datafile import read_yaml
from ..findings import Finding
from .catalogue import RULES_FILE, rules

SOURCE_LANGUAGE = "en"
CATALOGUES = RULES_FILE.parent
# Parameters that carry English words written by a check; the others are ids, paths, numbers
# or what the partner wrote, and are never translated.
PROSE = frozenset({"expected", "found", "did_you_mean", "found_note", "what", "problem", "hint", "other", "changes", "anchors", "allowed", "page", "reason", "cycle"})
REPORT = {
    "error": "error",
    "warning": "warning",
    "fix": "Fix",
    "all_good": "All good: {files} files checked, no problems found.",
    "found": "Found {errors} and {warnings} in {files_with_problems} of {files} files.",
    "errors_one": "{count} error",
    "errors_other": "{count} errors",
    "warnings_one": "{count} warning",
    "warnings_other": "{count} warnings",
}
_PLACEHOLDER = re.compile(r"\{(\w+)(?::(n))?\}")


def catalogue_path(language: str) -> Path:
    return CATALOGUES / f"rules.{language}.yml"


def languages() -> list[str]:
    """The languages validation messages exist in: English and every rules.<language>.yml."""
    found = sorted(path.name.split(".")[1] for path in CATALOGUES.glob("rules.*.yml"))
    return [SOURCE_LANGUAGE] + [code for code in found if code != SOURCE_LANGUAGE]


def from_environment(environ=None) -> str:
    """The language of the locale (LC_ALL, then LC_MESSAGES, then LANG), if messages exist in it.

    ``de_DE.UTF-8`` and ``de`` choose German; ``C``, ``POSIX``, unset or a language without a
    catalogue fall back to English.
    """
    environ = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "").strip()
        if value:
            code = re.split(r"[_.@-]", value, maxsplit=1)[0].lower()
            return code if code in languages() else SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


@lru_cache(maxsize=None)
def load_catalogue(language: str) -> dict:
    data = read_yaml(catalogue_path(language)) or {}
    return {"report": data.get("report") or {}, "rules": data.get("rules") or {}, "phrases": data.get("phrases") or {}}


class _Pattern:
    """An English phrase with {placeholders}, matched against a whole text.

    A text can often be split in several ways ("while {context} {problem}"); every split is
    tried, and the first whose parts are all known phrases wins, else the first split.
    """

    def __init__(self, source: str, target: str):
        self.target = target
        self.parts: list = []  # literal strings and (name, digits_only) placeholders, alternating
        position = 0
        for match in _PLACEHOLDER.finditer(source):
            self.parts += [source[position:match.start()], (match.group(1), bool(match.group(2)))]
            position = match.end()
        self.parts.append(source[position:])

    def splits(self, text: str, start: int = 0, index: int = 0, found: dict | None = None):
        found = found or {}
        part = self.parts[index]
        if index == len(self.parts) - 1:  # the closing literal
            if text[start:] == part:
                yield found
            return
        if isinstance(part, str):
            if text.startswith(part, start):
                yield from self.splits(text, start + len(part), index + 1, found)
            return
        name, digits = part
        for end in range(start + 1, len(text) + 1):
            value = text[start:end]
            if digits and not value.isdigit():
                break
            yield from self.splits(text, end, index + 1, {**found, name: value})


def _fill(template: str, values: dict) -> str:
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


class Messages:
    """Messages, fixes and report words in one language."""

    def __init__(self, language: str = SOURCE_LANGUAGE):
        if language not in languages():
            raise ValueError(f"no validation messages in '{language}'; available: {', '.join(languages())}")
        self.language = language
        catalogue = load_catalogue(language) if language != SOURCE_LANGUAGE else {"report": {}, "rules": {}, "phrases": {}}
        self._report = {**REPORT, **catalogue["report"]}
        self._rules = catalogue["rules"]
        self._exact: dict[str, str] = {}
        self._patterns: list[_Pattern] = []
        self._known: dict[str, str | None] = {}  # phrase() results: patterns try many splits
        for source, target in catalogue["phrases"].items():
            if _PLACEHOLDER.search(source):
                self._patterns.append(_Pattern(source, target))
            else:
                self._exact[source] = target

    # -- phrases -------------------------------------------------------------------------------

    def phrase(self, text: str) -> str | None:
        """The translation of a check's English text, or None when no phrase matches it."""
        if self.language == SOURCE_LANGUAGE:
            return text
        if text not in self._known:
            self._known[text] = None  # a pattern that leads back to the same text finds nothing
            self._known[text] = self._lookup(text)
        return self._known[text]

    def _lookup(self, text: str) -> str | None:
        if text in self._exact:
            return self._exact[text]
        for pattern in self._patterns:
            first = None
            for split in pattern.splits(text):
                first = first or split
                if all(self.phrase(value) is not None for value in split.values()):
                    first = split
                    break
            if first is not None:
                return _fill(pattern.target, {name: self.translate(value) for name, value in first.items()})
        if ", " in text:  # a list of phrases, e.g. changed sections
            parts = text.split(", ")
            translated = [self.phrase(part) for part in parts]
            if any(t is not None for t in translated):
                return ", ".join(t if t is not None else p for t, p in zip(translated, parts))
        return None

    def translate(self, text: str) -> str:
        found = self.phrase(text)
        return text if found is None else found

    def params(self, finding: Finding) -> dict:
        return {key: self.translate(value) if key in PROSE and isinstance(value, str) else value for key, value in finding.params.items()}

    # -- messages ------------------------------------------------------------------------------

    def template(self, rule: str, part: str) -> str:
        """A rule's message or fix template in this language (English where none is translated)."""
        translated = self._rules.get(rule) or {}
        return translated.get(part) or rules()[rule][part]

    def message(self, finding: Finding) -> str:
        return _render(self.template(finding.rule, "message"), self.params(finding))

    def fix(self, finding: Finding) -> str:
        return _render(self.template(finding.rule, "fix"), self.params(finding))

    def full(self, finding: Finding) -> str:
        """What is wrong and how to fix it, as every format prints it."""
        return f"{self.message(finding)}. {self._report['fix']}: {self.fix(finding)}"

    def severity(self, finding: Finding) -> str:
        """The severity word as the reader sees it (machine formats keep error/warning)."""
        return self._report[rules()[finding.rule]["severity"]]

    def summary(self, errors: int, warnings: int, files_with_problems: int, files: int) -> str:
        if not errors and not warnings:
            return self._report["all_good"].format(files=files)
        return self._report["found"].format(
            errors=self._count("errors", errors), warnings=self._count("warnings", warnings),
            files_with_problems=files_with_problems, files=files,
        )

    def _count(self, word: str, count: int) -> str:
        return self._report[f"{word}_{'one' if count == 1 else 'other'}"].format(count=count)


class _Defaulting(dict):
    def __missing__(self, key):
        return ""


def _text(value) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value)


def _render(template: str, params: dict) -> str:
    return Formatter().vformat(template, (), _Defaulting({k: _text(v) for k, v in params.items()}))


def placeholders(template: str) -> set[str]:
    """The {names} a rule template uses ({{ and }} are literal braces)."""
    return {name for _, name, _, _ in Formatter().parse(template) if name}
