"""Per-language search that costs nothing until a reader opens it.

For each language the build writes ``assets/search/<language>.json``: a prebuilt lunr index of
the pages written in that language, the documents it finds, and the normalisation rules of its
text. A page loads nothing for search until the reader opens it (a short inline script in the page,
``overrides/integr8/search-opener.js``, shows the button and opens the dialog); then
``assets/search/search.js`` fetches lunr.js, the stemmer of her language if it has one, ``engine.js`` and her language's
file, and nothing of any other language.

- :mod:`.normalise`: the text rules (data in ``normalisation.yml`` and ``languages.yml``)
- :mod:`.documents`: what is found, from the content model (providers per kind of page)
- :mod:`.index`: the lunr index, its compact form, and the query (Python twin of engine.js)
"""

from __future__ import annotations

from dataclasses import dataclass

from .documents import documents_for
from .index import LanguageIndex, build_language_index
from .normalise import rules_for

FOLDER = "assets/search/"  # below the site root; the browser files live there too (overrides/)
LUNR = "lunr.min.js"
ENGINE = "engine.js"
BOOTSTRAP = "search.js"

# Interface strings the results need (the rest are in the page itself).
RESULT_STRINGS = {
    "count_one": "search_result_count_one",
    "count": "search_result_count",
    "none": "search_no_results",
    "more": "search_more",
}
KIND_STRINGS = {
    "module": "kind_module",
    "case": "kind_case",
    "handbook": "kind_handbook",
    "glossary": "glossary",
    "page": "kind_page",
}


def index_path(language: str) -> str:
    return f"{FOLDER}{language}.json"


@dataclass
class BrowserSettings:
    """What a page needs to start search in ``language``: paths below the site root."""

    bootstrap: str
    index: str
    scripts: list[str]  # in the order they must run: lunr.js, stemmer support, stemmer, engine


def browser_settings(language: str) -> BrowserSettings:
    scripts = []
    for name in (LUNR, *rules_for(language).browser_scripts(), ENGINE):
        if name not in scripts:
            scripts.append(name)
    return BrowserSettings(FOLDER + BOOTSTRAP, index_path(language), [FOLDER + name for name in scripts])


def language_index(site, language: str) -> LanguageIndex:
    """The search file of ``language`` for a loaded :class:`~integr8.pages.site.Site`."""
    strings = site.strings(language)
    labels = {key: strings[name] for key, name in RESULT_STRINGS.items()}
    labels["kinds"] = {kind: strings[name] for kind, name in KIND_STRINGS.items()}
    return build_language_index(documents_for(site, language), rules_for(language), labels)


__all__ = ["BrowserSettings", "LanguageIndex", "browser_settings", "index_path", "language_index"]
