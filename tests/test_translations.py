"""Translations say which source version they follow; status reports where each one stands."""

from __future__ import annotations

import json

from conftest import make_project, run_integr8
from integr8.content.corpus import load_corpus
from integr8.i18n.status import TranslationStatus
from integr8.i18n.versions import changes, normalise, version_of
from integr8.project import load_project

SOURCE = "---\ntitle: Beta\nsummary: Kurz.\n---\n\n## Erste Schritte {30 min}\n\nLos geht's.\n\n## Pause {10 min}\n\nTee.\n"


def status_of(root):
    return TranslationStatus(load_corpus(load_project(root / "mkdocs.yml")))


# The version -----------------------------------------------------------------------------


def test_a_version_is_sha256_with_16_hex_digits():
    assert version_of(SOURCE).startswith("sha256:")
    assert len(version_of(SOURCE)) == len("sha256:") + 16


def test_line_endings_trailing_space_and_key_order_do_not_change_the_version():
    reformatted = "\ufeff---\r\nsummary: Kurz.  \r\ntitle: Beta\r\n---\r\n## Erste Schritte {30 min}   \r\n\r\nLos geht's.\r\n\r\n## Pause {10 min}\r\n\r\nTee.\r\n\r\n\r\n"
    assert version_of(reformatted) == version_of(SOURCE)


def test_translated_from_in_the_source_does_not_change_its_version():
    assert version_of(SOURCE.replace("title: Beta\n", "title: Beta\ntranslated_from: sha256:0000000000000000\n")) == version_of(SOURCE)


def test_a_changed_word_a_duration_or_a_field_changes_the_version():
    for edited in (SOURCE.replace("Tee", "Kaffee"), SOURCE.replace("{10 min}", "{15 min}"), SOURCE.replace("Kurz.", "Lang.")):
        assert version_of(edited) != version_of(SOURCE)


def test_changes_name_the_sections_that_differ():
    edited = SOURCE.replace("Tee.", "Tee und Wasser.").replace("summary: Kurz.", "summary: Kürzer.") + "\n## Abschluss {5 min}\n\nTschüss.\n"
    found = [(c.kind, c.section) for c in changes(normalise(SOURCE), normalise(edited))]
    assert found == [("changed", "summary"), ("changed", "Pause"), ("added", "Abschluss")]


def test_a_session_whose_duration_changed_keeps_its_name():
    found = [(c.kind, c.section) for c in changes(normalise(SOURCE), normalise(SOURCE.replace("{10 min}", "{15 min}")))]
    assert found == [("changed", "Pause")]


def test_a_removed_section_is_named():
    shorter = SOURCE.split("## Pause")[0]
    assert [(c.kind, c.section) for c in changes(normalise(SOURCE), normalise(shorter))] == [("removed", "Pause")]


# Status ---------------------------------------------------------------------------------


def test_the_fixture_has_every_state(project):
    status = status_of(project)
    alpha = status.item("modules/alpha").translations
    beta = status.item("modules/beta").translations
    assert (alpha["de"].state, alpha["en"].state, alpha["fa"].state) == ("source", "current", "current")
    assert beta["fa"].state == "missing" and beta["fa"].file is None
    assert status.item("cases/example").translations["en"].state == "missing"


def test_a_whitespace_only_source_edit_keeps_translations_current(project):
    source = project / "curriculum/beta/de.md"
    source.write_bytes(source.read_bytes().replace(b"\n", b"   \r\n") + b"\r\n\r\n")
    assert status_of(project).state("modules/beta", "en").state == "current"


def test_a_real_source_edit_makes_translations_outdated_with_the_changed_sections(project):
    source = project / "curriculum/beta/de.md"
    source.write_text(source.read_text(encoding="utf-8").replace("Los geht's.", "Los geht's. Wir bringen Stifte mit."), encoding="utf-8")
    translation = status_of(project).state("modules/beta", "en")
    assert translation.state == "outdated"
    assert [(c.kind, c.section) for c in translation.changes] == [("changed", "Erste Schritte")]


def test_without_the_stored_older_version_the_changes_are_unknown_but_the_state_is_outdated(project):
    for stored in (project / ".integr8/sources").glob("*.md"):
        stored.unlink()
    source = project / "curriculum/beta/de.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nNeu.\n", encoding="utf-8")
    translation = status_of(project).state("modules/beta", "en")
    assert translation.state == "outdated" and translation.changes is None


def test_a_translation_without_translated_from_is_untracked(project):
    page = project / "docs/index.en.md"
    page.write_text("\n".join(line for line in page.read_text(encoding="utf-8").split("\n") if not line.startswith("translated_from")), encoding="utf-8")
    assert status_of(project).state("index", "en").state == "untracked"


def test_totals_count_the_states_of_items_written_in_another_language(project):
    status = status_of(project)
    totals = {t.language: t for t in status.totals()}
    assert totals["de"].translatable == 0 and totals["de"].percent_current == 100
    en = [item.translations["en"].state for item in status.items]
    assert totals["en"].counts["current"] == en.count("current") >= 3
    assert totals["en"].counts["missing"] == en.count("missing") >= 1  # the case has no English version
    assert totals["en"].translatable == len(en)
    assert totals["en"].percent_current == round(100 * en.count("current") / len(en))


# The command ----------------------------------------------------------------------------


def test_status_reports_every_item_and_exits_0_even_with_outdated_translations(project):
    (project / "curriculum/beta/de.md").write_text(SOURCE, encoding="utf-8")
    result = run_integr8("status", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "modules/beta (module, source de)" in result.stdout
    assert "en: outdated (" in result.stdout
    assert "fa: missing" in result.stdout


def test_status_json_lists_states_paths_and_totals(project):
    result = run_integr8("status", "--format", "json", "--lang", "fa", cwd=project)
    report = json.loads(result.stdout)
    alpha = next(item for item in report["items"] if item["key"] == "modules/alpha")
    assert alpha["languages"] == {"fa": {"state": "current", "path": "curriculum/alpha/fa.md", "translated_from": alpha["source_version"], "changes": None}}
    assert set(report["totals"]) == {"fa"}


def test_status_with_an_unknown_language_is_a_usage_error(project):
    result = run_integr8("status", "--lang", "xx", cwd=project)
    assert result.returncode == 2
    assert "not a language of this site" in result.stderr


def test_mark_current_records_the_version_and_keeps_the_file_otherwise_byte_for_byte(project):
    source = project / "curriculum/beta/de.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nNeu.\n", encoding="utf-8")
    translation = project / "curriculum/beta/en.md"
    crlf = translation.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8")
    translation.write_bytes(b"\xef\xbb\xbf" + crlf)
    result = run_integr8("status", "--mark-current", "curriculum/beta/en.md", cwd=project)
    assert result.returncode == 0, result.stderr
    assert status_of(project).state("modules/beta", "en").state == "current"
    written = translation.read_bytes()
    assert written.startswith(b"\xef\xbb\xbf---\r\n") and b"\n" not in written.replace(b"\r\n", b"")
    assert written.replace(b"\r\n", b"\n").count(b"translated_from:") == 1


def test_mark_current_adds_the_field_to_an_untracked_translation_and_stores_the_source_version(project):
    page = project / "docs/index.en.md"
    page.write_text("\n".join(line for line in page.read_text(encoding="utf-8").split("\n") if not line.startswith("translated_from")), encoding="utf-8")
    assert run_integr8("status", "--mark-current", "docs/index.en.md", cwd=project).returncode == 0
    version = status_of(project).state("index", "en").recorded
    assert (project / ".integr8/sources" / f"{version.removeprefix('sha256:')}.md").is_file()


def test_mark_current_refuses_a_source_file_and_a_missing_file(project):
    source = run_integr8("status", "--mark-current", "curriculum/alpha/de.md", cwd=project)
    assert source.returncode == 2 and "this is the source text" in source.stderr
    missing = run_integr8("status", "--mark-current", "curriculum/alpha/xx.md", cwd=project)
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_mark_current_prunes_stored_versions_that_no_translation_follows(project):
    source = project / "curriculum/beta/de.md"
    old = status_of(project).state("modules/beta", "en").recorded
    source.write_text(source.read_text(encoding="utf-8") + "\nNeu.\n", encoding="utf-8")
    run_integr8("status", "--mark-current", "curriculum/beta/en.md", cwd=project)
    assert not (project / ".integr8/sources" / f"{old.removeprefix('sha256:')}.md").exists()


def test_a_malformed_translated_from_is_an_error_not_a_state(tmp_path):
    root = make_project(tmp_path / "p")
    page = root / "docs/index.en.md"
    page.write_text(page.read_text(encoding="utf-8").replace("translated_from: sha256:", "translated_from: md5:"), encoding="utf-8")
    result = run_integr8("validate", cwd=root)
    assert result.returncode == 1
    assert "[field-type]" in result.stdout and "translated_from" in result.stdout
    assert "translation-untracked" not in result.stdout
