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

import functools
import hashlib
import html
import posixpath
import re
from dataclasses import dataclass, field

from ..content import body as body_syntax
from ..content.model import Module, ModuleVersion
from ..print.qr import qr_svg as make_qr_svg
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
    # The participant pack's body is the trainer pack's without facilitator notes and materials: when
    # the trainer pack's Markdown would render the same here, the engine may cut it from the trainer
    # pack's HTML (see without_trainer_boxes) instead of rendering Markdown a second time.
    shares_trainer_body: bool = False
    # Likewise the trainer pack's body is the module page's, its links one folder further down and
    # its handouts marked (see trainer_body), when the Markdown says so; handout_marks is that HTML.
    shares_module_body: bool = False
    handout_marks: list[str] = field(default_factory=list)


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

    Made once per address (a programme pack reuses its modules' trainer-pack codes), and by
    :mod:`..print.qr`, which makes segno's code in a fraction of segno's time.
    """
    return make_qr_svg(address, label)


def build_date(site) -> str:
    """The date the content is from: the build's (see :mod:`integr8.builddate`), the commit's under `make site`.

    Two builds of one commit print the same date, so their packs are byte-identical.
    """
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


def handout_marks(total: int, module_title: str, strings) -> list[str]:
    """The HTML that opens each handout: a mark saying what it is, and a "print only this" link."""
    marks = []
    for number in range(1, total + 1):
        mark = html.escape(strings["handout_mark"].format(n=number, total=total))
        marks.append(
            f'<p class="i8-handout-mark"><span>{mark} · {html.escape(module_title)}</span> '
            f'<a class="i8-print-one" href="#handout-{number}" data-i8-print>{html.escape(strings["print_handout"])}</a></p>\n'
            f'<p class="i8-print-one-hint">{html.escape(strings["print_handout_hint"])} '
            f'<a href="#pack" data-i8-print>{html.escape(strings["print_whole_pack"])}</a></p>\n'
        )
    return marks


def mark_handouts(markdown: str, module_title: str, strings) -> str:
    """Give each handout an anchor and its mark (see :func:`handout_marks`)."""
    parts = markdown.split(_HANDOUT_OPENING)
    out = [parts[0]]
    for number, (mark, rest) in enumerate(zip(handout_marks(len(parts) - 1, module_title, strings), parts[1:]), start=1):
        out.append(f'<section class="i8-handout" id="handout-{number}" markdown="1">\n\n{mark}{rest}')
    return "".join(out)


LABEL_KEYS = (
    "timing_plan", "start", "session", "duration", "total", "materials", "materials_checklist", "print_now",
    "back_to_module", "pack_address",
)


def pack_page(site, module: Module, kind: str, language: str, module_view=None) -> tuple[PackPage, str, ModuleVersion] | None:
    """The view of one pack and its Markdown body (links not yet rewritten), or None without any text.

    ``module_view`` is the module page's view in ``language``, when the caller has it already.
    """
    version, fallback = version_for(module, language)
    if version is None:
        return None
    strings = site.strings(language)
    trainer = kind == "trainer"
    view = module_view or module_page(site.corpus, module, language, strings, site.direction(version.language))
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
    if trainer:
        markdown = view.markdown  # the module page's body, which has everything a trainer pack has
    else:
        box_labels = {"facilitator": strings["facilitator"], "materials": strings["materials"], "minutes": strings["minutes"]}
        markdown = body_syntax.render(version.text, box_labels, trainer=False, leave_out=("materials",))
    return page, mark_handouts(markdown, view.title, strings), version


def generate(site, language: str) -> list[GeneratedPage]:
    """A trainer pack and a participant pack of every module, in ``language``."""
    prefix, strings = site.url_prefix(language), site.strings(language)
    pages = []
    for module in site.corpus.modules.values():
        trainer = None  # the trainer pack's Markdown, before and after its links were rewritten
        version, _fallback = version_for(module, language)
        if version is None:
            continue
        module_view = module_page(site.corpus, module, language, strings, site.direction(version.language))
        for kind in PACK_KINDS:
            made = pack_page(site, module, kind, language, module_view)
            if made is None:
                continue
            view, markdown, version = made
            path = module_pack_path(module.id, kind)
            url = prefix + path
            rewritten = site.rewrite_links(markdown, version, language, url)
            if kind == "trainer":
                trainer = (markdown, rewritten)
                _share_module_body(site, module, view, module_view.markdown, rewritten, version, language)
            elif trainer is not None:
                view.shares_trainer_body = _same_body(site.rewrite_links(trainer[0], version, language, url), trainer[1], rewritten)
            pages.append(
                GeneratedPage(
                    f"{path}index.md", f"{url}index.html", url, f"{strings[f'{kind}_pack']}: {view.title}", "integr8/pack.html",
                    rewritten, view, version, site.alternates(path),
                    key=f"modules/{module.id}", in_nav=False,
                )
            )
    return pages


def _share_module_body(site, module: Module, view: PackPage, module_markdown: str, rewritten: str, version, language: str) -> None:
    """Decide whether the trainer pack's body can be the module page's (see :func:`trainer_body`):
    its Markdown (``rewritten``) must be the module page's with the handouts marked and every link
    one folder down. A glossary word linked in a handout mark, or a link that is not rewritten as
    the page moves, makes them differ, and the trainer pack is then rendered from its own Markdown."""
    strings = site.strings(language)
    module_url = site.url_prefix(language) + module_page_path(module.id)  # as modules.generate rewrites it
    expected = mark_handouts(site.rewrite_links(module_markdown, version, language, module_url), view.title, strings)
    view.handout_marks = handout_marks(module_markdown.count(_HANDOUT_OPENING), view.title, strings)
    view.shares_module_body = _one_folder_down(expected, rewritten)


# Where a Markdown text or its HTML names another address: Markdown links and HTML attributes.
# (The lookahead lets the engine skip to the characters a match can start with.)
_DESTINATION = re.compile(r"""(?=[\]hs])(?:(\]\(\s*<?)([^)\s>]*)|(\b(?:href|src)\s*=\s*")([^"]*))""")
_QUOTED_URL = re.compile(r'(\b(?:href|src)=")([^"]*)"')
_ANY_URL = re.compile(r"\b(?:href|src|srcset)\s*=|url\(", re.IGNORECASE)
_HANDOUT_HTML = '<section class="i8-handout">'
_NEWLINE = "\n"


def _one_folder_down(upper: str, lower: str) -> bool:
    """Whether ``lower`` is ``upper`` with every address as seen from one folder further down."""
    upper_urls, lower_urls = [], []
    upper_rest = _DESTINATION.sub(lambda m: _keep(m, upper_urls), upper)
    lower_rest = _DESTINATION.sub(lambda m: _keep(m, lower_urls), lower)
    return upper_rest == lower_rest and [rebased(url) for url in upper_urls] == lower_urls


def _keep(match, urls: list[str]) -> str:
    urls.append(match.group(2) if match.group(1) is not None else match.group(4))
    return (match.group(1) or match.group(3)) + "\0"


def rebased(url: str) -> str:
    """A relative address as seen from a page one folder further down (the pack below its module)."""
    if not url or url.startswith(("#", "/")) or ":" in re.split(r"[/?#]", url, 1)[0]:
        return url  # this page's anchor, from the site root, or with a scheme (https:, mailto:)
    split = min((i for i in (url.find("?"), url.find("#")) if i != -1), default=len(url))
    path, rest = url[:split], url[split:]
    joined = posixpath.normpath("../" + path)
    return joined + ("/" if path.endswith("/") or path in ("", ".") else "") + rest


def trainer_body(module_html: str, marks: list[str]) -> str | None:
    """The trainer pack's body from the module page's rendered body: every relative address one
    folder down, and each handout opened by its mark. None when unsure (an address this cannot
    move, such as srcset or a style's url(), or handouts that do not match the marks)."""
    if module_html.count(_HANDOUT_HTML) != len(marks):
        return None
    if len(_ANY_URL.findall(module_html)) != len(_QUOTED_URL.findall(module_html)):
        return None
    body = _QUOTED_URL.sub(lambda m: f'{m.group(1)}{rebased(m.group(2))}"', module_html)
    parts = body.split(_HANDOUT_HTML)
    out = [parts[0]]
    for number, (mark, rest) in enumerate(zip(marks, parts[1:]), start=1):
        out.append(f'<section class="i8-handout" id="handout-{number}">\n{mark}{rest.removeprefix(_NEWLINE)}')
    return "".join(out)


def _same_body(trainer_here: str, trainer: str, participant: str) -> bool:
    """Whether the trainer pack's rendered body, cut as without_trainer_boxes cuts it, is this
    participant pack's: its links rewritten here are the trainer pack's (the packs are siblings),
    and with the boxes cut out it says what the participant pack's own Markdown says (glossary
    words are linked where they first occur, which may have been in a facilitator note)."""
    if trainer_here != trainer:
        return False
    lines, kept, box = trainer.split("\n"), [], False
    for line in lines:
        if not box and line.startswith(_TRAINER_ONLY_OPENINGS):
            box = True
        elif box and line == "</div>":
            box = False
        elif box and line.lstrip().startswith(("<div", "</div", "#")):
            # A box with HTML of its own (which </div> ends it is not certain) or with a heading
            # (cut out, it would leave the headings after it other anchors than their own).
            return False
        elif not box:
            kept.append(line)
    return not box and _non_blank(kept) == _non_blank(participant.split("\n"))


def _non_blank(lines: list[str]) -> list[str]:
    return [line.rstrip() for line in lines if line.strip()]


_TRAINER_ONLY_OPENINGS = ('<div class="i8-box i8-facilitator" markdown="1">', '<div class="i8-box i8-materials" markdown="1">')
_TRAINER_ONLY_BOX = re.compile(r'<div class="i8-box i8-(?:facilitator|materials)">')
_DIV_TAG = re.compile(r"<(/?)div\b[^>]*>", re.IGNORECASE)


def without_trainer_boxes(html: str) -> str | None:
    """The participant pack's body from the trainer pack's rendered body: the facilitator notes and
    materials boxes (see content.body.render) cut out, each with the line break after it.

    None when that cannot be told for sure (an HTML comment could hide or fake a tag, a box does not
    end): the engine then renders the participant pack's own Markdown.
    """
    if "<!--" in html:
        return None
    out, position = [], 0
    for box in _TRAINER_ONLY_BOX.finditer(html):
        if box.start() < position:
            return None
        depth, end = 0, None
        for tag in _DIV_TAG.finditer(html, box.start()):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = tag.end()
                break
        if end is None:
            return None
        out.append(html[position : box.start()])
        position = end + 1 if html.startswith("\n", end) else end
    out.append(html[position:])
    return "".join(out)
