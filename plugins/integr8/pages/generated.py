"""A page the core generates (no Markdown file of its own in docs/), as any engine needs it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..content.model import SourceFile


def language_prefix(language: str, default: str) -> str:
    """The folder of a language's pages below the site root: none for the default language."""
    return "" if language == default else f"{language}/"


@dataclass
class GeneratedPage:
    src_uri: str  # where the page pretends to live among the docs, e.g. modules/x/index.md
    dest_uri: str  # where it is written, with the language folder, e.g. en/modules/x/index.html
    url: str  # its URL relative to the site root, e.g. en/modules/x/
    title: str
    template: str
    markdown: str
    view: object
    source: SourceFile | None = None
    alternates: dict = field(default_factory=dict)  # language -> URL of the same page
    key: str | None = None  # the translatable item shown (e.g. "modules/x"), None for pages made per language
    in_nav: bool = True  # False for pages reached from another page only (printable packs)
