"""Rules about the directory of local networks and contact points (curriculum/directory.yml):
organisations only (no people's e-mail addresses or phone numbers), cases that exist, review dates."""

from __future__ import annotations

import datetime
import re

from ...findings import Finding
from . import check
from ._data import as_list, check_entries, document, reference

FILE = "directory.yml"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A phone number: starts with +, 00 or 0 and has at least seven digits; years and postcodes do not.
PHONE = re.compile(r"(?:\+|\b0)[\d /()-]{5,}\d")
TEXT_FIELDS = ("name", "description", "region", "places")


@check
def directory(corpus, context):
    data, problem = document(corpus, FILE, list, "no list of entries")
    if problem:
        yield problem
    if data is None:
        return
    checker = check_entries(data, context, "directory_entry", "- id: my-language-cafe")
    cases = {page.base.split("/", 1)[1] for page in corpus.cases}
    for index, entry in enumerate(data.doc.data):
        if not isinstance(entry, dict):
            continue
        _organisation(checker, entry.get("organisation"), (index, "organisation"))
        reference(checker, (index, "case"), entry.get("case"), "a good-practice case (docs/cases/<slug>.<language>.md)", cases)
        for field, path, text in _texts(entry, (index,)):
            for what, pattern in (("an e-mail address", EMAIL), ("a phone number", PHONE)):
                match = pattern.search(text)
                if match and (pattern is EMAIL or sum(c.isdigit() for c in match.group(0)) >= 7):
                    checker.add("personal-data", path, {"field": field, "what": what, "found": match.group(0).strip()})
        due = _date(entry.get("review_by"))
        if due is not None and due < context.today:
            where = data.doc.where((index, "review_by"), checker.origin)
            checker.findings.append(Finding(data.rel, where.line, where.column, "review-due", {"date": entry["review_by"]}))
    yield from checker.findings


def _organisation(checker, organisation, path) -> None:
    if not isinstance(organisation, dict):
        return  # a missing or malformed organisation is a schema finding
    has_partner, has_name = bool(organisation.get("partner")), bool(organisation.get("name"))
    if has_partner == has_name:
        problem = "both a partner and an organisation name" if has_partner else "neither a partner nor an organisation name"
        checker.add("directory-organisation", path, {"problem": problem}, key=True)


def _texts(entry: dict, path: tuple):
    """(field, path, text) of every free text of an entry, in every language."""
    for field in TEXT_FIELDS:
        value = entry.get(field)
        if isinstance(value, str):
            yield field, path + (field,), value
        elif isinstance(value, dict):
            for language, text in value.items():
                if isinstance(text, str):
                    yield f"{field}.{language}", path + (field, language), text
    organisation = entry.get("organisation")
    if isinstance(organisation, dict) and isinstance(organisation.get("name"), str):
        yield "organisation.name", path + ("organisation", "name"), organisation["name"]


def _date(value):
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None  # a malformed date is a field-type finding
