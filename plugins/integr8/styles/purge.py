"""Drop the rules of a stylesheet that no page of the site can match.

Material's ``main.css`` (137 KB) styles every feature Material has: code highlighting, tabs,
annotations, tags, versions, the source repository box… A phone downloads all of it before it
paints anything. Most of it never matches an element of our pages. After the build, every selector
is checked against the class names the site can produce: those written in its HTML and those its
scripts can add (every word in its JavaScript, and every word ending in ``-`` or ``_`` as the start
of a class a script builds, like Material's ``md-color-${…}``). A selector that needs a class
nobody produces cannot match and is dropped; a rule keeps the selectors that can match, and goes
when none can. Classes inside ``:not(…)``, ``:is(…)``, ``:where(…)``, ``:has(…)`` never make a
selector unusable (a missing class makes ``:not(.x)`` match everything), so only classes outside
parentheses count. At-rules keep their rules trimmed the same way and go when they end up empty;
``@keyframes``, ``@font-face`` and other at-rules without selectors inside stay as they are.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
WORD = re.compile(r"-?[_a-zA-Z][\w-]*")
CLASS_ATTRIBUTE = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
# The theme's and our templates write the attribute in lower case: a search for that literal text is
# four to ten times faster than the case-insensitive one, which is kept for the page content, where
# raw HTML in a partner's Markdown may write CLASS=. Matching more (data-class=) only keeps more.
LOWER_CASE_CLASS_ATTRIBUTE = re.compile(r"""class\s*=\s*(?:"([^"]*)"|'([^']*)')""")
SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script", re.IGNORECASE | re.DOTALL)
# At-rules whose block holds rules with selectors (the others hold declarations or keyframes).
GROUPING = ("@media", "@supports", "@layer", "@container", "@document")


class ClassNames:
    """The class names a site can put on an element: written in its HTML or added by its scripts."""

    def __init__(self):
        self.names: set[str] = set()
        self.prefixes: set[str] = set()
        # Attribute values and scripts already read: the navigation, header and inline scripts
        # repeat on every page, so most of a page is seen before and costs a set lookup.
        self._seen: set = set()

    def add_html(self, html: str) -> None:
        values = set(LOWER_CASE_CLASS_ATTRIBUTE.findall(html))
        start = html.find("<article")  # the theme's one <article>, around the page content
        if start >= 0:
            end = html.find("</article>", start)
            values.update(CLASS_ATTRIBUTE.findall(html, start, end if end >= 0 else len(html)))
        for value in values - self._seen:
            self._seen.add(value)
            self.names.update((value[0] or value[1]).split())
        for source in SCRIPT.findall(html):
            self.add_script(source)

    def add_script(self, source: str) -> None:
        if source in self._seen:
            return
        self._seen.add(source)
        for word in WORD.findall(source):
            if word.endswith(("-", "_")):
                self.prefixes.add(word)
            else:
                self.names.add(word)

    def can_produce(self, name: str) -> bool:
        return name in self.names or any(name.startswith(prefix) for prefix in self.prefixes)


def purge(css: str, classes: ClassNames) -> str:
    """``css`` without the selectors (and then rules and at-rules) that need a class ``classes`` lacks."""
    return "".join(_purge_block(css, classes))


def _purge_block(css: str, classes: ClassNames):
    position, length = 0, len(css)
    while position < length:
        if css.startswith("/*", position):
            end = css.find("*/", position + 2)
            end = length if end < 0 else end + 2
            if css.startswith("/*!", position):  # a licence; a source map (/*# …) no longer fits
                yield css[position:end]
            position = end
            continue
        opening, semicolon = _find(css, "{", position), _find(css, ";", position)
        if semicolon >= 0 and (opening < 0 or semicolon < opening):  # @charset, @import, a stray ";"
            yield css[position:semicolon + 1]
            position = semicolon + 1
            continue
        if opening < 0:
            yield css[position:]
            return
        prelude, closing = css[position:opening], _matching(css, opening)
        body = css[opening + 1:closing]
        head = prelude.strip()
        if head.startswith("@"):
            if head.lower().startswith(GROUPING):
                inner = "".join(_purge_block(body, classes))
                if inner.strip():
                    yield f"{prelude}{{{inner}}}"
            else:
                yield f"{prelude}{{{body}}}"
        else:
            kept = [selector for selector in _split_selectors(prelude) if _can_match(selector, classes)]
            if kept:
                yield ",".join(kept) + "{" + body + "}"
        position = closing + 1


def _can_match(selector: str, classes: ClassNames) -> bool:
    outside = _outside_parentheses(selector)
    return all(classes.can_produce(name) for name in CLASS.findall(outside))


def _top_level(text: str):
    """(index, character) of the characters of ``text`` outside strings, brackets and parentheses."""
    depth, quote = 0, ""
    for index, character in enumerate(text):
        if quote:
            quote = "" if character == quote else quote
        elif character in "\"'":
            quote = character
        elif character in "([":
            depth += 1
        elif character in ")]":
            depth -= 1
        elif depth == 0:
            yield index, character


def _outside_parentheses(selector: str) -> str:
    """The selector without strings, attribute selectors and pseudo-class arguments."""
    return "".join(character for _index, character in _top_level(selector))


def _split_selectors(prelude: str) -> list[str]:
    parts, start = [], 0
    for index, character in _top_level(prelude):
        if character == ",":
            parts.append(prelude[start:index])
            start = index + 1
    parts.append(prelude[start:])
    return parts


def _find(css: str, wanted: str, position: int) -> int:
    """The index of the next ``wanted`` outside strings and comments, or -1."""
    quote = ""
    index = position
    while index < len(css):
        character = css[index]
        if quote:
            if character == "\\":
                index += 1
            elif character == quote:
                quote = ""
        elif character in "\"'":
            quote = character
        elif css.startswith("/*", index):
            end = css.find("*/", index + 2)
            if end < 0:
                return -1
            index = end + 1
        elif character == wanted:
            return index
        index += 1
    return -1


def _matching(css: str, opening: int) -> int:
    """The index of the brace closing the one at ``opening`` (strings and comments skipped)."""
    depth, index = 0, opening
    while True:
        brace = min((found for found in (_find(css, "{", index), _find(css, "}", index)) if found >= 0), default=-1)
        if brace < 0:
            return len(css)
        depth += 1 if css[brace] == "{" else -1
        if depth == 0:
            return brace
        index = brace + 1


# Material's stylesheet as the build copies it, and the trimmed copy written beside it.
THEME_STYLESHEET = re.compile(r"(main\.[0-9a-f]{8})(?:\.[0-9a-f]{8})?\.min\.css")
# Scripts that never touch a page's elements: the search worker and lunr's language support.
DOMLESS_SCRIPTS_RE = re.compile(r"^assets/javascripts/(?:workers|lunr)/")


def site_class_names(site_dir: Path) -> ClassNames:
    classes = ClassNames()
    for page in site_dir.rglob("*.html"):
        classes.add_html(page.read_text(encoding="utf-8"))
    for script in site_dir.rglob("*.js"):
        if not DOMLESS_SCRIPTS_RE.search(script.relative_to(site_dir).as_posix()):
            classes.add_script(script.read_text(encoding="utf-8"))
    return classes


def trim_theme_stylesheet(site_dir: Path, theme_dirs: list[Path]) -> Path | None:
    """Write Material's stylesheet trimmed to the site's classes and point every page at it.

    The copy gets a name of its own with a hash of its content (``main.57a0d79d.3f2c1b0a.min.css``):
    the next build may use a class this one did not, and a phone that cached this copy must not
    keep it then. The trimming starts from the theme's own file, so running it again (i18n calls
    the event once per language) gives the same result as running it once over every page.
    """
    stylesheets = site_dir / "assets" / "stylesheets"
    originals = [path for path in stylesheets.glob("main.*.min.css") if THEME_STYLESHEET.fullmatch(path.name) and path.name.count(".") == 3]
    if len(originals) != 1:
        return None
    built = originals[0]
    relative = built.relative_to(site_dir)
    source = next((Path(folder) / relative for folder in theme_dirs if (Path(folder) / relative).is_file()), built)
    trimmed = purge(source.read_text(encoding="utf-8"), site_class_names(site_dir))
    digest = hashlib.sha256(trimmed.encode("utf-8")).hexdigest()[:8]
    target = built.with_name(f"{built.name.removesuffix('.min.css')}.{digest}.min.css")
    for stale in stylesheets.glob(built.name.removesuffix(".min.css") + ".*.min.css"):
        if stale != target:
            stale.unlink()
    target.write_text(trimmed, encoding="utf-8")
    link = re.compile(r"(?<=stylesheets/)" + re.escape(built.name.removesuffix(".min.css")) + r"(?:\.[0-9a-f]{8})?\.min\.css")
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        linked = link.sub(target.name, html)
        if linked != html:
            page.write_text(linked, encoding="utf-8")
    return target
