"""The build adds the hash of each of the theme's inline scripts to the page's Content-Security-Policy.

Whether Chromium then runs exactly those scripts and nothing else is checked on the real site by
tests/browser/test_pages.py (test_policy_forbids_other_hosts_and_inline_code).
"""

from __future__ import annotations

import base64
import hashlib
import re

from integr8.pages.policy import add_sources, seal_inline_code, source_hash

POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'"


def page(head: str = "", body: str = "") -> str:
    return (f'<!doctype html><html><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">{head}</head>'
            f"<body>{body}</body></html>")


def policy_of(html: str) -> dict[str, list[str]]:
    content = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    return {part.split()[0]: part.split()[1:] for part in content.split("; ")}


def expected(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_each_inline_script_of_the_theme_is_allowed_by_its_own_hash():
    scope = '__md_scope=new URL("../..",location)'
    palette = 'var palette=__md_get("__palette");if(palette&&palette.color){}'
    html = seal_inline_code(page(head=f"<script>{scope}</script>", body=f"<header><script>{palette}</script></header>"))
    assert policy_of(html)["script-src"] == ["'self'", expected(scope), expected(palette)]


def test_the_hash_covers_the_exact_bytes_including_non_ascii_text_and_markup_characters():
    text = 'if (a < b && c > "</p>") { label = "فارسی"; }'
    assert source_hash(text) == expected(text)
    assert policy_of(seal_inline_code(page(body=f"<script>{text}</script>")))["script-src"][1] == expected(text)


def test_scripts_in_the_page_content_stay_blocked():
    html = seal_inline_code(page(body='<article><p>Hi</p><script>steal()</script></article><script>theme()</script>'))
    assert policy_of(html)["script-src"] == ["'self'", expected("theme()")]


def test_scripts_with_a_source_data_blocks_and_empty_scripts_need_no_hash():
    body = ('<script src="assets/bundle.js"></script><script id="__config" type="application/json">{"a": 1}</script>'
            "<script>  </script>")
    assert policy_of(seal_inline_code(page(body=body)))["script-src"] == ["'self'"]


def test_the_same_script_twice_is_listed_once_and_modules_count_as_scripts():
    body = '<script>go()</script><script type="module">go()</script>'
    assert policy_of(seal_inline_code(page(body=body)))["script-src"] == ["'self'", expected("go()")]


def test_inline_styles_outside_the_content_are_allowed_by_hash():
    css = ":root{--md-text-font:system-ui}"
    assert policy_of(seal_inline_code(page(head=f"<style>{css}</style>")))["style-src"] == ["'self'", expected(css)]


def test_a_page_without_a_policy_is_left_as_it_is():
    html = "<html><head></head><body><script>x()</script></body></html>"
    assert seal_inline_code(html) == html


def test_a_policy_without_script_src_gets_one_that_starts_from_default_src():
    assert add_sources("default-src 'self'; img-src 'self' data:", "script-src", ["'sha256-x'"]) == (
        "default-src 'self'; img-src 'self' data:; script-src 'self' 'sha256-x'"
    )


def test_sealing_twice_changes_nothing():
    once = seal_inline_code(page(head="<script>a()</script>"))
    assert seal_inline_code(once) == once


def test_attributes_that_only_look_like_src_or_type_do_not_count():
    body = '<script data-src="x.js" data-type="text/plain">run()</script><script type=\'module\' async>go()</script>'
    assert policy_of(seal_inline_code(page(body=body)))["script-src"] == ["'self'", expected("run()"), expected("go()")]
