"""Printing (issue 5): print styles, trainer and participant packs, and their PDFs.

One real MkDocs build of the fixture project, with a Farsi module text that has a handout, a
facilitator note and the letters only Persian has (پ چ ژ گ ک ی), and a German page with the things
print styles must handle (links, details, an admonition, a table). `integr8 pdf` prints the packs
with Debian's Chromium; `pdftotext` reads them back, as a trainer's printer would show them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from browser.harness import CHROMIUM, require
from conftest import FIXTURE, ROOT, make_project, run_integr8

pytestmark = pytest.mark.slow

FA_ALPHA = """---
title: آلفا به فارسی
summary: یک واحد کوتاه برای آزمایش.
objectives:
  - شرکت‌کنندگان آلفا را می‌شناسند.
---

## آشنایی {20 min}

با هم آشنا می‌شویم. کتاب‌ها و Jobcenter.

پیش از گفتگو چای و ژاکت گرم را آماده کنید. کتاب بیمه کمک می‌کند.

::: materials
- کاغذ و مداد
:::

::: facilitator
نکتهٔ محرمانه برای تسهیل‌گران: به هر کس وقت کافی بدهید.
:::

## کار {30 min}

کار می‌کنیم و پرسش‌ها را می‌نویسیم.

## برگه: نشانی‌های مفید {handout}

این برگه را با خود ببرید.
"""

SAMPLE_PAGE = """---
title: Druckprobe
---

# Druckprobe

Ein [Link zu einer anderen Seite](https://one.example.org/project), ein [Sprung zur Tabelle](#tabelle)
und ein Link zum [Modul Beta](../curriculum/beta/de.md).

!!! note "Hinweis"
    Ein Kasten, der auf Papier offen bleibt.

<details markdown="1">
<summary>Mehr dazu</summary>

Versteckter Text, der gedruckt wird.

</details>

## Tabelle

| Zeit | Was |
| --- | --- |
| 9:00 | Ankommen |
| 9:20 | Arbeiten |
"""

DE_NOTE = "Geheimer Hinweis für Trainerinnen."
FA_NOTE = "نکتهٔ محرمانه برای تسهیل‌گران: به هر کس وقت کافی بدهید."
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
MARKS = re.compile(r"[\u064b-\u065f\u0670]")  # vowel signs, shadda, sukun, hamza above and below
# Letters, their marks (such as the hamza of «بستهٔ») and Persian digits; a ZWNJ joins parts of one word.
PERSIAN_WORD = re.compile(r"[\u0621-\u065f\u0670-\u06d3\u06f0-\u06f9]+(?:\u200c[\u0621-\u065f\u0670-\u06d3]+)*")


def fixture_config() -> str:
    """The fixture's mkdocs.yml with admonitions switched on, for the print-style sample page."""
    text = (FIXTURE / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - tables\n" in text
    return text.replace("  - tables\n", "  - tables\n  - admonition\n", 1)


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    files = {"curriculum/alpha/fa.md": FA_ALPHA, "docs/print-sample.de.md": SAMPLE_PAGE, "mkdocs.yml": fixture_config()}
    project = make_project(tmp_path_factory.mktemp("print") / "project", files)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(project / "site")], cwd=project,
        capture_output=True, text=True, timeout=600, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1767225600"},
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return project


@pytest.fixture(scope="module")
def site(root) -> Path:
    return root / "site"


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


class _Element(HTMLParser):
    """The source of the first element with a class, nested elements of its own kind included."""

    def __init__(self, css_class: str):
        super().__init__(convert_charrefs=False)
        self.css_class, self.tag, self.depth, self.start, self.end = css_class, None, 0, None, None

    def handle_starttag(self, tag, attrs):
        if self.end is not None:
            return
        if self.tag is None and self.css_class in (dict(attrs).get("class") or "").split():
            self.tag, self.start = tag, self.getpos()
        if tag == self.tag:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == self.tag and self.end is None:
            self.depth -= 1
            if self.depth == 0:
                self.end = self.getpos()


def section(text: str, css_class: str) -> str:
    parser = _Element(css_class)
    parser.feed(text)
    assert parser.start and parser.end, f"no element with class {css_class}"
    lines = text.split("\n")
    offset = lambda pos: sum(len(line) + 1 for line in lines[: pos[0] - 1]) + pos[1]  # noqa: E731
    start, end = offset(parser.start), offset(parser.end)
    return text[start : text.index(">", end) + 1]


# --- The packs as pages --------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "en/", "fa/"])
@pytest.mark.parametrize("kind", ["trainer", "participant"])
def test_every_module_has_both_packs_in_every_language(site, prefix, kind):
    for module in ("alpha", "beta"):
        assert (site / prefix / "modules" / module / f"{kind}-pack" / "index.html").is_file()


def test_module_page_leads_to_each_pack_and_its_pdf_in_the_readers_language(site):
    links = section(html(site, "fa/modules/alpha"), "i8-print-links")
    assert 'href="trainer-pack/"' in links and "چاپ بستهٔ مربی" in links
    assert 'href="participant-pack/"' in links and "چاپ بستهٔ شرکت‌کنندگان" in links
    assert 'href="alpha-trainer-pack-fa.pdf"' in links and 'href="alpha-participant-pack-fa.pdf"' in links
    assert 'href="alpha-trainer-pack-de.pdf"' in section(html(site, "modules/alpha"), "i8-print-links")


def test_trainer_pack_cover_has_the_facts_the_content_version_and_the_address_as_text_and_qr_code(site):
    cover = section(html(site, "en/modules/alpha/trainer-pack"), "i8-pack-cover")
    assert ">Trainer pack<" in cover and "Alpha in English" in cover and "A short module for testing." in cover
    for label, value in (("Duration", "50 min"), ("Level", "Entry level"), ("Audience", "Migrant women"), ("Formats", "In person"),
                         ("Partners", "Organisation One"), ("Created with", "Leyla M. (pseudonym)"), ("Licence", "CC-BY-SA-4.0"),
                         ("Language", "English")):
        assert re.search(rf"<dt>{label}</dt>\s*<dd>.*?{re.escape(value)}", cover, re.S), (label, value)
    # No `updated` in module.yml: the content is dated by the build (SOURCE_DATE_EPOCH, the commit's date).
    assert re.search(r"<dt>Content as of</dt>\s*<dd><bdi>2026-01-01 \(version [0-9a-f]{8}\)</bdi>", cover)
    assert ">https://example.org/hub/en/modules/alpha/trainer-pack/</a>" in cover
    qr = re.search(r"<svg [^>]*class=\"i8-qr\".*?</svg>", cover, re.S).group(0)
    assert 'role="img"' in qr and 'aria-label="QR code with the address of this pack"' in qr and "<path" in qr


def test_content_version_date_comes_from_module_yml_when_given(tmp_path):
    from integr8.pages.packs import pack_page
    from integr8.pages.site import Site
    from integr8.project import load_project

    root = make_project(tmp_path / "p")
    module_file = root / "curriculum" / "alpha" / "module.yml"
    module_file.write_text(module_file.read_text(encoding="utf-8") + "updated: 2026-10-01\n", encoding="utf-8")
    site = Site(load_project(root / "mkdocs.yml"))
    view, _markdown, _version = pack_page(site, site.corpus.modules["alpha"], "trainer", "de")
    facts = {fact.label: fact.values for fact in view.cover.facts}
    assert facts["Stand"][0].startswith("2026-10-01 (Version ")


def test_trainer_pack_plan_has_cumulative_starts_materials_and_a_checklist(site):
    page = html(site, "modules/alpha/trainer-pack")
    plan = section(page, "i8-pack-timing")
    rows = re.findall(r"<tr>\s*<td dir=\"ltr\">(.*?)</td>\s*<td>(.*?)</td>\s*<td[^>]*>(.*?)</td>\s*<td class=\"i8-col-materials\">(.*?)</td>", plan, re.S)
    assert [(start, title, duration) for start, title, duration, _ in rows] == [("0:00", "1. Ankommen", "20 Min."), ("0:20", "2. Arbeiten", "30 Min.")]
    assert "Namensschilder" in rows[0][3] and rows[1][3] == ""
    assert "Gesamt" in plan and "50 Min." in plan
    checklist = section(page, "i8-checklist")
    assert re.search(r"Namensschilder</span> <span class=\"i8-checklist-sessions\"[^>]*>\(Einheit <bdi>1</bdi>\)", checklist)


def test_trainer_pack_has_every_session_with_its_facilitator_notes_and_the_handouts(site):
    body = section(html(site, "modules/alpha/trainer-pack"), "i8-pack-body")
    for text in ("Ankommen", "Arbeiten", "Wir lernen uns kennen.", DE_NOTE, "Hinweise für Trainerinnen", "Merkblatt", "Zum Mitnehmen."):
        assert text in body, text


def test_participant_pack_leaves_out_notes_materials_and_the_checklist(site):
    page = html(site, "modules/alpha/participant-pack")
    assert "Ankommen" in page and "Arbeiten" in page and "Merkblatt" in page and "Zum Mitnehmen." in page
    for secret in (DE_NOTE, "Hinweise für Trainerinnen", "Namensschilder", "i8-checklist", "i8-col-materials"):
        assert secret not in page, secret
    assert ">Mappe für Teilnehmerinnen<" in section(page, "i8-pack-cover")


def test_each_handout_starts_marked_and_can_be_printed_alone(site):
    page = html(site, "modules/alpha/trainer-pack")
    handout = re.search(r'<section class="i8-handout" id="handout-1">.*?</section>', page, re.S).group(0)
    assert "Handout 1 von 1 · Alpha auf Deutsch" in handout
    assert '<a class="i8-print-one" href="#handout-1" data-i8-print>Nur dieses Handout drucken</a>' in handout
    assert '<a href="#pack" data-i8-print>Ganze Mappe drucken</a>' in handout


def test_a_pack_in_a_language_without_the_module_says_so_on_its_cover(site):
    page = html(site, "fa/modules/beta/trainer-pack")
    cover = section(page, "i8-pack-cover")
    assert 'class="i8-pack-notice i8-pack-notice--missing"' in cover
    assert re.search(r'<h1 lang="de" dir="ltr">Beta auf Deutsch</h1>', cover), "the German text is marked as German"
    assert ">بستهٔ مربی<" in cover, "labels stay in the reader's language"
    assert "i8-pack-notice" not in section(html(site, "fa/modules/alpha/trainer-pack"), "i8-pack-cover")


def test_a_pack_of_an_outdated_translation_says_so_on_its_cover(real_site):
    """The real Turkish health module lags behind the German one on purpose (see integr8 status)."""
    import yaml

    from integr8.content.corpus import load_corpus
    from integr8.i18n.status import translation_status
    from integr8.project import load_project

    status = translation_status(load_corpus(load_project(ROOT / "mkdocs.yml")))
    assert status.state("modules/health-system", "tr").state == "outdated", "the real content keeps one outdated translation"
    notice = yaml.safe_load((ROOT / "plugins/integr8/i18n/strings/tr.yml").read_text(encoding="utf-8"))["strings"]["notice_outdated"]
    cover = section(html(real_site, "tr/modules/health-system/trainer-pack"), "i8-pack-cover")
    assert 'class="i8-pack-notice i8-pack-notice--outdated"' in cover
    assert notice.split("{")[0].strip() in cover, "the notice is in Turkish"
    assert "i8-pack-notice" not in section(html(real_site, "en/modules/health-system/trainer-pack"), "i8-pack-cover")


def test_packs_are_printable_documents_outside_the_navigation(site):
    assert "trainer-pack/" not in html(site, "modules"), "no pack in the navigation of other pages"
    page = html(site, "modules/alpha/trainer-pack")
    assert '<link rel="stylesheet" href="../../../assets/print.css" media="all">' in page
    assert '<script src="../../../assets/print.js" defer></script>' in page
    assert 'media="print"' in re.search(r'<link rel="stylesheet" href="[./]*assets/print.css"[^>]*>', html(site, "modules/alpha")).group(0)


# --- In a browser ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(site):
    from integr8.print.server import serve

    with serve(site) as base:
        yield base


@pytest.fixture
def printed(chromium, served):
    """Open a page of the site as it prints: ``printed(url) -> page`` (print media, A4-ish width),
    in the session's Chromium (tests/conftest.py)."""
    context = chromium.new_context(viewport={"width": 794, "height": 1123})
    context.route(re.compile(rf"^(?!{re.escape(served)})"), lambda route: route.abort())

    def open_page(url: str):
        page = context.new_page()
        page.goto(served + url)
        page.emulate_media(media="print")
        return page

    yield open_page
    context.close()


CHROME = ".md-header, .md-tabs, .md-sidebar, .md-footer, .md-search, .md-top, nav, button, [role=search], .i8-print-links, .i8-pack-tools"


def visible_chrome(page) -> list[str]:
    return page.evaluate(f"""() => [...document.querySelectorAll({CHROME!r})]
        .filter((node) => node.checkVisibility({{visibilityProperty: true, opacityProperty: true}}))
        .map((node) => node.outerHTML.slice(0, 80))""")


@pytest.mark.browser
@pytest.mark.parametrize("url,side", [("modules/alpha/", "left"), ("fa/modules/alpha/", "right")])
def test_print_emulated_screenshot_of_a_module_page_shows_no_navigation(printed, tmp_path, url, side):
    page = printed(url)
    shot = tmp_path / "module.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    assert page.locator(".md-header").count() and page.locator(".md-sidebar--primary").count(), "the page has navigation to hide"
    assert visible_chrome(page) == []
    title, content = page.locator("h1").first.bounding_box(), page.locator("article").first.bounding_box()
    width = page.viewport_size["width"]
    assert content["y"] < 40, "the content starts the paper: no header or tabs above it"
    if side == "left":
        assert title["x"] < 40, "no room kept for a navigation column"
    else:
        assert title["x"] + title["width"] > width - 40, "a right-to-left page starts on the right"
    assert page.evaluate("getComputedStyle(document.querySelector('.i8-module')).direction") == ("rtl" if side == "right" else "ltr")


@pytest.mark.browser
def test_printed_persian_page_has_only_persian_labels(printed):
    text = printed("fa/modules/alpha/").evaluate("document.body.innerText")
    assert "مدت" in text and "برنامهٔ زمانی" in text
    for english in ("Duration", "Timing plan", "Skip to content", "Search", "Back to top", "Print"):
        assert english not in text, english


@pytest.mark.browser
def test_print_styles_print_addresses_open_boxes_and_keep_things_together(printed):
    page = printed("print-sample/")
    after = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('article a')].map(
        (a) => [a.getAttribute('href'), getComputedStyle(a, '::after').content]))""")
    assert after == {
        "https://one.example.org/project": '" (https://one.example.org/project)"',  # the address of another site, after its link
        "#tabelle": "none",  # a jump within the page: nothing
        "../modules/beta/": "none",  # a page of this site: nothing (its relative address means nothing on paper)
    }
    hidden = page.get_by_text("Versteckter Text, der gedruckt wird.")
    assert hidden.is_visible() and hidden.bounding_box()["height"] > 0, "closed <details> print open"
    assert page.get_by_text("Ein Kasten, der auf Papier offen bleibt.").is_visible()
    styles = page.evaluate("""() => ({
        heading: getComputedStyle(document.querySelector('article h2')).breakAfter,
        row: getComputedStyle(document.querySelector('article tr')).breakInside,
        paragraph: getComputedStyle(document.querySelector('article p')).orphans})""")
    assert styles == {"heading": "avoid-page", "row": "avoid", "paragraph": "3"}


@pytest.mark.browser
def test_a_handout_named_in_the_address_prints_alone(printed):
    page = printed("modules/alpha/trainer-pack/#handout-1")
    assert page.get_by_text("Zum Mitnehmen.").is_visible()
    for gone in (".i8-pack-cover", ".i8-pack-plan", ".i8-pack-checklist"):
        assert not page.locator(gone).is_visible(), gone
    assert not page.get_by_text("Wir lernen uns kennen.").is_visible()
    whole = printed("modules/alpha/trainer-pack/")
    assert whole.locator(".i8-pack-cover").is_visible() and whole.get_by_text("Wir lernen uns kennen.").is_visible()


# --- PDFs -----------------------------------------------------------------------------------------


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout


def normalise(text: str) -> str:
    """What a reader sees, as plain code points.

    pdftotext marks right-to-left runs with bidi embedding controls (U+202A–U+202C) that are not in
    the PDF: removed. A shaped Arabic-script glyph is stored in the PDF as its contextual
    presentation form (U+FB50–U+FEFF, see test_farsi_pdf_text_is_shaped); NFKC maps those back to
    the letters the author typed (poppler usually does already). NFKC leaves the zero-width
    non-joiner (U+200C) of words such as «می‌شویم», and the Persian ک and ی, as they are.
    """
    return unicodedata.normalize("NFKC", text).translate(BIDI_CONTROLS)


def persian_words(text: str) -> list[str]:
    """The Persian words of a text, without their optional marks.

    A mark such as the ezafe hamza of «نکتهٔ» is drawn as a glyph of its own above its letter; in a
    right-to-left run pdftotext may put it before the letter instead of after («نکتٔه»), although
    the page shows it in its place. Persian writing treats these marks as optional, so words are
    compared without them, on both sides.
    """
    return [MARKS.sub("", word) for word in PERSIAN_WORD.findall(normalise(text))]


def contains_in_order(words: list[str], wanted: list[str]) -> bool:
    return any(words[i : i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1))


@pytest.fixture(scope="module")
def pdfs(root, site):
    require(CHROMIUM.exists(), f"Chromium ({CHROMIUM})", "run `make browser` as root")
    require(shutil.which("pdftotext") is not None, "pdftotext", "sudo apt-get install poppler-utils")
    result = run_integr8("pdf", "--lang", "de", "fa", "--module", "alpha", "--site-dir", "site", cwd=root)
    assert result.returncode == 0, result.stderr
    return result


@pytest.mark.browser
def test_pdf_command_shows_progress_and_writes_the_pdfs_where_the_packs_link_them(pdfs, site):
    lines = pdfs.stdout.splitlines()
    assert lines[:4] == [
        f"[1/4] modules/alpha/alpha-trainer-pack-de.pdf ({(site / 'modules/alpha/alpha-trainer-pack-de.pdf').stat().st_size // 1024} KB)",
        f"[2/4] modules/alpha/alpha-participant-pack-de.pdf ({(site / 'modules/alpha/alpha-participant-pack-de.pdf').stat().st_size // 1024} KB)",
        f"[3/4] fa/modules/alpha/alpha-trainer-pack-fa.pdf ({(site / 'fa/modules/alpha/alpha-trainer-pack-fa.pdf').stat().st_size // 1024} KB)",
        f"[4/4] fa/modules/alpha/alpha-participant-pack-fa.pdf ({(site / 'fa/modules/alpha/alpha-participant-pack-fa.pdf').stat().st_size // 1024} KB)",
    ]
    assert lines[-1].startswith("integr8 pdf: 4 PDFs written to ")
    info = subprocess.run(["pdfinfo", str(site / "modules/alpha/alpha-trainer-pack-de.pdf")], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info, "A4 unless asked for Letter"
    assert not list(site.rglob("*.part")), "no half-written PDF is left behind"
    # The links on the pages and the files agree.
    for prefix, language in (("", "de"), ("fa/", "fa")):
        for href in re.findall(r'href="([^"]+\.pdf)"', section(html(site, f"{prefix}modules/alpha"), "i8-print-links")):
            assert (site / prefix / "modules/alpha" / href).is_file(), href
        assert (site / prefix / "modules/alpha/trainer-pack" / f"../alpha-trainer-pack-{language}.pdf").resolve().is_file()


@pytest.mark.browser
def test_german_trainer_pack_pdf_has_title_sessions_and_notes_the_participant_pack_has_no_notes(pdfs, site):
    trainer = " ".join(pdf_text(site / "modules/alpha/alpha-trainer-pack-de.pdf").split())
    participant = " ".join(pdf_text(site / "modules/alpha/alpha-participant-pack-de.pdf").split())
    for text in ("Alpha auf Deutsch", "Ankommen", "Arbeiten", "Merkblatt", "Zum Mitnehmen."):
        assert text in trainer and text in participant, text
    assert DE_NOTE in trainer and "Hinweise für Trainerinnen" in trainer and "Namensschilder" in trainer
    assert DE_NOTE not in participant and "Hinweise für Trainerinnen" not in participant and "Namensschilder" not in participant


@pytest.mark.browser
def test_farsi_pdfs_read_back_as_the_farsi_words_of_the_source(pdfs, site):
    trainer = persian_words(pdf_text(site / "fa/modules/alpha/alpha-trainer-pack-fa.pdf"))
    participant = persian_words(pdf_text(site / "fa/modules/alpha/alpha-participant-pack-fa.pdf"))
    title, sessions = ["آلفا", "به", "فارسی"], [["آشنایی"], ["کار"]]
    paragraphs = [persian_words(p) for p in ("با هم آشنا می‌شویم. کتاب‌ها و Jobcenter.", "پیش از گفتگو چای و ژاکت گرم را آماده کنید. کتاب بیمه کمک می‌کند.",
                                             "کار می‌کنیم و پرسش‌ها را می‌نویسیم.", "این برگه را با خود ببرید.")]
    note = persian_words(FA_NOTE)
    for words in (title, *sessions, *paragraphs):
        assert contains_in_order(trainer, words), words
        assert contains_in_order(participant, words), words
    assert contains_in_order(trainer, note), "the facilitator note, word for word, in order"
    assert not contains_in_order(participant, note) and "محرمانه" not in participant
    assert "\u0643" not in "".join(trainer) and "\u064a" not in "".join(trainer), "Persian ک and ی stay Persian, not Arabic"


def cmap_targets(pdf: Path) -> set[str]:
    """Every character the PDF's ToUnicode maps point to: what each embedded glyph stands for."""
    data, found = pdf.read_bytes(), set()
    for match in re.finditer(rb"stream\r?\n", data):
        try:
            stream = zlib.decompress(data[match.end() : data.find(b"endstream", match.end())])
        except zlib.error:
            continue
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", stream, re.S):
            found |= {bytes.fromhex(u.decode()).decode("utf-16-be") for _, u in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block)}
        for block in re.findall(rb"beginbfrange(.*?)endbfrange", stream, re.S):
            for low, high, first in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                found |= {chr(int(first, 16) + i) for i in range(int(high, 16) - int(low, 16) + 1)}
    return found


@pytest.mark.browser
def test_farsi_pdf_text_is_shaped(pdfs, site):
    # Shaped text is drawn with each letter's contextual form, and the PDF says so: the glyphs of
    # «کتاب» map to KEHEH initial, TEH medial and ALEF final. Unshaped text has isolated letters only.
    glyphs = cmap_targets(site / "fa/modules/alpha/alpha-trainer-pack-fa.pdf")
    for form in ("\ufb90", "\ufe98", "\ufe8e"):  # ARABIC LETTER KEHEH INITIAL, TEH MEDIAL, ALEF FINAL
        assert form in glyphs, unicodedata.name(form)


def word_boxes(pdf: Path) -> dict[str, tuple[float, float]]:
    """Each word of the first page with its horizontal extent (xMin, xMax), in points.

    ``pdftotext -bbox`` writes a word's characters in the order they stand on the page, from left
    to right, so a right-to-left word comes out reversed: it is turned back here.
    """
    out = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    boxes = {}
    for low, high, word in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]+)</word>', out):
        word = normalise(word)
        boxes.setdefault(word[::-1] if PERSIAN_WORD.fullmatch(word) else word, (float(low), float(high)))
    return boxes


@pytest.mark.browser
def test_farsi_pdf_runs_right_to_left_and_german_left_to_right(pdfs, site):
    page_width = 595.9  # A4 in points
    fa = word_boxes(site / "fa/modules/alpha/alpha-trainer-pack-fa.pdf")
    de = word_boxes(site / "modules/alpha/alpha-trainer-pack-de.pdf")
    # The title's first word stands at the right margin (15 mm = 42.5 pt) in Farsi, at the left in German.
    assert fa["آلفا"][1] > page_width - 42.5 - 12
    assert de["Alpha"][0] < 42.5 + 12
    assert fa["آلفا"][0] > fa["فارسی"][1], "«آلفا به فارسی» reads from right to left"


@pytest.mark.browser
def test_packs_print_on_letter_paper_as_well_as_a4(root, site, tmp_path):
    require(CHROMIUM.exists(), f"Chromium ({CHROMIUM})", "run `make browser` as root")
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    result = run_integr8("pdf", "--lang", "de", "--module", "alpha", "--paper", "Letter", "--site-dir", str(copy), cwd=root)
    assert result.returncode == 0, result.stderr
    letter = copy / "modules/alpha/alpha-trainer-pack-de.pdf"
    assert "612 x 792 pts (letter)" in subprocess.run(["pdfinfo", str(letter)], capture_output=True, text=True, check=True).stdout
    text = " ".join(pdf_text(letter).split())
    for words in ("Ankommen", "Arbeiten", DE_NOTE, "Zum Mitnehmen."):
        assert words in text


@pytest.mark.browser
def test_a_pdf_that_cannot_be_written_fails_with_exit_1_and_the_others_are_made(root, site, tmp_path):
    require(CHROMIUM.exists(), f"Chromium ({CHROMIUM})", "run `make browser` as root")
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    (copy / "modules/alpha/alpha-trainer-pack-de.pdf").unlink(missing_ok=True)
    (copy / "modules/alpha/alpha-trainer-pack-de.pdf").mkdir()  # a folder where the PDF belongs
    result = run_integr8("pdf", "--lang", "de", "--module", "alpha", "--site-dir", str(copy), cwd=root)
    assert result.returncode == 1
    assert "FAILED modules/alpha/alpha-trainer-pack-de.pdf" in result.stderr and "1 of 2 PDFs failed" in result.stderr
    assert "Traceback" not in result.stderr
    assert (copy / "modules/alpha/alpha-participant-pack-de.pdf").is_file()


# --- The command's usage errors (exit 2, one clear line, no traceback) ----------------------------


def test_pdf_without_a_built_site_exits_2_and_says_how_to_build_it(project):
    result = run_integr8("pdf", cwd=project)
    assert result.returncode == 2
    assert "no built site here. Build it first with 'make site'" in result.stderr and "Traceback" not in result.stderr


def test_pdf_with_unknown_choices_exits_2_and_lists_the_known_ones(root):
    result = run_integr8("pdf", "--module", "alpah", "--site-dir", "site", cwd=root)
    assert result.returncode == 2 and "unknown module 'alpah'; known: alpha, beta" in result.stderr
    result = run_integr8("pdf", "--lang", "xx", "--site-dir", "site", cwd=root)
    assert result.returncode == 2 and "unknown language 'xx'; known: de, en, fa" in result.stderr


def test_pdf_without_chromium_exits_2_and_says_what_to_install(root):
    env = {"PATH": "/usr/bin:/bin", "INTEGR8_CHROMIUM": "/nonexistent/chromium"}
    result = run_integr8("pdf", "--module", "beta", "--lang", "de", "--site-dir", "site", cwd=root, env=env)
    assert result.returncode == 2
    assert "Chromium is not installed at /nonexistent/chromium" in result.stderr and "Traceback" not in result.stderr


BLOCK_PLAYWRIGHT = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('playwright', 'greenlet'):
            raise ImportError('blocked in this test: ' + name)
sys.meta_path.insert(0, Block())
from integr8.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_without_playwright_pdf_exits_2_and_everything_else_works(root):
    def run(*args):
        return subprocess.run([sys.executable, "-c", BLOCK_PLAYWRIGHT, *args], cwd=root, capture_output=True, text=True, timeout=120)

    result = run("pdf", "--site-dir", "site")
    assert result.returncode == 2 and "Playwright is not installed" in result.stderr and "Traceback" not in result.stderr
    assert run("validate").returncode == 0
