"""Mixed-direction text: runs of the other direction are isolated, nothing else changes."""

from __future__ import annotations

from integr8.i18n.bidi import isolate_html, isolate_text


def test_a_german_word_and_a_url_inside_farsi_are_isolated_but_sentence_punctuation_stays_outside():
    assert isolate_text("به Jobcenter بروید یا 116117.de را ببینید.", "rtl") == (
        'به <bdi dir="ltr">Jobcenter</bdi> بروید یا <bdi dir="ltr">116117.de</bdi> را ببینید.'
    )


def test_several_latin_words_in_a_row_are_one_isolate_and_an_email_stays_whole():
    assert isolate_text("بنویسید به info@example.org یا Bitte sprechen Sie langsam.", "rtl") == (
        'بنویسید به <bdi dir="ltr">info@example.org</bdi> یا <bdi dir="ltr">Bitte sprechen Sie langsam</bdi>.'
    )


def test_digits_alone_are_left_to_the_browser():
    assert isolate_text("ساعت 9:30 در اتاق 12", "rtl") == "ساعت 9:30 در اتاق 12"


def test_an_arabic_term_inside_a_german_sentence_is_isolated():
    assert isolate_text("Das Wort «کتاب» heißt Buch.", "ltr") == 'Das Wort «<bdi dir="rtl">کتاب</bdi>» heißt Buch.'


def test_persian_words_with_zwnj_and_tashkeel_stay_one_run():
    assert isolate_text("Sie sagt مادر‌ها und مُعلِّم.", "ltr") == 'Sie sagt <bdi dir="rtl">مادر‌ها</bdi> und <bdi dir="rtl">مُعلِّم</bdi>.'


def test_html_is_untouched_outside_text_and_code_keeps_its_own_direction():
    markup = '<p>برو به <a href="https://example.org/x?a=1&amp;b=2">Jobcenter</a></p><pre><code>print("hi")</code></pre><p>Q&amp;A سؤال</p>'
    assert isolate_html(markup, "rtl") == (
        '<p>برو به <a href="https://example.org/x?a=1&amp;b=2"><bdi dir="ltr">Jobcenter</bdi></a></p>'
        '<pre><code>print("hi")</code></pre><p><bdi dir="ltr">Q</bdi>&amp;<bdi dir="ltr">A</bdi> سؤال</p>'
    )


def test_elements_that_declare_their_direction_and_existing_isolates_are_left_alone():
    markup = '<p dir="ltr">Hallo سلام</p><br><p>سلام <bdi>Hallo</bdi> و Welt</p>'
    assert isolate_html(markup, "rtl") == '<p dir="ltr">Hallo سلام</p><br><p>سلام <bdi>Hallo</bdi> و <bdi dir="ltr">Welt</bdi></p>'


def test_text_of_one_direction_only_is_returned_unchanged():
    for text, direction in (("Nur deutscher Text.", "ltr"), ("متن فقط فارسی.", "rtl")):
        assert isolate_html(f"<p>{text}</p>", direction) == f"<p>{text}</p>"
