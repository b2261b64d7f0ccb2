"""Translations that do not say which source version they follow, or follow an old one."""

from __future__ import annotations

from ...content.yamlsource import Position
from ...findings import Finding
from ...i18n.status import translation_status
from . import check

MAX_LISTED = 5


@check
def translation_versions(corpus, context):
    status = translation_status(corpus)
    for item in status.items:
        if item.source is None:
            continue  # the missing source is its own finding
        for translation in item.translations.values():
            if translation.state not in ("outdated", "untracked") or translation.file is None:
                continue
            file = translation.file
            if translation.state == "untracked" and translation.recorded is not None:
                continue  # a malformed translated_from is a field-type error already
            where = _field_position(file)
            params = {"source": item.source.rel, "path": file.rel, "language": translation.language}
            if translation.state == "untracked":
                yield Finding(file.rel, where.line, where.column, "translation-untracked", params)
            else:
                yield Finding(file.rel, where.line, where.column, "translation-outdated", {**params, "changes": _changes(translation)})


def _field_position(file) -> Position:
    fallback = Position(1, 1)
    if file.doc is None:
        return fallback
    return file.doc.key_position(("translated_from",), fallback) if "translated_from" in file.meta else fallback


def _changes(translation) -> str:
    if translation.changes is None:
        return "which sections changed is not known (the older version is not stored in .integr8/sources/)"
    if not translation.changes:
        return "only its formatting changed"
    names = [f"{change.section} ({change.kind})" for change in translation.changes]
    listed = ", ".join(names[:MAX_LISTED]) + (f" and {len(names) - MAX_LISTED} more" if len(names) > MAX_LISTED else "")
    return "changed since: " + listed
