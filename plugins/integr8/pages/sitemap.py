"""The sitemap, which also tells search engines which pages are translations of each other.

Translations are announced here rather than with ``<link rel="alternate" hreflang>`` in every
page: the theme's script fetches a sitemap for each such link on every page view, which a
reader on prepaid data would pay for. Fallback pages (the original shown in another
language's interface) are left out: they are not translations, and their canonical URL is
the original's.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr, escape


@dataclass(frozen=True)
class SitePage:
    language: str
    path: str  # below the language folder, e.g. "modules/x/" ("" for the front page)
    key: str | None  # the translatable item, None for pages made for every language


def sitemap_xml(site, pages: set[SitePage], site_url: str) -> str:
    base = site_url if site_url.endswith("/") else site_url + "/"
    status = site.translations

    def translated(page: SitePage) -> bool:
        translation = status.state(page.key, page.language) if page.key else None
        return translation is None or translation.state != "missing"

    real = sorted((p for p in pages if translated(p)), key=lambda p: (p.path, site.project.codes.index(p.language)))
    by_path: dict[str, list[SitePage]] = {}
    for page in real:
        by_path.setdefault(page.path, []).append(page)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for page in real:
        lines.append("  <url>")
        lines.append(f"    <loc>{escape(base + site.url_prefix(page.language) + page.path)}</loc>")
        versions = by_path[page.path]
        if len(versions) > 1:
            for version in versions:
                href = base + site.url_prefix(version.language) + version.path
                lines.append(f'    <xhtml:link rel="alternate" hreflang="{version.language}" href={quoteattr(href)}/>')
            lines.append(f'    <xhtml:link rel="alternate" hreflang="x-default" href={quoteattr(base + page.path)}/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def gzipped(text: str) -> bytes:
    """Compressed with no timestamp, so that two builds of the same content are identical."""
    return gzip.compress(text.encode("utf-8"), mtime=0)
