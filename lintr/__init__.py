"""lintr: a corpus-quality linter for parallel translations."""

__version__ = "0.1.0"
