"""Template loading: language partials for languages Material ships no strings for, and templates
compiled once per build instead of once per language."""

from __future__ import annotations

from jinja2 import BytecodeCache, ChoiceLoader, DictLoader, TemplateNotFound

# Material's strings for a language it does not know fall back to English; the language code
# and the direction come from our strings file, so Tigrinya, Pashto or Somali build as they are.
FALLBACK_PARTIAL = """{% import "partials/languages/en.html" as en %}
{%- macro t(key) -%}{{ {"language": "CODE", "direction": "DIRECTION"}.get(key) or en.t(key) }}{%- endmacro -%}
"""


def add_language_partials(env, project, language: str) -> None:
    from ...i18n.strings import load_strings

    name = f"partials/languages/{language}.html"
    try:
        env.loader.get_source(env, name)
        return
    except TemplateNotFound:
        pass
    direction = load_strings(project.strings_dirs, language).direction
    partial = FALLBACK_PARTIAL.replace("CODE", language).replace("DIRECTION", direction)
    env.loader = ChoiceLoader([env.loader, DictLoader({name: partial})])


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory, shared by the Jinja environments of one process.

    mkdocs-static-i18n builds the site once per language, each time with a new environment that
    would compile Material's and our ~50 templates again. Jinja looks a compiled template up by its
    name, file and a checksum of its source, so a template whose text differs (a language partial)
    is compiled anew; the key also holds the environment's syntax settings, which change the code.
    """

    def __init__(self):
        self._code: dict[tuple, tuple[str, object]] = {}

    @staticmethod
    def _settings(environment) -> tuple:
        return (
            environment.block_start_string, environment.block_end_string, environment.variable_start_string,
            environment.variable_end_string, environment.comment_start_string, environment.comment_end_string,
            environment.line_statement_prefix, environment.line_comment_prefix, environment.trim_blocks,
            environment.lstrip_blocks, environment.newline_sequence, environment.keep_trailing_newline,
            environment.optimized, repr(environment.autoescape), tuple(sorted(environment.extensions)),
            environment.finalize is not None, environment.is_async,
        )

    def load_bytecode(self, bucket) -> None:
        stored = self._code.get((self._settings(bucket.environment), bucket.key))
        if stored is not None and stored[0] == bucket.checksum:
            bucket.code = stored[1]

    def dump_bytecode(self, bucket) -> None:
        self._code[(self._settings(bucket.environment), bucket.key)] = (bucket.checksum, bucket.code)


COMPILED = CompiledTemplates()


def share_compiled_templates(env) -> None:
    if env.bytecode_cache is None:
        env.bytecode_cache = COMPILED
