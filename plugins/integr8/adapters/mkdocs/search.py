"""Search in the MkDocs build: one index file per language, and the settings its pages need.

mkdocs-static-i18n runs ``on_files`` once per language; each run adds only its own language's
``assets/search/<language>.json``, so every index is built and written exactly once per build.
An index is cached on the build's :class:`Site`, so ``mkdocs serve`` rebuilds it only when the
content changed. The browser files (search.js, engine.js, lunr) are theme files in overrides/.
"""

from __future__ import annotations

from functools import lru_cache

from mkdocs.structure.files import File

from ...search import browser_settings, index_path, language_index


@lru_cache(maxsize=16)
def _index_json(site, language: str) -> bytes:
    # keyed by the Site object: a new Site (changed content) gets new indexes
    return language_index(site, language).to_json()


def add_search_index(files, config, session, language: str):
    content = _index_json(session.site, language)
    path = index_path(language)
    existing = files.get_file_from_path(path)
    if existing is not None:
        files.remove(existing)
    files.append(File.generated(config, path, content=content))
    return files


def search_context(language: str) -> dict:
    settings = browser_settings(language)
    return {"bootstrap": settings.bootstrap, "index": settings.index, "scripts": settings.scripts}
