"""The two projects the bench builds from the same synthetic Markdown.

``ours``  the project's real ``mkdocs.yml``, its overrides and other files the configuration
          names, copied beside the synthetic ``curriculum/`` and ``docs/``: the real site
          configuration, pointing at the synthetic content.
``stock`` what a typical user of Material 9.8.1 and mkdocs-static-i18n 1.3.1 writes: Material's
          defaults, Material's search plugin, the same languages, and every module converted to a
          plain page ``docs/modules/<id>.<language>.md`` (stock MkDocs cannot read ``curriculum/``).
          Its search language is left to mkdocs-static-i18n (``reconfigure_search``, on by
          default), which adds the languages lunr.js supports and drops the others.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..content.textfile import split_front_matter
from ..project import _TolerantLoader  # reads the tags mkdocs.yml carries for MkDocs
from ..project import Project, load_project
from . import corpus as synthetic

# Markdown extensions of the stock project: the ones our mkdocs.yml uses that need no integr8 code.
STOCK_EXTENSIONS = ["toc", "attr_list", "md_in_html", "admonition", "tables", "def_list"]
_MODULE_LINK = re.compile(r"\]\(\.\./([a-z0-9-]+)/[A-Za-z_-]+\.md(#[^)]*)?\)")


@dataclass
class Workspace:
    root: Path
    ours: Path  # project folder with mkdocs.yml
    stock: Path
    summary: synthetic.CorpusSummary

    @property
    def ours_config(self) -> Path:
        return self.ours / "mkdocs.yml"

    @property
    def stock_config(self) -> Path:
        return self.stock / "mkdocs.yml"

    def site(self, name: str) -> Path:
        return self.root / f"site-{name}"


def prepare(project: Project, root: Path, size: int, seed: int) -> Workspace:
    ours, stock = root / "ours", root / "stock"
    ours.mkdir(parents=True)
    shutil.copy2(project.config_file, ours / "mkdocs.yml")
    _copy_configured_files(project, ours)
    summary = synthetic.generate(project, ours, size, seed)
    _write_stock(project, load_project(ours / "mkdocs.yml"), stock)
    return Workspace(root, ours, stock, summary)


def _copy_configured_files(project: Project, target: Path) -> None:
    """Everything the configuration points to besides content: overrides, strings, hooks, assets."""
    config = _config(project.config_file)
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    wanted = [theme.get("custom_dir"), project.options.get("strings_dir"), *(config.get("hooks") or [])]
    for rel in filter(None, wanted):
        if Path(rel).is_absolute():
            continue  # the copied mkdocs.yml still points to it
        source = project.root / rel
        if source.is_dir():
            shutil.copytree(source, target / rel, dirs_exist_ok=True)
        elif source.is_file():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / rel)
    # Stylesheets, scripts and images kept in docs/ are configuration too (extra_css, extra_javascript).
    for source in sorted(project.docs_dir.rglob("*")):
        rel = source.relative_to(project.docs_dir)
        if source.is_file() and source.suffix != ".md" and not any(rel.as_posix().startswith(p) for p in project.exclude_prefixes):
            destination = target / project.docs_dir.relative_to(project.root) / rel
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination)


def _config(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}  # noqa: S506


# The stock project ------------------------------------------------------------------------------


def stock_config(project: Project) -> dict:
    languages = [
        {"locale": language.code, "name": language.name, "default": language.default, "build": True}
        for language in project.languages
    ]
    return {
        "site_name": f"{_config(project.config_file).get('site_name', 'Site')} (stock Material)",
        "theme": {"name": "material", "language": project.default_language},
        "plugins": [
            "search",
            {"i18n": {"docs_structure": "suffix", "fallback_to_default": True, "languages": languages}},
        ],
        "markdown_extensions": list(STOCK_EXTENSIONS),
    }


def _write_stock(source_project: Project, ours: Project, stock: Path) -> None:
    docs = stock / "docs"
    docs.mkdir(parents=True)
    (stock / "mkdocs.yml").write_text(
        yaml.safe_dump(stock_config(source_project), allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    for path in sorted(ours.curriculum_dir.glob("*/*.md")):
        module_id, language = path.parent.name, path.stem
        target = docs / "modules" / f"{module_id}.{language}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(module_as_page(path.read_text(encoding="utf-8")), encoding="utf-8")
    for path in sorted(ours.docs_dir.rglob("*.md")):
        target = docs / path.relative_to(ours.docs_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)


def module_as_page(text: str) -> str:
    """A module language version as a plain Material page with the same text.

    The title stays in the front matter (Material shows it as the heading); the summary and
    objectives, which only integr8 reads from the front matter, become the page's first paragraph
    and list; links to other modules' files become links to their pages.
    """
    split = split_front_matter(text)
    meta = yaml.safe_load(split.yaml_text or "") or {}
    objectives = [f"- {objective}" for objective in meta.get("objectives") or []]
    body = _MODULE_LINK.sub(lambda m: f"]({m.group(1)}.md{m.group(2) or ''})", split.body)
    front = yaml.safe_dump({"title": meta.get("title", "")}, allow_unicode=True, width=10_000)
    return f"---\n{front}---\n\n{meta.get('summary', '')}\n\n" + "\n".join(objectives) + "\n\n" + body.lstrip("\n")
