"""The parts of the site that front-page doors may lead to, and where they live.

Paths are below a language's folder and follow the URL conventions every page generator uses
(modules/, cases/, handbook/ …). The validator checks door targets against this table; the door
pages turn them into links.
"""

from __future__ import annotations

SECTIONS = {
    "modules": "modules/",
    "programmes": "programmes/",
    "cases": "cases/",
    "handbook": "handbook/",
    "glossary": "glossary/",
    "directory": "directory/",
    "self-check": "self-check/",
    "status": "status/",
    "about": "about/",
    # how to take part: the repository when mkdocs.yml names one, else the about page's section
    "contribute": "about/#contribute",
    # not one page: the door page lists every module's printable trainer pack
    "trainer-packs": "modules/",
}

SELF_CHECK_PREFIX = "self-check/"


def trainer_pack_path(module_id: str) -> str:
    return f"modules/{module_id}/trainer-pack/"


def self_check_path(questionnaire_id: str) -> str:
    return f"{SELF_CHECK_PREFIX}{questionnaire_id}/"


def known_targets(questionnaire_ids) -> list[str]:
    """Every target a door link may name, given the questionnaires of self-check.yml."""
    return [*SECTIONS, *(SELF_CHECK_PREFIX + qid for qid in questionnaire_ids)]
