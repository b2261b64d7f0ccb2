"""``integr8 status [--lang L] [--format text|json] [--mark-current PATH ...]``.

A report, not a check: it exits 0 whatever the state of the translations (``validate`` warns
about outdated ones), and 2 only when it is called wrongly.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..content.corpus import load_corpus
from ..i18n.marking import CannotMark, mark_current
from ..i18n.status import TranslationStatus
from ..project import load_project
from . import OK, UsageError


def register(commands) -> None:
    parser = commands.add_parser("status", help="show which translations are current, outdated, untracked or missing")
    parser.add_argument("--lang", action="append", metavar="L", help="only this language (repeatable)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.add_argument(
        "--mark-current", nargs="+", metavar="PATH",
        help="after updating a translation: record that it follows the source as it is now",
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    project = load_project(args.config)
    for code in args.lang or []:
        if code not in project.codes:
            raise UsageError(f"--lang {code}: not a language of this site (configured: {', '.join(project.codes)})")
    status = TranslationStatus(load_corpus(project))
    if args.mark_current:
        return _mark(project, status, args.mark_current)
    languages = args.lang or project.codes
    print(as_json(status, languages) if args.format == "json" else as_text(status, languages))
    return OK


def _mark(project, status, paths) -> int:
    rels = []
    for path in paths:
        if not Path(path).is_file():
            raise UsageError(f"{path}: no such file")
        rels.append(project.relative(Path(path)))
    problems = []
    for rel in rels:
        try:
            marked = mark_current(status, rel)
        except CannotMark as error:
            problems.append(str(error))
            continue
        before = f" (was {marked.previous})" if marked.previous else ""
        print(f"{marked.path}: now follows {marked.source} at {marked.version}{before}")
    if problems:
        raise UsageError("\n".join(problems))
    # Versions that no translation follows any more can never be compared against again.
    now = TranslationStatus(load_corpus(project))
    now.store.prune({t.recorded for item in now.items for t in item.translations.values() if t.recorded})
    return OK


def describe(translation) -> str:
    if translation.state != "outdated":
        return translation.state
    if translation.changes is None:
        return "outdated (the older source version is not stored, so the changed sections are unknown)"
    if not translation.changes:
        return "outdated"
    listed = "; ".join(f"{change.kind}: {change.section}" for change in translation.changes)
    return f"outdated ({listed})"


def as_text(status: TranslationStatus, languages: list[str]) -> str:
    lines = []
    for item in status.items:
        lines.append(f"{item.key} ({item.kind}, source {item.source_language}): {item.title}")
        for language in languages:
            translation = item.translations[language]
            where = f"  {translation.path}" if translation.path else ""
            lines.append(f"  {language}: {describe(translation)}{where}")
    lines.append("")
    lines.append("Per language (current translations of items written in another language):")
    for totals in status.totals():
        if totals.language not in languages:
            continue
        counts = ", ".join(f"{totals.counts[s]} {s}" for s in ("current", "outdated", "untracked", "missing") if totals.counts[s])
        lines.append(f"  {totals.language}: {totals.counts['current']}/{totals.translatable} current ({totals.percent_current}%)" + (f": {counts}" if counts else ""))
    return "\n".join(lines)


def as_json(status: TranslationStatus, languages: list[str]) -> str:
    items = []
    for item in status.items:
        items.append({
            "key": item.key,
            "kind": item.kind,
            "title": item.title,
            "source_language": item.source_language,
            "source": item.source.rel if item.source else None,
            "source_version": item.current_version,
            "languages": {
                language: {
                    "state": t.state,
                    "path": t.path,
                    "translated_from": t.recorded,
                    "changes": None if t.changes is None else [{"kind": c.kind, "section": c.section} for c in t.changes],
                }
                for language, t in item.translations.items() if language in languages
            },
        })
    totals = {
        t.language: {**t.counts, "translatable": t.translatable, "percent_current": t.percent_current}
        for t in status.totals() if t.language in languages
    }
    return json.dumps({"languages": languages, "items": items, "totals": totals}, ensure_ascii=False, indent=2)
