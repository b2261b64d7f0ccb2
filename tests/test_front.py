"""The front page's three doors, the door pages and the about page (view models), and the
repository's real doors and about texts in every configured language."""

from __future__ import annotations

import datetime
import re

import pytest

from conftest import ROOT, make_project
from integr8.pages.doors import door_page, front_doors, generate
from integr8.pages.site import Site
from integr8.project import load_project

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture
def site(project):
    return Site(load_project(project / "mkdocs.yml"), today=TODAY)


def raw_door(site, door_id):
    return next(d for d in site.corpus.data_files["doors.yml"].doc.data if d["id"] == door_id)


def test_the_front_page_offers_the_languages_then_three_doors_in_the_reader_language(site):
    home = site.home_view("fa")
    assert [choice.name for choice in home.languages] == ["Deutsch", "English", "فارسی"]
    assert home.doors_heading == "راه خود را انتخاب کنید"
    assert [(d.title, d.url, d.icon) for d in home.doors] == [
        ("برای زنان", "fa/for-women/", "material/human-female"),
        ("برای مربیان", "fa/for-trainers/", "material/account-school"),
        ("برای شرکا", "fa/for-partners/", "material/handshake"),
    ]
    assert [d.url for d in site.home_view("de").doors] == ["for-women/", "for-trainers/", "for-partners/"]


def test_a_door_page_leads_to_each_target_in_the_reader_language(site):
    page = door_page(site, raw_door(site, "for-women"), "en")
    assert (page.title, page.intro) == ("For women", "Everything for you.")
    assert [(link.target, link.url) for link in page.links] == [
        ("modules", "en/modules/"), ("directory", "en/directory/"), ("self-check/individual", "en/self-check/individual/"),
    ]
    assert [other.id for other in page.others] == ["for-trainers", "for-partners"]


def test_the_trainer_packs_link_lists_every_module_pack_and_marks_an_untranslated_title(site):
    [_modules, packs, _cases] = door_page(site, raw_door(site, "for-trainers"), "fa").links
    assert [(item.title, item.url, item.lang) for item in packs.items] == [
        ("Beta auf Deutsch", "fa/modules/beta/trainer-pack/", "de"),
        ("آلفا به فارسی", "fa/modules/alpha/trainer-pack/", None),
    ]


def test_how_to_take_part_is_the_about_page_section_unless_there_is_a_repository(site, tmp_path):
    links = {link.target: link.url for link in door_page(site, raw_door(site, "for-partners"), "de").links}
    assert links == {"self-check/organisation": "self-check/organisation/", "contribute": "about/#contribute", "about": "about/"}
    root = make_project(tmp_path / "p")
    config = root / "mkdocs.yml"
    config.write_text("repo_url: https://example.org/integr8/hub\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    with_repo = Site(load_project(config), today=TODAY)
    links = {link.target: link.url for link in door_page(with_repo, raw_door(with_repo, "for-partners"), "de").links}
    assert links["contribute"] == "https://example.org/integr8/hub"


def test_door_pages_are_made_in_every_language(site):
    assert [p.url for lang in ("de", "fa") for p in generate(site, lang)] == [
        "for-women/", "for-trainers/", "for-partners/", "fa/for-women/", "fa/for-trainers/", "fa/for-partners/",
    ]


def test_without_doors_the_front_page_keeps_its_language_choice(tmp_path):
    root = make_project(tmp_path / "p", {"curriculum/doors.yml": None})
    site = Site(load_project(root / "mkdocs.yml"), today=TODAY)
    home = site.home_view("en")
    assert home.doors == [] and len(home.languages) == 3 and generate(site, "en") == []


def test_the_about_page_lists_the_partners_from_partners_yml_with_country_names(site):
    about = site.page_view("about", "fa")
    assert about.kind == "about" and about.content_language == "fa" and about.content_direction == "rtl"
    assert [(p.name, p.country, p.url) for p in about.partners] == [
        ("Organisation One", "آلمان", "https://one.example.org"), ("Organisation Two", "اتریش", None),
    ]


# The repository's own doors and about page -------------------------------------------------------

WANTED = {
    "for-women": {"modules", "glossary", "directory", "self-check/individual", "handbook"},
    "for-trainers": {"modules", "programmes", "trainer-packs", "handbook", "cases"},
    "for-partners": {"cases", "status", "self-check/organisation", "contribute", "about"},
}


@pytest.fixture(scope="module")
def real_site():
    return Site(load_project(ROOT / "mkdocs.yml"), today=TODAY)


def test_the_three_real_doors_lead_each_group_to_what_it_needs(real_site):
    doors = {door["id"]: door for door in real_site.corpus.data_files["doors.yml"].doc.data}
    assert list(doors) == list(WANTED)
    for door_id, targets in WANTED.items():
        assert targets <= {link["target"] for link in doors[door_id]["links"]}, door_id


@pytest.mark.parametrize("language", load_project(ROOT / "mkdocs.yml").codes)
def test_the_real_doors_are_in_every_language(real_site, language):
    doors = front_doors(real_site, language)
    assert len(doors) == 3 and all(door.title and door.summary for door in doors)
    for door in real_site.corpus.data_files["doors.yml"].doc.data:
        page = door_page(real_site, door, language)
        assert page.intro and all(link.title and link.text for link in page.links)


DISCLAIMER = {
    "de": "Europäischen Exekutivagentur für Bildung und Kultur (EACEA)",
    "en": "European Education and Culture Executive Agency (EACEA)",
    "ar": "الوكالة التنفيذية الأوروبية للتعليم والثقافة (EACEA)",
    "fa": "آژانس اجرایی آموزش و فرهنگ اروپا (EACEA)",
    "uk": "Європейського виконавчого агентства з питань освіти та культури (EACEA)",
    "tr": "Avrupa Eğitim ve Kültür Yürütme Ajansı'nın (EACEA)",
}


@pytest.mark.parametrize("language", load_project(ROOT / "mkdocs.yml").codes)
def test_the_about_page_exists_in_every_language_with_licence_contribution_and_the_eu_disclaimer(language):
    source = (ROOT / "docs" / f"about.{language}.md").read_text(encoding="utf-8")
    text = " ".join(re.sub(r"^> ?", "", source, flags=re.M).split())  # as read: lines joined, quote marks gone
    assert "CC BY-SA 4.0" in text and f"creativecommons.org/licenses/by-sa/4.0/deed.{language}" in text
    assert "{#contribute}" in text and "{#funding}" in text and "Erasmus+" in text
    assert DISCLAIMER[language] in text
    assert (ROOT / "docs" / f"index.{language}.md").is_file()
