"""Generated module pages and assets as MkDocs files, placed in the current language's folder."""

from __future__ import annotations

from types import SimpleNamespace

from mkdocs.structure.files import File, InclusionLevel


def language_of(config) -> str:
    """The language being built: mkdocs-static-i18n sets the theme language for each pass."""
    return config.theme["language"]


def add_generated_pages(files, config, session, language: str):
    site = session.site
    for generated in site.generated_pages(language):
        existing = files.get_file_from_path(generated.src_uri)
        if existing is not None:
            files.remove(existing)
        inclusion = InclusionLevel.INCLUDED if generated.in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, generated.src_uri, content=generated.markdown, inclusion=inclusion)
        file.dest_uri = generated.dest_uri
        file.integr8_page = generated
        # mkdocs-static-i18n's templates and switcher read these on every page file.
        file.locale = generated.source.language if generated.source else language
        file.locale_alternate_of = language
        file.alternates = {code: SimpleNamespace(url=url, page=None) for code, url in generated.alternates.items()}
        files.append(file)
    if language == site.default_language:
        for asset in site.generated_assets():
            files.append(File.generated(config, asset.dest_uri, abs_src_path=str(asset.src_path)))
    return files
