"""What search finds, in one reader's language: one :class:`SearchDocument` per page or entry.

Documents are made from the content model (the :class:`~integr8.pages.site.Site` and its
corpus), never from rendered HTML, by the providers in :data:`PROVIDERS`: a new kind of result
is one function ``(site, language) -> list[SearchDocument]`` and one line there.

A reader's index holds the pages written in her language only. A page shown to her as a
fallback (the German original of an untranslated module) is left out: her words would not find
its text, and its German words would crowd her results; the catalogue lists it with the
languages it exists in, which is where she can find it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..catalogue.countries import country_name
from ..content.markdown import scan
from ..content.slugs import heading_text
from ..pages import format as fmt
from ..pages.generated import language_prefix

KINDS = ("module", "case", "handbook", "glossary", "page")


@dataclass
class Passage:
    """A short text of the page shown as the snippet when it holds the match, and where it is."""

    text: str
    anchor: str = ""  # the fragment of the page where this text stands; "" for the top


@dataclass
class SearchDocument:
    kind: str  # one of KINDS
    url: str  # below the site root, with the language folder: "fa/modules/health-system/"
    title: str
    summary: str = ""
    passages: list[Passage] = field(default_factory=list)  # objectives, section headings
    keywords: list[str] = field(default_factory=list)  # found but not shown: topics, audience, places
    facts: list[str] = field(default_factory=list)  # shown with the result: duration, level


# Markdown to plain text ----------------------------------------------------------------------
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_MARKUP = re.compile(r"(\*\*|__|[*_`]|^\s{0,3}(?:[-+*]|\d+[.)]|>)\s+|^\s{0,3}#{1,6}\s+)", re.MULTILINE)
_BLOCK_LINE = re.compile(r"^:::.*$|^\s*\|?[-:| ]+\|[-:| ]*$", re.MULTILINE)


def plain(markdown: str) -> str:
    """Readable text of a Markdown fragment: links and images as their words, no markup."""
    text = _IMAGE.sub(r"\1", markdown)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    text = _BLOCK_LINE.sub(" ", text)
    text = _MARKUP.sub("", text).replace("|", " ")
    return " ".join(text.split())


def first_paragraph(markdown: str, limit: int = 240) -> str:
    """The first paragraph of running text, cut at a word boundary: a summary for pages without one."""
    for block in re.split(r"\n\s*\n", markdown):
        stripped = block.strip()
        if not stripped or stripped.startswith(("#", ":::", "<", "|", "!")):
            continue
        text = plain(stripped)
        if len(text) <= limit:
            return text
        return text[:limit].rsplit(" ", 1)[0] + " …"
    return ""


_SENTENCE_END = re.compile(r"[.!?؟।](?=\s|$)")


def first_sentence(text: str, shortest: int = 40, limit: int = 200) -> str:
    """The first sentence of ``text`` (not one cut after an abbreviation such as "z. B.")."""
    text = " ".join(text.split())
    end = _SENTENCE_END.search(text, shortest)
    sentence = text[: end.end()] if end else text
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0] + " …"


def _text(meta: dict, name: str) -> str:
    value = meta.get(name)
    return " ".join(value.split()) if isinstance(value, str) else ""


def _headings(markdown: str, levels=(2, 3)) -> list[Passage]:
    return [Passage(plain(heading_text(h.text)), h.slug) for h in scan(markdown).headings if h.level in levels]


def _labels(site, vocabulary: str, values, language: str) -> list[str]:
    return fmt.terms(site.corpus.vocabularies, vocabulary, values if isinstance(values, list) else [], language, site.default_language)


# Providers ---------------------------------------------------------------------------------------
def modules(site, language: str) -> list[SearchDocument]:
    documents = []
    prefix, strings = language_prefix(language, site.default_language), site.strings(language)
    for module in site.corpus.modules.values():
        version = module.versions.get(language)
        if version is None or not version.title:
            continue
        meta = module.meta
        passages = [Passage(str(o), "objectives") for o in version.meta.get("objectives") or [] if str(o).strip()]
        passages += _headings(version.text, levels=(2,))
        minutes = meta.get("duration_minutes")
        facts = [fmt.duration(minutes, strings)] if isinstance(minutes, int) and minutes > 0 else []
        if meta.get("level"):
            facts.append(fmt.term(site.corpus.vocabularies, "levels", meta.get("level"), language, site.default_language))
        keywords = [
            *_labels(site, "topics", meta.get("topics"), language),
            *_labels(site, "audience", meta.get("audience"), language),
            *_labels(site, "formats", meta.get("formats"), language),
        ]
        documents.append(
            SearchDocument("module", f"{prefix}modules/{module.id}/", version.title, _text(version.meta, "summary"), passages, keywords, facts)
        )
    return documents


def _page_url(base: str) -> str:
    if base == "index":
        return ""
    return base.removesuffix("/index") + "/" if base.endswith("/index") else base + "/"


def _title(page) -> str:
    if page.title:
        return " ".join(page.title.split())
    first = next((h for h in scan(page.text).headings if h.level == 1), None)
    return plain(heading_text(first.text)) if first else ""


def pages(site, language: str) -> list[SearchDocument]:
    """Cases, handbook chapters and other pages of docs/ written in ``language``."""
    documents = []
    prefix = language_prefix(language, site.default_language)
    for page in site.corpus.pages:
        if page.language != language or page.base == "index" or page.base.endswith("/index"):
            continue  # the front page and section indexes are lists, found through their items
        title = _title(page)
        if not title:
            continue
        kind = {"case": "case"}.get(page.kind) or ("handbook" if page.base.startswith("handbook/") else "page")
        summary = _text(page.meta, "summary") or _text(page.meta, "description") or first_paragraph(page.text)
        keywords = [
            *_labels(site, "topics", page.meta.get("topics"), language),
            *_labels(site, "target_groups", page.meta.get("target_groups"), language),
            *(_text(page.meta, name) for name in ("organisation", "region", "country")),
            _country(page.meta, language, site.default_language),
        ]
        documents.append(
            SearchDocument(kind, prefix + _page_url(page.base), title, summary, _headings(page.text), [k for k in keywords if k])
        )
    return documents


def _country(meta: dict, language: str, default_language: str) -> str:
    """The case's country by its name in the reader's language: she searches «آلمان», not «DE»."""
    code = _text(meta, "country")
    return country_name(code, language, default_language) if code else ""


def glossary(site, language: str) -> list[SearchDocument]:
    """Glossary entries: the German word, its name in the reader's language, what it is.

    Every entry is in every reader's index: the German word is the one she meets on letters and
    signs. Of the explanation only the first sentence (what the word is) is indexed and shown:
    the whole explanation is one tap away, and the rest of it (what to do, where to go) would
    make a third of the search file and match words of every other page. An explanation not
    yet written in her language is left out.
    """
    from ..pages.glossary import search_entries

    documents = []
    for entry in search_entries(site.corpus, language):
        title = f"{entry.name} – {entry.term}" if entry.name else entry.term
        explained = entry.definition_language == language
        summary = first_sentence(entry.definition) if explained else ""
        documents.append(SearchDocument("glossary", entry.url, title, summary, keywords=list(entry.forms)))
    return documents


PROVIDERS = [
    modules,
    pages,
    glossary,
]


def documents_for(site, language: str) -> list[SearchDocument]:
    return [document for provide in PROVIDERS for document in provide(site, language)]
