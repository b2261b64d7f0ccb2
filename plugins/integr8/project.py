"""The project as ``mkdocs.yml`` declares it: languages, folders and integr8 options.

Languages are declared once, in the i18n plugin's ``languages`` list of ``mkdocs.yml``. Every
tool (the build, the CLI, tests) reads them through :func:`load_project`, which parses the file
as plain YAML so that the CLI works without MkDocs installed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .content.textfile import NotUtf8, read

DEFAULTS = {"curriculum_dir": "curriculum", "strings_dir": None}


class ConfigError(Exception):
    """The project configuration cannot be used; the message says where and how to fix it."""


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # the language's own name for itself, e.g. "فارسی"
    default: bool = False


@dataclass
class Project:
    root: Path
    config_file: Path
    docs_dir: Path
    site_dir: Path
    curriculum_dir: Path
    strings_dirs: list[Path]
    languages: list[Language]
    options: dict = field(default_factory=dict)
    exclude_prefixes: list[str] = field(default_factory=list)  # docs/ folders kept off the site
    site_url: str | None = None  # the public address, for absolute URLs (QR codes on printed packs)
    repo_url: str | None = None  # the public repository, where partners contribute (CONTRIBUTING.md)

    @property
    def codes(self) -> list[str]:
        return [language.code for language in self.languages]

    @property
    def default_language(self) -> str:
        return next(language.code for language in self.languages if language.default)

    def relative(self, path: Path) -> str:
        """A path as partners see it: relative to the repository, with forward slashes."""
        try:
            return Path(path).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return Path(path).as_posix()


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold ``!!python/name:`` and ``!ENV`` tags meant for MkDocs; read them as text."""


def _unknown_tag(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_TolerantLoader.add_multi_constructor("", _unknown_tag)


def _plugin_options(plugins, name: str):
    for entry in plugins or []:
        if entry == name:
            return {}
        if isinstance(entry, dict) and name in entry:
            return entry[name] or {}
    if isinstance(plugins, dict) and name in plugins:
        return plugins[name] or {}
    return None


def load_project(config_file: str | Path = "mkdocs.yml") -> Project:
    config_file = Path(config_file).resolve()
    if not config_file.is_file():
        raise ConfigError(
            f"{config_file}: configuration file not found. Run the command from the project "
            "folder or pass --config PATH/TO/mkdocs.yml"
        )
    try:
        data = yaml.load(read(config_file), Loader=_TolerantLoader)  # noqa: S506 - safe subclass
    except NotUtf8 as error:
        raise ConfigError(f"{config_file}:{error.position.line}: file is not UTF-8") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise ConfigError(f"{config_file}{where}: invalid YAML: {problem}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{config_file}: expected a mapping of settings")
    root = config_file.parent
    i18n = _plugin_options(data.get("plugins"), "i18n")
    if i18n is None:
        raise ConfigError(
            f"{config_file}: the 'i18n' plugin with its 'languages' list is missing; "
            "languages are declared there"
        )
    languages = _languages(config_file, i18n.get("languages"))
    options = dict(DEFAULTS)
    options.update(_plugin_options(data.get("plugins"), "integr8") or {})
    builtin_strings = Path(__file__).parent / "i18n" / "strings"
    site_strings = [root / options["strings_dir"]] if options.get("strings_dir") else []
    return Project(
        root=root,
        config_file=config_file,
        docs_dir=root / data.get("docs_dir", "docs"),
        site_dir=root / data.get("site_dir", "site"),
        curriculum_dir=root / options["curriculum_dir"],
        strings_dirs=[builtin_strings, *site_strings],
        languages=languages,
        options=options,
        exclude_prefixes=_exclude_prefixes(data.get("exclude_docs")),
        site_url=data["site_url"].rstrip("/") + "/" if isinstance(data.get("site_url"), str) and data["site_url"].strip() else None,
        repo_url=data["repo_url"].strip() if isinstance(data.get("repo_url"), str) and data["repo_url"].strip() else None,
    )


def _exclude_prefixes(exclude_docs) -> list[str]:
    """The folder patterns (``name/``) of mkdocs.yml's ``exclude_docs``; other patterns are MkDocs' own."""
    if not isinstance(exclude_docs, str):
        return []
    lines = (line.strip() for line in exclude_docs.splitlines())
    return [line.lstrip("/") for line in lines if line.endswith("/") and not line.startswith(("#", "!"))]


def _languages(config_file: Path, entries) -> list[Language]:
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"{config_file}: plugins → i18n → languages must be a non-empty list")
    languages = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("locale"), str):
            raise ConfigError(
                f"{config_file}: plugins → i18n → languages[{index}] needs 'locale' and 'name'"
            )
        if entry.get("build", True) is False:
            continue
        languages.append(
            Language(entry["locale"], str(entry.get("name", entry["locale"])), bool(entry.get("default")))
        )
    if sum(language.default for language in languages) != 1:
        raise ConfigError(f"{config_file}: exactly one language needs 'default: true'")
    return languages

