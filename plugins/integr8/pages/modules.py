"""The module page and the module list, in one language."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..content import body as body_syntax
from ..content.corpus import Corpus
from ..content.model import Module, ModuleVersion
from ..i18n.strings import LanguageStrings
from ..print.links import PrintLink, module_print_links
from . import format as fmt
from .generated import GeneratedPage, language_prefix


@dataclass
class Fact:
    label: str
    values: list[str]


@dataclass
class TimingRow:
    title: str
    duration: str
    start: str


@dataclass
class ModulePage:
    kind = "module"
    id: str
    title: str
    summary: str
    objectives: list[str]
    facts: list[Fact]
    timing: list[TimingRow]
    total: str
    content_language: str  # the language the text is in (the source language when falling back)
    content_direction: str
    is_fallback: bool
    markdown: str  # the body, ready for the Markdown renderer
    labels: dict = field(default_factory=dict)
    print_links: list[PrintLink] = field(default_factory=list)  # its trainer and participant packs, with PDFs


def version_for(module: Module, language: str) -> tuple[ModuleVersion | None, bool]:
    """The version a reader of ``language`` gets, and whether it is a fallback."""
    if language in module.versions:
        return module.versions[language], False
    return module.source, True


def module_page(corpus: Corpus, module: Module, language: str, strings: LanguageStrings, content_direction: str) -> ModulePage | None:
    version, fallback = version_for(module, language)
    if version is None:
        return None
    meta, vocab, default = module.meta, corpus.vocabularies, corpus.project.default_language
    partners = [corpus.partners[p].name if p in corpus.partners else str(p) for p in meta.get("partners") or []]
    co_creators = []
    for person in meta.get("co_creators") or []:
        if isinstance(person, dict) and person.get("name"):
            role = fmt.term(vocab, "roles", person.get("role"), language, default)
            organisation = corpus.partners.get(person.get("organisation"))
            details = ", ".join(part for part in (role, organisation.name if organisation else "") if part)
            co_creators.append(f"{person['name']} ({details})" if details else str(person["name"]))
    facts = [
        Fact(strings["duration"], [fmt.duration(int(meta.get("duration_minutes") or 0), strings)]),
        Fact(strings["level"], [fmt.term(vocab, "levels", meta.get("level"), language, default)]),
        Fact(strings["audience"], fmt.terms(vocab, "audience", meta.get("audience"), language, default)),
        Fact(strings["topics"], fmt.terms(vocab, "topics", meta.get("topics"), language, default)),
        Fact(strings["formats"], fmt.terms(vocab, "formats", meta.get("formats"), language, default)),
        Fact(strings["partners"], partners),
        Fact(strings["co_creators"], co_creators),
        Fact(strings["license"], [str(meta.get("license", ""))]),
    ]
    timing, start = [], 0
    for session in version.body.sessions if version.body else []:
        minutes = session.minutes or 0
        timing.append(TimingRow(session.title, fmt.duration(minutes, strings), fmt.clock(start)))
        start += minutes
    labels = {key: strings[key] for key in ("objectives", "timing_plan", "session", "start", "duration", "total", "facilitator", "materials", "handouts", "prerequisites")}
    markdown = body_syntax.render(version.text, {"facilitator": strings["facilitator"], "materials": strings["materials"], "minutes": strings["minutes"]})
    return ModulePage(
        id=module.id,
        title=version.title,
        summary=str(version.meta.get("summary", "")),
        objectives=[str(o) for o in version.meta.get("objectives") or []],
        facts=[fact for fact in facts if any(fact.values)],
        timing=timing,
        total=fmt.duration(start, strings),
        content_language=version.language,
        content_direction=content_direction,
        is_fallback=fallback,
        markdown=markdown,
        labels=labels,
        print_links=module_print_links(module.id, language, language_prefix(language, default), strings),
    )


def generate(site, language: str) -> list[GeneratedPage]:
    """One page per module, in ``language`` (source text where untranslated); the list is the catalogue's."""
    prefix, strings = site.url_prefix(language), site.strings(language)
    pages = []
    for module in site.corpus.modules.values():
        version, _ = version_for(module, language)
        if version is None:
            continue
        view = module_page(site.corpus, module, language, strings, site.direction(version.language))
        url = f"{prefix}modules/{module.id}/"
        markdown = site.rewrite_links(view.markdown, version, language, url)
        pages.append(
            GeneratedPage(
                f"modules/{module.id}/index.md", f"{url}index.html", url, view.title, "integr8/module.html",
                markdown, view, version, site.alternates(f"modules/{module.id}/"), key=f"modules/{module.id}",
            )
        )
    return pages
