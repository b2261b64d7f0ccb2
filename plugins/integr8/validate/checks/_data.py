"""Shared steps for checks of the optional data files (self-check, directory, doors)."""

from __future__ import annotations

from ...content.schema import fields
from ...findings import Finding
from ..schema import SchemaChecker, did_you_mean


def document(corpus, name: str, shape: type, found: str):
    """The data file's document when it exists, loaded and has the expected top-level shape.

    Returns (data_file, finding): a finding when the shape is wrong, else None.
    """
    data = corpus.data_files.get(name)
    if data is None or data.doc is None:
        return None, None
    if not isinstance(data.doc.data, shape):
        return None, Finding(data.rel, 1, 1, "yaml-not-mapping", {"found": found})
    return data, None


def check_entries(data, context, kind: str, example: str):
    """Schema-check a top-level list of entries with ids; report repeated ids."""
    checker = SchemaChecker(data.rel, data.doc, context)
    seen: dict[str, int] = {}
    for index, entry in enumerate(data.doc.data):
        if not isinstance(entry, dict):
            checker.add("field-type", (index,), {"field": f"[{index}]", "expected": "an entry of 'field: value' lines", "found": "something else", "example": example})
            continue
        checker.check_fields(entry, fields(kind), (index,))
        entry_id = entry.get("id")
        if isinstance(entry_id, str):
            if entry_id in seen:
                checker.add("id-duplicate", (index, "id"), {"id": entry_id, "other": f"entry {seen[entry_id] + 1} of {data.rel}"})
            seen.setdefault(entry_id, index)
    return checker


def reference(checker: SchemaChecker, path: tuple, value, what: str, known) -> None:
    """A reference-unknown finding when ``value`` is not among ``known``."""
    if isinstance(value, str) and value not in known:
        allowed = ", ".join(sorted(known)) or "(none yet)"
        checker.add("reference-unknown", path, {"value": value, "what": what, "did_you_mean": did_you_mean(value, known), "allowed": allowed})


def as_list(value) -> list:
    return value if isinstance(value, list) else []
