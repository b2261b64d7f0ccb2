"""``integr8 bench``: our build against stock Material on the same synthetic corpus.

The bench is a tool, not part of a build: it runs the site engines as subprocesses (never
importing them), serves each built site on localhost and measures it in Chromium. Modules:
``text`` and ``corpus`` write the corpus, ``workspace`` sets up both projects, ``builds`` runs and
measures the builds, ``browser``, ``pagefind`` and ``lighthouse`` measure the sites, ``report``
turns measurements into the JSON report and the tables, ``runner`` runs the steps in order.
"""
