"""The directory of local networks and contact points (directory/), from curriculum/directory.yml.

Every entry is in the HTML, so that without JavaScript the page is the complete list;
``overrides/assets/directory.js`` shows the filters (region, language, kind) and hides what they
leave out. Each entry carries its values in data attributes; the options are computed here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..catalogue.countries import country_name
from . import format as fmt
from .doors import contribute_url
from .generated import GeneratedPage

FILE = "directory.yml"
SCRIPT = "assets/directory.js"
PATH = "directory/"
LABELS = (
    "directory_intro", "directory_filters", "region", "directory_language", "directory_kind", "directory_all",
    "directory_shown", "directory_none", "directory_show_all", "directory_example", "directory_example_note",
    "directory_languages", "directory_run_by", "website", "directory_case", "directory_add", "directory_add_link",
)


@dataclass
class Option:
    value: str
    label: str
    count: int


@dataclass
class Filter:
    name: str  # the data attribute and query parameter: region, language or kind
    label: str
    options: list[Option]


@dataclass
class Entry:
    id: str
    name: str
    description: str
    kind: str
    kind_label: str
    region: str  # as people there write it: "Thüringen"
    country: str  # in the reader's language: "Deutschland"
    region_key: str  # what the region filter matches: "DE/Thüringen"
    places: str
    languages: list[str]  # codes
    language_labels: list[str]
    organisation: str
    website: str | None
    case_url: str | None
    example: bool


@dataclass
class DirectoryPage:
    kind = "directory"
    title: str
    entries: list[Entry]
    filters: list[Filter]
    shown: str  # "9 of 9 shown", before any filter is chosen
    contribute_url: str
    labels: dict = field(default_factory=dict)
    script: str = SCRIPT


def _entry(site, raw: dict, language: str) -> Entry:
    corpus, default, prefix = site.corpus, site.default_language, site.url_prefix(language)
    vocab = corpus.vocabularies
    organisation = raw.get("organisation") if isinstance(raw.get("organisation"), dict) else {}
    partner = corpus.partners.get(organisation.get("partner"))
    website = organisation.get("website") or (partner.url if partner else None)
    country = str(raw.get("country", ""))
    region = str(raw.get("region", ""))
    case = raw.get("case")
    languages = [code for code in raw.get("languages") or [] if isinstance(code, str)]
    return Entry(
        id=str(raw.get("id")),
        name=fmt.translated(raw.get("name"), language, default),
        description=fmt.translated(raw.get("description"), language, default),
        kind=str(raw.get("kind")),
        kind_label=fmt.term(vocab, "network_kinds", raw.get("kind"), language, default),
        region=region,
        country=country_name(country, language, default),
        region_key=f"{country}/{region}",
        places=str(raw.get("places") or ""),
        languages=languages,
        language_labels=fmt.terms(vocab, "spoken_languages", languages, language, default),
        organisation=partner.name if partner else str(organisation.get("name") or ""),
        website=website if isinstance(website, str) else None,
        case_url=f"{prefix}cases/{case}/" if isinstance(case, str) else None,
        example=raw.get("example") is True,
    )


def _filters(entries: list[Entry], strings, vocab: dict, language: str, default: str) -> list[Filter]:
    def count(test) -> int:
        return sum(1 for entry in entries if test(entry))

    regions = sorted({(e.region_key, f"{e.region} ({e.country})") for e in entries}, key=lambda pair: pair[1].casefold())
    spoken = [code for code in vocab.get("spoken_languages", {}) if any(code in e.languages for e in entries)]
    kinds = [kind for kind in vocab.get("network_kinds", {}) if any(e.kind == kind for e in entries)]
    return [
        Filter("region", strings["region"], [Option(key, label, count(lambda e, k=key: e.region_key == k)) for key, label in regions]),
        Filter("language", strings["directory_language"], [
            Option(code, fmt.term(vocab, "spoken_languages", code, language, default), count(lambda e, c=code: c in e.languages)) for code in spoken
        ]),
        Filter("kind", strings["directory_kind"], [
            Option(kind, fmt.term(vocab, "network_kinds", kind, language, default), count(lambda e, k=kind: e.kind == k)) for kind in kinds
        ]),
    ]


def directory_page(site, data: list, language: str) -> DirectoryPage:
    strings, default = site.strings(language), site.default_language
    entries = [_entry(site, raw, language) for raw in data if isinstance(raw, dict)]
    # Real offers first, then examples; each group by region and name, as readers scan a list.
    entries.sort(key=lambda e: (e.example, e.country.casefold(), e.region.casefold(), e.name.casefold()))
    total = len(entries)
    return DirectoryPage(
        title=strings["directory"],
        entries=entries,
        filters=_filters(entries, strings, site.corpus.vocabularies, language, default),
        shown=strings["directory_shown"].format(shown=total, total=total),
        contribute_url=contribute_url(site, language),
        labels={key: strings[key] for key in LABELS},
    )


def generate(site, language: str) -> list[GeneratedPage]:
    source = site.corpus.data_files.get(FILE)
    if source is None or source.doc is None or not isinstance(source.doc.data, list):
        return []
    view = directory_page(site, source.doc.data, language)
    url = site.url_prefix(language) + PATH
    return [GeneratedPage(f"{PATH}index.md", f"{url}index.html", url, view.title, "integr8/directory.html", "", view, alternates=site.alternates(PATH))]
