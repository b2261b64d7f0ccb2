"""The translation status is worked out once per build and serves both the validator and the pages.

It reads every text and compares outdated translations section by section, so a build that
worked it out twice (once for the validator's check, once for the pages' notices) paid twice.
"""

from __future__ import annotations

import logging

import pytest

from conftest import make_project
from integr8.content.corpus import load_corpus
from integr8.i18n import status as status_module
from integr8.i18n.status import TranslationStatus, translation_status
from integr8.project import load_project
from integr8.validate import validate

pytestmark = pytest.mark.slow

# The Farsi text of beta does not say which German version it follows: a warning from the
# validator, and a notice on the Farsi page.
UNTRACKED = {"curriculum/beta/fa.md": "---\ntitle: بتا به فارسی\nsummary: کوتاه.\nobjectives:\n  - شرکت‌کنندگان بتا را می‌شناسند.\n---\n\n## شروع {30 min}\n\nمتن.\n"}


def count_statuses(monkeypatch) -> list:
    made = []
    original = TranslationStatus.__init__

    def counting(self, *args, **kwargs):
        made.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(status_module.TranslationStatus, "__init__", counting)
    return made


def test_a_build_works_out_the_translation_status_once(tmp_path, monkeypatch, caplog):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = make_project(tmp_path / "project", UNTRACKED)
    made = count_statuses(monkeypatch)
    monkeypatch.chdir(root)
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build(load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    assert len(made) == 1, f"the translation status was worked out {len(made)} times in one build"
    # ... and that one status still serves both: the validator's warning and the page's notice.
    assert "curriculum/beta/fa.md:1:1: warning: this translation does not say which version of curriculum/beta/de.md it follows" in caplog.text
    page = (tmp_path / "site" / "fa" / "modules" / "beta" / "index.html").read_text(encoding="utf-8")
    assert "بتا به فارسی" in page and '<aside class="i8-notice i8-notice--untracked" lang="fa" dir="rtl"' in page


def test_the_validator_and_the_site_share_the_status_of_a_corpus(tmp_path, monkeypatch):
    root = make_project(tmp_path / "project", UNTRACKED)
    corpus = load_corpus(load_project(root / "mkdocs.yml"))
    made = count_statuses(monkeypatch)
    findings = validate(corpus)
    assert translation_status(corpus) is translation_status(corpus)
    assert len(made) == 1
    assert [f.rule for f in findings if f.rule.startswith("translation-")] == ["translation-untracked"]


def test_the_shared_status_is_the_one_a_fresh_computation_gives(tmp_path):
    root = make_project(tmp_path / "project", UNTRACKED)
    project = load_project(root / "mkdocs.yml")
    corpus = load_corpus(project)
    validate(corpus)
    shared, fresh = translation_status(corpus), TranslationStatus(load_corpus(project))

    def states(status):
        return {(item.key, language): t.state for item in status.items for language, t in item.translations.items()}

    assert states(shared) == states(fresh)
    assert states(shared)[("modules/beta", "fa")] == "untracked"
