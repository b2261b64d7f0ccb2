"""Rules about the front page's doors (curriculum/doors.yml): each link leads to a part of the site."""

from __future__ import annotations

import re

from ...content.sections import known_targets
from . import check
from ._data import as_list, check_entries, document, reference

FILE = "doors.yml"
ICON = re.compile(r"^[a-z0-9-]+/[a-z0-9-]+$")


@check
def doors(corpus, context):
    data, problem = document(corpus, FILE, list, "no list of doors")
    if problem:
        yield problem
    if data is None:
        return
    checker = check_entries(data, context, "door", "- id: for-women")
    targets = known_targets(_questionnaire_ids(corpus))
    for index, door in enumerate(data.doc.data):
        if not isinstance(door, dict):
            continue
        _icon(checker, door.get("icon"), (index, "icon"))
        for link_index, link in enumerate(as_list(door.get("links"))):
            if isinstance(link, dict):
                reference(checker, (index, "links", link_index, "target"), link.get("target"), "a part of the site", targets)
                _icon(checker, link.get("icon"), (index, "links", link_index, "icon"))
    yield from checker.findings


def _icon(checker, value, path) -> None:
    if isinstance(value, str) and not ICON.match(value):
        checker.add("field-type", path, {"field": ".".join(map(str, path[-1:])), "expected": "an icon name such as material/human-female", "found": f"'{value}'", "example": "material/human-female"})


def _questionnaire_ids(corpus) -> list[str]:
    data = corpus.data_files.get("self-check.yml")
    if data is None or data.doc is None or not isinstance(data.doc.data, dict):
        return []
    return [q["id"] for q in as_list(data.doc.data.get("questionnaires")) if isinstance(q, dict) and isinstance(q.get("id"), str)]
