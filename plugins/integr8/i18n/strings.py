"""Interface strings of our own templates and notices, one YAML file per language.

Files are looked up in the package's ``strings/`` folder, then in the site's ``strings_dir``
(which may add languages or override strings). A language with a file here builds even when
Material ships no strings for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..datafile import read_yaml
from ..findings import Finding


@dataclass
class LanguageStrings:
    code: str
    direction: str | None  # "ltr" or "rtl"; None when no file declares it (a finding)
    strings: dict[str, str]
    # Names of other languages in this one ("Farsi" in English). Optional: a language added
    # later is named by its own name until each file learns it, so adding one stays one file.
    language_names: dict[str, str] = field(default_factory=dict)
    # Labels of vocabulary terms in this language ({vocabulary: {term: label}}), for a language
    # whose labels are not (yet) in curriculum/vocabularies.yml: so that adding a language is
    # one file. Labels in vocabularies.yml come first.
    vocabulary_labels: dict[str, dict[str, str]] = field(default_factory=dict)

    def language_name(self, code: str, own_name: str) -> str:
        return self.language_names.get(code) or own_name

    def __getitem__(self, key: str) -> str:
        return self.strings.get(key, key)


def reference_keys(dirs: list[Path]) -> list[str]:
    """The keys every language must have: those of the package's English file."""
    return list(_read(dirs[0] / "en.yml").get("strings", {}))


def _find(dirs: list[Path], code: str) -> Path | None:
    found = None
    for folder in dirs:
        candidate = folder / f"{code}.yml"
        if candidate.is_file():
            found = candidate
    return found


def _read(path: Path) -> dict:
    data = read_yaml(path)
    return data if isinstance(data, dict) else {}


def load_strings(dirs: list[Path], code: str) -> LanguageStrings:
    merged: dict = {"strings": {}, "language_names": {}, "vocabularies": {}}
    for folder in dirs:
        path = folder / f"{code}.yml"
        if path.is_file():
            data = _read(path)
            merged["direction"] = data.get("direction", merged.get("direction"))
            merged["strings"].update(data.get("strings") or {})
            names = data.get("language_names")
            merged["language_names"].update({str(k): str(v) for k, v in names.items()} if isinstance(names, dict) else {})
            vocabularies = data.get("vocabularies")
            for name, labels in (vocabularies.items() if isinstance(vocabularies, dict) else ()):
                if isinstance(labels, dict):
                    merged["vocabularies"].setdefault(str(name), {}).update({str(k): str(v) for k, v in labels.items()})
    return LanguageStrings(code, merged.get("direction"), merged["strings"], merged["language_names"], merged["vocabularies"])


def check_strings(dirs: list[Path], codes: list[str], relative) -> list[Finding]:
    """A finding for each configured language without a strings file, direction, or string."""
    keys = reference_keys(dirs)
    findings = []
    for code in codes:
        path = _find(dirs, code)
        if path is None:
            findings.append(Finding(relative(dirs[-1] / f"{code}.yml"), 1, 1, "strings-missing", {"language": code}))
            continue
        try:
            loaded = load_strings(dirs, code)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark
            findings.append(Finding(relative(path), mark.line + 1 if mark else 1, mark.column + 1 if mark else 1, "yaml-syntax", {"problem": error.problem or str(error)}))
            continue
        except (yaml.YAMLError, UnicodeDecodeError, OSError) as error:
            findings.append(Finding(relative(path), 1, 1, "yaml-syntax", {"problem": str(error).splitlines()[0]}))
            continue
        if loaded.direction not in ("ltr", "rtl"):
            findings.append(Finding(relative(path), 1, 1, "string-missing", {"language": code, "key": "direction (ltr or rtl)"}))
        for key in keys:
            if not isinstance(loaded.strings.get(key), str) or not loaded.strings[key].strip():
                findings.append(Finding(relative(path), 1, 1, "string-missing", {"language": code, "key": key}))
    return findings
