"""The Content-Security-Policy of a finished page: let the theme's own inline scripts run, nothing else.

The policy itself is written in ``overrides/integr8/policy.html`` with ``script-src 'self'``. The
theme (Material) puts a few small scripts inline in every page: one in ``<head>`` that depends on
the page's depth (``__md_scope=new URL("../..", location)``), the palette script in the header and
the tab-anchor script after the content. Moving them to files would mean forking Material's
``base.html``; allowing ``'unsafe-inline'`` would let any injected script run. Instead the build
adds the SHA-256 hash of each inline script to ``script-src``, computed over the finished HTML,
so exactly those bytes run and nothing else does.

Scripts inside ``<article>`` (the page content written by partners) are never hashed: content
may not run scripts (the ``unsafe-html`` rule refuses them before the build), and if one slipped
through the browser would still block it. ``<script type="application/json">`` (Material's
``__config``) is data the browser never executes, so the policy does not concern it. Inline
``<style>`` elements outside the content are allowed the same way in ``style-src``.
"""

from __future__ import annotations

import base64
import hashlib
import re

POLICY = re.compile(
    r'(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")', re.IGNORECASE
)
# A start tag's attributes, quoted values may hold ">".
_ATTRIBUTES = r"""((?:[^>"']|"[^"]*"|'[^']*')*)"""
# The HTML tokenizer ends the text of a <script> or <style> at the first "</script" or "</style":
# a regular expression finds exactly the text the browser hashes (and in a fraction of the time an
# HTML parser needs for a page that carries the whole navigation).
SCRIPT = re.compile(rf"<script\b{_ATTRIBUTES}>(.*?)</script[\s/>]", re.IGNORECASE | re.DOTALL)
STYLE = re.compile(rf"<style\b{_ATTRIBUTES}>(.*?)</style[\s/>]", re.IGNORECASE | re.DOTALL)
ARTICLE = re.compile(r"<(/?)article\b", re.IGNORECASE)
SRC = re.compile(r"(?:^|\s)src\s*=", re.IGNORECASE)  # not data-src
TYPE = re.compile(r"""(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
# Types a browser runs as script; anything else in a <script> element is inert data.
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}


def _outside_articles(html: str):
    """A function telling whether a position of ``html`` lies outside every <article>."""
    edges = [(match.start(), -1 if match.group(1) else 1) for match in ARTICLE.finditer(html)]

    def outside(position: int) -> bool:
        return sum(step for at, step in edges if at < position) <= 0

    return outside


def inline_code(html: str) -> tuple[list[str], list[str]]:
    """The text of the inline scripts and of the <style> elements of a page, outside <article>."""
    outside = _outside_articles(html)
    scripts = []
    for match in SCRIPT.finditer(html):
        attributes, text = match.group(1), match.group(2)
        kind = TYPE.search(attributes)
        kind = next((value for value in kind.groups() if value is not None), "") if kind else ""
        if not SRC.search(attributes) and kind.strip().lower() in EXECUTABLE_TYPES and text.strip() and outside(match.start()):
            scripts.append(text)
    styles = [match.group(2) for match in STYLE.finditer(html) if match.group(2).strip() and outside(match.start())]
    return scripts, styles


def source_hash(text: str) -> str:
    """The CSP source expression that allows exactly this inline script or style."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def add_sources(policy: str, directive: str, sources: list[str]) -> str:
    """``policy`` with ``sources`` added to ``directive``; a missing directive starts from default-src."""
    if not sources:
        return policy
    directives = [part.strip() for part in policy.split(";") if part.strip()]
    names = [part.split()[0].lower() for part in directives]
    if directive in names:
        index = names.index(directive)
        present = directives[index].split()
        directives[index] = " ".join([*present, *(source for source in sources if source not in present)])
    else:
        default = directives[names.index("default-src")].split()[1:] if "default-src" in names else []
        directives.append(" ".join([directive, *default, *sources]))
    return "; ".join(directives)


def seal_inline_code(html: str) -> str:
    """The page with the hashes of its own inline scripts and styles added to its policy."""
    match = POLICY.search(html)
    if match is None:
        return html
    scripts, styles = inline_code(html)
    policy = match.group(2)
    policy = add_sources(policy, "script-src", list(dict.fromkeys(source_hash(s) for s in scripts)))
    policy = add_sources(policy, "style-src", list(dict.fromkeys(source_hash(s) for s in styles)))
    return html[: match.start(2)] + policy + html[match.end(2) :]
