"""Directional isolation of mixed-direction text.

A German word, a URL or an e-mail address inside Farsi text, or an Arabic term inside a German
sentence, can scramble the order of the words and punctuation around it (the Unicode
bidirectional algorithm lets neighbouring neutral characters join the wrong run). Wrapping
each run of the other direction in ``<bdi>`` isolates it, so that it displays in its own
direction without disturbing the sentence. Digits alone are left as they are: they display
correctly in both directions.
"""

from __future__ import annotations

import html
import re

# Letters of left-to-right scripts that appear in our content (Latin, Greek, Cyrillic).
_LTR_LETTER = "A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u052f"
# Letters of right-to-left scripts (Hebrew, Arabic and its extensions and presentation forms).
_RTL_LETTER = "\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"
_RTL_MARKS = "\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d"  # tashkeel and joiners inside words

# A word of the other direction may carry digits and the punctuation of URLs and addresses;
# runs span several words separated by spaces, but never end in sentence punctuation.
_LTR_WORD = rf"[{_LTR_LETTER}0-9][{_LTR_LETTER}0-9@._:/+%=?#~’'\-]*[{_LTR_LETTER}0-9/]|[{_LTR_LETTER}]"
_RTL_WORD = rf"[{_RTL_LETTER}][{_RTL_LETTER}{_RTL_MARKS}]*"
# A word starts at a word boundary and never inside an entity such as &amp; or &#39;.
_LTR_RUN = re.compile(rf"(?<![&#{_LTR_LETTER}0-9])(?:{_LTR_WORD})(?:[ \u00a0]+(?:{_LTR_WORD}))*(?!;)")
_RTL_RUN = re.compile(rf"(?:{_RTL_WORD})(?:[ \u00a0]+(?:{_RTL_WORD}))*")
_HAS_LTR_LETTER = re.compile(rf"[{_LTR_LETTER}]")

# Text inside these elements is left alone: code keeps its own direction, isolates are isolated.
_SKIPPED = ("code", "pre", "kbd", "samp", "script", "style", "bdi", "bdo", "textarea", "svg", "math")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(/?)>|<!--.*?-->", re.S)


def isolate_text(text: str, direction: str) -> str:
    """Escaped ``text`` with runs of the opposite direction wrapped in ``<bdi>``."""
    return _isolate(html.escape(text, quote=False), direction)


def isolate_html(markup: str, direction: str) -> str:
    """``markup`` (an HTML fragment) with opposite-direction runs in its text wrapped in ``<bdi>``.

    Only text between tags is touched; attributes, comments and the skipped elements stay
    byte for byte. An element with its own ``dir`` attribute is skipped too: its author has
    already said what direction it has.
    """
    out, position, skipping = [], 0, []
    for match in _TAG.finditer(markup):
        text = markup[position : match.start()]
        out.append(text if skipping else _isolate(text, direction))
        tag = match.group(0)
        out.append(tag)
        position = match.end()
        name = (match.group(2) or "").lower()
        if not name or match.group(3) or name in _VOID:
            continue  # a comment or an element without content
        if match.group(1):
            if skipping and skipping[-1] == name:
                skipping.pop()
        elif skipping and name == skipping[-1] or name in _SKIPPED or (" dir=" in tag and not skipping):
            skipping.append(name)
    out.append(markup[position:] if skipping else _isolate(markup[position:], direction))
    return "".join(out)


def _isolate(text: str, direction: str) -> str:
    if not text.strip():
        return text
    if direction == "rtl":
        if not _HAS_LTR_LETTER.search(text):
            return text
        return _LTR_RUN.sub(lambda m: f'<bdi dir="ltr">{m.group(0)}</bdi>' if _HAS_LTR_LETTER.search(m.group(0)) else m.group(0), text)
    return _RTL_RUN.sub(lambda m: f'<bdi dir="rtl">{m.group(0)}</bdi>', text)
