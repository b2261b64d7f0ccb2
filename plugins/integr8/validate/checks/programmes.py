"""Rules about programmes (curriculum/programmes/<id>.yml): fields, texts, days and their entries."""

from __future__ import annotations

from ...content.programmes import schedule
from ...content.schema import fields
from ...content.yamlsource import Position
from ...findings import Finding
from ..schema import SchemaChecker, did_you_mean
from . import check

ORIGIN = Position(1, 1)


def _finding(programme, path: tuple, rule: str, params: dict, key: bool = False) -> Finding:
    doc = programme.doc
    where = (doc.key_position(path, ORIGIN) if key else doc.where(path, ORIGIN)) if doc else ORIGIN
    return Finding(programme.rel, where.line, where.column, rule, params)


def _dotted(path: tuple) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path).lstrip(".")


@check
def programme_fields(corpus, context):
    for programme in corpus.programmes.values():
        if programme.doc is None:
            continue
        checker = SchemaChecker(programme.rel, programme.doc, context)
        checker.check_fields(programme.meta, fields("programme"))
        yield from checker.findings


@check
def programme_identity(corpus, context):
    for programme in corpus.programmes.values():
        declared = programme.meta.get("id")
        if isinstance(declared, str) and declared != programme.id:
            yield _finding(programme, ("id",), "programme-id-mismatch", {"id": declared, "file": programme.path.name, "stem": programme.id})


def _translated_paths(meta: dict):
    """Every per-language text of a programme, by path: title, summary, day and break titles."""
    yield ("title",), meta.get("title")
    yield ("summary",), meta.get("summary")
    days = meta.get("days")
    for d, day in enumerate(days if isinstance(days, list) else []):
        if not isinstance(day, dict):
            continue
        if "title" in day:
            yield ("days", d, "title"), day["title"]
        items = day.get("items")
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict) and "break" in item and "title" in item:
                yield ("days", d, "items", i, "title"), item["title"]


@check
def programme_source_texts(corpus, context):
    """A text may be missing in a translation (readers get the source's), never in the source."""
    for programme in corpus.programmes.values():
        language = programme.source_language
        if language not in context.languages:
            continue  # a missing or unknown source_language is reported by the field checks
        for path, value in _translated_paths(programme.meta):
            if not isinstance(value, dict):
                continue  # missing or of the wrong type: reported by the field checks
            text = value.get(language)
            if not isinstance(text, str) or not text.strip():
                yield _finding(programme, path, "programme-text-missing", {"field": _dotted(path), "language": language}, key=True)


@check
def programme_days(corpus, context):
    modules = corpus.modules
    known = ", ".join(sorted(modules)) or "(none yet)"
    for programme in corpus.programmes.values():
        maximum = programme.setting("max_day_minutes")
        raw_days = programme.meta.get("days")
        for day in schedule(programme, modules):
            number, raw = day.index + 1, raw_days[day.index]
            items = raw.get("items") if isinstance(raw, dict) else None
            for entry in day.entries:
                path = ("days", day.index, "items", entry.index)
                item = items[entry.index] if isinstance(items[entry.index], dict) else None
                if item is None:
                    continue  # not a group of fields: reported by the field checks
                found = _kind_problem(entry, item)
                if found:
                    yield _finding(programme, path, "programme-item-kind", {"entry": entry.index + 1, "day": number, "found": found})
                if entry.kind == "module" and isinstance(item.get("module"), str) and item["module"] not in modules:
                    value = item["module"]
                    yield _finding(programme, path + ("module",), "programme-module-unknown", {"value": value, "did_you_mean": did_you_mean(value, modules), "allowed": known})
            if isinstance(items, list) and not any(entry.kind == "module" for entry in day.entries):
                yield _finding(programme, ("days", day.index), "programme-day-empty", {"day": number})
            if day.minutes > maximum:
                yield _finding(programme, ("days", day.index), "programme-day-too-long", {"day": number, "minutes": day.minutes, "maximum": maximum})
        yield from _short_modules(programme, modules)


def _short_modules(programme, modules):
    """A module the programme shortens, over all its entries (a module may be split around a break), to under half."""
    given: dict[str, list] = {}
    for day in schedule(programme, modules):
        for entry in day.entries:
            if entry.kind == "module" and entry.module in modules:
                given.setdefault(entry.module, []).append((day.index, entry))
    for module_id, entries in given.items():
        own = entries[0][1].own_minutes
        overridden = [(d, e) for d, e in entries if isinstance(programme.meta["days"][d]["items"][e.index].get("duration_minutes"), int)]
        total = sum(e.minutes or 0 for _, e in entries)
        if not own or not overridden or 2 * total >= own:
            continue
        d, first = overridden[0]
        params = {"module": module_id, "minutes": total, "own": own, "half": -(-own // 2)}
        yield _finding(programme, ("days", d, "items", first.index, "duration_minutes"), "programme-override-short", params)


def _kind_problem(entry, item: dict) -> str:
    if entry.kind == "invalid":
        return "it names both a module and a break" if "module" in item else "it names neither a module nor a break"
    if entry.kind == "module" and "title" in item:
        return "it is a module with a 'title' (a module's title comes from its own files)"
    if entry.kind == "break" and "duration_minutes" in item:
        return "it is a break with 'duration_minutes' (a break's minutes follow 'break:')"
    return ""
