"""Page view models: plain values that templates print, computed once in Python.

Templates stay dumb: labels are already in the page's language and every decision (fallback,
order, totals) is made here, where it can be tested without a site engine.
"""
