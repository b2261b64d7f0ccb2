"""INTEGR8 Hub: content model, validation and site tooling for multilingual curricula.

The packages below ``integr8`` (except ``integr8.adapters``) form the domain core and never
import MkDocs, Material or mkdocs-static-i18n, so that the content, the validator and the CLI
outlive any one site engine.
"""

__version__ = "0.1.0"
