"""The generators of the pages the core makes, in the order their pages are added.

Each is a function ``(site, language) -> list[GeneratedPage]``; a new kind of generated page
(catalogue, glossary, status, trainer packs...) is one module in this package and one line here.
"""

from . import catalogue, modules, status, topics
from . import glossary
from . import packs, programmes
from . import directory, doors, selfcheck

GENERATORS = [
    catalogue.generate,  # before the modules: each catalogue page leads its section in the navigation
    modules.generate,
    packs.generate,  # trainer and participant packs of every module (not in the navigation)
    programmes.generate,  # the programmes: list, schedules and programme packs
    topics.generate,
    status.generate,
    glossary.generate,
    selfcheck.generate, directory.generate, doors.generate,  # self-check, local networks, front-page doors
]
