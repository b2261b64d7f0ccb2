"""The glossary page in one language, the links from other pages to it, and its search entries.

The entries are ordered by the German word, because that is the word a reader meets on letters,
forms and signs and looks up, and the one a trainer can point to in a group of many languages
("look under B, Bürgeramt"). A reader of another language also gets a list of the words in her
own language, in the order of her own alphabet, each leading to its entry. Inside Arabic or
Persian text the German word keeps its language and direction (``lang="de" dir="ltr"``).
"""

from __future__ import annotations

import posixpath
import unicodedata
from dataclasses import dataclass, field

from ..content.glossary import Glossary, GlossaryTerm
from .generated import GeneratedPage, language_prefix
from .modules import version_for
from .termlinks import TermLinks, link_terms

PATH = "glossary/"  # below the language folder; entries are at glossary/#<id>


@dataclass
class Segment:
    """A piece of a definition: plain text, or another entry's word linking to it."""

    text: str
    href: str = ""
    lang: str = ""  # set when the piece is in another language than the text around it
    dir: str = ""


@dataclass
class RelatedModule:
    title: str
    url: str  # relative to the glossary page
    lang: str = ""  # set when the title is a fallback in another language
    dir: str = ""


@dataclass
class Entry:
    id: str
    term: str
    term_lang: str  # "" when the page is in the term's language
    term_dir: str
    name: str  # the word in the reader's language; "" when there is none or it is the term itself
    definition: list[Segment]
    definition_lang: str  # "" unless the definition falls back to the source language
    definition_dir: str
    is_fallback: bool
    modules: list[RelatedModule] = field(default_factory=list)


@dataclass
class Letter:
    letter: str
    anchor: str
    entries: list[Entry]


@dataclass
class IndexItem:
    name: str  # the word in the reader's language
    id: str


@dataclass
class GlossaryPage:
    kind = "glossary"
    title: str
    intro: str
    letters: list[Letter]
    index: list[IndexItem]  # the words in the reader's language, in her alphabet; [] in the source language
    labels: dict
    content_language: str
    content_direction: str
    term_lang: str = ""  # the German words' language and direction, when the page is in another
    term_dir: str = ""


# Ordering ----------------------------------------------------------------------------------------
def collation_key(text: str, alphabet: str) -> tuple:
    """A sort key following ``alphabet``: letter groups separated by spaces, e.g. "Aaä Bb … Zz".

    Letters of one group sort alike (A, a, Ä); a letter missing from the alphabet is looked up
    without its accents, else sorts after all letters. Spaces come before every letter (so
    "Agentur für Arbeit" precedes "Agenturen"); joiners and vowel marks are ignored.
    """
    ranks = {char: rank for rank, group in enumerate(alphabet.split()) for char in group}
    key = []
    for char in unicodedata.normalize("NFC", text):
        if char.isspace():
            key.append(-1)
            continue
        if unicodedata.category(char) in ("Cf", "Mn"):
            continue
        rank = ranks.get(char)
        if rank is None:
            base = unicodedata.normalize("NFD", char)[0]
            rank = ranks.get(base, len(ranks) + ord(char))
        key.append(rank)
    return (tuple(key), text)


def initial(text: str, alphabet: str) -> str:
    """The letter a word is listed under: the first character of its alphabet group."""
    groups = alphabet.split()
    for char in text:
        if char.isalpha():
            for group in groups:
                if char in group or unicodedata.normalize("NFD", char)[0] in group:
                    return group[0]
            return char.upper()
    return "#"


# The page ----------------------------------------------------------------------------------------
def _foreign(site, language: str, other: str) -> tuple[str, str]:
    """lang and dir for text in ``other`` inside a page in ``language``; empty when they agree."""
    return ("", "") if other == language else (other, site.direction(other))


def definition_segments(glossary: Glossary, text: str, own_id: str, word_lang: str = "", word_dir: str = "") -> list[Segment]:
    """A definition with the first mention of each other entry's word linked to that entry."""
    segments, seen, position = [], {own_id}, 0
    for match in glossary.matcher.finditer(text) if glossary.matcher else ():
        term = glossary.term_for(match.group(0))
        if term is None or term.id in seen:
            continue
        seen.add(term.id)
        if match.start() > position:
            segments.append(Segment(text[position:match.start()]))
        segments.append(Segment(match.group(0), f"#{term.id}", word_lang, word_dir))
        position = match.end()
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments


def _entry(site, term: GlossaryTerm, language: str) -> Entry:
    glossary = site.corpus.glossary
    default = site.default_language
    term_lang, term_dir = _foreign(site, language, glossary.language)
    definition_language = language if language in term.definitions else default
    definition_lang, definition_dir = _foreign(site, language, definition_language)
    # A German word inside a German fallback definition needs no marking of its own.
    word_lang, word_dir = ("", "") if definition_language == glossary.language else (term_lang, term_dir)
    definition = definition_segments(glossary, term.definitions.get(definition_language, ""), term.id, word_lang, word_dir)
    name = term.name(language)
    modules = []
    for module_id in term.modules:
        module = site.corpus.modules.get(module_id)
        version, _ = version_for(module, language) if module else (None, False)
        if version is None or not version.title:
            continue
        lang, direction = _foreign(site, language, version.language)
        modules.append(RelatedModule(version.title, f"../modules/{module_id}/", lang, direction))
    return Entry(
        id=term.id,
        term=term.term,
        term_lang=term_lang,
        term_dir=term_dir,
        name="" if name == term.term else name,
        definition=definition,
        definition_lang=definition_lang,
        definition_dir=definition_dir,
        is_fallback=definition_language != language,
        modules=modules,
    )


def glossary_page(site, language: str) -> GlossaryPage:
    glossary = site.corpus.glossary
    strings = site.strings(language)
    source_alphabet = site.strings(glossary.language)["alphabet"]
    terms = sorted(glossary.terms.values(), key=lambda t: collation_key(t.term, source_alphabet))
    letters: list[Letter] = []
    for term in terms:
        letter = initial(term.term, source_alphabet)
        if not letters or letters[-1].letter != letter:
            letters.append(Letter(letter, f"letter-{letter.lower()}", []))
        letters[-1].entries.append(_entry(site, term, language))
    index = []
    if language != glossary.language:
        alphabet = strings["alphabet"]
        named = [term for term in glossary.terms.values() if term.name(language) and term.name(language) != term.term]
        index = [IndexItem(t.name(language), t.id) for t in sorted(named, key=lambda t: collation_key(t.name(language), alphabet))]
    term_lang, term_dir = _foreign(site, language, glossary.language)
    labels = {key: strings[key] for key in ("glossary_letters", "glossary_index", "glossary_modules", "glossary_fallback")}
    return GlossaryPage(
        title=strings["glossary"],
        intro=strings["glossary_intro"],
        letters=letters,
        index=index,
        labels=labels,
        content_language=language,
        content_direction=site.direction(language),
        term_lang=term_lang,
        term_dir=term_dir,
    )


def generate(site, language: str) -> list[GeneratedPage]:
    """The glossary page, when the site has a glossary."""
    if not site.corpus.glossary:
        return []
    view = glossary_page(site, language)
    url = site.url_prefix(language) + PATH
    return [
        GeneratedPage(
            f"{PATH}index.md", f"{url}index.html", url, view.title, "integr8/glossary.html", "", view,
            alternates=site.alternates(PATH),
        )
    ]


# Links from other pages --------------------------------------------------------------------------
def term_links(site, content_language: str, language: str, page_url: str) -> TermLinks | None:
    """How a page at ``page_url`` (text in ``content_language``, read in ``language``) links words."""
    glossary = site.corpus.glossary
    if not glossary:
        return None
    target = site.url_prefix(language) + PATH
    relative = posixpath.relpath("/" + target, "/" + page_url.rstrip("/")) + "/" if page_url.strip("/") else target

    def title(term_id: str) -> str:
        term = glossary.terms[term_id]
        name = term.name(language)
        return name if name and name != term.term else ""

    lang, direction = _foreign(site, content_language, glossary.language)
    attributes = {"lang": lang, "dir": direction} if lang else {}
    return TermLinks(glossary, lambda term_id: f"{relative}#{term_id}", title, attributes)


def link_glossary_terms(site, markdown: str, content_language: str, language: str, page_url: str) -> str:
    """``markdown`` with ``glossary:`` links resolved and each glossary word's first use linked."""
    links = term_links(site, content_language, language, page_url)
    return link_terms(markdown, links) if links else markdown


# Search ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SearchEntry:
    """One glossary entry as search indexes it, in one reader's language."""

    id: str
    term: str  # the German word
    name: str  # the word in the reader's language ("" when none)
    definition: str  # plain text, in ``definition_language``
    url: str  # below the site root, e.g. "fa/glossary/#jobcenter"
    language: str  # the reader's language
    definition_language: str  # the reader's language, or the source language where untranslated
    forms: tuple[str, ...] = ()  # further German spellings (plural, female form, abbreviation)


def search_entries(corpus, language: str) -> list[SearchEntry]:
    """Every glossary entry for readers of ``language``, for the search index; [] without a glossary."""
    glossary = corpus.glossary
    if not glossary:
        return []
    default = corpus.project.default_language
    prefix = language_prefix(language, default)
    entries = []
    for term in glossary.terms.values():
        definition_language = language if language in term.definitions else default
        name = term.name(language)
        entries.append(
            SearchEntry(
                id=term.id,
                term=term.term,
                name="" if name == term.term else name,
                definition=term.definitions.get(definition_language, ""),
                url=f"{prefix}{PATH}#{term.id}",
                language=language,
                definition_language=definition_language,
                forms=tuple(term.forms),
            )
        )
    return entries
