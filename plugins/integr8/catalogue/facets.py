"""Facets of a catalogue: which values each item has, how options are labelled, how they count.

Filtering follows one rule, here and in ``overrides/assets/catalogue.js``: an item stays when,
in every facet with a choice, it has at least one chosen value (AND across facets, OR within
one). An option's count is the number of items it would show among those the other facets
leave, so that a count never depends on choices made in its own facet.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..content.corpus import Corpus
from ..datafile import read_yaml
from ..i18n.strings import LanguageStrings
from ..pages import format as fmt
from .countries import country_name
from .entries import ENTRIES, Entry

FACETS_FILE = Path(__file__).with_name("facets.yml")
UNKNOWN = "unknown"  # the option of items whose value is not known (a case's period)
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")

Selection = Mapping[str, Iterable[str]]


@lru_cache(maxsize=None)
def definitions() -> dict[str, list[dict]]:
    return read_yaml(FACETS_FILE)


@dataclass
class Option:
    value: str  # as it appears in the page address
    label: str
    count: int  # items with this option among those the other facets leave
    lang: str | None = None  # only for labels in another language than the page's (language names)
    dir: str | None = None


@dataclass
class Facet:
    id: str
    legend: str
    options: list[Option]


@dataclass
class Labels:
    """What option labels are made from, for one reader's language."""

    language: str
    default_language: str
    vocabularies: Mapping
    strings: LanguageStrings
    language_names: Mapping[str, str]  # code -> the language's name in itself
    direction: Callable[[str], str]  # code -> "ltr" or "rtl"


# Values of an item -------------------------------------------------------------------------


def _as_list(value) -> list:
    if isinstance(value, list):
        return value
    return [] if value is None else [value]


def _term_values(entry: Entry, spec: dict, today: datetime.date) -> tuple[str, ...]:
    return tuple(dict.fromkeys(str(v) for v in _as_list(entry.meta.get(spec["field"])) if isinstance(v, str) and v))


def duration_range(minutes: int, edges: list[int]) -> str:
    """The id of the range ``minutes`` falls in: "to-120", "120-180", …, "over-240"."""
    lower = None
    for edge in edges:
        if minutes <= edge:
            return f"to-{edge}" if lower is None else f"{lower}-{edge}"
        lower = edge
    return f"over-{lower}"


def _duration_values(entry: Entry, spec: dict, today: datetime.date) -> tuple[str, ...]:
    minutes = entry.meta.get(spec["field"])
    if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes <= 0:
        return ()
    return (duration_range(minutes, spec["edges"]),)


def _language_values(entry: Entry, spec: dict, today: datetime.date) -> tuple[str, ...]:
    return entry.languages


def _country_values(entry: Entry, spec: dict, today: datetime.date) -> tuple[str, ...]:
    code = entry.meta.get(spec["field"])
    return (code,) if isinstance(code, str) and code else ()


def _year(value) -> int | None:
    match = _MONTH.match(value) if isinstance(value, str) else None
    return int(match.group(1)) if match else None


def active_years(period, today: datetime.date) -> tuple[str, ...]:
    """The calendar years a project ran in; ("unknown",) when neither start nor end is known."""
    period = period if isinstance(period, dict) else {}
    start, end = _year(period.get("start")), _year(period.get("end"))
    if start is None and end is None:
        return (UNKNOWN,)
    if start is None:
        return (str(end),)
    if end is None:
        end = max(start, today.year)  # still running
    return tuple(str(year) for year in range(start, max(start, end) + 1))


def _year_values(entry: Entry, spec: dict, today: datetime.date) -> tuple[str, ...]:
    return active_years(entry.meta.get(spec["field"]), today)


VALUES = {
    "term": _term_values,
    "duration": _duration_values,
    "languages": _language_values,
    "country": _country_values,
    "years": _year_values,
}


# Options, labelled and in order -----------------------------------------------------------


def _duration_label(value: str, labels: Labels) -> str:
    strings = labels.strings
    low, _, high = value.partition("-")
    if low == "to":
        return strings["catalogue_duration_up_to"].format(d=fmt.duration(int(high), strings))
    if low == "over":
        return strings["catalogue_duration_over"].format(d=fmt.duration(int(high), strings))
    return strings["catalogue_duration_between"].format(a=fmt.duration(int(low), strings), b=fmt.duration(int(high), strings))


def _options(spec: dict, present: set[str], labels: Labels) -> list[Option]:
    source = spec["source"]
    if source == "term":
        terms = list(labels.vocabularies.get(spec["vocabulary"], {}))
        ordered = [t for t in terms if t in present] + sorted(present - set(terms))
        return [Option(t, fmt.term(labels.vocabularies, spec["vocabulary"], t, labels.language, labels.default_language), 0) for t in ordered]
    if source == "duration":
        edges = spec["edges"]
        ranges = [duration_range(edge, edges) for edge in edges] + [duration_range(edges[-1] + 1, edges)]
        return [Option(r, _duration_label(r, labels), 0) for r in ranges if r in present]
    if source == "languages":
        codes = [labels.language, *(code for code in labels.language_names if code != labels.language)]
        return [
            Option(code, labels.language_names[code], 0, None if code == labels.language else code, None if code == labels.language else labels.direction(code))
            for code in codes
            if code in present
        ]
    if source == "country":
        named = [Option(code, country_name(code, labels.language, labels.default_language), 0) for code in present]
        return sorted(named, key=lambda option: option.label.casefold())
    if source == "years":
        years = sorted((v for v in present if v != UNKNOWN), key=int)
        options = [Option(year, year, 0) for year in years]
        if UNKNOWN in present:
            options.append(Option(UNKNOWN, labels.strings["unknown"], 0))
        return options
    raise ValueError(f"{FACETS_FILE.name}: unknown facet source {source!r}")


# Filtering --------------------------------------------------------------------------------


def normalise(selection: Selection, facets: list[Facet]) -> dict[str, tuple[str, ...]]:
    """Only the facets and options a catalogue has, as read from a page address."""
    known = {facet.id: {option.value for option in facet.options} for facet in facets}
    chosen = {}
    for facet_id, values in selection.items():
        if facet_id in known:
            kept = tuple(dict.fromkeys(v for v in values if v in known[facet_id]))
            if kept:
                chosen[facet_id] = kept
    return chosen


def matches(entry: Entry, selection: Selection, ignore: str | None = None) -> bool:
    """AND across facets, OR within one; ``ignore`` leaves one facet's choice out."""
    for facet_id, values in selection.items():
        values = tuple(values)
        if facet_id != ignore and values and not any(entry.has(facet_id, value) for value in values):
            return False
    return True


def counts(entries: list[Entry], facets: list[Facet], selection: Selection) -> dict[str, dict[str, int]]:
    return {
        facet.id: {
            option.value: sum(1 for entry in entries if entry.has(facet.id, option.value) and matches(entry, selection, facet.id))
            for option in facet.options
        }
        for facet in facets
    }


@dataclass
class Catalogue:
    name: str  # "modules", "cases" or "handbook"
    entries: list[Entry]  # every item, in the catalogue's order
    facets: list[Facet]  # options counted with nothing chosen

    def matching(self, selection: Selection) -> list[Entry]:
        chosen = normalise(selection, self.facets)
        return [entry for entry in self.entries if matches(entry, chosen)]

    def counts(self, selection: Selection) -> dict[str, dict[str, int]]:
        return counts(self.entries, self.facets, normalise(selection, self.facets))


def build_catalogue(name: str, corpus: Corpus, labels: Labels, today: datetime.date) -> Catalogue:
    """The catalogue ``name`` (a key of facets.yml) in the reader's language ``labels.language``."""
    entries = ENTRIES[name](corpus, labels.language)
    specs = definitions()[name]
    for entry in entries:
        entry.values = {spec["id"]: VALUES[spec["source"]](entry, spec, today) for spec in specs}
    facets = []
    for spec in specs:
        present = {value for entry in entries for value in entry.values[spec["id"]]}
        options = _options(spec, present, labels)
        if options:
            facets.append(Facet(spec["id"], labels.strings[spec["legend"]], options))
    totals = counts(entries, facets, {})
    for facet in facets:
        for option in facet.options:
            option.count = totals[facet.id][option.value]
    return Catalogue(name, entries, facets)
