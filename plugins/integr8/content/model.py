"""The content items as loaded from the repository, before any check."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .body import Body
from .yamlsource import YamlDocument


@dataclass
class SourceFile:
    """A Markdown file with front matter: a module language version, a case, or another page."""

    path: Path
    rel: str  # path relative to the project root, as shown in messages
    language: str  # language code from the file name (may be unconfigured: then flagged)
    meta: dict  # front matter ({} if missing or broken)
    doc: YamlDocument | None  # front matter with positions
    text: str  # the body
    body_line: int  # line of the file where the body starts
    raw: str = ""  # the whole file as decoded text (for hashing)

    @property
    def title(self) -> str:
        title = self.meta.get("title")
        return title if isinstance(title, str) else ""


@dataclass
class ModuleVersion(SourceFile):
    module_id: str = ""
    body: Body | None = None


@dataclass
class Module:
    id: str  # the folder name
    folder: Path
    rel: str  # the module.yml path as shown in messages
    meta: dict
    doc: YamlDocument | None
    versions: dict[str, ModuleVersion] = field(default_factory=dict)

    @property
    def source_language(self) -> str | None:
        value = self.meta.get("source_language")
        return value if isinstance(value, str) else None

    @property
    def source(self) -> ModuleVersion | None:
        return self.versions.get(self.source_language or "")


@dataclass
class Page(SourceFile):
    """A page under docs/: ``base`` is its path without language suffix, e.g. ``cases/integr8``."""

    base: str = ""
    kind: str = "page"  # "case" for docs/cases/*, "handbook" for docs/handbook/*, else "page"


@dataclass
class Partner:
    id: str
    name: str
    country: str
    url: str | None = None
