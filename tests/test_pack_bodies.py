"""A module's packs carry the module page's text: the trainer pack with its handouts marked, the
participant pack without facilitator notes and materials.

The build renders a module's text once for the module page and both packs where it can (the packs'
bodies are cut from the module page's HTML, their links moved one folder down) and renders a
pack's own Markdown where cutting would say something else. Either way the reader gets the same
packs: these tests describe them, on one real MkDocs build.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import make_project
from integr8.pages.packs import rebased, trainer_body, without_trainer_boxes

pytestmark = pytest.mark.slow

# The note is the first place "Jobcenter" (a glossary word) occurs: in the trainer pack it is linked
# there; the participant pack, which has no note, links it where it first occurs for participants.
GLOSSARY_IN_NOTE = """---
title: Alpha auf Deutsch
summary: Ein kurzes Modul zum Testen.
objectives:
  - Teilnehmerinnen kennen Alpha.
---

## Ankommen {50 min}

Wir lernen uns kennen.

::: facilitator
Geheimer Hinweis: das Jobcenter lädt oft schriftlich ein.
:::

Danach gehen wir zum Jobcenter.

## Merkblatt {handout}

Zum Mitnehmen.
"""

# Boxes written straight after text, with lists on both sides: nothing of the note or the
# materials may stay, and the text around them stays whole.
TIGHT_BOXES = """---
title: Beta auf Deutsch
summary: Ein zweites Modul zum Testen.
objectives:
  - Teilnehmerinnen kennen Beta.
---

## Üben {30 min}

- Erster Schritt
::: materials
- Kreide
:::
- Zweiter Schritt

Mehr dazu in [Alpha](../alpha/de.md), im [Glossar](https://example.org/glossar) und [hier](#merkblatt).

Ein Satz vor der Notiz.
::: facilitator
Streng vertraulich: <div class="i8-extra">eigenes HTML in der Notiz</div>
:::
Ein Satz nach der Notiz.

## Merkblatt {handout}

Zum Mitnehmen.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    files = {"curriculum/alpha/de.md": GLOSSARY_IN_NOTE, "curriculum/beta/de.md": TIGHT_BOXES}
    project = make_project(tmp_path_factory.mktemp("pack-bodies") / "project", files)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(project / "site")], cwd=project,
        capture_output=True, text=True, timeout=600, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1767225600"},
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return project / "site"


def body(site: Path, url: str) -> str:
    page = (site / url / "index.html").read_text(encoding="utf-8")
    return page[page.index('<div class="i8-pack-body"') :]


def test_participant_pack_has_the_text_without_notes_or_materials(site):
    trainer, participant = body(site, "modules/alpha/trainer-pack"), body(site, "modules/alpha/participant-pack")
    assert "Geheimer Hinweis" in trainer
    assert "Geheimer Hinweis" not in participant and "i8-facilitator" not in participant
    for text in ("Wir lernen uns kennen.", "Danach gehen wir zum", "Zum Mitnehmen.", 'id="handout-1"'):
        assert text in participant, text


def test_a_glossary_word_first_used_in_a_note_is_linked_where_participants_first_read_it(site):
    trainer, participant = body(site, "modules/alpha/trainer-pack"), body(site, "modules/alpha/participant-pack")
    link = re.compile(r'<a class="i8-term" href="[^"]*#jobcenter"')
    assert re.search(r"das " + link.pattern, trainer) and not re.search(r"zum " + link.pattern, trainer)
    assert re.search(r"zum " + link.pattern, participant)


def test_boxes_written_between_lines_leave_no_trace_and_keep_the_text_around_them(site):
    participant = body(site, "modules/beta/participant-pack")
    for gone in ("Kreide", "Streng vertraulich", "eigenes HTML", "i8-materials", "i8-facilitator"):
        assert gone not in participant, gone
    for kept in ("Erster Schritt", "Zweiter Schritt", "Ein Satz vor der Notiz.", "Ein Satz nach der Notiz."):
        assert kept in participant, kept


@pytest.mark.parametrize("kind", ["trainer", "participant"])
def test_links_in_a_pack_lead_where_they_lead_from_the_module_page(site, kind):
    module = (site / "modules/beta/index.html").read_text(encoding="utf-8")
    assert '<a href="../alpha/">Alpha</a>' in module
    pack = body(site, f"modules/beta/{kind}-pack")
    for link in ('<a href="../../alpha/">Alpha</a>', '<a href="https://example.org/glossar">Glossar</a>', '<a href="#merkblatt">hier</a>'):
        assert link in pack, link


def test_trainer_pack_opens_each_handout_with_its_mark_and_the_module_page_does_not(site):
    trainer = body(site, "modules/beta/trainer-pack")
    assert re.search(r'<section class="i8-handout" id="handout-1">\n<p class="i8-handout-mark"><span>[^<]*Beta auf Deutsch</span>', trainer)
    module = (site / "modules/beta/index.html").read_text(encoding="utf-8")
    assert '<section class="i8-handout">' in module and "i8-handout-mark" not in module


@pytest.mark.parametrize("prefix", ["", "en/", "fa/"])
def test_every_participant_pack_keeps_the_skip_link_to_its_text(site, prefix):
    for module in ("alpha", "beta"):
        page = (site / prefix / "modules" / module / "participant-pack" / "index.html").read_text(encoding="utf-8")
        skip = re.search(r'<a href="#([^"]+)" class="md-skip">', page)
        assert skip and f'id="{skip.group(1)}"' in page, (prefix, module)


# --- Cutting the boxes out of rendered HTML ----------------------------------------------------


def test_cutting_removes_each_box_whole_with_its_line_break():
    html = (
        '<h2 id="a">A</h2>\n<div class="i8-box i8-materials">\n<p class="i8-box-title">Material</p>\n<ul>\n<li>Kreide</li>\n</ul>\n</div>\n'
        '<p>Text</p>\n<div class="i8-box i8-facilitator">\n<p>Hinweis</p>\n<div class="x"><div>innen</div></div>\n</div>\n<p>Ende</p>'
    )
    assert without_trainer_boxes(html) == '<h2 id="a">A</h2>\n<p>Text</p>\n<p>Ende</p>'


@pytest.mark.parametrize(
    "url,below",
    [
        ("../alpha/", "../../alpha/"), ("image.png", "../image.png"), ("./", "../"), (".", "../"), ("", ""),
        ("../../glossary/#jobcenter", "../../../glossary/#jobcenter"), ("?q=1", "../?q=1"), ("#merkblatt", "#merkblatt"),
        ("/absolute/", "/absolute/"), ("https://example.org/a", "https://example.org/a"), ("mailto:a@example.org", "mailto:a@example.org"),
    ],
)
def test_an_address_seen_from_one_folder_down(url, below):
    assert rebased(url) == below


def test_trainer_body_moves_addresses_and_marks_handouts():
    module = '<p><a href="../beta/">Beta</a> <img alt="x" src="bild.png"></p>\n<section class="i8-handout">\n<h2 id="m">M</h2>\n</section>'
    assert trainer_body(module, ["<p>Mark</p>\n"]) == (
        '<p><a href="../../beta/">Beta</a> <img alt="x" src="../bild.png"></p>\n'
        '<section class="i8-handout" id="handout-1">\n<p>Mark</p>\n<h2 id="m">M</h2>\n</section>'
    )


@pytest.mark.parametrize(
    "module,marks",
    [
        ('<img srcset="a.png 2x" src="a.png">', []),  # srcset holds addresses this does not move
        ("<a href='../beta/'>Beta</a>", []),  # an address not in double quotes
        ('<section class="i8-handout">\n</section>', []),  # a handout without its mark
    ],
)
def test_when_moving_a_body_is_uncertain_there_is_none(module, marks):
    assert trainer_body(module, marks) is None


def test_other_boxes_stay():
    html = '<div class="i8-box i8-tip">\n<p>Tipp</p>\n</div>\n'
    assert without_trainer_boxes(html) == html


@pytest.mark.parametrize(
    "html",
    [
        '<div class="i8-box i8-facilitator">\n<p>Hinweis ohne Ende</p>\n',  # a box that does not end
        '<div class="i8-box i8-facilitator">\n<!-- </div> -->\n</div>\n<p>Text</p>',  # a comment could fake a tag
    ],
)
def test_when_a_cut_is_uncertain_there_is_none(html):
    assert without_trainer_boxes(html) is None
