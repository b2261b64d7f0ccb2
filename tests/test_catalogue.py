"""Catalogues of modules, cases and handbook chapters: items, facets, labels and counts (the core).

The filter rule specified here is the one overrides/assets/catalogue.js follows in the browser
(tests/test_catalogue_browser.py checks that both count alike): AND across facets, OR within one,
and an option counts the items it would show among those the other facets leave.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
import yaml

from conftest import make_project
from integr8.catalogue import Labels, build_catalogue, counts, matches, normalise
from integr8.catalogue.countries import country_name, country_names
from integr8.catalogue.facets import active_years, definitions, duration_range
from integr8.content.corpus import load_corpus
from integr8.content.schema import schema
from integr8.i18n.strings import load_strings
from integr8.pages.site import Site
from integr8.pages.topics import topic_pages, used_topics
from integr8.project import load_project
from integr8.validate import validate

TODAY = datetime.date(2026, 11, 23)
STRINGS_DIR = Path(__file__).resolve().parents[1] / "plugins" / "integr8" / "i18n" / "strings"

# Laid over the fixture project (alpha: de/en/fa, entry, rights, 50 min; beta: de/en,
# intermediate, health, 30 min; case "example": DE, rights, 2023-01 to now): a third module, a
# second case, a handbook with an introduction and two chapters, one translated, one not.
CATALOGUE_FILES = {
    "curriculum/gamma/module.yml": (
        "id: gamma\nsource_language: de\nduration_minutes: 150\nlevel: intermediate\naudience: [trainers]\n"
        "topics: [health]\nformats: [online]\npartners: [org-two]\nlicense: CC-BY-4.0\n"
    ),
    "curriculum/gamma/de.md": (
        "---\ntitle: Gamma auf Deutsch\nsummary: Ein langes Modul für Trainerinnen.\nobjectives:\n"
        "  - Teilnehmerinnen kennen Gamma.\n---\n\n## Vertiefung {150 min}\n\nWir vertiefen.\n"
    ),
    "docs/cases/harbour.de.md": (
        "---\ntitle: Hafenprojekt\nsummary: Ein zweites Projekt zum Testen, in Österreich.\ncountry: AT\nregion: Linz\n"
        "organisation: Organisation Two\nfunding: Keine Angabe\nperiod:\n  start: \"2019-03\"\n  end: \"2020-12\"\n"
        "target_groups: [migrant-women]\ntopics: [health]\nwebsite: null\nsource_language: de\n---\n\n## Ausgangslage\n\nText.\n"
    ),
    "docs/handbook/index.de.md": "Ein Handbuch, das Frauen gemeinsam geschrieben haben.\n",
    "docs/handbook/first-steps.de.md": (
        "---\ntitle: Erste Schritte\nsummary: Was in den ersten Wochen hilft und wo es Beratung gibt.\ntopics: [rights]\n"
        "order: 1\n---\n\nDie ersten Wochen in einem neuen Land sind voller Fragen.\n"
    ),
    "docs/handbook/first-steps.en.md": (
        "---\ntitle: First steps\nsummary: What helps in the first weeks, and where to find advice.\ntopics: [rights]\n"
        "order: 1\ntranslated_from: sha256:fb638ef416f5d2a1\n---\n\nThe first weeks in a new country are full of questions.\n"
    ),
    "docs/handbook/first-steps.fa.md": (
        "---\ntitle: گام‌های نخست\nsummary: چه چیزی در هفته‌های اول کمک می‌کند و کجا می‌توان مشاوره گرفت.\ntopics: [rights]\n"
        "order: 1\ntranslated_from: sha256:fb638ef416f5d2a1\n---\n\nهفته‌های اول در کشوری تازه پر از پرسش است.\n"
    ),
    "docs/handbook/staying-healthy.de.md": (
        "---\ntitle: Gesund bleiben\nsummary: Wie das Gesundheitssystem funktioniert und welche Rechte Patientinnen haben.\n"
        "topics: [health, rights]\norder: 2\n---\n\nWer krank ist, braucht schnell Hilfe.\n"
    ),
}


def catalogue_project(target: Path, extra: dict | None = None) -> Path:
    return make_project(target, {**CATALOGUE_FILES, **(extra or {})})


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return Site(load_project(catalogue_project(tmp_path_factory.mktemp("catalogue") / "project") / "mkdocs.yml"), today=TODAY)


def labels(site, language):
    return Labels(language, site.default_language, site.corpus.vocabularies, site.strings(language),
                  {lang.code: lang.name for lang in site.project.languages}, site.direction)


def catalogue(site, name, language):
    return build_catalogue(name, site.corpus, labels(site, language), TODAY)


def options(cat, facet_id):
    facet = next(f for f in cat.facets if f.id == facet_id)
    return [(o.value, o.label, o.count) for o in facet.options]


def test_the_content_laid_over_the_fixture_is_valid(site):
    assert [f for f in site.findings] == []


# Items ------------------------------------------------------------------------------------


def test_every_module_is_listed_in_every_language_in_the_readers_language_or_its_source(site):
    entries = {e.key: e for e in catalogue(site, "modules", "fa").entries}
    assert set(entries) == {"alpha", "beta", "gamma"}
    assert (entries["alpha"].title, entries["alpha"].language, entries["alpha"].fallback) == ("آلفا به فارسی", "fa", False)
    assert (entries["beta"].title, entries["beta"].language, entries["beta"].fallback) == ("Beta auf Deutsch", "de", True)
    assert entries["beta"].summary == "Das zweite Testmodul."
    assert entries["alpha"].languages == ("de", "en", "fa") and entries["beta"].languages == ("de", "en")
    assert entries["alpha"].path == "modules/alpha/"


def test_items_in_the_readers_language_come_first_by_title_chapters_by_their_order(site):
    assert [e.key for e in catalogue(site, "modules", "en").entries] == ["alpha", "beta", "gamma"]
    assert [e.title for e in catalogue(site, "modules", "fa").entries] == ["آلفا به فارسی", "Beta auf Deutsch", "Gamma auf Deutsch"]
    assert [e.key for e in catalogue(site, "cases", "de").entries] == ["example", "harbour"]  # Beispielprojekt, Hafenprojekt
    assert [e.key for e in catalogue(site, "handbook", "de").entries] == ["first-steps", "staying-healthy"]


def test_a_handbook_chapter_falls_back_to_the_default_language_and_the_index_is_no_chapter(site):
    entries = {e.key: e for e in catalogue(site, "handbook", "fa").entries}
    assert set(entries) == {"first-steps", "staying-healthy"}
    assert (entries["first-steps"].title, entries["first-steps"].fallback) == ("گام‌های نخست", False)
    assert (entries["staying-healthy"].title, entries["staying-healthy"].language, entries["staying-healthy"].fallback) == ("Gesund bleiben", "de", True)
    assert entries["staying-healthy"].path == "handbook/staying-healthy/"


# Facets, labels and counts with nothing chosen --------------------------------------------


def test_module_facets_in_their_order_with_labels_in_the_readers_language(site):
    cat = catalogue(site, "modules", "de")
    assert [f.id for f in cat.facets] == ["topic", "audience", "level", "format", "duration", "language"]
    assert [f.legend for f in cat.facets] == ["Themen", "Zielgruppe", "Niveau", "Formate", "Dauer", "Verfügbar auf"]
    assert options(cat, "topic") == [("rights", "Rechte und Ansprüche", 1), ("health", "Gesundheit", 2)]  # vocabulary order
    assert options(cat, "level") == [("entry", "Einstieg", 1), ("intermediate", "Fortgeschritten", 2)]
    assert options(cat, "format") == [("in-person", "Präsenz", 1), ("online", "Online", 2), ("hybrid", "Hybrid", 1)]
    assert options(catalogue(site, "modules", "fa"), "level")[0] == ("entry", "سطح مقدماتی", 1)


def test_durations_fall_into_ranges_labelled_in_hours_and_minutes(site):
    assert options(catalogue(site, "modules", "de"), "duration") == [("to-120", "bis 2 Std.", 2), ("120-180", "2 Std. bis 3 Std.", 1)]
    assert options(catalogue(site, "modules", "en"), "duration") == [("to-120", "up to 2 h", 2), ("120-180", "2 h to 3 h", 1)]
    assert options(catalogue(site, "modules", "fa"), "duration")[1][1] == "2 ساعت تا 3 ساعت"


@pytest.mark.parametrize("minutes,expected", [(1, "to-120"), (120, "to-120"), (121, "120-180"), (180, "120-180"), (240, "180-240"), (241, "over-240")])
def test_a_duration_on_an_edge_belongs_to_the_shorter_range(minutes, expected):
    assert duration_range(minutes, [120, 180, 240]) == expected


def test_available_in_offers_the_readers_language_first_and_names_each_language_in_itself(site):
    facet = next(f for f in catalogue(site, "modules", "fa").facets if f.id == "language")
    assert [(o.value, o.label, o.count, o.lang, o.dir) for o in facet.options] == [
        ("fa", "فارسی", 1, None, None),  # the page's own language needs no lang attribute
        ("de", "Deutsch", 3, "de", "ltr"),
        ("en", "English", 2, "en", "ltr"),
    ]
    assert [o.value for o in next(f for f in catalogue(site, "modules", "en").facets if f.id == "language").options] == ["en", "de", "fa"]


def test_case_facets_name_countries_in_the_readers_language_and_count_years(site):
    cat = catalogue(site, "cases", "fa")
    assert [f.id for f in cat.facets] == ["country", "topic", "target-group", "period", "language"]
    assert options(cat, "country") == [("DE", "آلمان", 1), ("AT", "اتریش", 1)]  # by name: آ comes before ا
    assert options(catalogue(site, "cases", "de"), "country") == [("DE", "Deutschland", 1), ("AT", "Österreich", 1)]  # by name
    assert options(catalogue(site, "cases", "en"), "country") == [("AT", "Austria", 1), ("DE", "Germany", 1)]
    assert options(cat, "target-group") == [("migrant-women", "زنان مهاجر", 2)]
    years = options(cat, "period")
    assert [(value, count) for value, _, count in years] == [("2019", 1), ("2020", 1), ("2023", 1), ("2024", 1), ("2025", 1), ("2026", 1)]


def test_options_no_item_has_are_left_out(site):
    cat = catalogue(site, "modules", "de")
    assert "advanced" not in [value for value, _, _ in options(cat, "level")]
    assert "180-240" not in [value for value, _, _ in options(cat, "duration")]
    assert all(option.count > 0 for facet in cat.facets for option in facet.options)


@pytest.mark.parametrize("period,years", [
    ({"start": "2019-03", "end": "2020-12"}, ("2019", "2020")),
    ({"start": "2025-05", "end": None}, ("2025", "2026")),  # still running: up to this year
    ({"start": None, "end": "2018-06"}, ("2018",)),
    ({"start": None, "end": None}, ("unknown",)),
    (None, ("unknown",)),
    ({"start": "2021-13", "end": None}, ("unknown",)),  # not a month: as good as unknown
])
def test_a_case_counts_in_every_year_it_ran(period, years):
    assert active_years(period, TODAY) == years


def test_a_period_not_known_is_an_option_of_its_own_labelled_in_the_readers_language(tmp_path):
    root = catalogue_project(tmp_path / "p", {"docs/cases/harbour.de.md": CATALOGUE_FILES["docs/cases/harbour.de.md"].replace('start: "2019-03"', "start: null").replace('end: "2020-12"', "end: null")})
    site = Site(load_project(root / "mkdocs.yml"), today=TODAY)
    assert options(catalogue(site, "cases", "en"), "period")[-1] == ("unknown", "not known", 1)


# Filtering ---------------------------------------------------------------------------------


def test_filters_combine_with_and_across_facets_and_or_within_one(site):
    cat = catalogue(site, "modules", "en")
    keys = lambda selection: [e.key for e in cat.matching(selection)]  # noqa: E731
    assert keys({}) == ["alpha", "beta", "gamma"]
    assert keys({"topic": ["health"]}) == ["beta", "gamma"]
    assert keys({"topic": ["health", "rights"]}) == ["alpha", "beta", "gamma"]  # OR within
    assert keys({"topic": ["health"], "duration": ["120-180"]}) == ["gamma"]  # AND across
    assert keys({"topic": ["health"], "level": ["entry"]}) == []
    assert keys({"language": ["fa"]}) == ["alpha"]


def test_an_options_count_is_what_it_would_show_given_the_other_facets(site):
    cat = catalogue(site, "modules", "en")
    chosen = cat.counts({"topic": ["health"]})
    assert chosen["topic"] == {"rights": 1, "health": 2}  # its own facet's choice does not narrow it
    assert chosen["level"] == {"entry": 0, "intermediate": 2}
    assert chosen["duration"] == {"to-120": 1, "120-180": 1}
    both = cat.counts({"topic": ["health"], "format": ["online"]})
    assert both["format"] == {"in-person": 0, "online": 2, "hybrid": 1}
    assert both["topic"] == {"rights": 0, "health": 2}
    assert both["language"] == {"en": 1, "de": 2, "fa": 0}


def test_counts_match_the_items_each_option_would_leave_for_every_single_choice(site):
    cat = catalogue(site, "cases", "de")
    for facet in cat.facets:
        for option in facet.options:
            selection = {facet.id: [option.value]}
            assert len(cat.matching(selection)) == option.count
            assert counts(cat.entries, cat.facets, selection)[facet.id][option.value] == option.count


def test_unknown_facets_and_values_in_an_address_are_ignored(site):
    cat = catalogue(site, "modules", "en")
    assert normalise({"topic": ["health", "housing"], "colour": ["red"], "level": []}, cat.facets) == {"topic": ("health",)}
    assert [e.key for e in cat.matching({"topic": ["housing"]})] == ["alpha", "beta", "gamma"]
    entry = cat.entries[0]
    assert matches(entry, {"topic": ["nothing"]}, ignore="topic")


# Topic pages -------------------------------------------------------------------------------


def test_a_topic_page_lists_its_modules_cases_and_chapters_in_the_readers_language(site):
    index, pages = topic_pages(site, "fa")
    assert used_topics(site.corpus) == ["rights", "health"]
    rights = next(page for page in pages if page.id == "rights")
    assert rights.title == "حقوق و مزایا"
    assert [(s.name, s.heading, [c.title for c in s.cards]) for s in rights.sections] == [
        ("modules", "واحدهای آموزشی", ["آلفا به فارسی"]),
        ("cases", "نمونه‌های تجربهٔ خوب", ["Beispielprojekt"]),
        ("handbook", "کتاب راهنما", ["گام‌های نخست", "Gesund bleiben"]),
    ]
    fallback = rights.sections[1].cards[0]
    assert (fallback.lang, fallback.dir, fallback.url) == ("de", "ltr", "fa/cases/example/")
    assert [(t.title, t.url, t.counts) for t in index.topics][0] == (
        "حقوق و مزایا", "fa/topics/rights/", ["واحدهای آموزشی: 1", "نمونه‌های تجربهٔ خوب: 1", "کتاب راهنما: 2"])


# Data files --------------------------------------------------------------------------------


def test_every_country_the_schema_allows_has_a_name_in_every_language_of_the_strings():
    languages = sorted(path.stem for path in STRINGS_DIR.glob("*.yml"))
    names = country_names()
    missing = [(code, lang) for code in schema()["countries"] for lang in languages if not (names.get(code) or {}).get(lang)]
    assert not missing
    assert "NO" in names and country_name("NO", "de", "de") == "Norwegen"  # a code, not YAML's false


def test_a_country_name_falls_back_to_the_default_language_then_to_the_code():
    assert country_name("SY", "ti", "de") == "Syrien"
    assert country_name("XK", "fa", "de") == "XK"


def test_facet_definitions_use_known_sources_address_safe_ids_and_translated_legends():
    languages = [path.stem for path in STRINGS_DIR.glob("*.yml")]
    for name, specs in definitions().items():
        ids = [spec["id"] for spec in specs]
        assert len(ids) == len(set(ids)), name
        for spec in specs:
            assert re.fullmatch(r"[a-z]+(-[a-z]+)*", spec["id"]), spec
            assert spec["source"] in ("term", "duration", "languages", "country", "years"), spec
            for language in languages:
                assert spec["legend"] in load_strings([STRINGS_DIR], language).strings, (language, spec["legend"])


# Handbook front matter is checked like a case's ---------------------------------------------


def findings_for(root: Path) -> list[str]:
    found = validate(load_corpus(load_project(root / "mkdocs.yml")), today=TODAY)
    return [f"{f.path}:{f.line}:{f.column} {f.rule} {f.params.get('field', '')}".rstrip() for f in found]


@pytest.mark.parametrize("missing", ["title", "summary", "topics", "order"])
def test_handbook_chapters_need_title_summary_topics_and_order(tmp_path, missing):
    chapter = CATALOGUE_FILES["docs/handbook/staying-healthy.de.md"]
    without = "".join(line for line in chapter.splitlines(keepends=True) if not line.startswith(missing + ":"))
    root = catalogue_project(tmp_path / "p", {"docs/handbook/staying-healthy.de.md": without})
    assert findings_for(root) == [f"docs/handbook/staying-healthy.de.md:2:1 field-required {missing}"]


def test_a_handbook_chapter_without_front_matter_is_reported_and_the_introduction_needs_none(tmp_path):
    root = catalogue_project(tmp_path / "p", {"docs/handbook/no-front-matter.de.md": "Text ohne Kopf.\n"})
    found = findings_for(root)
    assert found == ["docs/handbook/no-front-matter.de.md:1:1 front-matter-missing"]
    assert not [line for line in found if line.startswith("docs/handbook/index.de.md")], "the introduction is an ordinary page"


def test_handbook_topics_come_from_the_vocabulary_and_order_is_a_positive_number(tmp_path):
    root = catalogue_project(tmp_path / "p", {
        "docs/handbook/staying-healthy.de.md": "---\ntitle: Gesund bleiben\nsummary: Kurz.\ntopics: [housing]\norder: 0\n---\n\nText.\n",
    })
    assert findings_for(root) == [
        "docs/handbook/staying-healthy.de.md:4:10 vocabulary-unknown",
        "docs/handbook/staying-healthy.de.md:5:8 field-type order",
    ]


def test_schema_lists_norway_as_a_code_not_as_false():
    assert "NO" in schema()["countries"] and False not in schema()["countries"]


def test_handbook_kind_is_in_the_schema_with_the_fields_the_catalogue_reads():
    fields = yaml.safe_load((Path(__file__).resolve().parents[1] / "plugins/integr8/content/schema.yml").read_text(encoding="utf-8"))["kinds"]["handbook"]["fields"]
    assert {name for name, spec in fields.items() if spec.get("required")} == {"title", "summary", "topics", "order"}
    assert fields["translated_from"]["type"] == "source_hash"
