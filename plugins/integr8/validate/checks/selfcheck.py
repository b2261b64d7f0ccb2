"""Rules about the self-check questionnaires (curriculum/self-check.yml): answer scales that
can be scored, links to modules and handbook chapters that exist, ids that are unique."""

from __future__ import annotations

from ...content.schema import fields
from ..schema import SchemaChecker
from . import check
from ._data import as_list, document, reference

FILE = "self-check.yml"


def handbook_chapters(corpus) -> set[str]:
    return {page.base.split("/", 1)[1] for page in corpus.pages if page.base.startswith("handbook/") and page.base != "handbook/index"}


@check
def self_check(corpus, context):
    data, problem = document(corpus, FILE, dict, "no questionnaires")
    if problem:
        yield problem
    if data is None:
        return
    checker = SchemaChecker(data.rel, data.doc, context)
    checker.check_fields(data.doc.data, fields("self_check"))
    scales = _check_scales(checker, as_list(data.doc.data.get("scales")))
    chapters = handbook_chapters(corpus)
    questionnaire_ids: set[str] = set()
    for q_index, questionnaire in enumerate(as_list(data.doc.data.get("questionnaires"))):
        if not isinstance(questionnaire, dict):
            continue
        path = ("questionnaires", q_index)
        _unique(checker, questionnaire_ids, questionnaire.get("id"), path + ("id",), data.rel)
        dimension_ids: set[str] = set()
        question_ids: set[str] = set()
        for d_index, dimension in enumerate(as_list(questionnaire.get("dimensions"))):
            if not isinstance(dimension, dict):
                continue
            d_path = path + ("dimensions", d_index)
            _unique(checker, dimension_ids, dimension.get("id"), d_path + ("id",), data.rel)
            for index, module_id in enumerate(as_list(dimension.get("modules"))):
                reference(checker, d_path + ("modules", index), module_id, "a module (a folder under curriculum/)", corpus.modules)
            for index, slug in enumerate(as_list(dimension.get("handbook"))):
                reference(checker, d_path + ("handbook", index), slug, "a handbook chapter (docs/handbook/<slug>.<language>.md)", chapters)
            for index, question in enumerate(as_list(dimension.get("questions"))):
                if not isinstance(question, dict):
                    continue
                question_path = d_path + ("questions", index)
                _unique(checker, question_ids, question.get("id"), question_path + ("id",), data.rel)
                reference(checker, question_path + ("scale",), question.get("scale"), "an answer scale of this file", scales)
    yield from checker.findings


def _unique(checker, seen: set, value, path, rel) -> None:
    if isinstance(value, str):
        if value in seen:
            checker.add("id-duplicate", path, {"id": value, "other": f"another entry of {rel}"})
        seen.add(value)


def _check_scales(checker, scales: list) -> set[str]:
    """The ids of the scales; a finding for each scale that cannot be scored."""
    ids: set[str] = set()
    for index, scale in enumerate(scales):
        if not isinstance(scale, dict):
            continue
        scale_id = scale.get("id") if isinstance(scale.get("id"), str) else f"[{index}]"
        _unique(checker, ids, scale.get("id"), ("scales", index, "id"), checker.rel)
        options = [o for o in as_list(scale.get("options")) if isinstance(o, dict)]
        points = [(i, o.get("points")) for i, o in enumerate(options) if isinstance(o.get("points"), int) and not isinstance(o.get("points"), bool)]
        where = ("scales", index, "options")
        if len(points) < 2:
            checker.add("scale-invalid", where, {"scale": scale_id, "problem": "has fewer than two answers that give points", "hint": "Give at least two answers points, for example 'points: 0' for the weakest and 'points: 3' for the strongest."})
            continue
        previous = None
        for i, value in points:
            if previous is not None and value == previous:
                checker.add("scale-invalid", where + (i, "points"), {"scale": scale_id, "problem": f"gives {value} points to two answers", "hint": "Give each answer its own number of points."})
            elif previous is not None and value < previous:
                checker.add("scale-invalid", where + (i, "points"), {"scale": scale_id, "problem": f"goes down from {previous} to {value} points", "hint": "List the answers from the one with the fewest points to the one with the most."})
            previous = value
    return ids
