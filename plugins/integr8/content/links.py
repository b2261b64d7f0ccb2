"""Where a link in partner-written Markdown points, in the repository and on the site.

Partners link by file path, as GitHub's preview understands it: from a module to another module
with ``../health-system/de.md``, from a page to a page with ``../cases/integr8.md``. The same
resolution serves the link checker and the build, which turns targets into site URLs.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from .model import SourceFile

SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


@dataclass(frozen=True)
class Target:
    kind: str  # "self", "modules", "module", "page", "module-asset" or "asset"
    key: str  # module id, page base (e.g. "cases/integr8"), or asset path relative to its root
    language: str | None  # the language version named by the link, if it names one
    anchor: str
    source: SourceFile | None  # the Markdown file named by the link, if any


def split(target: str) -> tuple[str, str]:
    path, _, anchor = target.partition("#")
    return unquote(path.partition("?")[0]), unquote(anchor)


def scheme(target: str) -> str | None:
    """The URL scheme as a browser will see it: entities decoded, controls and spaces dropped."""
    match = SCHEME.match(re.sub(r"[\s\x00-\x1f]+", "", html.unescape(target)))
    return match.group(1).lower() if match and len(match.group(1)) > 1 else None


class LinkIndex:
    def __init__(self, corpus):
        self.corpus = corpus
        project = corpus.project
        self.docs = Path(os.path.normpath(project.docs_dir))
        self.curriculum = Path(os.path.normpath(project.curriculum_dir))
        self.pages: dict[str, dict[str, SourceFile]] = {}
        for page in corpus.pages:
            self.pages.setdefault(page.base, {})[page.language] = page
        self.default = project.default_language

    def page_version(self, base: str, language: str):
        versions = self.pages.get(base, {})
        return versions.get(language) or versions.get(self.default) or next(iter(versions.values()), None)

    def module_version(self, module_id: str, language: str):
        module = self.corpus.modules.get(module_id)
        if module is None:
            return None
        return module.versions.get(language) or module.source

    def resolve(self, source: SourceFile, target: str) -> Target | None:
        """The target of a relative link, or None when nothing is there."""
        path, anchor = split(target)
        if not path:
            return Target("self", "", source.language, anchor, source)
        if path.startswith("/"):
            return None
        absolute = Path(os.path.normpath(source.path.parent / path))
        if absolute.is_relative_to(self.curriculum):
            return self._in_curriculum(absolute, anchor, source.language)
        if absolute.is_relative_to(self.docs):
            return self._in_docs(absolute, path.endswith("/"), anchor, source.language)
        return None

    def _in_curriculum(self, absolute: Path, anchor: str, language: str) -> Target | None:
        parts = absolute.relative_to(self.curriculum).parts
        if not parts:  # the curriculum folder itself: the list of modules
            return Target("modules", "", None, anchor, None)
        if parts[0] not in self.corpus.modules:
            return None
        module = self.corpus.modules[parts[0]]
        if len(parts) == 1 or parts[1:] == ("module.yml",):
            return Target("module", module.id, None, anchor, self.module_version(module.id, language))
        if len(parts) == 2 and absolute.suffix == ".md":
            version = module.versions.get(absolute.stem)
            return Target("module", module.id, absolute.stem, anchor, version) if version else None
        if absolute.is_file():
            return Target("module-asset", absolute.relative_to(self.curriculum).as_posix(), None, anchor, None)
        return None

    def _in_docs(self, absolute: Path, is_dir: bool, anchor: str, language: str) -> Target | None:
        rel = absolute.relative_to(self.docs).as_posix()
        if absolute.is_dir() or is_dir:
            rel = f"{rel}/index.md" if rel != "." else "index.md"
        if rel.endswith(".md"):
            stem = rel[: -len(".md")]
            base, dot, suffix = stem.rpartition(".")
            if dot and base in self.pages and suffix in self.pages[base]:
                return Target("page", base, suffix, anchor, self.pages[base][suffix])
            if stem in self.pages:
                return Target("page", stem, None, anchor, self.page_version(stem, language))
            return None
        if absolute.is_file():
            return Target("asset", rel, None, anchor, None)
        return None


def site_path(target: Target, language: str, default_language: str) -> str:
    """The site-root-relative URL of a resolved target, in the reader's language."""
    prefix = "" if language == default_language else f"{language}/"
    if target.kind == "modules":
        return f"{prefix}modules/"
    if target.kind == "module":
        return f"{prefix}modules/{target.key}/"
    if target.kind == "page":
        base = target.key
        if base == "index":
            return prefix
        if base.endswith("/index"):
            base = base[: -len("/index")]
        return f"{prefix}{base}/"
    if target.kind == "module-asset":  # copied beside the module's pages
        return f"modules/{target.key}"
    return target.key  # docs assets keep their path, shared by all languages
