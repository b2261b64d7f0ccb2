"""Adapters from site engines to the core. Only code below this package may import an engine."""
