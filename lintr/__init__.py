"""lintr: a corpus-quality linter for parallel translations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lintr.version import __version__ as __version__

__all__ = ["lint", "lint_dask"]

if TYPE_CHECKING:
    from lintr.api import lint, lint_dask


def __getattr__(name: str) -> Any:
    # Imported on first use, so that the command line starts without loading the API.
    if name in __all__:
        from lintr import api

        return getattr(api, name)
    raise AttributeError(f"module 'lintr' has no attribute {name!r}")
