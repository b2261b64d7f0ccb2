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
``__config``) is data the browser never executes, so the policy does not concern it.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

POLICY = re.compile(
    r'(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")', re.IGNORECASE
)
# Types a browser runs as script; anything else in a <script> element is inert data.
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}


class _InlineScripts(HTMLParser):
    """Collects the text of inline scripts and of <style> elements outside <article>."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._article_depth = 0
        self._collecting: list[str] | None = None
        self._target: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "article":
            self._article_depth += 1
        elif tag == "script" and "src" not in attributes:
            kind = (attributes.get("type") or "").strip().lower()
            if kind in EXECUTABLE_TYPES and not self._article_depth:
                self._collecting, self._target = [], self.scripts
        elif tag == "style" and not self._article_depth:
            self._collecting, self._target = [], self.styles

    def handle_endtag(self, tag):
        if tag == "article" and self._article_depth:
            self._article_depth -= 1
        elif tag in ("script", "style") and self._collecting is not None:
            text = "".join(self._collecting)
            if text.strip():
                self._target.append(text)
            self._collecting = self._target = None

    def handle_data(self, data):
        # Inside <script> and <style> the parser hands over the raw text, exactly the bytes the
        # browser hashes.
        if self._collecting is not None:
            self._collecting.append(data)


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
        directives[index] = " ".join([directives[index], *sources])
    else:
        default = directives[names.index("default-src")].split()[1:] if "default-src" in names else []
        directives.append(" ".join([directive, *default, *sources]))
    return "; ".join(directives)


def seal_inline_code(html: str) -> str:
    """The page with the hashes of its own inline scripts and styles added to its policy."""
    match = POLICY.search(html)
    if match is None:
        return html
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    policy = match.group(2)
    policy = add_sources(policy, "script-src", list(dict.fromkeys(source_hash(s) for s in parser.scripts)))
    policy = add_sources(policy, "style-src", list(dict.fromkeys(source_hash(s) for s in parser.styles)))
    return html[: match.start(2)] + policy + html[match.end(2) :]
