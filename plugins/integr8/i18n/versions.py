"""Versions of a source text, as translations record them in ``translated_from``.

A version is ``sha256:`` and 16 hex digits of a hash over the *normalised* source: line endings,
trailing white space, blank lines at the ends and the order of front-matter keys cannot change
it, because none of them changes what a translator has to translate. It depends on the file
alone, never on git history (CI clones are shallow).

To say *what* changed since a translation was made, the normalised text of every version that a
translation follows is kept in a small content-addressed store (``.integr8/sources/<hex>.md``),
written by ``integr8 status --mark-current``. Comparing it with today's source, section by
section, names the sections a translator has to look at.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..content.textfile import split_front_matter
from ..content.yamlsource import YamlSyntaxError, load

VERSION = re.compile(r"^sha256:([0-9a-f]{16})$")
# Fields that say something about the file itself, not about the text to translate.
UNTRANSLATED_FIELDS = {"translated_from"}
SECTION_HEADING = re.compile(r"^##\s+(.+?)\s*$")
HEADING_ATTRIBUTES = re.compile(r"\s*\{[^}]*\}\s*$")
STORE = Path(".integr8") / "sources"


def normalise(text: str) -> str:
    """The source as a translator sees it: canonical front matter, then the body, tidied."""
    split = split_front_matter(text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"))
    body = "\n".join(line.rstrip() for line in split.body.split("\n")).strip("\n") + "\n"
    if split.yaml_text is None:
        return body
    return "---\n" + _canonical_front_matter(split.yaml_text) + "\n---\n" + body


def _canonical_front_matter(yaml_text: str) -> str:
    try:
        data = load(yaml_text).data  # refuses aliases, which could expand without bound here
    except YamlSyntaxError:
        data = None
    if not isinstance(data, dict):
        # Broken front matter is reported by the validator; hash what is written, tidied.
        return "\n".join(line.rstrip() for line in yaml_text.split("\n")).strip("\n")
    kept = {str(key): value for key, value in data.items() if key not in UNTRANSLATED_FIELDS}
    return json.dumps(kept, sort_keys=True, ensure_ascii=False, indent=1, default=str)


def version_of(text: str) -> str:
    digest = hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()
    return f"sha256:{digest[:16]}"


def is_version(value) -> bool:
    return isinstance(value, str) and bool(VERSION.match(value))


# Sections ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    name: str  # a front-matter field, or a heading's text without its {…} attributes
    text: str


@dataclass(frozen=True)
class Change:
    kind: str  # "changed", "added" or "removed"
    section: str


def sections(normalised_text: str) -> list[Section]:
    """Front-matter fields, the text before the first ``##`` heading, and each ``##`` section."""
    split = split_front_matter(normalised_text)
    found = []
    if split.yaml_text is not None:
        try:
            data = json.loads(split.yaml_text)
        except ValueError:
            data = {"front matter": split.yaml_text}
        for key, value in data.items():
            found.append(Section(key, json.dumps(value, sort_keys=True, ensure_ascii=False)))
    name, lines = "", []
    for line in split.body.split("\n"):
        heading = SECTION_HEADING.match(line)
        if heading:
            if name or any(lines):
                found.append(Section(name or "(introduction)", "\n".join(lines).strip()))
            name, lines = HEADING_ATTRIBUTES.sub("", heading.group(1)), [line]
        else:
            lines.append(line)
    if name or any(lines):
        found.append(Section(name or "(introduction)", "\n".join(lines).strip()))
    return found


def changes(old_text: str, new_text: str) -> list[Change]:
    """What a translator must look at: sections changed, added or removed, in today's order.

    Sections are matched by name (a session whose duration changed keeps its name), and
    repeated names by their order among equals.
    """
    old, new = _keyed(sections(old_text)), _keyed(sections(new_text))
    result = []
    for key, section in new.items():
        if key not in old:
            result.append(Change("added", section.name))
        elif old[key].text != section.text:
            result.append(Change("changed", section.name))
    result.extend(Change("removed", section.name) for key, section in old.items() if key not in new)
    return result


def _keyed(found: list[Section]) -> dict[tuple[str, int], Section]:
    seen: dict[str, int] = {}
    keyed = {}
    for section in found:
        seen[section.name] = seen.get(section.name, 0) + 1
        keyed[(section.name, seen[section.name])] = section
    return keyed


# The store of versions that translations follow ----------------------------------------


class VersionStore:
    """Normalised source texts by version, kept in the repository beside the content."""

    def __init__(self, root: Path):
        self.folder = Path(root) / STORE

    def path(self, version: str) -> Path:
        return self.folder / f"{VERSION.match(version).group(1)}.md"

    def get(self, version: str) -> str | None:
        if not is_version(version):
            return None
        try:
            return self.path(version).read_text(encoding="utf-8")
        except OSError:
            return None

    def put(self, source_text: str) -> str:
        version = version_of(source_text)
        path = self.path(version)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(normalise(source_text), encoding="utf-8")
        return version

    def prune(self, in_use: set[str]) -> list[Path]:
        """Remove stored versions no translation follows any more."""
        removed = []
        if self.folder.is_dir():
            for path in sorted(self.folder.glob("*.md")):
                if f"sha256:{path.stem}" not in in_use:
                    path.unlink()
                    removed.append(path)
        return removed
