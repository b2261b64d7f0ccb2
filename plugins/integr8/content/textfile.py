"""Reading partner-written text files: UTF-8 (with or without BOM), any line ending."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .yamlsource import Position


class NotUtf8(Exception):
    def __init__(self, position: Position, byte: int):
        super().__init__(f"byte 0x{byte:02x} is not UTF-8")
        self.position = position
        self.byte = byte


def decode(raw: bytes) -> str:
    """Text with BOM removed and CRLF/CR turned into LF; raises NotUtf8 with the bad byte's place."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        raise NotUtf8(Position(line, column), raw[error.start]) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read(path: Path) -> str:
    return decode(path.read_bytes())


@dataclass
class FrontMatterSplit:
    yaml_text: str | None  # None when the file has no front matter
    yaml_first_line: int  # line of the file where the YAML starts
    body: str
    body_first_line: int  # line of the file where the body starts
    unclosed: bool = False


def split_front_matter(text: str) -> FrontMatterSplit:
    """Split ``---``-delimited front matter from a Markdown body, keeping line numbers."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return FrontMatterSplit(None, 1, text, 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return FrontMatterSplit(
                "\n".join(lines[1:index]), 2, "\n".join(lines[index + 1 :]), index + 2
            )
    return FrontMatterSplit("\n".join(lines[1:]), 2, "", len(lines) + 1, unclosed=True)
