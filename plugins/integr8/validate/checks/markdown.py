"""Rules about Markdown bodies: image descriptions, links and anchors, unsafe HTML."""

from __future__ import annotations

import html
import re

from ...content.glossary import SCHEME as GLOSSARY_SCHEME
from ...content.links import SAFE_SCHEMES, LinkIndex, scheme
from ...content.markdown import images_without_alt, scan
from ...findings import Finding
from . import check

_CONTROL = re.compile(r"[\s\x00-\x1f]+")
_DANGEROUS_TAGS = re.compile(r"<\s*(script|iframe|object|embed|frame|frameset|base|form)\b", re.IGNORECASE)
_EVENT_HANDLER = re.compile(r"<[^>]*?[\s/\"'](on[a-z]+)\s*=", re.IGNORECASE)
_HANDLER_IN_TAG = re.compile(r"(?:^|[\s/\"'])(on[a-z]+)\s*=", re.IGNORECASE)
_SCRIPT_URL = re.compile(r"(?:javascript|vbscript|data:text/html)", re.IGNORECASE)
_TAG_NAMES = {"script": "a <script> element", "iframe": "an <iframe> element"}


def unsafe_html(number: int, line: str):
    """(column, what) for each script, embedded frame, event handler or script URL on a line."""
    for match in _DANGEROUS_TAGS.finditer(line):
        name = match.group(1).lower()
        yield match.start() + 1, _TAG_NAMES.get(name, f"a <{name}> element")
    for match in _EVENT_HANDLER.finditer(line):
        yield match.start(1) + 1, "an event handler attribute (on…=)"
    decoded = _CONTROL.sub("", html.unescape(line))
    for match in _SCRIPT_URL.finditer(decoded):
        if decoded[match.end():match.end() + 1] == ":" or match.group(0).lower().startswith("data:"):
            yield 1, f"a {match.group(0).lower().rstrip(':')}: URL"
            break


@check
def markdown_bodies(corpus, context):
    index = LinkIndex(corpus)
    scans = {source.rel: (source, scan(source.text, source.body_line)) for source in corpus.files()}
    for source, scanned in scans.values():
        for line, column in images_without_alt(scanned):
            yield Finding(source.rel, line, column, "image-alt", {})
        for number, line in scanned.html_lines:
            for column, what in unsafe_html(number, line):
                yield Finding(source.rel, number, column, "unsafe-html", {"what": what})
        for number, line in scanned.tag_continuations:
            for match in _HANDLER_IN_TAG.finditer(line):
                yield Finding(source.rel, number, match.start(1) + 1, "unsafe-html", {"what": "an event handler attribute (on…=)"})
        for link in scanned.links:
            yield from _check_link(source, link, index, lambda target: scans[target.rel][1].anchors)


def _check_link(source, link, index, anchors):
    target = link.target.strip()
    found_scheme = scheme(target)
    if found_scheme == GLOSSARY_SCHEME and not link.image:
        return  # [text](glossary:<id>): checked against the glossary in checks/glossary.py
    if found_scheme:
        if found_scheme not in SAFE_SCHEMES:
            yield Finding(source.rel, link.line, link.column, "unsafe-html", {"what": f"a {found_scheme}: link"})
        return
    if target.startswith("//"):
        return  # protocol-relative external link
    resolved = index.resolve(source, target)
    if resolved is None:
        yield Finding(source.rel, link.line, link.column, "link-broken", {"target": target})
        return
    if resolved.anchor and resolved.source is not None:
        known = anchors(resolved.source)
        if resolved.anchor not in known:
            page = "this page" if resolved.kind == "self" else resolved.source.rel
            yield Finding(source.rel, link.line, link.column, "anchor-broken", {"target": target, "anchor": resolved.anchor, "page": page, "anchors": ", ".join(sorted(known)) or "(none)"})
