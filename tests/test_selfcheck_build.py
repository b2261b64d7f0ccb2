"""The self-check pages in a real MkDocs build of the fixture site (de, en, fa): a plain HTML form
that works without the script, everything the result needs inline, the scoring script on the
questionnaire pages only."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from sitelinks import page_html, resolve

pytestmark = pytest.mark.slow


class Form(HTMLParser):
    """The questionnaire's structure: fieldsets with their legend and radios with their label."""

    def __init__(self):
        super().__init__()
        self.form_attrs: dict | None = None
        self.fieldsets: list[dict] = []
        self.scripts: list[str] = []
        self._in_legend = self._in_label = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "data-i8-form" in attrs:
            self.form_attrs = attrs
        elif tag == "fieldset":
            self.fieldsets.append({"legend": "", "radios": [], "dimension": attrs.get("data-dimension")})
        elif tag == "legend":
            self._in_legend = True
        elif tag == "label":
            self._in_label = True
        elif tag == "input" and attrs.get("type") == "radio":
            self.fieldsets[-1]["radios"].append({"name": attrs["name"], "value": attrs["value"], "in_label": self._in_label})
        elif tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])

    def handle_endtag(self, tag):
        if tag == "legend":
            self._in_legend = False
        elif tag == "label":
            self._in_label = False

    def handle_data(self, data):
        if self._in_legend:
            self.fieldsets[-1]["legend"] += data


def parse(html: str) -> Form:
    form = Form()
    form.feed(html)
    return form


@pytest.mark.parametrize("prefix", ["", "en/", "fa/"])
def test_the_overview_and_both_questionnaires_exist_in_every_language(fixture_site, prefix):
    for path in ("self-check/", "self-check/individual/", "self-check/organisation/"):
        assert (fixture_site / prefix / path / "index.html").is_file(), prefix + path


def test_a_questionnaire_is_a_plain_form_of_fieldsets_legends_and_labelled_radios(fixture_site):
    form = parse(page_html(fixture_site, "en/self-check/individual/"))
    assert form.form_attrs["method"] == "dialog" and "action" not in form.form_attrs, "submitting never sends a request"
    assert [f["legend"].split(None, 1)[1] for f in form.fieldsets] == ["I am curious.", "I want to understand.", "I know people who help.", "I pass on what I know."]
    for fieldset in form.fieldsets:
        radios = fieldset["radios"]
        assert [r["value"] for r in radios] == ["0", "1", "2", "3", ""]
        assert len({r["name"] for r in radios}) == 1 and all(r["in_label"] for r in radios)
    assert [f["dimension"] for f in form.fieldsets] == ["openness", "openness", "networks", "networks"]


def test_the_page_says_nothing_is_stored_or_sent_and_what_to_do_without_javascript(fixture_site):
    html = page_html(fixture_site, "self-check/individual/")
    assert "Deine Antworten bleiben auf deinem Gerät. Diese Seite speichert sie nicht und schickt sie nirgendwohin." in html
    assert re.search(r'<p class="i8-noscript" data-i8-noscript>Damit du dein Ergebnis hier siehst, braucht dein Browser JavaScript', html)
    assert re.search(r'<p class="i8-actions" data-i8-actions hidden>', html), "buttons that need the script stay hidden without it"


def test_everything_the_result_shows_is_already_in_the_page(fixture_site):
    html = page_html(fixture_site, "en/self-check/individual/")
    for text in ("You are curious.", "Ask one person.", "You are well connected.", "Visit a group.", "Your strengths", "Where you can grow", "{points} of {max} points"):
        assert text in html, text
    assert 'data-strength-from="66"' in html


def test_links_of_the_result_lead_to_module_pages_of_the_build(fixture_site):
    html = page_html(fixture_site, "fa/self-check/individual/")
    pool = html.split("data-i8-pool>", 1)[1].split('class="i8-other-selfchecks"', 1)[0]
    hrefs = re.findall(r'<li><a href="([^"]+)"(?: lang="(\w+)")?[^>]*>', pool)
    targets = {resolve(fixture_site, "fa/self-check/individual/", href): lang for href, lang in hrefs}
    assert targets == {"fa/modules/alpha/": "", "fa/modules/beta/": "de"}


def test_the_scoring_script_is_loaded_on_questionnaires_only(fixture_site):
    assert (fixture_site / "assets" / "selfcheck.js").is_file()
    scripts = parse(page_html(fixture_site, "en/self-check/organisation/")).scripts
    assert [s for s in scripts if s.endswith("selfcheck.js")] and all(resolve(fixture_site, "en/self-check/organisation/", s) for s in scripts)
    for path in ("en/self-check/", "en/", "en/modules/alpha/", "en/directory/"):
        assert not [s for s in parse(page_html(fixture_site, path)).scripts if "selfcheck" in s], path


def test_the_persian_questionnaire_is_right_to_left_in_persian(fixture_site):
    html = page_html(fixture_site, "fa/self-check/individual/")
    assert re.search(r'<html[^>]* lang="fa"', html) and re.search(r'<body[^>]* dir="rtl"', html)
    assert "<h1>خودسنجی برای من</h1>" in html and "<span>نمی‌دانم</span>" in html
