"""Metadata against the schema: module.yml, front matter, partners and vocabularies."""

from __future__ import annotations

from ...content.schema import fields, is_open
from ...content.yamlsource import Position
from ...findings import Finding
from ..schema import SchemaChecker
from . import check

PAGE_KINDS = {"case": "case", "handbook": "handbook", "page": "page"}


@check
def module_metadata(corpus, context):
    for module in corpus.modules.values():
        if module.doc is None:
            continue
        checker = SchemaChecker(module.rel, module.doc, context)
        checker.check_fields(module.meta, fields("module"))
        yield from checker.findings


@check
def front_matter(corpus, context):
    for source in corpus.files():
        if source.doc is None:
            continue
        kind = "module_page" if hasattr(source, "module_id") else PAGE_KINDS[source.kind]
        origin = Position(max(source.body_line - 1, 1), 1)
        checker = SchemaChecker(source.rel, source.doc, context, origin)
        checker.check_fields(source.meta, fields(kind), open_kind=is_open(kind))
        yield from checker.findings


@check
def partners(corpus, context):
    data = corpus.data_files.get("partners.yml")
    if data is None or data.doc is None:
        return
    if not isinstance(data.doc.data, list):
        yield Finding(data.rel, 1, 1, "yaml-not-mapping", {"found": "no list of partners"})
        return
    checker = SchemaChecker(data.rel, data.doc, context)
    seen: dict[str, int] = {}
    for index, entry in enumerate(data.doc.data):
        if not isinstance(entry, dict):
            checker.add("field-type", (index,), {"field": f"[{index}]", "expected": "a partner with id, name and country", "found": "something else", "example": "- id: vnb"})
            continue
        checker.check_fields(entry, fields("partner"), (index,))
        partner_id = entry.get("id")
        if isinstance(partner_id, str):
            if partner_id in seen:
                checker.add("id-duplicate", (index, "id"), {"id": partner_id, "other": f"entry {seen[partner_id] + 1} of {data.rel}"})
            seen.setdefault(partner_id, index)
    yield from checker.findings


@check
def vocabulary_labels(corpus, context):
    data = corpus.data_files.get("vocabularies.yml")
    if data is None or data.doc is None:
        return
    if not isinstance(data.doc.data, dict):
        yield Finding(data.rel, 1, 1, "yaml-not-mapping", {"found": "no lists of values"})
        return
    origin = Position(1, 1)
    for name, terms in data.doc.data.items():
        if not isinstance(terms, dict):
            where = data.doc.where((name,), origin)
            yield Finding(data.rel, where.line, where.column, "field-type", {"field": name, "expected": "values, each with labels per language", "found": "something else", "example": "entry: {de: Einstieg, en: Entry level}"})
            continue
        for term, labels in terms.items():
            where = data.doc.key_position((name, term), origin)
            labels = labels if isinstance(labels, dict) else {}
            for language in context.languages:
                label = labels.get(language)
                if not isinstance(label, str) or not label.strip():
                    yield Finding(data.rel, where.line, where.column, "vocabulary-label-missing", {"term": term, "vocabulary": name, "language": language})


@check
def interface_strings(corpus, context):
    from ...i18n.strings import check_strings

    project = corpus.project
    yield from check_strings(project.strings_dirs, context.languages, project.relative)
