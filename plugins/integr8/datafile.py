"""Reading the project's own data files (schemas, rules, interface strings, vocabularies of search).

They are read on every build and every CLI run, the interface strings once per language: libyaml
(PyYAML's C parser, in its wheels) reads them about twenty times faster than the pure-Python
parser. Partners' content goes through :mod:`integr8.content.yamlsource` instead, which keeps the
position of every value for the messages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """The data of a YAML file; a file libyaml refuses is read again by the pure-Python parser,
    so that the error raised is the one with its clearer wording (a site's own strings file is
    edited by people, and its errors are shown to them)."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader, the C one
    except yaml.YAMLError:
        return yaml.safe_load(text)
