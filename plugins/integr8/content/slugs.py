"""Heading anchors, shared by the build (toc ``slugify``) and the link checker so they agree.

Unicode letters are kept, so Arabic, Persian and Cyrillic headings get readable anchors
instead of the empty ids of an ASCII-only slug.
"""

from __future__ import annotations

import html
import re
import unicodedata

_TAGS = re.compile(r"</?[^>]*>")
_INVALID = re.compile(r"[^\w\- ]")
_SPACES = re.compile(r" +")


def slugify(text: str, sep: str = "-") -> str:
    text = unicodedata.normalize("NFC", html.unescape(_TAGS.sub("", text)))
    return _SPACES.sub(sep, _INVALID.sub("", text).strip().lower())


_INLINE_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"[*`]|(?<!\w)_|_(?!\w)")


def heading_text(markdown: str) -> str:
    """The plain text that Markdown renders for a heading's inline source."""
    return _EMPHASIS.sub("", _INLINE_LINK.sub(r"\1", markdown)).strip()


class SlugRegistry:
    """Gives repeated headings the suffixes Python-Markdown's toc gives them (``x``, ``x_1``)."""

    def __init__(self):
        self.used: set[str] = set()

    def add(self, text: str) -> str:
        slug = base = slugify(heading_text(text)) or "_"
        counter = 0
        while slug in self.used:
            counter += 1
            slug = f"{base}_{counter}"
        self.used.add(slug)
        return slug
