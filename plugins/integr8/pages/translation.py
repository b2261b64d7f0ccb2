"""What a reader is told about the language of the page she is on.

Every page says truthfully what it is: the original, a current translation, a translation
that may be behind its original, or the original shown because no translation exists yet. The
language switcher marks the languages a page is not translated into, and only real
translations are announced to search engines (sitemap alternates); a fallback page's canonical
URL is the original's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..i18n.status import TranslationStatus
from .generated import language_prefix

TRANSLATED = ("source", "current", "outdated", "untracked")


@dataclass
class LanguageLink:
    code: str
    name: str  # the language's name for itself
    direction: str
    url: str  # below the site root, e.g. "fa/modules/x/"
    translated: bool
    current: bool  # the language of the page being read


@dataclass
class Notice:
    kind: str  # "missing", "outdated" or "untracked"
    text: str
    language: str  # the language the notice is written in
    direction: str
    link_text: str | None = None
    link_url: str | None = None  # below the site root
    link_language: str | None = None


@dataclass
class TranslationView:
    state: str  # a translation state, or "generated" for pages made for every language
    canonical_url: str  # below the site root: the page itself, or the original for a fallback
    languages: list[LanguageLink] = field(default_factory=list)
    notice: Notice | None = None

    @property
    def is_fallback(self) -> bool:
        return self.state == "missing"


def translation_view(site, status: TranslationStatus, key: str | None, language: str, path: str) -> TranslationView:
    """The view for the page at ``path`` (below the language folder) of item ``key``, read in ``language``."""
    default = site.default_language
    item = status.item(key) if key else None

    def url(code: str) -> str:
        return language_prefix(code, default) + path

    states = {code: (item.translations[code].state if item else "generated") for code in site.project.codes}
    languages = [
        LanguageLink(lang.code, lang.name, site.direction(lang.code), url(lang.code), states[lang.code] != "missing", lang.code == language)
        for lang in site.project.languages
    ]
    state = states[language]
    if item is None or state in ("source", "current", "generated"):
        return TranslationView(state, url(language), languages)
    source = item.source_language
    strings = site.strings(language)
    if state == "missing":
        names = {"language": _name(site, language, language), "source": _name(site, language, source)}
        notice = Notice("missing", strings["notice_missing"].format(**names), language, site.direction(language))
        return TranslationView(state, url(source), languages, notice)
    # An outdated or unchecked translation: told in the page's own language, with the way to the original.
    source_name = _name(site, language, source)
    notice = Notice(
        state, strings[f"notice_{state}"].format(source=source_name), language, site.direction(language),
        strings["read_original"].format(source=source_name), url(source), source,
    )
    return TranslationView(state, url(language), languages, notice)


def _name(site, in_language: str, code: str) -> str:
    own = next((lang.name for lang in site.project.languages if lang.code == code), code)
    return site.strings(in_language).language_name(code, own)
