"""Trainer and participant packs: one printable page per module, kind of pack and language.

A trainer pack is what a trainer carries into a room without projector or Wi-Fi: a cover (the
module's facts, the date of the content version, the pack's address as text and as a QR code),
the timing plan with cumulative start times and each session's materials, a checklist of all
materials, the sessions with facilitator notes, and the handouts, each on a page of its own and
printable alone. A participant pack is the same without facilitator notes, materials and
checklist. Where the reader's language has no version, or an outdated one, the cover says so.

The print layout itself is CSS (``overrides/assets/print.css``); ``integr8 pdf`` prints these
pages to PDF.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import html
import os
import re
from dataclasses import dataclass, field

from ..content import body as body_syntax
from ..content.model import Module, ModuleVersion
from ..print.links import PACK_KINDS, module_pack_path, module_page_path, module_pdf_path, relative
from . import format as fmt
from .generated import GeneratedPage
from .modules import Fact, module_page, version_for

PRINT_SCRIPT = "assets/print.js"
_HANDOUT_OPENING = '<section class="i8-handout" markdown="1">'
_MARKUP = [(re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"), (re.compile(r"(\*\*|__|`)"), "")]
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class PlanRow:
    number: int
    start: str  # h:mm from the start of the module
    title: str
    duration: str
    materials: list[str]


@dataclass
class ChecklistItem:
    text: str
    sessions: str  # the numbers of the sessions that need it, e.g. "1, 3"


@dataclass
class Cover:
    kind_label: str  # "Trainer pack"
    title: str
    summary: str
    facts: list[Fact]
    notice: str | None  # the pack is a fallback or an outdated translation
    notice_kind: str | None  # "missing" or "outdated"
    address: str | None  # the pack's absolute URL; None when mkdocs.yml has no site_url
    qr_svg: str | None  # that address as an inline SVG QR code


@dataclass
class PackPage:
    kind = "pack"
    script = PRINT_SCRIPT  # the print buttons and "print only this handout"
    print_media = "all"  # print.css styles this page on screen too, as a preview of the paper
    document = True  # a document, not a place in the site: main.html leaves out the navigation
    pack: str  # "trainer" or "participant"
    id: str
    title: str
    cover: Cover
    plan: list[PlanRow]
    total: str
    checklist: list[ChecklistItem]  # empty in participant packs
    content_language: str
    content_direction: str
    is_fallback: bool
    translation_state: str | None
    back_url: str  # the module page, relative to the pack
    pdf_url: str  # this pack's PDF, relative to the pack
    labels: dict = field(default_factory=dict)


def plain(text: str) -> str:
    """Inline Markdown as the text a reader sees: links and emphasis marks removed."""
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return text.strip()


def plan_rows(version: ModuleVersion, strings) -> tuple[list[PlanRow], int]:
    """Every session with its cumulative start and its materials, and the total minutes."""
    rows, start = [], 0
    for number, session in enumerate(version.body.sessions if version.body else [], start=1):
        minutes = session.minutes or 0
        rows.append(PlanRow(number, fmt.clock(start), session.title, fmt.duration(minutes, strings), [plain(m) for m in session.materials]))
        start += minutes
    return rows, start


def checklist(rows: list[PlanRow], separator: str = ", ") -> list[ChecklistItem]:
    """The materials of all sessions, each once (compared without case and spacing), in first use order."""
    items: dict[str, tuple[str, list[int]]] = {}
    for row in rows:
        for material in row.materials:
            key = " ".join(material.casefold().split()).rstrip(".;,")
            text, sessions = items.setdefault(key, (material, []))
            if row.number not in sessions:
                sessions.append(row.number)
    return [ChecklistItem(text, separator.join(map(str, sessions))) for text, sessions in items.values()]


@functools.lru_cache(maxsize=4096)
def qr_svg(address: str, label: str) -> str:
    """The address as an inline SVG QR code, made at build time (segno; no service is asked).

    Choosing the best mask, as the QR standard asks, is most of the cost; a code is made once per
    address (a programme pack reuses its modules' trainer-pack codes).
    """
    import segno  # a build dependency (requirements/site.txt); imported here so validation never needs it

    code = segno.make(address, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=2, omitsize=True, svgclass="i8-qr", lineclass=None)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(label)}" ', 1)


def build_date(site) -> str:
    """The date the content is from: the commit's (SOURCE_DATE_EPOCH, set by `make site`), else today.

    Two builds of one commit print the same date, so their packs are byte-identical.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date().isoformat()
    return site.today.isoformat()


def content_version(site, module: Module, version: ModuleVersion) -> tuple[str, str]:
    """The date of the content version and a short id of exactly the texts printed.

    The date is module.yml's ``updated`` when given, else the build date (see :func:`build_date`).
    The id changes whenever module.yml or this language's text changes, so two printouts can be
    told apart even when nobody updated the date.
    """
    updated = module.meta.get("updated")
    date = updated if isinstance(updated, str) and DATE.match(updated) else build_date(site)
    digest = hashlib.sha256()
    module_file = module.folder / "module.yml"
    digest.update(module_file.read_bytes() if module_file.is_file() else b"")
    digest.update(version.raw.encode("utf-8"))
    return date, digest.hexdigest()[:8]


def translation_state(site, view, key: str, language: str) -> str | None:
    """source, current, outdated, untracked or missing; None when nobody can tell."""
    state = getattr(view, "translation_state", None)
    if state is None and getattr(site, "translations", None) is not None:
        translation = site.translations.state(key, language)
        state = translation.state if translation is not None else None
    return state


def language_name(site, in_language: str, code: str) -> str:
    own = next((lang.name for lang in site.project.languages if lang.code == code), code)
    strings = site.strings(in_language)
    return strings.language_name(code, own) if hasattr(strings, "language_name") else own


def cover_notice(site, language: str, source_language: str, fallback: bool, state: str | None) -> tuple[str | None, str | None]:
    strings = site.strings(language)
    source = language_name(site, language, source_language)
    if fallback or state == "missing":
        return strings["notice_missing"].format(language=language_name(site, language, language), source=source), "missing"
    if state == "outdated":
        return strings["notice_outdated"].format(source=source), "outdated"
    return None, None


def address(site, path: str) -> str | None:
    site_url = getattr(site.project, "site_url", None)
    return site_url + path if site_url else None


def mark_handouts(markdown: str, module_title: str, strings) -> str:
    """Give each handout an anchor, a mark saying what it is, and a "print only this" link."""
    total = markdown.count(_HANDOUT_OPENING)
    parts = markdown.split(_HANDOUT_OPENING)
    out = [parts[0]]
    for number, rest in enumerate(parts[1:], start=1):
        mark = html.escape(strings["handout_mark"].format(n=number, total=total))
        out.append(
            f'<section class="i8-handout" id="handout-{number}" markdown="1">\n\n'
            f'<p class="i8-handout-mark"><span>{mark} · {html.escape(module_title)}</span> '
            f'<a class="i8-print-one" href="#handout-{number}" data-i8-print>{html.escape(strings["print_handout"])}</a></p>\n'
            f'<p class="i8-print-one-hint">{html.escape(strings["print_handout_hint"])} '
            f'<a href="#pack" data-i8-print>{html.escape(strings["print_whole_pack"])}</a></p>\n'
            + rest
        )
    return "".join(out)


LABEL_KEYS = (
    "timing_plan", "start", "session", "duration", "total", "materials", "materials_checklist", "print_now",
    "back_to_module", "pack_address",
)


def pack_page(site, module: Module, kind: str, language: str) -> tuple[PackPage, str, ModuleVersion] | None:
    """The view of one pack and its Markdown body (links not yet rewritten), or None without any text."""
    version, fallback = version_for(module, language)
    if version is None:
        return None
    strings = site.strings(language)
    trainer = kind == "trainer"
    view = module_page(site.corpus, module, language, strings, site.direction(version.language))
    rows, minutes = plan_rows(version, strings)
    prefix = site.url_prefix(language)
    path = prefix + module_pack_path(module.id, kind)
    date, version_id = content_version(site, module, version)
    state = translation_state(site, view, f"modules/{module.id}", language)
    facts = [
        *view.facts,
        Fact(strings["pack_language"], [language_name(site, language, version.language)]),
        Fact(strings["pack_version"], [strings["pack_version_value"].format(date=date, id=version_id)]),
    ]
    notice, notice_kind = cover_notice(site, language, module.source_language or version.language, fallback, state)
    where = address(site, path)
    cover = Cover(
        strings[f"{kind}_pack"], view.title, view.summary, facts, notice, notice_kind,
        where, qr_svg(where, strings["pack_qr"]) if where else None,
    )
    labels = {key: strings[key] for key in LABEL_KEYS}
    labels["pdf"] = strings["pdf_of"].format(title=strings[f"{kind}_pack"])
    page = PackPage(
        pack=kind,
        id=module.id,
        title=view.title,
        cover=cover,
        plan=rows if trainer else [PlanRow(r.number, r.start, r.title, r.duration, []) for r in rows],
        total=fmt.duration(minutes, strings),
        checklist=checklist(rows, strings["list_separator"]) if trainer else [],
        content_language=version.language,
        content_direction=site.direction(version.language),
        is_fallback=fallback,
        translation_state=state,
        back_url=relative(prefix + module_page_path(module.id), path),
        pdf_url=relative(prefix + module_pdf_path(module.id, kind, language), path),
        labels=labels,
    )
    box_labels = {"facilitator": strings["facilitator"], "materials": strings["materials"], "minutes": strings["minutes"]}
    markdown = body_syntax.render(version.text, box_labels, trainer=trainer, leave_out=() if trainer else ("materials",))
    return page, mark_handouts(markdown, view.title, strings), version


def generate(site, language: str) -> list[GeneratedPage]:
    """A trainer pack and a participant pack of every module, in ``language``."""
    prefix, strings = site.url_prefix(language), site.strings(language)
    pages = []
    for module in site.corpus.modules.values():
        for kind in PACK_KINDS:
            made = pack_page(site, module, kind, language)
            if made is None:
                continue
            view, markdown, version = made
            path = module_pack_path(module.id, kind)
            url = prefix + path
            pages.append(
                GeneratedPage(
                    f"{path}index.md", f"{url}index.html", url, f"{strings[f'{kind}_pack']}: {view.title}", "integr8/pack.html",
                    site.rewrite_links(markdown, version, language, url), view, version, site.alternates(path),
                    key=f"modules/{module.id}", in_nav=False,
                )
            )
    return pages
