"""The self-check pages: an overview (self-check/) and one page per questionnaire
(self-check/<id>/), from curriculum/self-check.yml.

A questionnaire page is a plain HTML form. Everything the result needs is already in the page
(the points of every answer, the texts for strengths and next steps, the links), so that
``overrides/assets/selfcheck.js`` scores it in the browser without any request, and the page
keeps working offline once loaded. Nothing is stored or sent.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..content.sections import self_check_path
from . import format as fmt
from .generated import GeneratedPage
from .modules import version_for

FILE = "self-check.yml"
SCRIPT = "assets/selfcheck.js"
PATH = "self-check/"
LABELS = (
    "selfcheck_privacy", "selfcheck_scoring", "selfcheck_show_result", "selfcheck_reset", "selfcheck_print",
    "selfcheck_result", "selfcheck_strengths", "selfcheck_growth", "selfcheck_not_answered", "selfcheck_score",
    "selfcheck_learn_more", "selfcheck_none_answered", "selfcheck_no_script", "selfcheck_questions",
    "selfcheck_other",
)


@dataclass
class Link:
    title: str
    url: str  # below the site root
    lang: str | None = None  # the title's language when it is not the page's (an untranslated module)
    dir: str | None = None


@dataclass
class Choice:
    label: str
    value: str  # the points as text; "" for an answer that does not count ("I don't know")


@dataclass
class Question:
    name: str  # the form field: "<dimension>.<question>", unique on the page
    number: int
    text: str
    choices: list[Choice]
    max_points: int


@dataclass
class Dimension:
    id: str
    title: str
    strength: str
    growth: str
    links: list[Link]
    questions: list[Question]


@dataclass
class QuestionnairePage:
    kind = "selfcheck"
    id: str
    title: str
    summary: str
    dimensions: list[Dimension]
    question_count: int
    strength_from: int  # percent of the possible points
    overview: Link
    others: list[Link]
    labels: dict = field(default_factory=dict)
    script: str = SCRIPT


@dataclass
class OverviewPage:
    kind = "selfcheck-index"
    title: str
    questionnaires: list[tuple[Link, str, int]]  # (link, summary, number of questions)
    labels: dict = field(default_factory=dict)


def _items(value) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _scales(data: dict, language: str, default: str) -> dict[str, tuple[list[Choice], int]]:
    scales = {}
    for scale in _items(data.get("scales")):
        choices, top = [], 0
        for option in _items(scale.get("options")):
            points = option.get("points")
            counted = isinstance(points, int) and not isinstance(points, bool)
            choices.append(Choice(fmt.translated(option.get("label"), language, default), str(points) if counted else ""))
            top = max(top, points) if counted else top
        scales[scale.get("id")] = (choices, top)
    return scales


def _links(site, dimension: dict, language: str) -> list[Link]:
    """Matching modules and handbook chapters, titled in the reader's language where translated."""
    prefix, links = site.url_prefix(language), []
    for module_id in dimension.get("modules") or []:
        module = site.corpus.modules.get(module_id)
        version, _ = version_for(module, language) if module else (None, False)
        if version is not None:
            links.append(_link(site, version.title, version.language, language, f"{prefix}modules/{module_id}/"))
    for slug in dimension.get("handbook") or []:
        chapter = site.links.page_version(f"handbook/{slug}", language)
        if chapter is not None:
            links.append(_link(site, chapter.title, chapter.language, language, f"{prefix}handbook/{slug}/"))
    return links


def _link(site, title: str, text_language: str, language: str, url: str) -> Link:
    if text_language == language:
        return Link(title, url)
    return Link(title, url, text_language, site.direction(text_language))


def questionnaire_page(site, data: dict, questionnaire: dict, language: str) -> QuestionnairePage:
    default, strings = site.default_language, site.strings(language)
    scales = _scales(data, language, default)
    dimensions, number = [], 0
    for dimension in _items(questionnaire.get("dimensions")):
        questions = []
        for question in _items(dimension.get("questions")):
            number += 1
            choices, top = scales.get(question.get("scale"), ([], 0))
            questions.append(Question(f"{dimension.get('id')}.{question.get('id')}", number, fmt.translated(question.get("text"), language, default), choices, top))
        dimensions.append(
            Dimension(
                str(dimension.get("id")),
                fmt.translated(dimension.get("title"), language, default),
                fmt.translated(dimension.get("strength"), language, default),
                fmt.translated(dimension.get("growth"), language, default),
                _links(site, dimension, language),
                questions,
            )
        )
    prefix = site.url_prefix(language)
    others = [
        Link(fmt.translated(other.get("title"), language, default), prefix + self_check_path(other.get("id")))
        for other in _items(data.get("questionnaires"))
        if other.get("id") != questionnaire.get("id")
    ]
    return QuestionnairePage(
        id=str(questionnaire.get("id")),
        title=fmt.translated(questionnaire.get("title"), language, default),
        summary=fmt.translated(questionnaire.get("summary"), language, default),
        dimensions=dimensions,
        question_count=number,
        strength_from=int(data.get("strength_from_percent") or 67),
        overview=Link(strings["selfcheck"], prefix + PATH),
        others=others,
        labels={key: strings[key] for key in LABELS},
    )


def overview_page(site, data: dict, language: str) -> OverviewPage:
    default, strings, prefix = site.default_language, site.strings(language), site.url_prefix(language)
    entries = []
    for questionnaire in _items(data.get("questionnaires")):
        count = sum(len(_items(d.get("questions"))) for d in _items(questionnaire.get("dimensions")))
        link = Link(fmt.translated(questionnaire.get("title"), language, default), prefix + self_check_path(questionnaire.get("id")))
        entries.append((link, fmt.translated(questionnaire.get("summary"), language, default), count))
    labels = {key: strings[key] for key in ("selfcheck_intro", "selfcheck_privacy", "selfcheck_questions")}
    return OverviewPage(strings["selfcheck"], entries, labels)


def generate(site, language: str) -> list[GeneratedPage]:
    """The overview and one page per questionnaire; none when the site has no self-check.yml."""
    source = site.corpus.data_files.get(FILE)
    if source is None or source.doc is None or not isinstance(source.doc.data, dict):
        return []
    data, prefix = source.doc.data, site.url_prefix(language)
    overview = overview_page(site, data, language)
    pages = [
        GeneratedPage(
            f"{PATH}index.md", f"{prefix}{PATH}index.html", prefix + PATH, overview.title, "integr8/selfcheck-index.html",
            "", overview, alternates=site.alternates(PATH),
        )
    ]
    for questionnaire in _items(data.get("questionnaires")):
        path = self_check_path(questionnaire.get("id"))
        view = questionnaire_page(site, data, questionnaire, language)
        pages.append(
            GeneratedPage(
                f"{path}index.md", f"{prefix}{path}index.html", prefix + path, view.title, "integr8/selfcheck.html",
                "", view, alternates=site.alternates(path),
            )
        )
    return pages
