"""JSON Schemas for editors (schemas/*.json): generated from content/schema.yml, up to date,
valid JSON Schema, accepting all real content and what `integr8 new` writes, rejecting the
mistakes the validator rejects, and mapped to their files for VS Code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator

from conftest import ROOT, make_project, run_integr8
from integr8.content.corpus import load_corpus
from integr8.content.editorschema import SCHEMAS_DIR, editor_schemas, mapping
from integr8.content.schema import schema
from integr8.content.textfile import decode, split_front_matter
from integr8.content.yamlsource import load
from integr8.project import load_project

RULES = ROOT / "tests" / "rules"


def generated(root: Path):
    project = load_project(root / "mkdocs.yml")
    return project, editor_schemas(project, load_corpus(project).vocabularies)


def documents(root: Path, item):
    """(file, data) of every file of the project that ``item`` describes, read as the validator reads it."""
    for pattern in item.files:
        for path in sorted(root.glob(pattern)):
            text = decode(path.read_bytes())
            if item.shape == "front_matter":
                split = split_front_matter(text)
                if split.yaml_text is None:
                    continue
                data = load(split.yaml_text, split.yaml_first_line).data
            else:
                data = load(text).data
            yield path.relative_to(root).as_posix(), data


def problems(item, data) -> list[str]:
    return [f"{'/'.join(map(str, error.absolute_path)) or '(top)'}: {error.message}" for error in Draft7Validator(item.document).iter_errors(data)]


def test_every_kind_of_schema_yml_has_an_editor_schema():
    assert set(schema()["kinds"]) <= set(mapping()), "add the new kind to content/editor-schemas.yml"
    names = [entry["schema"] for entry in mapping().values()]
    assert len(names) == len(set(names))


def test_the_committed_schemas_are_up_to_date():
    result = run_integr8("schemas", "--check", cwd=ROOT)
    assert result.returncode == 0, f"{result.stdout}{result.stderr}\nRun: .venv/bin/integr8 schemas"
    _, items = generated(ROOT)
    assert sorted(p.name for p in (ROOT / SCHEMAS_DIR).glob("*.json")) == sorted(item.name for item in items)


def test_schemas_are_valid_draft_7_and_name_their_source():
    _, items = generated(ROOT)
    for item in items:
        Draft7Validator.check_schema(item.document)
        assert "integr8 schemas" in item.document["$comment"]
        assert json.loads((ROOT / SCHEMAS_DIR / item.name).read_text(encoding="utf-8")) == item.document


def test_all_real_content_follows_its_schema():
    _, items = generated(ROOT)
    checked, failures = 0, []
    for item in items:
        for rel, data in documents(ROOT, item):
            checked += 1
            failures += [f"{rel} ({item.name}): {problem}" for problem in problems(item, data)]
    assert not failures, "\n".join(failures)
    assert checked > 40  # modules, their languages, cases, handbook chapters, data files


def test_every_schema_describes_files_that_exist():
    _, items = generated(ROOT)
    empty = [item.name for item in items if not any(True for _ in documents(ROOT, item))]
    assert not empty, f"schemas whose file patterns match nothing in this repository: {empty}"


def test_scaffolds_of_integr8_new_follow_the_schemas_they_name(project):
    assert run_integr8("new", "module", "my-module", "--lang", "de,en", cwd=project).returncode == 0
    assert run_integr8("new", "case", "our-project", "--lang", "de", cwd=project).returncode == 0
    run_integr8("schemas", cwd=project)
    _, items = generated(project)
    by_name = {item.name: item for item in items}
    scaffolds = ["curriculum/my-module/module.yml", "curriculum/my-module/de.md", "curriculum/my-module/en.md", "docs/cases/our-project.de.md"]
    for rel in scaffolds:
        path = project / rel
        text = path.read_text(encoding="utf-8")
        line = next(line for line in text.splitlines() if "yaml-language-server" in line)
        target = (path.parent / line.split("$schema=", 1)[1]).resolve()
        assert target.is_file(), f"{rel} names {target}, which does not exist"
        item = by_name[target.name]
        data = load(split_front_matter(text).yaml_text).data if rel.endswith(".md") else load(text).data
        assert problems(item, data) == [], rel


def test_the_fixture_project_is_valid_for_its_own_schemas(project):
    """What the validator accepts, the schemas accept (the other way round they say less)."""
    _, items = generated(project)
    for item in items:
        for rel, data in documents(project, item):
            assert problems(item, data) == [], rel


@pytest.mark.parametrize("rule, file, kind", [
    ("field-type", "curriculum/alpha/module.yml", "module"),
    ("field-type", "docs/cases/example.de.md", "case"),
    ("field-unknown", None, None),
    ("field-required", None, None),
    ("vocabulary-unknown", None, None),
    ("field-too-long", None, None),
])
def test_schemas_flag_what_the_validator_flags(rule, file, kind, tmp_path):
    """The bad examples of the metadata rules (tests/rules/<rule>.yml) fail their schema too."""
    spec = yaml.safe_load((RULES / f"{rule}.yml").read_text(encoding="utf-8"))
    root = make_project(tmp_path / "bad", spec["bad"]["files"])
    _, items = generated(root)
    flagged = {line.split(":")[0] for line in spec["bad"]["expect"]}
    checked = 0
    for item in items:
        for rel, data in documents(root, item):
            if rel in flagged and (file is None or rel == file):
                checked += 1
                assert problems(item, data), f"{rel} breaks {rule} but passes {item.name}"
    assert checked, f"no file of tests/rules/{rule}.yml is described by a schema"


def test_vscode_maps_every_yaml_schema_to_its_files():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = settings["yaml.schemas"]
    _, items = generated(ROOT)
    expected = {f"./{SCHEMAS_DIR}/{item.name}": list(item.files) for item in items if item.shape != "front_matter"}
    assert mapped == expected


def test_schemas_command_writes_and_checks(project):
    assert run_integr8("schemas", "--check", cwd=project).returncode == 1
    written = run_integr8("schemas", cwd=project)
    assert written.returncode == 0 and "wrote schemas/module.json" in written.stdout
    assert run_integr8("schemas", "--check", cwd=project).returncode == 0
    (project / "curriculum" / "vocabularies.yml").write_text("levels: [\n", encoding="utf-8")
    broken = run_integr8("schemas", cwd=project)
    assert broken.returncode == 2 and "integr8 validate" in broken.stderr and "Traceback" not in broken.stderr
