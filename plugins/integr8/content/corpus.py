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
from . import glossary as glossary_file
from .model import Module, ModuleVersion, Page, Partner, SourceFile
from .programmes import Programme, load_programmes
from .textfile import NotUtf8, decode, split_front_matter
from .yamlsource import Position, YamlDocument, YamlSyntaxError, load

VOCABULARIES_FILE = "vocabularies.yml"
PARTNERS_FILE = "partners.yml"
# Data files a site may have; without one, its pages are simply not made.
OPTIONAL_DATA_FILES = ("self-check.yml", "directory.yml", "doors.yml", glossary_file.FILE)
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
    programmes: dict[str, Programme] = field(default_factory=dict)  # curriculum/programmes/<id>.yml
    glossary: glossary_file.Glossary | None = None  # curriculum/glossary.yml, when the site has one
    problems: list[Finding] = field(default_factory=list)
    # What other layers work out from the whole corpus once and share (the translation status,
    # which the validator and the site both need), by name. Not part of the content.
    derived: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def cases(self) -> list[Page]:
        return [page for page in self.pages if page.kind == "case"]

    @property
    def handbook(self) -> list[Page]:
        return [page for page in self.pages if page.kind == "handbook"]

    def files(self):
        """Every Markdown source file, module versions first."""
        for module in self.modules.values():
            yield from module.versions.values()
        yield from self.pages


def load_corpus(project: Project) -> Corpus:
    corpus = Corpus(project)
    _load_data_files(corpus)
    _load_modules(corpus)
    load_programmes(corpus)
    _load_pages(corpus)
    _load_glossary(corpus)
    return corpus


def _load_glossary(corpus: Corpus) -> None:
    data = corpus.data_files.get(glossary_file.FILE)
    if data is not None:
        corpus.glossary = glossary_file.build_glossary(data.rel, data.doc, corpus.project.default_language)


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
    for name in OPTIONAL_DATA_FILES:
        path = curriculum / name
        if path.is_file():
            rel = corpus.project.relative(path)
            corpus.data_files[name] = DataFile(path, rel, read_yaml(path, rel, corpus.problems))
    vocabularies = corpus.data_files[VOCABULARIES_FILE].doc
    if vocabularies and isinstance(vocabularies.data, dict):
        corpus.vocabularies = {
            name: terms for name, terms in vocabularies.data.items() if isinstance(terms, dict)
        }
    _add_labels_from_strings_files(corpus)
    partners = corpus.data_files[PARTNERS_FILE].doc
    if partners and isinstance(partners.data, list):
        for entry in partners.data:
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                corpus.partners.setdefault(
                    entry["id"],
                    Partner(entry["id"], str(entry.get("name", entry["id"])), str(entry.get("country", "")), entry.get("url")),
                )


def _add_labels_from_strings_files(corpus: Corpus) -> None:
    """Vocabulary labels a language's strings file brings, where vocabularies.yml has none."""
    from ..i18n.strings import load_strings

    for code in corpus.project.codes:
        try:
            extra = load_strings(corpus.project.strings_dirs, code).vocabulary_labels
        except Exception:  # noqa: BLE001 - a broken strings file is reported by its own check
            continue
        for name, labels in extra.items():
            for term, label in labels.items():
                entry = corpus.vocabularies.get(name, {}).get(term)
                if isinstance(entry, dict) and not entry.get(code):
                    entry[code] = label


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


# Folders of docs/ whose pages are catalogue items of their own kind; their front matter is required.
PAGE_KIND_FOLDERS = {"cases/": "case", "handbook/": "handbook"}
FRONT_MATTER_KINDS = set(PAGE_KIND_FOLDERS.values())


def _page_kind(rel_docs: str, base_name: str) -> str:
    if base_name == "index":
        return "page"
    for folder, kind in PAGE_KIND_FOLDERS.items():
        if rel_docs.startswith(folder):
            return kind
    return "page"


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
        kind = _page_kind(rel_docs, base_name)
        rel = corpus.project.relative(path)
        page = load_source(path, rel, language, corpus.problems, Page, required=kind in FRONT_MATTER_KINDS, base=base, kind=kind)
        if page is not None:
            corpus.pages.append(page)


__all__ = ["Corpus", "DataFile", "Position", "load_corpus"]
