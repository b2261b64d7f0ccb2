"""Real-browser tests of the real site (see README.md). A package, so that its conftest.py and
modules never shadow the top-level ``conftest`` that other test files import from."""
