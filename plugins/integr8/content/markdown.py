"""A line scanner for partner-written Markdown: headings, links, images and raw HTML, with lines.

It skips fenced code blocks and inline code, which may legitimately show ``<script>`` or
broken-looking links as examples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .slugs import SlugRegistry

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+.*)?$")
_HTML_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_HTML_ALT = re.compile(r"\balt\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.IGNORECASE)
# attribute lists ({: #id .class}) and our session/handout markers ({20 min}, {handout})
_ATTR_LIST = re.compile(r"\s*\{(?:[:#.][^}]*|\s*-?\d+\s*min\s*|\s*handout\s*)\}\s*$", re.IGNORECASE)


@dataclass
class Heading:
    level: int
    text: str
    slug: str
    line: int


@dataclass
class Link:
    target: str
    text: str
    line: int
    column: int
    image: bool = False


@dataclass
class ScannedMarkdown:
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    html_lines: list[tuple[int, str]] = field(default_factory=list)  # (line, text) outside code
    tag_continuations: list[tuple[int, str]] = field(default_factory=list)  # lines inside a tag opened above
    anchors: set[str] = field(default_factory=set)


def code_free_lines(text: str, first_line: int = 1):
    """Yield (line number, line with inline code blanked) for lines outside fenced code."""
    fence = None
    for offset, line in enumerate(text.split("\n")):
        match = _FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            continue
        if match:
            fence = match.group(1)
            continue
        yield first_line + offset, _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


_EXPLICIT_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
_HTML_ID = re.compile(r"\bid\s*=\s*[\"']([^\"']+)[\"']")


# Several checks read every file (its links, its HTML, its glossary links) and the search reads the
# same texts again: each text is scanned once. The result is shared, so it is read, never changed.
@lru_cache(maxsize=4096)
def scan(text: str, first_line: int = 1) -> ScannedMarkdown:
    result = ScannedMarkdown()
    slugs = SlugRegistry()
    in_tag = False
    for number, line in code_free_lines(text, first_line):
        if in_tag:
            result.tag_continuations.append((number, line))
        last_open, last_close = line.rfind("<"), line.rfind(">")
        if last_open > last_close and re.match(r"<[A-Za-z]", line[last_open:]):
            in_tag = True
        elif last_close > last_open:
            in_tag = False
        heading = _HEADING.match(line)
        if heading:
            raw = heading.group(2)
            explicit = _EXPLICIT_ID.search(raw)
            title = _ATTR_LIST.sub("", raw)
            slug = explicit.group(1) if explicit else slugs.add(title)
            result.headings.append(Heading(len(heading.group(1)), title, slug, number))
            result.anchors.add(slug)
        for match in LINK.finditer(line):
            result.links.append(
                Link(match.group(3), match.group(2), number, match.start() + 1, bool(match.group(1)))
            )
            # an image used as a link's text, e.g. a partner logo: [![Logo](logo.png)](https://…)
            for inner in LINK.finditer(match.group(2)):
                if inner.group(1):
                    column = match.start(2) + inner.start() + 1
                    result.links.append(Link(inner.group(3), inner.group(2), number, column, True))
        reference = _REFERENCE.match(line)
        if reference:
            result.links.append(Link(reference.group(2), reference.group(1), number, 1))
        if "<" in line:
            result.html_lines.append((number, line))
            result.anchors.update(_HTML_ID.findall(line))
    return result


def images_without_alt(scanned: ScannedMarkdown):
    """Markdown images with empty descriptions, and ``<img>`` tags without a non-empty alt."""
    for link in scanned.links:
        if link.image and not link.text.strip():
            yield link.line, link.column
    for number, line in scanned.html_lines:
        for tag in _HTML_IMG.finditer(line):
            alt = _HTML_ALT.search(tag.group(0))
            if not alt or not alt.group(1).strip("\"' "):
                yield number, tag.start() + 1
