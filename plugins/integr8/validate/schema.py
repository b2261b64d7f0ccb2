"""Checking metadata against the field definitions of content/schema.yml.

One generic walker serves module.yml, front matter and partners.yml, so that a field's rules
live in the schema file and nowhere else.
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass

from ..content.schema import patterns, schema
from ..content.yamlsource import Position, YamlDocument
from ..findings import Finding

# Value types checked by their pattern in schema.yml; a date is checked as a calendar date instead.
PATTERNS = {kind: re.compile(text) for kind, text in patterns().items() if kind != "date"}
SLUG = PATTERNS["slug"]
PLAIN_TEXT_MARKUP = re.compile(r"<[A-Za-z/!]|\]\(|\*\*|__|^#|`")

EXPECTED = {
    "string": "text",
    "plain_text": "plain text without Markdown or HTML",
    "integer": "a whole number",
    "slug": "a slug of lowercase letters, digits and single hyphens",
    "date": "a date written YYYY-MM-DD",
    "month": "a month written YYYY-MM",
    "https_url": "a web address starting with https://",
    "country": "a two-letter country code such as DE (ISO 3166-1 alpha-2)",
    "language": "a language code",
    "term": "a value from a list",
    "partner": "a partner id",
    "module": "a module id",
    "license": "an allowed licence id",
    "source_hash": "a source version such as sha256:0123456789abcdef (set by integr8 status --mark-current)",
    "list": "a list",
    "object": "a group of fields",
    "boolean": "true or false",
    "translated_text": "a text per language, one line 'language: text' each",
    "time": 'a time of day written in quotes, such as "09:30"',
}


@dataclass
class Context:
    languages: list[str]
    vocabularies: dict[str, dict]
    partners: set[str]
    modules: set[str]
    today: datetime.date


def describe(value) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (yes/no)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def did_you_mean(value, options) -> str:
    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _example(spec) -> str:
    example = spec.get("example", "…")
    if isinstance(example, list):
        return "[" + ", ".join(map(str, example)) + "]"
    return str(example)


class SchemaChecker:
    def __init__(self, rel: str, doc: YamlDocument | None, context: Context, origin: Position = Position(1, 1)):
        self.rel = rel
        self.doc = doc
        self.context = context
        self.origin = origin
        self.findings: list[Finding] = []

    def _at(self, path, key=False) -> Position:
        if self.doc is None:
            return self.origin
        return self.doc.key_position(path, self.origin) if key else self.doc.where(path, self.origin)

    def add(self, rule: str, path, params: dict, key=False) -> None:
        position = self._at(path, key)
        self.findings.append(Finding(self.rel, position.line, position.column, rule, params))

    def check_fields(self, data: dict, fields: dict, path: tuple = (), open_kind: bool = False) -> None:
        for name, spec in fields.items():
            if name not in data:
                if spec.get("required"):
                    self.add("field-required", path, {"field": _dotted(path, name), "example": _example(spec)})
                continue
            self.check_value(data[name], spec, path + (name,))
        if open_kind:
            return
        for name in data:
            if name not in fields:
                self.add(
                    "field-unknown",
                    path + (name,),
                    {"field": name, "did_you_mean": did_you_mean(name, fields), "allowed": ", ".join(fields)},
                    key=True,
                )

    def check_value(self, value, spec: dict, path: tuple) -> None:
        kind = spec["type"]
        field = _dotted(path[:-1], path[-1]) if path else "value"
        if value is None:
            if not spec.get("nullable"):
                self.add("field-type", path, {"field": field, "expected": EXPECTED[kind], "found": "empty", "example": _example(spec)})
            return
        if kind == "list":
            if not isinstance(value, list):
                self.add("field-type", path, {"field": field, "expected": "a list", "found": describe(value), "example": _example(spec)})
                return
            if len(value) < spec.get("min_items", 0):
                self.add("field-empty", path, {"field": field, "example": _example(spec)})
            item_spec = {"example": (spec.get("example") or ["…"])[0], **spec["items"]}
            for index, item in enumerate(value):
                self.check_value(item, item_spec, path + (index,))
            if len(set(map(repr, value))) != len(value):
                self.add("field-type", path, {"field": field, "expected": "a list without repeated values", "found": "a value listed twice", "example": _example(spec)})
            return
        if kind == "translated_text":
            self.check_translations(value, spec, path, field)
            return
        if kind == "object":
            if not isinstance(value, dict):
                self.add("field-type", path, {"field": field, "expected": "a group of fields", "found": describe(value), "example": _example(spec)})
                return
            self.check_fields(value, spec["fields"], path)
            return
        self.check_scalar(value, spec, path, field)

    def check_scalar(self, value, spec: dict, path: tuple, field: str) -> None:
        kind = spec["type"]
        context = self.context

        def wrong():
            self.add("field-type", path, {"field": field, "expected": EXPECTED[kind], "found": describe(value), "example": _example(spec)})

        if kind == "integer":
            if isinstance(value, bool) or not isinstance(value, int):
                return wrong()
            if value < spec.get("minimum", value):
                self.add("field-type", path, {"field": field, "expected": f"a whole number of at least {spec['minimum']}", "found": describe(value), "example": _example(spec)})
            if value > spec.get("maximum", value):
                self.add("field-type", path, {"field": field, "expected": f"a whole number of at most {spec['maximum']}", "found": describe(value), "example": _example(spec)})
            return
        if kind == "boolean":
            if not isinstance(value, bool):
                wrong()
            return
        if kind == "time" and isinstance(value, int) and not isinstance(value, bool):
            # YAML 1.1 reads an unquoted 9:30 as the number 570 (base 60); say what the partner wrote.
            found = f"{value // 60}:{value % 60:02d} without quotes, which YAML reads as the number {value}"
            self.add("field-type", path, {"field": field, "expected": EXPECTED[kind], "found": found, "example": _example(spec)})
            return
        if not isinstance(value, str) or not value.strip():
            return wrong()
        if kind in PATTERNS:
            if not PATTERNS[kind].match(value):
                wrong()
        elif kind in ("string", "plain_text"):
            if kind == "plain_text" and PLAIN_TEXT_MARKUP.search(value):
                wrong()
            maximum = spec.get("max_length")
            if maximum and len(value.strip()) > maximum:
                self.add("field-too-long", path, {"field": field, "length": len(value.strip()), "maximum": maximum})
        elif kind == "date":
            try:
                datetime.date.fromisoformat(value)
                if len(value) != 10:
                    raise ValueError
            except ValueError:
                wrong()
        elif kind == "country":
            if value not in schema()["countries"]:
                wrong()
        elif kind == "license":
            allowed = schema()["licenses"]
            if value not in allowed:
                self.add("field-type", path, {"field": field, "expected": "one of " + ", ".join(allowed), "found": describe(value), "example": _example(spec)})
        elif kind == "language":
            if value not in context.languages:
                self.add("language-unknown", path, {"language": value, "languages": ", ".join(context.languages)})
        elif kind == "term":
            terms = context.vocabularies.get(spec["vocabulary"], {})
            if value not in terms:
                self.add("vocabulary-unknown", path, {"value": value, "vocabulary": spec["vocabulary"], "allowed": ", ".join(terms), "did_you_mean": did_you_mean(value, terms)})
        elif kind == "partner":
            if value not in context.partners:
                self.add("partner-unknown", path, {"value": value, "allowed": ", ".join(sorted(context.partners)), "did_you_mean": did_you_mean(value, context.partners)})
        elif kind == "module":
            if value not in context.modules:
                self.add("prerequisite-unknown", path, {"value": value, "did_you_mean": did_you_mean(value, context.modules)})

    def check_translations(self, value, spec: dict, path: tuple, field: str) -> None:
        """A text given once per language: every site language present, no unknown ones."""
        if not isinstance(value, dict):
            self.add("field-type", path, {"field": field, "expected": EXPECTED["translated_text"], "found": describe(value), "example": "{de: …, en: …}"})
            return
        languages = self.context.languages
        # all_languages: false when readers of a missing language get another one (programmes)
        for language in languages if spec.get("all_languages", True) else ():
            if not isinstance(value.get(language), str) or not value[language].strip():
                self.add("text-language-missing", path, {"field": field, "language": language, "languages": ", ".join(languages)}, key=True)
        for language, text in value.items():
            if language not in languages:
                self.add("language-unknown", path + (language,), {"language": language, "languages": ", ".join(languages)}, key=True)
            elif isinstance(text, str) and text.strip():
                self.check_scalar(text, {**spec, "type": "plain_text" if spec.get("plain") else "string"}, path + (language,), f"{field}.{language}")


def _dotted(path: tuple, name) -> str:
    parts = [str(part) if not isinstance(part, int) else f"[{part}]" for part in (*path, name)]
    return ".".join(parts).replace(".[", "[")
