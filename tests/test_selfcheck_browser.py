"""The self-check in Chromium, on a real build of the fixture site served on 127.0.0.1.

A woman on a phone (360 × 740) answers the questions by tapping the answers' labels and asks
for her result: she sees her strengths, where she can grow and where to learn more, with her
points. Her answers never leave the page: no request at all while she fills in the form and
asks for the result, nothing in storage, and it works with the network gone. Without
JavaScript the questionnaire is still there, to print or to read.
"""

from __future__ import annotations

import pytest

from browser.harness import LocalServer
from phone import phone  # noqa: F401 - the fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PATH = "en/self-check/individual/"


@pytest.fixture(scope="module")
def server(fixture_site):
    with LocalServer(fixture_site) as running:
        yield running


def answer(page, question: str, label: str) -> None:
    """Tap the answer ``label`` of the question whose legend contains ``question``."""
    fieldset = page.locator("fieldset.i8-question", has=page.locator("legend", has_text=question))
    fieldset.locator("label.i8-answer", has_text=label).click()


def group_items(page, group: str) -> list[str]:
    return page.eval_on_selector_all(
        f"[data-i8-group='{group}']:not([hidden]) .i8-result-item",
        "items => items.map(i => i.querySelector('h4').textContent.trim() + ' | ' + i.querySelector('[data-i8-points]').textContent.trim())",
    )


def fill_and_score(page) -> None:
    answer(page, "I am curious.", "Completely true")
    answer(page, "I want to understand.", "Mostly true")
    answer(page, "I know people who help.", "Not true")
    answer(page, "I pass on what I know.", "I don't know")
    page.get_by_role("button", name="Show my result").click()


def test_a_filled_form_is_scored_into_strengths_and_where_to_grow(server, phone):
    page = phone(server, PATH, language="en").page
    fill_and_score(page)
    result = page.locator("[data-i8-result]")
    assert result.is_visible()
    assert page.evaluate("document.activeElement === document.querySelector('[data-i8-result]')"), "focus moves to the result"
    assert group_items(page, "strength") == ["Openness | 5 of 6 points"]
    assert group_items(page, "growth") == ["Networks | 0 of 3 points"], "an answer without points is left out"
    growth = page.locator("[data-i8-group='growth'] .i8-result-item")
    assert growth.get_by_text("Visit a group.").is_visible() and not growth.get_by_text("You are well connected.").is_visible()
    link = growth.get_by_role("link", name="Beta in English")
    assert link.is_visible() and link.get_attribute("href") == "../../modules/beta/"
    assert page.locator("[data-i8-group='strength']").get_by_text("You are curious.").is_visible()


def test_answers_are_never_sent_nor_stored(server, phone):
    opened = phone(server, PATH, language="en")
    page = opened.page
    loaded = list(opened.requests)
    assert loaded and all(url.startswith(server.origin) for url in loaded)
    fill_and_score(page)
    page.get_by_role("button", name="Start again").click()
    fill_and_score(page)
    page.wait_for_load_state("networkidle")
    assert opened.requests == loaded, f"requests after the page was loaded: {opened.requests[len(loaded):]}"
    assert page.url == server.url(PATH), "the answers are not put into the address either"
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0 and page.evaluate("document.cookie") == ""


def test_it_works_offline_once_loaded(server, phone):
    opened = phone(server, PATH, language="en")
    opened.context.set_offline(True)
    fill_and_score(opened.page)
    assert group_items(opened.page, "strength") == ["Openness | 5 of 6 points"]


def test_asking_for_a_result_without_answers_says_what_to_do(server, phone):
    page = phone(server, PATH, language="en").page
    page.get_by_role("button", name="Show my result").click()
    assert page.get_by_role("alert").inner_text() == "Please answer at least one question first."
    assert not page.locator("[data-i8-result]").is_visible()
    answer(page, "I am curious.", "Not true")
    assert not page.get_by_role("alert").is_visible()


def test_starting_again_clears_answers_and_result(server, phone):
    page = phone(server, PATH, language="en").page
    fill_and_score(page)
    page.get_by_role("button", name="Start again").click()
    assert not page.locator("[data-i8-result]").is_visible()
    assert page.locator("input[type=radio]:checked").count() == 0


def test_the_persian_self_check_scores_right_to_left(server, phone):
    page = phone(server, "fa/self-check/individual/", language="fa").page
    assert page.evaluate("getComputedStyle(document.querySelector('.i8-question')).direction") == "rtl"
    answer(page, "من کنجکاو هستم.", "کاملاً درست است")
    page.get_by_role("button", name="نمایش نتیجهٔ من").click()
    assert group_items(page, "strength") == ["پذیرا بودن | 3 از 3 امتیاز"]
    assert page.locator("[data-i8-group='open']").get_by_text("شبکه‌ها").is_visible(), "a part without answers is named as not answered"


def test_printing_after_scoring_prints_the_result_not_the_form(server, phone):
    page = phone(server, PATH, language="en").page
    fill_and_score(page)
    page.emulate_media(media="print")
    assert page.locator("[data-i8-result]").is_visible()
    assert not page.locator("[data-i8-form]").is_visible()
    page.emulate_media(media="screen")
    assert page.locator("[data-i8-form]").is_visible()


def test_without_javascript_the_questions_are_there_and_nothing_pretends_to_work(server, phone):
    page = phone(server, PATH, javascript=False, language="en").page
    assert page.locator("fieldset.i8-question").count() == 4
    assert page.get_by_text("To see your result on this page, your browser needs JavaScript.").is_visible()
    assert not page.get_by_role("button", name="Show my result").is_visible()


def test_with_javascript_the_note_about_javascript_is_gone(server, phone):
    page = phone(server, PATH, language="en").page
    assert not page.get_by_text("your browser needs JavaScript").is_visible()


def test_every_answer_is_a_large_target_on_a_phone(server, phone):
    opened = phone(server, PATH, language="en")
    sizes = opened.page.eval_on_selector_all("label.i8-answer", "labels => labels.map(l => [l.getBoundingClientRect().width, l.getBoundingClientRect().height])")
    assert len(sizes) == 20 and all(width >= 44 and height >= 44 for width, height in sizes)
    assert opened.no_sideways_scroll()
