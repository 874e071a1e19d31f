"""lintr's version, in a module of its own: what reports name (SARIF's tool version) must
not import the package's public API, which ``lintr/__init__.py`` re-exports."""

__version__ = "0.1.0"
