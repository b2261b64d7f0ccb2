"""Links from pages to the glossary: ``[text](glossary:<id>)`` and the first use of each word.

Partners may link a word on purpose with ``[Jobcenter](glossary:jobcenter)``; besides, the core
links the *first* use of every glossary word (its term or one of its forms) on each module, case
and handbook page. Automatic, because partners write "Jobcenter" a hundred times and would rarely
think of a link, while a reader with little schooling needs the explanation exactly where the
word first appears, in every language (translations keep the German word in Latin letters). Only
the first use, because a paragraph full of links is hard to read and the reader has seen the
link once. A word linked on purpose somewhere on the page is not linked again automatically.

Never linked: headings, code, text that is already a link or inside an HTML element that must not
hold a link, tag attributes, web addresses and attribute lists. The links are HTML anchors rather
than Markdown links, so that they also work inside raw HTML blocks (tables written in HTML, the
boxes of module pages), where Markdown is not read. They point to the glossary in the reader's
language; on a page whose text is not in the glossary's language, the word carries that language
(``lang="de" dir="ltr"``) so that screen readers pronounce it as German and right-to-left text
keeps it in one piece.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Callable

from ..content.glossary import SCHEME, Glossary
from ..content.markdown import LINK, code_free_lines

MASK = "\0"
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_CONTAINER = re.compile(r"^ {0,3}(?:!!!|\?\?\?\+?)")  # admonitions: their indented body is Markdown
_WHOLE_LINE_SYNTAX = re.compile(r"^ {0,3}(?:\[[^\]]+\]:|\*\[|:::)")  # link references, abbreviations, boxes
_REFERENCE_TO_GLOSSARY = re.compile(rf"^( {{0,3}}\[[^\]]+\]:[ \t]*<?){SCHEME}:([^\s>]+)", re.IGNORECASE)
# Elements whose text must not become a link: links themselves, headings, code, form controls.
NO_LINK_ELEMENTS = frozenset(
    "a h1 h2 h3 h4 h5 h6 code pre kbd samp script style textarea button select option label summary title svg math".split()
)
# Characters Python-Markdown would read as syntax inside a tag's attribute (tables, links, code).
_ATTRIBUTE_ESCAPES = {ord(c): f"&#{ord(c)};" for c in "|[]`*_\\"}


def attribute(value: str) -> str:
    return html.escape(value, quote=True).translate(_ATTRIBUTE_ESCAPES)


@dataclass
class TermLinks:
    """How the links of one page look: where an entry is, its tooltip, the word's language."""

    glossary: Glossary
    href: Callable[[str], str]  # entry id -> URL from the page to the entry
    title: Callable[[str], str] = lambda term_id: ""  # entry id -> tooltip ("" for none)
    word_attributes: dict = field(default_factory=dict)  # e.g. {"lang": "de", "dir": "ltr"}

    def anchor(self, term_id: str, inner: str) -> str:
        attributes = {"class": "i8-term", "href": self.href(term_id), "title": self.title(term_id), **self.word_attributes}
        rendered = "".join(f' {name}="{attribute(value)}"' for name, value in attributes.items() if value)
        return f"<a{rendered}>{inner}</a>"


def link_terms(markdown: str, links: TermLinks) -> str:
    """``markdown`` with glossary links resolved and the first use of each glossary word linked."""
    glossary = links.glossary
    if not glossary:
        return markdown
    lines = markdown.split("\n")
    code_free = {number - 1: masked for number, masked in code_free_lines(markdown)}
    linked: set[str] = set()
    written = SCHEME + ":"
    if written in markdown.lower():
        for index, masked in code_free.items():
            if written in masked.lower():
                lines[index] = _explicit_links(lines[index], masked, links, linked)
        code_free = {number - 1: masked for number, masked in code_free_lines("\n".join(lines))}
    if glossary.matcher is None:
        return "\n".join(lines)
    scanner = _Scanner()
    previous_blank = True
    for index, line in enumerate(lines):
        if index not in code_free:
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        skip = _skip_line(line, following, previous_blank, scanner)
        previous_blank = not line.strip()
        masked = scanner.mask(code_free[index], skip)
        if not skip and glossary.may_contain(masked):
            lines[index] = _first_uses(line, masked, links, linked)
    return "\n".join(lines)


def _explicit_links(line: str, masked: str, links: TermLinks, linked: set[str]) -> str:
    """``[text](glossary:<id>)`` becomes an anchor; unknown ids are left alone (a validation error)."""
    reference = _REFERENCE_TO_GLOSSARY.match(line)
    if reference and reference.group(2) in links.glossary.terms:
        linked.add(reference.group(2))
        return reference.group(1) + links.href(reference.group(2)) + line[reference.end():]
    replacements = []
    for match in LINK.finditer(masked):
        target = line[match.start(3):match.end(3)]
        if match.group(1) or not target.lower().startswith(SCHEME + ":"):
            continue
        term_id = target[len(SCHEME) + 1:]
        if term_id in links.glossary.terms:
            replacements.append((match.start(), match.end(), links.anchor(term_id, line[match.start(2):match.end(2)])))
            linked.add(term_id)
    for start, end, text in reversed(replacements):
        line = line[:start] + text + line[end:]
    return line


def _first_uses(line: str, masked: str, links: TermLinks, linked: set[str]) -> str:
    replacements = []
    for match in links.glossary.matcher.finditer(masked):
        term = links.glossary.term_for(match.group(0))
        if term is None or term.id in linked:
            continue
        linked.add(term.id)
        replacements.append((match.start(), match.end(), links.anchor(term.id, line[match.start():match.end()])))
    for start, end, text in reversed(replacements):
        line = line[:start] + text + line[end:]
    return line


def _skip_line(line: str, following: str, previous_blank: bool, scanner: "_Scanner") -> bool:
    """Whole lines whose text must not be linked: headings, reference lines, indented code."""
    if not line.strip():
        scanner.blank()
        return True
    if _ATX_HEADING.match(line) or _WHOLE_LINE_SYNTAX.match(line):
        return True
    if _SETEXT_UNDERLINE.match(following) and not _LIST_ITEM.match(line) and not _SETEXT_UNDERLINE.match(line):
        return True
    indented = line.startswith(("    ", "\t"))
    if indented and previous_blank and not scanner.in_container:
        scanner.in_code_block = True
    elif not indented:
        scanner.in_code_block = False
        scanner.in_container = bool(_LIST_ITEM.match(line) or _CONTAINER.match(line)) or (scanner.in_container and not previous_blank)
    if _CONTAINER.match(line):
        return True  # an admonition's title line
    return scanner.in_code_block


# What changes the scanner's state or must be hidden itself, found in one pass over a line.
_TOKEN = re.compile(
    r"<!--|-->|</?[A-Za-z][\w-]*|>|\\.|[\[\]()]|\{[:#.][^}]*\}?|&#?\w+;"
    r"|(?:https?://|www\.)[^\s<>()\[\]\"']+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)


class _Scanner:
    """Hides what may not become a link, token by token; its state spans lines.

    Between two tokens the text is hidden when the scanner is inside an HTML comment, a tag's
    attributes, the text or address of a Markdown link, or an element from NO_LINK_ELEMENTS.
    """

    def __init__(self):
        self.in_comment = False
        self.open_tag: str | None = None  # a tag whose attributes are still open ("/a" when closing)
        self.no_link: list[str] = []  # open elements from NO_LINK_ELEMENTS
        self.brackets = 0  # depth of [ ] (link text or reference, possibly over several lines)
        self.parens = 0  # depth of ( ) right after a link's closing ]: its address
        self.address_next = False  # a link's ] was just closed and its ( follows
        self.in_container = False  # a list item or admonition: indented lines are text, not code
        self.in_code_block = False

    def blank(self) -> None:
        """A paragraph ends: an unclosed [ was only a bracket, an unclosed < only a sign."""
        self.brackets = self.parens = 0
        self.address_next = False
        self.open_tag = None

    @property
    def hiding(self) -> bool:
        return bool(self.in_comment or self.open_tag is not None or self.brackets or self.parens or self.no_link)

    def mask(self, line: str, skip: bool = False) -> str:
        """``line`` with every character that may not be linked replaced by MASK."""
        hidden: list[tuple[int, int]] = []
        position = 0
        for token in _TOKEN.finditer(line):
            if self.hiding:
                hidden.append((position, token.start()))
            hidden.append((token.start(), token.end()))
            self._take(token.group(0), line, token.end())
            position = token.end()
        if self.hiding:
            hidden.append((position, len(line)))
        if skip:
            return MASK * len(line)
        if not hidden:
            return line
        parts, last = [], 0
        for start, end in hidden:
            if start > last:
                parts.append(line[last:start])
            if end > max(start, last):
                parts.append(MASK * (end - max(start, last)))
            last = max(last, end)
        parts.append(line[last:])
        return "".join(parts)

    def _take(self, token: str, line: str, end: int) -> None:
        if self.in_comment:
            self.in_comment = token != "-->"
        elif self.open_tag is not None:
            if token == ">":
                self._close_tag(line[end - 2:end - 1] == "/")
        elif token == "<!--":
            self.in_comment = True
        elif token.startswith("</"):
            name = token[2:].lower()
            if name in self.no_link:
                del self.no_link[len(self.no_link) - 1 - self.no_link[::-1].index(name):]
            self.open_tag = "/" + name
        elif token.startswith("<"):
            self.open_tag = token[1:].lower()
        elif self.parens:
            self.parens += {"(": 1, ")": -1}.get(token, 0)
        elif token == "(" and self.address_next:
            self.parens = 1
        elif token == "[":
            self.brackets += 1
        elif token == "]" and self.brackets:
            self.brackets -= 1
            self.address_next = not self.brackets and line[end:end + 1] == "("
            return
        self.address_next = False

    def _close_tag(self, self_closing: bool) -> None:
        tag, self.open_tag = self.open_tag, None
        if not tag.startswith("/") and tag in NO_LINK_ELEMENTS and not self_closing:
            self.no_link.append(tag)
