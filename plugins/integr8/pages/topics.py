"""Topic pages: one per topic, listing its modules, cases and handbook chapters; and their index.

A topic has a page when any item, in any language, is about it, so that every topic page exists
in every language and the language switcher never leads nowhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import format as fmt
from .catalogue import CATALOGUES, Card, Text, card, catalogue_for
from .generated import GeneratedPage

VOCABULARY = "topics"


@dataclass
class TopicSection:
    name: str  # the catalogue: "modules", "cases" or "handbook"
    heading: str
    cards: list[Card]


@dataclass
class TopicPage:
    kind = "topic"
    id: str
    title: str
    sections: list[TopicSection]
    all_topics: Text  # the link back to the index


@dataclass
class TopicSummary:
    title: str
    url: str  # below the site root
    counts: list[str]  # "Modules: 3", one per catalogue with items on the topic


@dataclass
class TopicsPage:
    kind = "topics"
    title: str
    topics: list[TopicSummary]


def used_topics(corpus) -> list[str]:
    """Topics of the vocabulary that a module, or any language version of a page, names; in vocabulary order."""
    used = set()
    for module in corpus.modules.values():
        used.update(_names(module.meta.get("topics")))
    for page in corpus.pages:
        if page.kind in ("case", "handbook"):
            used.update(_names(page.meta.get("topics")))
    return [topic for topic in corpus.vocabularies.get(VOCABULARY, {}) if topic in used]


def _names(value) -> set[str]:
    return {v for v in value if isinstance(v, str)} if isinstance(value, list) else set()


def topic_pages(site, language: str) -> tuple[TopicsPage, list[TopicPage]]:
    strings, prefix = site.strings(language), site.url_prefix(language)
    vocab, default = site.corpus.vocabularies, site.default_language
    catalogues = {name: catalogue_for(site, name, language) for name in CATALOGUES}
    cards = {name: {entry.key: card(site, entry, language) for entry in catalogue.entries} for name, catalogue in catalogues.items()}
    pages, summaries = [], []
    all_topics = Text(strings["catalogue_all_topics"], url=f"{prefix}topics/")
    for topic in used_topics(site.corpus):
        title = fmt.term(vocab, VOCABULARY, topic, language, default)
        sections = []
        for name, catalogue in catalogues.items():
            chosen = [cards[name][entry.key] for entry in catalogue.entries if topic in entry.topics]
            if chosen:
                sections.append(TopicSection(name, strings[name], chosen))
        pages.append(TopicPage(topic, title, sections, all_topics))
        counts = [f"{section.heading}: {len(section.cards)}" for section in sections]
        summaries.append(TopicSummary(title, f"{prefix}topics/{topic}/", counts))
    return TopicsPage(strings["topics"], summaries), pages


def generate(site, language: str) -> list[GeneratedPage]:
    prefix = site.url_prefix(language)
    index, topics = topic_pages(site, language)
    if not topics:
        return []
    url = f"{prefix}topics/"
    pages = [GeneratedPage("topics/index.md", f"{url}index.html", url, index.title, "integr8/topics.html", "", index, alternates=site.alternates("topics/"))]
    for view in topics:
        url = f"{prefix}topics/{view.id}/"
        pages.append(
            GeneratedPage(
                f"topics/{view.id}/index.md", f"{url}index.html", url, view.title, "integr8/topic.html", "", view,
                alternates=site.alternates(f"topics/{view.id}/"),
            )
        )
    return pages
