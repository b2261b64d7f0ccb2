"""The integr8 command line: formats, exit codes, and no tracebacks on any input."""

from __future__ import annotations

import json

from conftest import make_project, run_integr8

BROKEN_MODULE = {
    "curriculum/alpha/module.yml": "id: alpha\nsource_language: de\nduration_minutes: [oops\n",
    "docs/cases/example.de.md": "---\ntitle: [\n---\n",
}


def test_valid_content_exits_0_with_a_summary(project):
    result = run_integr8("validate", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "no problems found" in result.stdout


def test_text_format_names_file_line_column_rule_and_fix(tmp_path):
    root = make_project(tmp_path / "p", BROKEN_MODULE)
    result = run_integr8("validate", cwd=root)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("curriculum/alpha/module.yml:3:")
    assert "error: YAML syntax error" in lines[0] and "Fix:" in lines[0] and lines[0].endswith("[yaml-syntax]")
    assert any(line.startswith("docs/cases/example.de.md:2:") for line in lines)
    assert lines[-1].startswith("Found 2 errors")
    assert "Traceback" not in result.stderr


def test_json_format_lists_objects_with_the_contract_fields(tmp_path):
    root = make_project(tmp_path / "p", BROKEN_MODULE)
    result = run_integr8("validate", "--format", "json", cwd=root)
    assert result.returncode == 1
    findings = json.loads(result.stdout)
    assert {tuple(sorted(f)) for f in findings} == {("column", "line", "message", "path", "rule", "severity")}
    assert [f["path"] for f in findings] == sorted(f["path"] for f in findings)


def test_github_format_writes_annotations(tmp_path):
    root = make_project(tmp_path / "p", BROKEN_MODULE)
    result = run_integr8("validate", "--format", "github", cwd=root)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith("::error file=curriculum/alpha/module.yml,line=3,col=")
    assert ",title=yaml-syntax::" in result.stdout.splitlines()[0]


def test_paths_limit_the_report(tmp_path):
    root = make_project(tmp_path / "p", BROKEN_MODULE)
    result = run_integr8("validate", "docs", cwd=root)
    assert result.returncode == 1
    assert all(line.startswith(("docs/", "Found")) for line in result.stdout.splitlines())


def test_usage_and_configuration_errors_exit_2(tmp_path, project):
    assert run_integr8("validate", "--format", "xml", cwd=project).returncode == 2
    assert run_integr8("validate", "no/such/path", cwd=project).returncode == 2
    missing = run_integr8("validate", cwd=tmp_path)
    assert missing.returncode == 2 and "mkdocs.yml" in missing.stderr
    (project / "mkdocs.yml").write_text("plugins: [\n", encoding="utf-8")
    broken = run_integr8("validate", cwd=project)
    assert broken.returncode == 2 and "mkdocs.yml:" in broken.stderr and "Traceback" not in broken.stderr


def test_hostile_and_binary_input_never_gives_a_traceback(tmp_path):
    root = make_project(tmp_path / "p", {
        "curriculum/alpha/de.md": b"\x00\xff\xfe garbage",
        "curriculum/beta/module.yml": "- just\n- a list\n",
        "curriculum/gamma/module.yml": "!!python/object/apply:os.system ['echo pwned']\n",
        "docs/cases/x.de.md": "---\n" + "a: &a [*a]\n" + "---\n",
        "curriculum/partners.yml": "{{{",
    })
    result = run_integr8("validate", cwd=root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "pwned" not in result.stdout


def test_new_module_validates_at_once(project):
    result = run_integr8("new", "module", "my-new-module", "--lang", "de,en", cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project / "curriculum/my-new-module/module.yml").is_file()
    assert (project / "curriculum/my-new-module/en.md").is_file()
    check = run_integr8("validate", "curriculum/my-new-module", cwd=project)
    assert check.returncode == 0, check.stdout
    assert "TODO" in (project / "curriculum/my-new-module/de.md").read_text(encoding="utf-8")


def test_new_case_validates_at_once(project):
    result = run_integr8("new", "case", "our-project", "--lang", "de", cwd=project)
    assert result.returncode == 0, result.stderr
    check = run_integr8("validate", "docs/cases", cwd=project)
    assert check.returncode == 0, check.stdout


def test_new_refuses_bad_ids_languages_and_existing_items(project):
    assert run_integr8("new", "module", "Bad_Id", cwd=project).returncode == 2
    assert run_integr8("new", "module", "fine", "--lang", "xx", cwd=project).returncode == 2
    existing = run_integr8("new", "module", "alpha", cwd=project)
    assert existing.returncode == 2 and "already exists" in existing.stderr
