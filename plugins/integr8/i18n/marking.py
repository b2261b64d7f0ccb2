"""Recording in a translation which source version it follows (``integr8 status --mark-current``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .status import TranslationStatus

FIELD = "translated_from"
_FIELD_LINE = re.compile(rf"^{FIELD}\s*:.*$")


class CannotMark(Exception):
    """The file cannot be marked; the message says why and what to do instead."""


@dataclass
class Marked:
    path: str
    source: str
    version: str
    previous: str | None


def mark_current(status: TranslationStatus, rel: str) -> Marked:
    item = status.item_for_file(rel)
    if item is None:
        raise CannotMark(f"{rel}: not a content file (a module text under curriculum/ or a page under docs/)")
    if item.source is None:
        raise CannotMark(f"{rel}: its source in '{item.source_language}' does not exist, so there is no version to follow")
    if item.source.rel == rel:
        raise CannotMark(f"{rel}: this is the source text; only translations record the version they follow")
    translation = next(t for t in item.translations.values() if t.path == rel)
    version = status.store.put(item.source.raw)
    write_field(translation.file.path, version)
    return Marked(rel, item.source.rel, version, translation.recorded)


def write_field(path: Path, version: str) -> None:
    """Set ``translated_from`` in the front matter, keeping every other byte as it was."""
    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw[3 if bom else 0 :].decode("utf-8")
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    if not lines or lines[0].rstrip() != "---":
        raise CannotMark(f"{path}: has no front matter; add '---' lines around a 'title:' at the top first")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        raise CannotMark(f"{path}: the front matter is not closed with a '---' line")
    line = f"{FIELD}: {version}"
    for index in range(1, end):
        if _FIELD_LINE.match(lines[index]):
            lines[index] = line
            break
    else:
        lines.insert(end, line)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + newline.join(lines).encode("utf-8"))
