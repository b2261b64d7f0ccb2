"""The generators of the pages the core makes, in the order their pages are added.

Each is a function ``(site, language) -> list[GeneratedPage]``; a new kind of generated page
(catalogue, glossary, status, trainer packs...) is one module in this package and one line here.
"""

from . import catalogue, modules, status, topics

GENERATORS = [
    catalogue.generate,  # before the modules: each catalogue page leads its section in the navigation
    modules.generate,
    topics.generate,
    status.generate,
]
