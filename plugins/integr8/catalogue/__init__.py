"""Catalogues of modules, good-practice cases and handbook chapters, with facets and counts.

Everything a catalogue page filters by is computed here from the :class:`~integr8.content.corpus.Corpus`,
in the reader's language; which facets each catalogue has is data (``facets.yml``), and country
names are data too (``countries.yml``). Page views (``pages/catalogue.py``, ``pages/topics.py``)
turn a :class:`Catalogue` into what templates print.
"""

from .entries import Entry
from .facets import Catalogue, Facet, Labels, Option, build_catalogue, counts, matches, normalise

__all__ = ["Catalogue", "Entry", "Facet", "Labels", "Option", "build_catalogue", "counts", "matches", "normalise"]
