"""Loading all content of a project into one :class:`Corpus`, collecting problems on the way.

Loading never raises for bad content: broken YAML, wrong encodings and unknown language
suffixes become findings, and the rest of the corpus still loads, so that one run reports
every problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import Finding
from ..project import Project
from . import body as body_syntax
from .model import Module, ModuleVersion, Page, Partner, SourceFile
from .textfile import NotUtf8, decode, split_front_matter
from .yamlsource import Position, YamlDocument, YamlSyntaxError, load

VOCABULARIES_FILE = "vocabularies.yml"
PARTNERS_FILE = "partners.yml"
_LOCALE_LIKE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$")


@dataclass
class DataFile:
    path: Path
    rel: str
    doc: YamlDocument | None


@dataclass
class Corpus:
    project: Project
    modules: dict[str, Module] = field(default_factory=dict)
    pages: list[Page] = field(default_factory=list)
    partners: dict[str, Partner] = field(default_factory=dict)
    vocabularies: dict[str, dict[str, dict]] = field(default_factory=dict)
    data_files: dict[str, DataFile] = field(default_factory=dict)
    problems: list[Finding] = field(default_factory=list)

    @property
    def cases(self) -> list[Page]:
        return [page for page in self.pages if page.kind == "case"]

    def files(self):
        """Every Markdown source file, module versions first."""
        for module in self.modules.values():
            yield from module.versions.values()
        yield from self.pages


def load_corpus(project: Project) -> Corpus:
    corpus = Corpus(project)
    _load_data_files(corpus)
    _load_modules(corpus)
    _load_pages(corpus)
    return corpus


def read_text(path: Path, rel: str, problems: list[Finding]) -> str | None:
    try:
        return decode(path.read_bytes())
    except NotUtf8 as error:
        problems.append(Finding(rel, error.position.line, error.position.column, "encoding", {"byte": f"0x{error.byte:02x}"}))
    except OSError as error:
        problems.append(Finding(rel, 1, 1, "unreadable", {"reason": error.strerror or str(error)}))
    return None


def read_yaml(path: Path, rel: str, problems: list[Finding]) -> YamlDocument | None:
    text = read_text(path, rel, problems)
    if text is None:
        return None
    try:
        document = load(text)
    except YamlSyntaxError as error:
        problems.append(Finding(rel, error.position.line, error.position.column, "yaml-syntax", {"problem": error.problem}))
        return None
    _report_duplicate_keys(document, rel, problems)
    return document


def _report_duplicate_keys(document: YamlDocument, rel: str, problems: list[Finding]) -> None:
    for key_path, position in document.duplicate_keys:
        problems.append(Finding(rel, position.line, position.column, "yaml-duplicate-key", {"field": key_path[-1]}))


def _load_data_files(corpus: Corpus) -> None:
    curriculum = corpus.project.curriculum_dir
    for name in (VOCABULARIES_FILE, PARTNERS_FILE):
        path = curriculum / name
        rel = corpus.project.relative(path)
        if not path.is_file():
            corpus.problems.append(Finding(rel, 1, 1, "data-file-missing", {"file": rel}))
            corpus.data_files[name] = DataFile(path, rel, None)
            continue
        corpus.data_files[name] = DataFile(path, rel, read_yaml(path, rel, corpus.problems))
    vocabularies = corpus.data_files[VOCABULARIES_FILE].doc
    if vocabularies and isinstance(vocabularies.data, dict):
        corpus.vocabularies = {
            name: terms for name, terms in vocabularies.data.items() if isinstance(terms, dict)
        }
    partners = corpus.data_files[PARTNERS_FILE].doc
    if partners and isinstance(partners.data, list):
        for entry in partners.data:
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                corpus.partners.setdefault(
                    entry["id"],
                    Partner(entry["id"], str(entry.get("name", entry["id"])), str(entry.get("country", "")), entry.get("url")),
                )


def load_source(path: Path, rel: str, language: str, problems: list[Finding], cls=SourceFile, *, required=True, **extra):
    """A Markdown file with its front matter; problems with either become findings."""
    text = read_text(path, rel, problems)
    if text is None:
        return None
    split = split_front_matter(text)
    meta: dict = {}
    doc = None
    if split.yaml_text is None:
        if required:
            problems.append(Finding(rel, 1, 1, "front-matter-missing", {}))
    elif split.unclosed:
        problems.append(Finding(rel, 1, 1, "front-matter-unclosed", {}))
    else:
        try:
            doc = load(split.yaml_text, split.yaml_first_line)
        except YamlSyntaxError as error:
            problems.append(Finding(rel, error.position.line, error.position.column, "yaml-syntax", {"problem": error.problem}))
        else:
            _report_duplicate_keys(doc, rel, problems)
            if isinstance(doc.data, dict):
                meta = doc.data
            else:
                problems.append(Finding(rel, split.yaml_first_line, 1, "front-matter-not-mapping", {"found": _kind_of(doc.data)}))
                doc = None
    return cls(path=path, rel=rel, language=language, meta=meta, doc=doc, text=split.body, body_line=split.body_first_line, raw=text, **extra)


def _kind_of(value) -> str:
    if value is None:
        return "nothing"
    return {str: "text", list: "a list", int: "a number", float: "a number", bool: "true/false"}.get(type(value), type(value).__name__)


def _load_modules(corpus: Corpus) -> None:
    curriculum = corpus.project.curriculum_dir
    if not curriculum.is_dir():
        return
    for folder in sorted(p for p in curriculum.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if folder.name == "programmes":
            continue
        module_file = folder / "module.yml"
        rel = corpus.project.relative(module_file)
        doc = read_yaml(module_file, rel, corpus.problems) if module_file.is_file() else None
        if not module_file.is_file():
            corpus.problems.append(Finding(rel, 1, 1, "module-file-missing", {"folder": corpus.project.relative(folder)}))
        meta = doc.data if doc and isinstance(doc.data, dict) else {}
        if doc is not None and not isinstance(doc.data, dict):
            corpus.problems.append(Finding(rel, 1, 1, "yaml-not-mapping", {"found": _kind_of(doc.data)}))
            doc = None
        module = Module(folder.name, folder, rel, meta, doc)
        for path in sorted(folder.glob("*.md")):
            version_rel = corpus.project.relative(path)
            version = load_source(path, version_rel, path.stem, corpus.problems, ModuleVersion, module_id=folder.name)
            if version is None:
                continue
            version.body = body_syntax.parse(version.text, version_rel, version.body_line)
            module.versions[path.stem] = version
        corpus.modules[folder.name] = module


def _excluded(rel_to_docs: str, excludes: list[str]) -> bool:
    return any(rel_to_docs.startswith(prefix) for prefix in excludes)


def _load_pages(corpus: Corpus) -> None:
    docs = corpus.project.docs_dir
    if not docs.is_dir():
        return
    excludes = corpus.project.exclude_prefixes
    for path in sorted(docs.rglob("*.md")):
        rel_docs = path.relative_to(docs).as_posix()
        if _excluded(rel_docs, excludes):
            continue
        stem, dot, suffix = path.stem.rpartition(".")
        if dot and _LOCALE_LIKE.match(suffix):
            language, base_name = suffix, stem
        else:
            language, base_name = corpus.project.default_language, path.stem
        base = (Path(rel_docs).parent / base_name).as_posix().removeprefix("./")
        kind = "case" if rel_docs.startswith("cases/") and base_name != "index" else "page"
        rel = corpus.project.relative(path)
        page = load_source(path, rel, language, corpus.problems, Page, required=kind == "case", base=base, kind=kind)
        if page is not None:
            corpus.pages.append(page)


__all__ = ["Corpus", "DataFile", "Position", "load_corpus"]
