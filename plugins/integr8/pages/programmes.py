"""Programmes: the list, each programme's schedule, and its printable programme pack, per language.

A programme's schedule runs from ``day_start`` through its modules and breaks, day by day, with
clock times; its totals count learning time (modules) apart from breaks. The programme pack is
what a team of trainers takes to a qualification: a cover, the schedule, and for every module
the essentials of its trainer pack (objectives, timing plan with materials, materials checklist)
with the address of the full trainer pack (facilitator notes, handouts).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..content.programmes import Day, Programme, schedule
from ..print.links import (
    PrintLink, module_pack_path, module_page_path, programme_pack_path, programme_page_path, programme_pdf_path, relative,
)
from . import format as fmt
from .generated import GeneratedPage
from .modules import Fact, version_for
from .packs import PRINT_SCRIPT, ChecklistItem, Cover, PlanRow, address, build_date, checklist, language_name, plan_rows, qr_svg

LABEL_KEYS = (
    "time", "break", "duration", "schedule", "teaching_time", "total", "modules", "timing_plan", "start", "session",
    "materials", "materials_checklist", "objectives", "print_now", "back_to_programme", "pack_address",
    "full_trainer_pack",
)


@dataclass
class Text:
    """A text in the language it is written in (the source language's when the reader's is missing)."""

    text: str
    language: str
    direction: str


@dataclass
class ScheduleRow:
    kind: str  # "module" or "break"
    start: str  # HH:MM
    end: str
    title: Text
    duration: str
    url: str | None = None  # the module page, relative to the page showing the schedule
    note: str = ""  # "part 1 of 2", or the programme's time against the module's own


@dataclass
class ScheduleDay:
    number: int
    heading: Text
    rows: list[ScheduleRow]
    span: str  # "09:00–16:30"
    teaching: str  # learning time of the day, without breaks


@dataclass
class ModuleEssentials:
    """What a programme pack prints of one module's trainer pack."""

    id: str
    title: Text
    summary: str
    objectives: list[str]
    plan: list[PlanRow]
    total: str
    checklist: list[ChecklistItem]
    note: str  # the time the programme gives it, when not the module's own
    address: str | None  # the full trainer pack online
    qr_svg: str | None
    url: str  # the full trainer pack, relative to the programme pack


@dataclass
class ProgrammePage:
    kind = "programme"
    id: str
    title: Text
    summary: Text
    facts: list[Fact]
    days: list[ScheduleDay]
    labels: dict
    print_links: list[PrintLink] = field(default_factory=list)


@dataclass
class ProgrammeItem:
    id: str
    url: str  # relative to the list
    title: Text
    summary: Text
    facts: str  # "5 days · 27 h 30 min"


@dataclass
class ProgrammeList:
    kind = "programmes"
    heading: str
    items: list[ProgrammeItem]
    empty: str


@dataclass
class ProgrammePack:
    kind = "programme-pack"
    script = PRINT_SCRIPT
    print_media = "all"
    document = True
    id: str
    cover: Cover
    days: list[ScheduleDay]
    modules: list[ModuleEssentials]
    content_language: str
    content_direction: str
    back_url: str
    pdf_url: str
    labels: dict


def text(site, value, programme: Programme, language: str) -> Text:
    """The reader's language, else the programme's source language, else the site's default."""
    value = value if isinstance(value, dict) else {}
    for code in (language, programme.source_language, site.default_language, *value):
        if isinstance(code, str) and isinstance(value.get(code), str) and value[code].strip():
            return Text(value[code].strip(), code, site.direction(code))
    return Text(programme.id, language, site.direction(language))


def clock(minutes: int) -> str:
    """A time of day as HH:MM, the same in every language."""
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


def day_start(programme: Programme) -> int:
    hours, _, minutes = str(programme.setting("day_start")).partition(":")
    try:
        return int(hours) * 60 + int(minutes)
    except ValueError:  # a wrong value is a validation error; the build never gets here
        return 9 * 60


def _module_title(site, module_id: str, language: str) -> Text:
    module = site.corpus.modules.get(module_id)
    version, _ = version_for(module, language) if module else (None, False)
    if version is None:
        return Text(module_id, language, site.direction(language))
    return Text(version.title, version.language, site.direction(version.language))


def schedule_days(site, programme: Programme, language: str, page: str) -> list[ScheduleDay]:
    strings, prefix = site.strings(language), site.url_prefix(language)
    return [_schedule_day(site, programme, language, page, day, strings, prefix) for day in schedule(programme, site.corpus.modules)]


def _schedule_day(site, programme, language, page, day: Day, strings, prefix) -> ScheduleDay:
    # A module listed more than once in a day is split around its breaks: its entries are parts.
    parts: dict[str, int] = {}
    for entry in day.entries:
        if entry.kind == "module":
            parts[entry.module] = parts.get(entry.module, 0) + 1
    seen: dict[str, int] = {}
    start = day_start(programme)
    time, rows = start, []
    for entry in day.entries:
        minutes = entry.minutes or 0
        if entry.kind == "break":
            title = text(site, entry.title, programme, language) if entry.title else Text(strings["break"], language, site.direction(language))
            rows.append(ScheduleRow("break", clock(time), clock(time + minutes), title, fmt.duration(minutes, strings)))
        elif entry.kind == "module":
            seen[entry.module] = seen.get(entry.module, 0) + 1
            note = ""
            if parts[entry.module] > 1:
                note = strings["programme_part"].format(n=seen[entry.module], total=parts[entry.module])
            elif entry.own_minutes and minutes != entry.own_minutes:
                note = strings["programme_override"].format(minutes=fmt.duration(minutes, strings), own=fmt.duration(entry.own_minutes, strings))
            url = relative(prefix + module_page_path(entry.module), page) if entry.module in site.corpus.modules else None
            rows.append(ScheduleRow("module", clock(time), clock(time + minutes), _module_title(site, entry.module, language), fmt.duration(minutes, strings), url, note))
        time += minutes
    number = day.index + 1
    label = strings["day"].format(n=number)
    heading = text(site, day.title, programme, language) if day.title else Text(label, language, site.direction(language))
    return ScheduleDay(number, heading, rows, f"{clock(start)}–{clock(time)}", fmt.duration(day.teaching_minutes, strings))


def totals(site, programme: Programme) -> tuple[int, int, int]:
    """The number of days, the learning minutes (breaks not counted) and the number of modules."""
    days = schedule(programme, site.corpus.modules)
    module_ids = {e.module for day in days for e in day.entries if e.kind == "module" and e.module}
    return len(days), sum(day.teaching_minutes for day in days), len(module_ids)


def _facts(site, programme: Programme, language: str) -> list[Fact]:
    strings = site.strings(language)
    days, teaching, modules = totals(site, programme)
    partners = [site.corpus.partners[p].name if p in site.corpus.partners else str(p) for p in programme.meta.get("partners") or []]
    facts = [
        Fact(strings["days"], [str(days)]),
        Fact(strings["teaching_time"], [fmt.duration(teaching, strings)]),
        Fact(strings["modules"], [str(modules)]),
        Fact(strings["partners"], partners),
    ]
    return [fact for fact in facts if any(fact.values)]


def programme_page(site, programme: Programme, language: str) -> ProgrammePage:
    strings, prefix = site.strings(language), site.url_prefix(language)
    page = prefix + programme_page_path(programme.id)
    links = [
        PrintLink(
            strings["print_programme_pack"], relative(prefix + programme_pack_path(programme.id), page),
            strings["pdf_of"].format(title=strings["programme_pack"]), relative(prefix + programme_pdf_path(programme.id, language), page),
        )
    ]
    return ProgrammePage(
        programme.id,
        text(site, programme.meta.get("title"), programme, language),
        text(site, programme.meta.get("summary"), programme, language),
        _facts(site, programme, language),
        schedule_days(site, programme, language, page),
        {key: strings[key] for key in LABEL_KEYS},
        links,
    )


def _essentials(site, programme: Programme, language: str, page: str, days: list[Day]) -> list[ModuleEssentials]:
    strings, prefix = site.strings(language), site.url_prefix(language)
    given: dict[str, int] = {}
    for day in days:
        for entry in day.entries:
            if entry.kind == "module" and entry.module in site.corpus.modules:
                given[entry.module] = given.get(entry.module, 0) + (entry.minutes or 0)
    result = []
    for module_id, minutes in given.items():
        module = site.corpus.modules[module_id]
        version, _ = version_for(module, language)
        if version is None:
            continue
        rows, own = plan_rows(version, strings)
        note = ""
        if minutes != own:
            note = strings["programme_override"].format(minutes=fmt.duration(minutes, strings), own=fmt.duration(own, strings))
        where = address(site, prefix + module_pack_path(module_id, "trainer"))
        result.append(
            ModuleEssentials(
                module_id, Text(version.title, version.language, site.direction(version.language)),
                str(version.meta.get("summary", "")), [str(o) for o in version.meta.get("objectives") or []],
                rows, fmt.duration(own, strings), checklist(rows, strings["list_separator"]), note,
                where, qr_svg(where, strings["pack_qr"]) if where else None,
                relative(prefix + module_pack_path(module_id, "trainer"), page),
            )
        )
    return result


def programme_pack(site, programme: Programme, language: str) -> ProgrammePack:
    strings, prefix = site.strings(language), site.url_prefix(language)
    page = prefix + programme_pack_path(programme.id)
    title = text(site, programme.meta.get("title"), programme, language)
    summary = text(site, programme.meta.get("summary"), programme, language)
    notice = None
    if title.language != language:
        source = language_name(site, language, title.language)
        notice = strings["notice_missing"].format(language=language_name(site, language, language), source=source)
    facts = [*_facts(site, programme, language), Fact(strings["pack_version"], [build_date(site)])]
    where = address(site, page)
    cover = Cover(
        strings["programme_pack"], title.text, summary.text, facts, notice, "missing" if notice else None,
        where, qr_svg(where, strings["pack_qr"]) if where else None,
    )
    labels = {key: strings[key] for key in LABEL_KEYS}
    labels["pdf"] = strings["pdf_of"].format(title=strings["programme_pack"])
    return ProgrammePack(
        programme.id, cover, schedule_days(site, programme, language, page),
        _essentials(site, programme, language, page, schedule(programme, site.corpus.modules)),
        title.language, title.direction,
        relative(prefix + programme_page_path(programme.id), page),
        relative(prefix + programme_pdf_path(programme.id, language), page),
        labels,
    )


def programme_list(site, language: str) -> ProgrammeList:
    strings, prefix = site.strings(language), site.url_prefix(language)
    items = []
    for programme in sorted(site.corpus.programmes.values(), key=lambda p: p.id):
        days, teaching, _ = totals(site, programme)
        items.append(
            ProgrammeItem(
                programme.id, relative(prefix + programme_page_path(programme.id), prefix + "programmes/"),
                text(site, programme.meta.get("title"), programme, language),
                text(site, programme.meta.get("summary"), programme, language),
                f"{strings['days']}: {days} · {strings['teaching_time']}: {fmt.duration(teaching, strings)}",
            )
        )
    return ProgrammeList(strings["programmes"], items, strings["no_programmes"])


def generate(site, language: str) -> list[GeneratedPage]:
    """The list of programmes, each programme's page and its programme pack, in ``language``."""
    prefix, strings = site.url_prefix(language), site.strings(language)
    pages = [
        GeneratedPage(
            "programmes/index.md", f"{prefix}programmes/index.html", f"{prefix}programmes/", strings["programmes"],
            "integr8/programmes.html", "", programme_list(site, language), alternates=site.alternates("programmes/"),
        )
    ]
    for programme in site.corpus.programmes.values():
        path = programme_page_path(programme.id)
        view = programme_page(site, programme, language)
        pages.append(
            GeneratedPage(
                f"{path}index.md", f"{prefix}{path}index.html", prefix + path, view.title.text, "integr8/programme.html",
                "", view, alternates=site.alternates(path),
            )
        )
        pack_path = programme_pack_path(programme.id)
        pack = programme_pack(site, programme, language)
        pages.append(
            GeneratedPage(
                f"{pack_path}index.md", f"{prefix}{pack_path}index.html", prefix + pack_path,
                f"{strings['programme_pack']}: {view.title.text}", "integr8/programme-pack.html", "", pack,
                alternates=site.alternates(pack_path), in_nav=False,
            )
        )
    return pages
