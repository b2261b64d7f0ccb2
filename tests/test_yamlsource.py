"""Reading YAML: libyaml for speed, the pure-Python parser for the messages.

Both parsers must give the same values and the same positions for every file of the real content,
and a broken text must be reported with the pure-Python parser's clearer wording and position.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from integr8.content import yamlsource
from integr8.content.textfile import split_front_matter

ROOT = Path(__file__).resolve().parents[1]


def yaml_of(path: Path) -> str | None:
    text = path.read_text(encoding="utf-8")
    return text if path.suffix == ".yml" else split_front_matter(text).yaml_text


TEXTS = sorted(path for path in [*ROOT.glob("curriculum/**/*.yml"), *ROOT.glob("curriculum/**/*.md"), *ROOT.glob("docs/**/*.md")]
               if yaml_of(path) is not None)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_both_parsers_give_the_same_values_and_positions(path):
    text = yaml_of(path)
    fast = yamlsource._load(text, 2, yamlsource._FastLoader)
    careful = yamlsource._load(text, 2, yamlsource._Loader)
    assert (fast.data, fast.values, fast.keys, fast.duplicate_keys) == (careful.data, careful.values, careful.keys, careful.duplicate_keys)


def test_the_real_content_is_read_with_libyaml():
    assert yamlsource._FastLoader.__mro__[1].__name__ == "CSafeLoader", "PyYAML's wheels bring libyaml"


@pytest.mark.parametrize("text,line,column,words", [
    ("title: [", 1, 9, "expected the node content, but found '<stream end>'"),
    ("id: alpha\nduration_minutes: [oops\n", 2, 19, "expected ',' or ']', but got '<stream end>'"),
])
def test_a_broken_text_is_reported_in_the_pure_python_parsers_words(text, line, column, words):
    with pytest.raises(yamlsource.YamlSyntaxError) as raised:
        yamlsource.load(text)
    assert words in raised.value.problem
    assert (raised.value.position.line, raised.value.position.column) == (line, column)


def test_a_broken_data_file_is_refused_in_the_pure_python_parsers_words(tmp_path):
    import yaml

    from integr8.datafile import read_yaml

    broken = tmp_path / "strings.yml"
    broken.write_text("strings:\n  search: Suche: jetzt\n", encoding="utf-8")
    with pytest.raises(yaml.MarkedYAMLError) as raised:
        read_yaml(broken)
    assert raised.value.problem == "mapping values are not allowed here"
    assert read_yaml(ROOT / "plugins/integr8/i18n/strings/de.yml")["direction"] == "ltr"
