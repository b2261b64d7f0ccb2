"""``integr8 new module <id> --lang de,en`` and ``integr8 new case <slug> --lang de``.

Scaffolds validate as they are, so a partner starts from a green check and changes one field
at a time.
"""

from __future__ import annotations

from pathlib import Path
from string import Template

from ..content.corpus import load_corpus
from ..content.editorschema import modeline
from ..content.schema import schema
from ..project import load_project
from ..validate.schema import SLUG
from . import OK, UsageError

TEMPLATES = Path(__file__).with_name("templates")


def register(commands) -> None:
    parser = commands.add_parser("new", help="create a module or case that validates at once")
    parser.add_argument("kind", choices=("module", "case"))
    parser.add_argument("id", metavar="ID", help="lowercase letters, digits and hyphens, e.g. knowing-my-rights")
    parser.add_argument("--lang", default=None, help="comma-separated languages, source first (default: the default language)")
    parser.set_defaults(run=run)


def _template(name: str, **values) -> str:
    return Template((TEMPLATES / name).read_text(encoding="utf-8")).substitute(values)


def run(args) -> int:
    project = load_project(args.config)
    if not SLUG.match(args.id):
        raise UsageError(f"'{args.id}' is not a valid id: use lowercase letters, digits and single hyphens, e.g. knowing-my-rights")
    languages = [code.strip() for code in (args.lang or project.default_language).split(",") if code.strip()]
    unknown = [code for code in languages if code not in project.codes]
    if unknown or not languages:
        raise UsageError(f"unknown language(s) {', '.join(unknown) or '(none)'}; configured in mkdocs.yml: {', '.join(project.codes)}")
    corpus = load_corpus(project)
    source = project.default_language if project.default_language in languages else languages[0]
    ordered = [source] + [code for code in languages if code != source]
    names = {language.code: language.name for language in project.languages}
    created = (_new_module if args.kind == "module" else _new_case)(project, corpus, args.id, ordered, names)
    for path in created:
        print(f"created {project.relative(path)}")
    print(f"Next: fill in the TODOs, then run: integr8 validate {project.relative(created[0].parent)}")
    return OK


def _terms(corpus, vocabulary: str) -> list[str]:
    terms = list(corpus.vocabularies.get(vocabulary, {}))
    if not terms:
        raise UsageError(f"curriculum/vocabularies.yml has no values for '{vocabulary}'; run integr8 validate to see why")
    return terms


def _new_module(project, corpus, module_id, languages, names) -> list[Path]:
    folder = project.curriculum_dir / module_id
    if folder.exists():
        raise UsageError(f"{project.relative(folder)} already exists; choose another id")
    if not corpus.partners:
        raise UsageError("curriculum/partners.yml lists no partners; add your organisation there first")
    levels, audiences, topics, formats = (_terms(corpus, v) for v in ("levels", "audience", "topics", "formats"))
    partners = sorted(corpus.partners)
    files = {
        folder / "module.yml": _template(
            "module.yml", modeline=modeline(project, folder / "module.yml", "module"), id=module_id, source=languages[0], level=levels[0], levels=", ".join(levels),
            audience=audiences[0], audiences=", ".join(audiences), topic=topics[0], topics=", ".join(topics),
            format=formats[0], formats=", ".join(formats), partner=partners[0], partners=", ".join(partners),
            licenses=", ".join(schema()["licenses"]),
        )
    }
    title = module_id.replace("-", " ").capitalize()
    for language in languages:
        path = folder / f"{language}.md"
        files[path] = _template("module.md", modeline=modeline(project, path, "module_page"), title=title, language_name=names[language], translated_from="")
    return _write(files)


def _new_case(project, corpus, slug, languages, names) -> list[Path]:
    folder = project.docs_dir / "cases"
    paths = {language: folder / f"{slug}.{language}.md" for language in languages}
    existing = sorted(folder.glob(f"{slug}.*.md"))  # any language version means the slug is taken
    if existing:
        raise UsageError(f"{project.relative(existing[0])} already exists; choose another slug")
    target_groups, topics = _terms(corpus, "target_groups"), _terms(corpus, "topics")
    title = slug.replace("-", " ").capitalize()
    files = {
        path: _template("case.md", modeline=modeline(project, path, "case"), title=title, target_group=target_groups[0], target_groups=", ".join(target_groups), topic=topics[0], topics=", ".join(topics), source=languages[0], translated_from="")
        for path in paths.values()
    }
    return _write(files)


def _write(files: dict[Path, str]) -> list[Path]:
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(files)
