"""YAML loading that remembers where every key and value stands in its file.

Partners fix problems by line number, so every value we validate must point back to its line.
PyYAML's composer gives marks on nodes; we construct values from the same nodes and record the
marks by path, e.g. ``("co_creators", 0, "role")``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

Path = tuple  # a path of keys and indexes into a YAML document


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class YamlDocument:
    data: Any
    values: dict = field(default_factory=dict)  # Path -> Position of the value
    keys: dict = field(default_factory=dict)  # Path -> Position of the key
    duplicate_keys: list = field(default_factory=list)  # (Path, Position)

    def where(self, path: Path, default: Position) -> Position:
        """The position of a value, else of its nearest enclosing value."""
        path = tuple(path)
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), default)

    def key_position(self, path: Path, default: Position) -> Position:
        return self.keys.get(tuple(path)) or self.where(path, default)


class YamlSyntaxError(Exception):
    def __init__(self, problem: str, position: Position):
        super().__init__(problem)
        self.problem = problem
        self.position = position


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as strings: we check date formats ourselves, with positions."""


# Keep timestamps as the text the partner wrote; the validator checks formats itself.
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_str)


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same, parsed by libyaml (PyYAML's C parser): the same nodes, marks and values, about
    five times faster. Its error messages are terser and its marks at the end of a text differ, so
    a text it refuses is parsed again by _Loader, whose messages partners read."""


_FastLoader.add_constructor("tag:yaml.org,2002:timestamp", _FastLoader.construct_yaml_str)


def load(text: str, first_line: int = 1) -> YamlDocument:
    """Parse ``text`` (one YAML document) that starts at ``first_line`` of its file."""
    try:
        return _load(text, first_line, _FastLoader)
    except YamlSyntaxError:
        return _load(text, first_line, _Loader)


def _load(text: str, first_line: int, loader_class) -> YamlDocument:
    offset = first_line - 1
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        _refuse_aliases(node, offset)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if mark is not None and error.context_mark is not None and mark.index >= len(text.rstrip()):
            # "expected ']' but got <stream end>": the useful place is where the thing was opened
            mark = error.context_mark
        line, column = (mark.line + 1 + offset, mark.column + 1) if mark else (first_line, 1)
        problem = " ".join(part for part in (error.context, error.problem) if part)
        raise YamlSyntaxError(problem or "invalid YAML", Position(line, column)) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(str(error), Position(first_line, 1)) from None
    finally:
        loader.dispose()
    document = YamlDocument(data)
    if node is not None:
        _record(node, data, (), document, offset)
    return document


def _refuse_aliases(root, offset: int) -> None:
    """Aliases (``*name``) can make documents recursive or explode in size; content needs none."""
    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise YamlSyntaxError("anchors and aliases (&name, *name) are not supported here", _mark(node, offset))
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack += [key, value]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value


def _mark(node, offset: int) -> Position:
    return Position(node.start_mark.line + 1 + offset, node.start_mark.column + 1)


def _record(node, value, path: Path, document: YamlDocument, offset: int) -> None:
    document.values[path] = _mark(node, offset)
    if isinstance(node, yaml.MappingNode) and isinstance(value, dict):
        seen = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                document.duplicate_keys.append((path + (key,), _mark(key_node, offset)))
            seen.add(key)
            if key in value:
                document.keys[path + (key,)] = _mark(key_node, offset)
                _record(value_node, value[key], path + (key,), document, offset)
    elif isinstance(node, yaml.SequenceNode) and isinstance(value, list):
        for index, (item_node, item) in enumerate(zip(node.value, value)):
            _record(item_node, item, path + (index,), document, offset)
