"""The body syntax of a module language version: sessions, handouts, materials, facilitator notes.

    ## Welcome {20 min}          a session of 20 minutes
    ::: materials               a bullet list of what the session needs
    - Name cards
    :::
    ::: facilitator             notes for trainers only
    ...
    :::
    ## Addresses that help {handout}

The syntax reads as plain text in GitHub's web editor, where most partners write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..findings import Finding
from .markdown import code_free_lines

_SECOND_LEVEL = re.compile(r"^ {0,3}##(?!#)[ \t]+(.*?)[ \t]*$")
_SESSION_MARK = re.compile(r"\{\s*(-?\d+)\s*min\s*\}\s*$", re.IGNORECASE)
_HANDOUT_MARK = re.compile(r"\{\s*handout\s*\}\s*$", re.IGNORECASE)
_ANY_MARK = re.compile(r"\{[^{}]*\}\s*$")
_BLOCK_OPEN = re.compile(r"^:::[ \t]*([A-Za-z][\w-]*)[ \t]*$")
_BLOCK_CLOSE = re.compile(r"^:::[ \t]*$")
_BULLET = re.compile(r"^\s*[-*+][ \t]+(.*\S)")

BLOCKS = ("facilitator", "materials")


@dataclass
class Block:
    kind: str
    line: int
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines).strip()


@dataclass
class Section:
    title: str
    line: int
    minutes: int | None = None  # None for handouts
    handout: bool = False
    blocks: list[Block] = field(default_factory=list)

    @property
    def materials(self) -> list[str]:
        return [
            match.group(1)
            for block in self.blocks
            if block.kind == "materials"
            for match in map(_BULLET.match, block.lines)
            if match
        ]

    @property
    def notes(self) -> list[str]:
        return [block.text for block in self.blocks if block.kind == "facilitator"]


@dataclass
class Body:
    sessions: list[Section]
    handouts: list[Section]
    problems: list[Finding]

    @property
    def total_minutes(self) -> int:
        return sum(session.minutes or 0 for session in self.sessions)


def parse(text: str, path: str, first_line: int = 1) -> Body:
    sessions: list[Section] = []
    handouts: list[Section] = []
    problems: list[Finding] = []
    current: Section | None = None
    block: Block | None = None

    def close_unfinished(at_line: int) -> None:
        nonlocal block
        if block is not None:
            problems.append(Finding(path, block.line, 1, "block-unclosed", {"block": block.kind}))
            block = None

    code_lines = dict(code_free_lines(text, first_line))
    for offset, raw in enumerate(text.split("\n")):
        number = first_line + offset
        if number not in code_lines:  # inside fenced code: content, never syntax
            if block is not None:
                block.lines.append(raw)
            continue
        heading = _SECOND_LEVEL.match(raw)
        if heading:
            close_unfinished(number)
            current = _section(heading.group(1), number, path, problems)
            if current.handout:
                handouts.append(current)
            else:
                if handouts:
                    problems.append(Finding(path, number, 1, "session-after-handout", {"title": current.title}))
                sessions.append(current)
            continue
        opening = _BLOCK_OPEN.match(raw)
        if opening:
            close_unfinished(number)
            kind = opening.group(1).lower()
            if kind not in BLOCKS:
                problems.append(Finding(path, number, opening.start(1) + 1, "block-unknown", {"block": kind, "known": ", ".join(BLOCKS)}))
            elif current is None or current.handout:
                problems.append(Finding(path, number, 1, "block-outside-session", {"block": kind}))
            block = Block(kind, number)
            if current is not None and kind in BLOCKS:
                current.blocks.append(block)
            continue
        if _BLOCK_CLOSE.match(raw):
            if block is None:
                problems.append(Finding(path, number, 1, "block-unopened", {}))
            block = None
            continue
        if block is not None:
            block.lines.append(raw)
    close_unfinished(first_line + text.count("\n"))
    return Body(sessions, handouts, problems)


def _section(heading: str, line: int, path: str, problems: list[Finding]) -> Section:
    handout = _HANDOUT_MARK.search(heading)
    if handout:
        return Section(heading[: handout.start()].strip(), line, handout=True)
    session = _SESSION_MARK.search(heading)
    if session and int(session.group(1)) > 0:
        return Section(heading[: session.start()].strip(), line, minutes=int(session.group(1)))
    title = _ANY_MARK.sub("", heading).strip()
    column = (session.start() + 4) if session else len(heading) + 4
    found = heading[len(title):].strip()
    note = f" (found '{found}', expected for example '{{30 min}}')" if found else ""
    problems.append(Finding(path, line, column, "session-duration", {"title": title, "found_note": note}))
    return Section(title, line, minutes=None)


def render(text: str, labels: dict, *, trainer: bool = True, leave_out: tuple = ()) -> str:
    """Markdown for the site: markers become attributes, blocks become labelled boxes.

    ``labels`` maps ``facilitator``, ``materials`` and ``minutes`` (a template with ``{n}``) to
    interface strings of the page's language. With ``trainer=False`` facilitator notes are left
    out; ``leave_out`` names further boxes to leave out (the participant pack drops ``materials``).
    """
    out: list[str] = []
    code_lines = dict(code_free_lines(text))
    skipping = False
    in_block = False
    in_handout = False
    for number, raw in enumerate(text.split("\n"), start=1):
        if number not in code_lines:
            if not skipping:
                out.append(raw)
            continue
        heading = _SECOND_LEVEL.match(raw)
        if heading and not in_block:
            title = heading.group(1)
            if in_handout:
                out += ["", "</section>", ""]
                in_handout = False
            if _HANDOUT_MARK.search(title):
                title = title[: _HANDOUT_MARK.search(title).start()].strip()
                out += ['<section class="i8-handout" markdown="1">', "", f"## {title}", ""]
                in_handout = True
                continue
            session = _SESSION_MARK.search(title)
            if session:
                minutes = int(session.group(1))
                title = title[: session.start()].strip()
                out += [f"## {title}", "", f'<p class="i8-duration">{labels["minutes"].format(n=minutes)}</p>', ""]
                continue
            out.append(f"## {_ANY_MARK.sub('', title).strip()}")
            continue
        opening = _BLOCK_OPEN.match(raw)
        if opening and not in_block:
            kind = opening.group(1).lower()
            in_block = True
            if (kind == "facilitator" and not trainer) or kind in leave_out:
                skipping = True
                continue
            label = labels.get(kind, kind)
            out += ["", f'<div class="i8-box i8-{kind}" markdown="1">', "", f'<p class="i8-box-title">{label}</p>', ""]
            continue
        if _BLOCK_CLOSE.match(raw) and in_block:
            in_block = False
            if skipping:
                skipping = False
                continue
            out += ["", "</div>", ""]
            continue
        if not skipping:
            out.append(raw)
    if in_block and not skipping:
        out += ["", "</div>"]
    if in_handout:
        out += ["", "</section>"]
    return "\n".join(out) + "\n"
