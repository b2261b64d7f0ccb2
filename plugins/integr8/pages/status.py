"""The translation status page: content × language, for partners and translators."""

from __future__ import annotations

from dataclasses import dataclass

from .generated import GeneratedPage


@dataclass
class StatusCell:
    language: str
    state: str
    label: str
    url: str | None  # the page in that language, when it is not a fallback


@dataclass
class StatusRow:
    kind: str  # label of the item's kind
    title: str
    title_language: str
    cells: list[StatusCell]


@dataclass
class StatusTotal:
    language: str
    text: str  # "80% up to date (12 of 15)"
    percent: int


@dataclass
class StatusPage:
    kind = "status"
    title: str
    intro: str
    content_label: str
    languages: list  # the site's languages (code, name)
    rows: list[StatusRow]
    totals: list[StatusTotal]
    legend: list[tuple[str, str]]  # (state, label)


def _item_path(item) -> str:
    """Where an item lives on the site, below the language folder: its key, the front page at the root."""
    return "" if item.key == "index" else item.key + "/"


def status_page(site, language: str) -> StatusPage:
    strings = site.strings(language)
    status = site.translations
    prefix = site.url_prefix
    rows = []
    for item in status.items:
        path = _item_path(item)
        cells = []
        for code in site.project.codes:
            translation = item.translations[code]
            url = prefix(code) + path if translation.state != "missing" else None
            cells.append(StatusCell(code, translation.state, strings[f"state_{translation.state}"], url))
        source = item.source
        rows.append(StatusRow(strings[f"kind_{item.kind}"], item.title, source.language if source else site.default_language, cells))
    totals = []
    for total in status.totals():
        current = total.counts.get("current", 0)
        text = strings["status_up_to_date"].format(percent=total.percent_current, current=current, total=total.translatable)
        totals.append(StatusTotal(total.language, text if total.translatable else strings["state_source"], total.percent_current))
    states = ("source", "current", "outdated", "untracked", "missing")
    return StatusPage(
        strings["status_title"], strings["status_intro"], strings["status_content"],
        [(lang.code, lang.name) for lang in site.project.languages], rows, totals,
        [(state, strings[f"state_{state}"]) for state in states],
    )


def generate(site, language: str) -> list[GeneratedPage]:
    view = status_page(site, language)
    url = f"{site.url_prefix(language)}status/"
    return [GeneratedPage("status/index.md", f"{url}index.html", url, view.title, "integr8/status.html", "", view, alternates=site.alternates("status/"))]
