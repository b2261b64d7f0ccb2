"""Programmes: longer courses made of modules, one YAML file each (curriculum/programmes/<id>.yml).

    id: integration-guides
    title: {de: "…", en: "…"}
    source_language: de
    days:
      - title: {de: Tag 1, en: Day 1}
        items:
          - module: knowing-my-rights
          - break: 30
          - module: health-system
            duration_minutes: 90

Loading keeps positions, like every other content file; :func:`schedule` turns a programme into
days of timed entries, the one computation the validator (day lengths) and the pages (start
times, totals) share.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..findings import Finding
from .schema import fields
from .yamlsource import YamlDocument

FOLDER = "programmes"  # below the curriculum folder


@dataclass
class Programme:
    id: str  # the file name without .yml
    path: Path
    rel: str
    meta: dict
    doc: YamlDocument | None

    @property
    def source_language(self) -> str | None:
        value = self.meta.get("source_language")
        return value if isinstance(value, str) else None

    def setting(self, name: str):
        """A field's value, or its default from the schema when it is missing or unusable."""
        value = self.meta.get(name)
        default = fields("programme")[name].get("default")
        return value if isinstance(value, type(default)) and not isinstance(value, bool) else default


@dataclass
class Entry:
    """One entry of a day: a module or a break, with the minutes it takes in this programme."""

    index: int  # its position in the day's items
    kind: str  # "module", "break", or "invalid" (neither, or both: a finding)
    minutes: int | None  # None when unknown (an unknown module, a wrong number)
    module: str | None = None
    own_minutes: int | None = None  # the module's duration_minutes, for overrides
    title: dict = field(default_factory=dict)  # a break's title per language


@dataclass
class Day:
    index: int
    title: dict  # per language; {} when the day is only numbered
    entries: list[Entry]

    @property
    def minutes(self) -> int:
        return sum(entry.minutes or 0 for entry in self.entries)

    @property
    def teaching_minutes(self) -> int:
        return sum(entry.minutes or 0 for entry in self.entries if entry.kind == "module")


def _count(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def _texts(value) -> dict:
    return {k: v for k, v in value.items() if isinstance(v, str) and v.strip()} if isinstance(value, dict) else {}


def schedule(programme: Programme, modules: dict) -> list[Day]:
    """The days of a programme as timed entries; malformed parts become entries without minutes."""
    days = []
    raw_days = programme.meta.get("days")
    for day_index, raw_day in enumerate(raw_days if isinstance(raw_days, list) else []):
        raw_day = raw_day if isinstance(raw_day, dict) else {}
        entries = []
        raw_items = raw_day.get("items")
        for index, item in enumerate(raw_items if isinstance(raw_items, list) else []):
            entries.append(_entry(index, item if isinstance(item, dict) else {}, modules))
        days.append(Day(day_index, _texts(raw_day.get("title")), entries))
    return days


def _entry(index: int, item: dict, modules: dict) -> Entry:
    if ("module" in item) == ("break" in item):
        return Entry(index, "invalid", None)
    if "break" in item:
        return Entry(index, "break", _count(item.get("break")), title=_texts(item.get("title")))
    module_id = item.get("module")
    module = modules.get(module_id) if isinstance(module_id, str) else None
    own = _count(module.meta.get("duration_minutes")) if module else None
    override = item.get("duration_minutes")
    minutes = _count(override) if override is not None else own
    return Entry(index, "module", minutes, module_id if isinstance(module_id, str) else None, own)


def load_programmes(corpus) -> None:
    """Every curriculum/programmes/*.yml into ``corpus.programmes``; problems become findings."""
    from .corpus import _kind_of, read_yaml

    folder = corpus.project.curriculum_dir / FOLDER
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.yml")):
        rel = corpus.project.relative(path)
        doc = read_yaml(path, rel, corpus.problems)
        if doc is not None and not isinstance(doc.data, dict):
            corpus.problems.append(Finding(rel, 1, 1, "yaml-not-mapping", {"found": _kind_of(doc.data)}))
            doc = None
        corpus.programmes[path.stem] = Programme(path.stem, path, rel, doc.data if doc else {}, doc)
