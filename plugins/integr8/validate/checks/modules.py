"""Rules about modules as a whole: identity, languages, prerequisites, durations, review dates."""

from __future__ import annotations

import datetime

from ...content.yamlsource import Position
from ...findings import Finding
from . import check

ORIGIN = Position(1, 1)


def _at(module, path) -> Position:
    return module.doc.where(path, ORIGIN) if module.doc else ORIGIN


@check
def module_identity(corpus, context):
    owners: dict[str, str] = {}
    for module in corpus.modules.values():
        declared = module.meta.get("id")
        if not isinstance(declared, str):
            continue
        where = _at(module, ("id",))
        if declared != module.id:
            yield Finding(module.rel, where.line, where.column, "id-folder-mismatch", {"id": declared, "folder": module.id})
        if declared in owners:
            yield Finding(module.rel, where.line, where.column, "id-duplicate", {"id": declared, "other": owners[declared]})
        owners.setdefault(declared, module.rel)


@check
def file_languages(corpus, context):
    languages = ", ".join(context.languages)
    for source in corpus.files():
        if source.language not in context.languages:
            yield Finding(source.rel, 1, 1, "language-unknown", {"language": source.language, "languages": languages})


@check
def source_language_present(corpus, context):
    for module in corpus.modules.values():
        language = module.source_language
        if language is None or language not in context.languages or module.source is not None:
            continue
        where = _at(module, ("source_language",))
        available = ", ".join(module.versions) or "none yet"
        yield Finding(module.rel, where.line, where.column, "source-missing", {"language": language, "file": f"{corpus.project.relative(module.folder)}/{language}.md", "available": available})
    for page in corpus.cases:
        language = page.meta.get("source_language")
        if not isinstance(language, str) or language not in context.languages:
            continue
        versions = {p.language for p in corpus.pages if p.base == page.base}
        if language not in versions:
            where = page.doc.where(("source_language",), ORIGIN) if page.doc else ORIGIN
            yield Finding(page.rel, where.line, where.column, "source-missing", {"language": language, "file": f"{corpus.project.relative(corpus.project.docs_dir)}/{page.base}.{language}.md", "available": ", ".join(sorted(versions))})


def _prerequisites(module) -> list[str]:
    value = module.meta.get("prerequisites")
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


@check
def prerequisite_cycles(corpus, context):
    graph = {module.id: [p for p in _prerequisites(module) if p in corpus.modules] for module in corpus.modules.values()}
    reported: set[frozenset] = set()
    for start in sorted(graph):
        stack = [(start, [start])]
        while stack:
            node, trail = stack.pop()
            for following in graph[node]:
                if following == start:
                    cycle = frozenset(trail)
                    if cycle not in reported:
                        reported.add(cycle)
                        module = corpus.modules[start]
                        index = _prerequisites(module).index(trail[1] if len(trail) > 1 else start)
                        where = _at(module, ("prerequisites", index))
                        yield Finding(module.rel, where.line, where.column, "prerequisite-cycle", {"cycle": " → ".join(trail + [start])})
                elif following not in trail:
                    stack.append((following, trail + [following]))


@check
def durations(corpus, context):
    for module in corpus.modules.values():
        expected = module.meta.get("duration_minutes")
        if isinstance(expected, bool) or not isinstance(expected, int):
            continue
        for version in module.versions.values():
            body = version.body
            if body is None or any(session.minutes is None for session in body.sessions):
                continue  # a session without duration is reported on its own
            if body.total_minutes != expected:
                line = body.sessions[0].line if body.sessions else version.body_line
                yield Finding(version.rel, line, 1, "duration-mismatch", {"total": body.total_minutes, "expected": expected})


@check
def body_syntax(corpus, context):
    for module in corpus.modules.values():
        for version in module.versions.values():
            if version.body is not None:
                yield from version.body.problems


@check
def review_dates(corpus, context):
    today = context.today
    for module in corpus.modules.values():
        value = module.meta.get("review_by")
        try:
            due = datetime.date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            continue  # a malformed date is a field-type finding
        if due is not None and due < today:
            where = _at(module, ("review_by",))
            yield Finding(module.rel, where.line, where.column, "review-due", {"date": value})
