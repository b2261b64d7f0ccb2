"""The ``integr8`` MkDocs plugin: wiring between MkDocs events and the core.

mkdocs-static-i18n runs every event once per language. Content is loaded and validated once
per build (cached on a fingerprint of the content files); per-language work is only the
rendering of that language's pages.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from ...i18n.bidi import isolate_text
from ...pages.policy import seal_inline_code
from ...project import ConfigError, load_project
from ...styles.purge import trim_theme_stylesheet
from .files import add_generated_pages, language_of
from .search import add_search_index, search_context
from .session import BuildSession
from .templates import add_language_partials, share_compiled_templates

log = logging.getLogger("mkdocs.plugins.integr8")

# i18n runs its own events at priority -100; ours must see the language it has just set up and the
# files it has just chosen, so they run after it.
AFTER_I18N = -110


class Integr8Config(Config):
    curriculum_dir = config_options.Type(str, default="curriculum")
    strings_dir = config_options.Optional(config_options.Type(str))


class Integr8Plugin(BasePlugin[Integr8Config]):
    def __init__(self):
        self.session: BuildSession | None = None

    @event_priority(AFTER_I18N)
    def on_config(self, config):
        try:
            project = load_project(config.config_file_path)
            if self.session is None or self.session.stale(project):
                self.session = BuildSession(project)  # a malformed SOURCE_DATE_EPOCH is a ConfigError too
                self.session.report(log)
        except ConfigError as error:
            raise PluginError(str(error)) from None
        if self.session.has_errors:
            raise PluginError(f"{self.session.error_count} content errors (listed above); nothing was built.")
        if str(project.curriculum_dir) not in config.watch:
            config.watch.append(str(project.curriculum_dir))
        return config

    @event_priority(AFTER_I18N)
    def on_files(self, files, config):
        self.session.begin_language(language_of(config))
        files = add_generated_pages(files, config, self.session, language_of(config))
        return add_search_index(files, config, self.session, language_of(config))

    @event_priority(AFTER_I18N)
    def on_nav(self, nav, config, files):
        return self.session.arrange_navigation(nav, language_of(config))

    def on_env(self, env, config, files):
        add_language_partials(env, self.session.project, language_of(config))
        share_compiled_templates(env)  # i18n makes a new environment per language
        env.filters["bidi"] = isolate_text  # escape, and isolate runs of the other direction
        return env

    def on_page_markdown(self, markdown, page, config, files):
        return self.session.page_markdown(markdown, page, language_of(config))

    # i18n's post_build handler builds the other languages, each build with its own post_build:
    # counting the calls that have begun and not ended tells the outermost one, which sees every page.
    @event_priority(100)
    def _enter_post_build(self, config):
        self.post_build_depth = getattr(self, "post_build_depth", 0) + 1

    # After i18n's, whose handler builds the other languages: the last call sees every page.
    @event_priority(AFTER_I18N)
    def _leave_post_build(self, config):
        self.session.write_sitemap(config.site_dir, config.site_url)
        self.post_build_depth -= 1
        if self.post_build_depth == 0:  # performance: Material's stylesheet trimmed to the classes of every page
            trim_theme_stylesheet(Path(config.site_dir), [Path(folder) for folder in config.theme.dirs])

    on_post_build = CombinedEvent(_enter_post_build, _leave_post_build)

    def on_page_content(self, html, page, config, files):
        return self.session.page_content(html, page, language_of(config))

    def on_page_context(self, context, page, config, nav):
        context["integr8"] = self.session.page_context(page, language_of(config), config.site_url)
        context["integr8"]["search"] = search_context(language_of(config))
        return context

    # The policy's script hashes are taken over the finished HTML, so after every other plugin.
    @event_priority(-1000)
    def on_post_page(self, output, page, config):
        return seal_inline_code(output)

    @event_priority(-1000)
    def on_post_template(self, output_content, template_name, config):
        return seal_inline_code(output_content)  # 404.html and other theme pages
