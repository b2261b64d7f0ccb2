"""The front page's doors ("For women", "For trainers", "For partners") and their pages
(<id>/), from curriculum/doors.yml.

A door page leads to everything its group needs with one more tap; with the front page and
the catalogues behind it, every module, case, chapter and programme is at most three taps away.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..content.sections import SECTIONS, SELF_CHECK_PREFIX, self_check_path, trainer_pack_path
from . import format as fmt
from .generated import GeneratedPage
from .modules import version_for

FILE = "doors.yml"


@dataclass
class Door:
    id: str
    title: str
    summary: str
    url: str  # below the site root, or absolute
    icon: str | None


@dataclass
class Item:
    title: str
    url: str
    lang: str | None = None  # the title's language when it is not the page's
    dir: str | None = None


@dataclass
class DoorLink:
    target: str
    title: str
    text: str
    url: str
    icon: str | None
    items: list[Item] = field(default_factory=list)  # trainer packs: one per module


@dataclass
class DoorPage:
    kind = "door"
    id: str
    title: str
    intro: str
    icon: str | None
    links: list[DoorLink]
    others: list[Door]  # the other doors, so that a reader who took the wrong one can switch


def _doors(site) -> list[dict]:
    source = site.corpus.data_files.get(FILE)
    if source is None or source.doc is None or not isinstance(source.doc.data, list):
        return []
    return [door for door in source.doc.data if isinstance(door, dict) and isinstance(door.get("id"), str)]


def contribute_url(site, language: str) -> str:
    """How partners take part: the repository when mkdocs.yml names one, else the about page."""
    return site.project.repo_url or site.url_prefix(language) + SECTIONS["contribute"]


def target_url(site, target: str, language: str) -> str:
    if target == "contribute":
        return contribute_url(site, language)
    if target.startswith(SELF_CHECK_PREFIX):
        return site.url_prefix(language) + self_check_path(target[len(SELF_CHECK_PREFIX):])
    return site.url_prefix(language) + SECTIONS.get(target, "")


def front_doors(site, language: str) -> list[Door]:
    default, prefix = site.default_language, site.url_prefix(language)
    return [
        Door(door["id"], fmt.translated(door.get("title"), language, default), fmt.translated(door.get("summary"), language, default), f"{prefix}{door['id']}/", door.get("icon"))
        for door in _doors(site)
    ]


def _trainer_packs(site, language: str) -> list[Item]:
    prefix, items = site.url_prefix(language), []
    for module in site.corpus.modules.values():
        version, _ = version_for(module, language)
        if version is None:
            continue
        url = prefix + trainer_pack_path(module.id)
        if version.language == language:
            items.append(Item(version.title, url))
        else:
            items.append(Item(version.title, url, version.language, site.direction(version.language)))
    return sorted(items, key=lambda item: item.title.casefold())


def door_page(site, door: dict, language: str) -> DoorPage:
    default = site.default_language
    links = []
    for link in door.get("links") or []:
        if not isinstance(link, dict) or not isinstance(link.get("target"), str):
            continue
        target = link["target"]
        links.append(
            DoorLink(
                target,
                fmt.translated(link.get("title"), language, default),
                fmt.translated(link.get("text"), language, default),
                target_url(site, target, language),
                link.get("icon"),
                _trainer_packs(site, language) if target == "trainer-packs" else [],
            )
        )
    others = [other for other in front_doors(site, language) if other.id != door["id"]]
    return DoorPage(
        door["id"], fmt.translated(door.get("title"), language, default), fmt.translated(door.get("intro"), language, default),
        door.get("icon"), links, others,
    )


def generate(site, language: str) -> list[GeneratedPage]:
    prefix, pages = site.url_prefix(language), []
    for door in _doors(site):
        view = door_page(site, door, language)
        path = f"{door['id']}/"
        pages.append(
            GeneratedPage(
                f"{path}index.md", f"{prefix}{path}index.html", prefix + path, view.title, "integr8/door.html", "", view,
                alternates=site.alternates(path), in_nav=False,  # reached from the front page; the menu lists what they lead to
            )
        )
    return pages
