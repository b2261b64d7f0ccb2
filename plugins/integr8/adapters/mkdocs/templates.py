"""Template loading: language partials for languages Material ships no strings for."""

from __future__ import annotations

from jinja2 import ChoiceLoader, DictLoader, TemplateNotFound

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
