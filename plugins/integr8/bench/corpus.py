"""The synthetic corpus of the benchmark: N modules and some cases in every configured language.

Modules follow the real format (``module.yml`` plus one Markdown file per language, sessions with
``{N min}``, materials and facilitator blocks, handouts) and the real controlled vocabularies and
partners of the project, so that ``integr8 validate`` accepts the corpus with no findings. Lengths
follow the real curriculum: five to seven sessions and 1,000–1,500 words per language version.
Every language version of a module has the same sessions with the same minutes; translations
record the source version they follow (``translated_from``), as marked translations do.

Everything is drawn from seeded random streams, one per module and language, so the corpus is
the same on every run and every machine for the same size and seed.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..content.corpus import PARTNERS_FILE, VOCABULARIES_FILE
from ..content.schema import schema
from ..i18n.versions import version_of
from ..project import Project
from .text import Writer, has_word_list, lexicon

SESSION_MINUTES = (15, 20, 25, 30, 40, 45, 60)
FUNDERS = ("Erasmus+", "AMIF", "ESF Plus", "Not stated")
PSEUDONYMS = ("Amina K.", "Leyla M.", "Samira T.", "Olena P.", "Zeynep A.", "Fatemeh R.", "Maryam S.",
              "Oksana D.", "Ayşe Y.", "Nour H.", "Hanna B.", "Parisa G.")
SUMMARY_LIMIT = 300  # content/schema.yml: summary max_length


class MissingDataFile(Exception):
    """The project lacks a data file every module refers to."""


@dataclass
class CorpusSummary:
    modules: int
    cases: int
    languages: list[str]
    seed: int
    markdown_files: int = 0
    words: int = 0
    bytes: int = 0
    borrowed_word_lists: list[str] = field(default_factory=list)  # languages written with the fallback's words
    data_files_left_out: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "modules": self.modules, "cases": self.cases, "languages": self.languages, "seed": self.seed,
            "markdown_files": self.markdown_files, "words": self.words, "megabytes": round(self.bytes / 1e6, 2),
            "borrowed_word_lists": self.borrowed_word_lists, "data_files_left_out": self.data_files_left_out,
        }


@dataclass
class SessionPlan:
    minutes: int
    paragraphs: int
    steps: int
    subheading: bool
    table: bool
    materials: int
    notes: int


@dataclass
class ModulePlan:
    id: str
    sessions: list[SessionPlan]
    handouts: list[int]  # number of subsections per handout
    prerequisite: str | None
    meta: dict


def module_id(index: int) -> str:
    return f"module-{index + 1:04d}"


def case_slug(index: int) -> str:
    return f"case-{index + 1:03d}"


def case_count(size: int) -> int:
    return max(1, size // 10)


def generate(project: Project, root: Path, size: int, seed: int = 1) -> CorpusSummary:
    """Write the corpus below ``root`` in the layout of ``project``, with its languages and data files."""
    curriculum = root / project.curriculum_dir.relative_to(project.root)
    docs = root / project.docs_dir.relative_to(project.root)
    curriculum.mkdir(parents=True, exist_ok=True)
    docs.mkdir(parents=True, exist_ok=True)
    left_out = _copy_data_files(project.curriculum_dir, curriculum)
    vocabularies = yaml.safe_load((curriculum / VOCABULARIES_FILE).read_text(encoding="utf-8")) or {}
    partners = yaml.safe_load((curriculum / PARTNERS_FILE).read_text(encoding="utf-8")) or []
    languages = _source_first(project)
    summary = CorpusSummary(size, case_count(size), languages, seed, data_files_left_out=left_out,
                            borrowed_word_lists=[code for code in languages if not has_word_list(code)])
    for index in range(size):
        plan = _module_plan(index, seed, vocabularies, partners, languages[0])
        folder = curriculum / plan.id
        folder.mkdir(exist_ok=True)
        (folder / "module.yml").write_text(_yaml(plan.meta), encoding="utf-8")
        texts = {language: _module_text(plan, language, seed) for language in languages}
        _write_versions(summary, texts, lambda language: folder / f"{language}.md")
    for index in range(summary.cases):
        texts = {language: _case_text(index, language, languages[0], seed, vocabularies, partners) for language in languages}
        _write_versions(summary, texts, lambda language, slug=case_slug(index): docs / "cases" / f"{slug}.{language}.md")
    texts = {language: _front_page(language, seed) for language in languages}
    _write_versions(summary, texts, lambda language: docs / f"index.{language}.md")
    return summary


def _source_first(project: Project) -> list[str]:
    return [project.default_language] + [code for code in project.codes if code != project.default_language]


def _copy_data_files(source: Path, target: Path) -> list[str]:
    """The project's vocabularies and partners, which every module refers to.

    Other data files (a directory of networks, self-check questions...) name the project's real
    modules and cases, which the synthetic corpus does not have; they stay out, and with them the
    pages made from them, which stock has no equivalent of either. Returns their names.
    """
    for name in (VOCABULARIES_FILE, PARTNERS_FILE):
        if not (source / name).is_file():
            raise MissingDataFile(f"{source / name} is missing; the synthetic modules take their vocabularies and partners from it")
        shutil.copy2(source / name, target / name)
    return sorted(path.name for path in source.iterdir() if path.is_file() and path.name not in (VOCABULARIES_FILE, PARTNERS_FILE))


def _write_versions(summary: CorpusSummary, texts: dict[str, str], path_of) -> None:
    """Write every language version; translations say which version of the source they follow."""
    source_language = next(iter(texts))
    source_version = version_of(texts[source_language])
    for language, text in texts.items():
        if language != source_language:
            text = text.replace("\n---\n", f"\ntranslated_from: '{source_version}'\n---\n", 1)
        path = path_of(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        summary.markdown_files += 1
        summary.words += len(text.split())
        summary.bytes += len(text.encode("utf-8"))


def _yaml(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)


def _front_matter(data: dict) -> str:
    return "---\n" + _yaml(data) + "---\n"


# Modules ---------------------------------------------------------------------------------------


def _module_plan(index: int, seed: int, vocabularies: dict, partners: list, source_language: str) -> ModulePlan:
    rng = random.Random(f"{seed}:module:{index}")
    sessions = [
        SessionPlan(
            minutes=rng.choice(SESSION_MINUTES), paragraphs=rng.randint(1, 2), steps=rng.randint(3, 6),
            subheading=rng.random() < 0.3, table=rng.random() < 0.15, materials=rng.randint(2, 4), notes=rng.randint(2, 4),
        )
        for _ in range(rng.randint(5, 7))
    ]
    identifier = module_id(index)
    prerequisite = module_id(rng.randrange(index)) if index and rng.random() < 0.4 else None
    partner_ids = [entry["id"] for entry in partners if isinstance(entry, dict) and "id" in entry]
    chosen_partners = rng.sample(partner_ids, min(len(partner_ids), rng.randint(1, 2)))
    roles = list(vocabularies.get("roles", {}))
    meta = {
        "id": identifier,
        "source_language": source_language,
        "duration_minutes": sum(session.minutes for session in sessions),
        "level": rng.choice(list(vocabularies.get("levels", {}))),
        "audience": _sample(rng, vocabularies.get("audience", {}), 1, 3),
        "topics": _sample(rng, vocabularies.get("topics", {}), 1, 3),
        "formats": _sample(rng, vocabularies.get("formats", {}), 1, 2),
        "prerequisites": [prerequisite] if prerequisite else [],
        "partners": chosen_partners,
        "co_creators": [
            {"name": f"{name} (pseudonym)", "role": rng.choice(roles), "organisation": rng.choice(chosen_partners)}
            for name in rng.sample(PSEUDONYMS, rng.randint(1, 3))
        ],
        "license": rng.choice(schema()["licenses"]),
        "review_by": f"{rng.randint(2031, 2035)}-{rng.randint(1, 12):02d}-28",
    }
    return ModulePlan(identifier, sessions, [rng.randint(2, 3) for _ in range(rng.randint(1, 2))], prerequisite, meta)


def _sample(rng: random.Random, terms, low: int, high: int) -> list[str]:
    names = list(terms)
    return rng.sample(names, min(len(names), rng.randint(low, high)))


def _module_text(plan: ModulePlan, language: str, seed: int) -> str:
    write = Writer(lexicon(language), f"{seed}:module:{plan.id}:{language}")
    front = {
        "title": write.title(3, 6),
        "summary": write.summary(SUMMARY_LIMIT),
        "objectives": [write.sentence(7, 14) for _ in range(write.between(3, 5))],
    }
    out = [_front_matter(front), write.paragraph(3, 5), "", write.paragraph(2, 4), ""]
    for number, session in enumerate(plan.sessions):
        out += [f"## {write.title()} {{{session.minutes} min}}", ""]
        for _ in range(session.paragraphs):
            out += [write.paragraph(3, 6), ""]
        if session.subheading:
            out += [f"### {write.title(2, 3)}", "", write.paragraph(2, 4), ""]
        out += [f"{step}. {write.sentence(8, 18)}" for step in range(1, session.steps + 1)] + [""]
        if session.table:
            out += _table(write)
        if plan.prerequisite and number == 0:
            out += [f"{write.sentence(5, 9)} [{write.title(2, 4)}](../{plan.prerequisite}/{language}.md)", ""]
        out += ["::: materials", *(f"- {write.item()}" for _ in range(session.materials)), ":::", ""]
        out += ["::: facilitator", write.sentences(session.notes), ":::", ""]
    for subsections in plan.handouts:
        out += [f"## {write.lexicon.handout}: {write.title()} {{handout}}", ""]
        for _ in range(subsections):
            out += [f"### {write.title(2, 3)}", "", *(f"- {write.item(3, 9)}" for _ in range(write.between(4, 7))), ""]
    return _join(out)


def _table(write: Writer) -> list[str]:
    header = [write.title(1, 2) for _ in range(3)]
    rows = [[write.item(1, 3) for _ in range(3)] for _ in range(write.between(2, 4))]
    lines = ["| " + " | ".join(header) + " |", "| --- | --- | --- |"]
    return lines + ["| " + " | ".join(row) + " |" for row in rows] + [""]


def _join(lines: list[str]) -> str:
    return "\n".join(lines).rstrip("\n") + "\n"


# Cases and the front page ----------------------------------------------------------------------


def _case_text(index: int, language: str, source_language: str, seed: int, vocabularies: dict, partners: list) -> str:
    rng = random.Random(f"{seed}:case:{index}")  # facts shared by every language version
    partner = rng.choice([entry for entry in partners if isinstance(entry, dict) and "id" in entry])
    start_year = rng.randint(2019, 2024)
    write = Writer(lexicon(language), f"{seed}:case:{index}:{language}")
    front = {
        "title": write.title(2, 4),
        "summary": write.summary(SUMMARY_LIMIT),
        "country": str(partner.get("country", "DE")),
        "region": write.title(1, 2),
        "organisation": str(partner.get("name", partner["id"])),
        "funding": rng.choice(FUNDERS),
        "period": {"start": f"{start_year}-{rng.randint(1, 12):02d}", "end": None if rng.random() < 0.3 else f"{start_year + rng.randint(1, 3)}-{rng.randint(1, 12):02d}"},
        "target_groups": _sample(rng, vocabularies.get("target_groups", {}), 1, 3),
        "topics": _sample(rng, vocabularies.get("topics", {}), 1, 3),
        "website": None if rng.random() < 0.3 else f"https://example.org/{case_slug(index)}",
        "source_language": source_language,
    }
    out = [_front_matter(front), write.paragraph(3, 5), ""]
    for _ in range(4):
        out += [f"## {write.title()}", "", write.paragraph(3, 6), ""]
        if write.chance(0.5):
            out += [*(f"- {write.item(3, 8)}" for _ in range(write.between(3, 5))), ""]
    return _join(out)


def _front_page(language: str, seed: int) -> str:
    write = Writer(lexicon(language), f"{seed}:front:{language}")
    title = write.title(2, 4)
    return _join([_front_matter({"title": title}), f"# {title}", "", write.paragraph(2, 4), "", write.paragraph(2, 4)])
