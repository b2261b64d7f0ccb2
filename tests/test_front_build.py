"""The front page, the door pages and the about page in a real MkDocs build of the fixture site:
language choice first, then three doors whose pages lead, with one more tap, to pages of the build."""

from __future__ import annotations

import gzip
import re

import pytest

from sitelinks import content_links, page_html, resolve, text_of

pytestmark = pytest.mark.slow

PREFIXES = ["", "en/", "fa/"]


def doors(html: str) -> list[str]:
    nav = re.search(r'<nav class="i8-doors".*?</nav>', html, re.S).group(0)
    return re.findall(r'<a class="i8-door" href="([^"]+)">', nav)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_the_front_page_offers_the_languages_first_then_three_doors(fixture_site, prefix):
    html = page_html(fixture_site, prefix)
    assert html.index('<nav class="i8-languages"') < html.index('<nav class="i8-doors"')
    assert [resolve(fixture_site, prefix, href) for href in doors(html)] == [f"{prefix}for-women/", f"{prefix}for-trainers/", f"{prefix}for-partners/"]


def test_the_doors_speak_the_reader_language(fixture_site):
    assert "برای زنان" in text_of(page_html(fixture_site, "fa/")) and "Für Frauen Rechte und Hilfe" in text_of(page_html(fixture_site, ""))


def test_the_front_page_is_light(fixture_site):
    html = page_html(fixture_site, "fa/")
    assert len(gzip.compress(html.encode("utf-8"))) < 14_000
    assert "<img" not in html and "selfcheck.js" not in html and "directory.js" not in html


@pytest.mark.parametrize("prefix", PREFIXES)
def test_every_link_of_every_door_page_leads_to_a_page_of_the_build(fixture_site, prefix):
    for door in ("for-women/", "for-trainers/", "for-partners/"):
        url = prefix + door
        hrefs = [href for href in content_links(page_html(fixture_site, url)) if not href.startswith("#")]
        assert hrefs, url
        missing = [href for href in hrefs if resolve(fixture_site, url, href.split("#")[0]) is None]
        assert missing == [], f"{url}: {missing}"


def test_the_women_door_leads_to_modules_directory_and_the_personal_self_check(fixture_site):
    url = "fa/for-women/"
    targets = {resolve(fixture_site, url, href) for href in content_links(page_html(fixture_site, url))}
    assert {"fa/modules/", "fa/directory/", "fa/self-check/individual/"} <= targets


def test_the_trainer_door_lists_the_trainer_pack_of_every_module(fixture_site):
    url = "en/for-trainers/"
    targets = {resolve(fixture_site, url, href) for href in content_links(page_html(fixture_site, url))}
    assert {"en/modules/alpha/trainer-pack/", "en/modules/beta/trainer-pack/"} <= targets


def test_the_partner_door_leads_to_the_organisation_self_check_and_how_to_take_part(fixture_site):
    url = "for-partners/"
    hrefs = content_links(page_html(fixture_site, url))
    assert "self-check/organisation/" in {resolve(fixture_site, url, href) for href in hrefs}
    contribute = next(href for href in hrefs if href.endswith("#contribute"))
    assert resolve(fixture_site, url, contribute.split("#")[0]) == "about/" and 'id="contribute"' in page_html(fixture_site, "about/")


@pytest.mark.parametrize("prefix, country", [("", "Österreich"), ("en/", "Austria"), ("fa/", "اتریش")])
def test_the_about_page_lists_the_partner_organisations_from_the_data(fixture_site, prefix, country):
    html = page_html(fixture_site, prefix + "about/")
    partners = re.search(r'<section class="i8-partners".*?</section>', html, re.S).group(0)
    assert "Organisation One" in partners and f"Organisation Two</bdi> ({country})" in partners
    assert '<a href="https://one.example.org" rel="noopener">' in partners
