"""The catalogue pages: every module, case and handbook chapter with filters, in one language.

The page lists every item in its HTML, so that it is complete and readable without JavaScript;
``overrides/assets/catalogue.js`` only hides what the chosen filters leave out. Each item
carries its option values (``data-facets``), and the script counts with the same rule as
:mod:`integr8.catalogue.facets`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..catalogue import Catalogue, Entry, Facet, Labels, build_catalogue
from ..catalogue.countries import country_name
from . import format as fmt
from .cases import _period as period_text
from .generated import GeneratedPage

SCRIPT = "assets/catalogue.js"
CATALOGUES = ("modules", "cases", "handbook")  # also the folder of each catalogue below the language


@dataclass
class Text:
    """A piece of text; ``lang``/``dir`` are set only when it is in another language than the page."""

    text: str
    lang: str | None = None
    dir: str | None = None
    url: str | None = None  # below the site root, when the text is a link


@dataclass
class CardFact:
    label: str
    values: list[Text]


@dataclass
class Card:
    url: str  # below the site root
    title: str
    summary: str
    lang: str | None  # the language of title and summary, when not the page's (a fallback)
    dir: str | None
    facets: str  # "topic:rights level:entry …": what the filter script matches
    facts: list[CardFact]


@dataclass
class CataloguePage:
    kind = "catalogue"
    name: str  # "modules", "cases" or "handbook"
    title: str
    facets: list[Facet]
    cards: list[Card]
    shown: str  # "Showing 9 of 9", before any filter is chosen
    topics_url: str | None  # the topics index, for browsing without filters
    labels: dict = field(default_factory=dict)
    script: str = SCRIPT
    intro_language: str | None = None  # of the introduction (docs/<name>/index.<language>.md), if any
    intro_direction: str | None = None


def labels_for(site, language: str) -> Labels:
    return Labels(
        language=language,
        default_language=site.default_language,
        vocabularies=site.corpus.vocabularies,
        strings=site.strings(language),
        language_names={lang.code: lang.name for lang in site.project.languages},
        direction=site.direction,
    )


def catalogue_for(site, name: str, language: str) -> Catalogue:
    return build_catalogue(name, site.corpus, labels_for(site, language), site.today)  # projects still running count up to the build's date


def _foreign(site, code: str, language: str) -> tuple[str | None, str | None]:
    return (None, None) if code == language else (code, site.direction(code))


def _languages_fact(site, entry: Entry, language: str) -> CardFact:
    names = {lang.code: lang.name for lang in site.project.languages}
    values = [Text(names[code], *_foreign(site, code, language)) for code in entry.languages]
    return CardFact(site.strings(language)["languages"], values)


def _topics_fact(site, entry: Entry, language: str) -> CardFact | None:
    prefix, strings = site.url_prefix(language), site.strings(language)
    vocab, default = site.corpus.vocabularies, site.default_language
    links = [Text(fmt.term(vocab, "topics", topic, language, default), url=f"{prefix}topics/{topic}/") for topic in entry.topics]
    return CardFact(strings["topics"], links) if links else None


def card(site, entry: Entry, language: str) -> Card:
    """One item as a catalogue or topic page shows it, with the facts that help to choose."""
    strings, vocab, default = site.strings(language), site.corpus.vocabularies, site.default_language
    meta = entry.meta
    facts: list[CardFact | None] = []
    if entry.kind == "module":
        minutes = meta.get("duration_minutes")
        if isinstance(minutes, int) and not isinstance(minutes, bool):
            facts.append(CardFact(strings["duration"], [Text(fmt.duration(minutes, strings))]))
        if meta.get("level"):
            facts.append(CardFact(strings["level"], [Text(fmt.term(vocab, "levels", meta.get("level"), language, default))]))
    elif entry.kind == "case":
        countries = entry.values.get("country", ())
        if countries:
            facts.append(CardFact(strings["country"], [Text(country_name(code, language, default)) for code in countries]))
        facts.append(CardFact(strings["period"], [Text(period_text(meta.get("period"), strings))]))
    facts.append(_languages_fact(site, entry, language))
    facts.append(_topics_fact(site, entry, language))
    lang, direction = _foreign(site, entry.language, language)
    return Card(
        url=site.url_prefix(language) + entry.path,
        title=entry.title,
        summary=entry.summary,
        lang=lang,
        dir=direction,
        facets=" ".join(f"{facet}:{value}" for facet, values in entry.values.items() for value in values),
        facts=[fact for fact in facts if fact and fact.values],
    )


def catalogue_page(site, name: str, language: str) -> CataloguePage:
    strings = site.strings(language)
    catalogue = catalogue_for(site, name, language)
    total = len(catalogue.entries)
    has_topics = any(entry.topics for entry in catalogue.entries)  # then topic pages exist
    return CataloguePage(
        name=name,
        title=strings[name],
        facets=catalogue.facets,
        cards=[card(site, entry, language) for entry in catalogue.entries],
        shown=strings["catalogue_shown"].format(shown=total, total=total),
        topics_url=f"{site.url_prefix(language)}topics/" if has_topics else None,
        labels={key: strings[f"catalogue_{key}"] for key in ("filters", "reset", "none", "shown", "browse_topics")},
    )


def add_intro(site, view: CataloguePage, language: str, url: str) -> str:
    """The Markdown of ``docs/<name>/index.<language>.md`` (or the default language's), shown above the list.

    The catalogue takes that page's place, so that partners can still write an introduction.
    """
    versions = site.links.pages.get(f"{view.name}/index", {})
    page = versions.get(language) or versions.get(site.default_language)
    if page is None:
        return ""
    view.intro_language, view.intro_direction = page.language, site.direction(page.language)
    return site.rewrite_links(page.text, page, language, url)


def generate(site, language: str) -> list[GeneratedPage]:
    """The catalogue of modules, of cases and of handbook chapters, each when it has an item."""
    prefix = site.url_prefix(language)
    pages = []
    for name in CATALOGUES:
        view = catalogue_page(site, name, language)
        if not view.cards:
            continue
        url = f"{prefix}{name}/"
        pages.append(
            GeneratedPage(
                f"{name}/index.md", f"{url}index.html", url, view.title, "integr8/catalogue.html",
                add_intro(site, view, language, url), view, alternates=site.alternates(f"{name}/"),
            )
        )
    return pages
