"""lintr's built-in plugins: one module per language and per rule family.

They are registered through the ``lintr`` entry-point group in pyproject.toml, exactly like a
third-party plugin, and installed as the ``lintr_plugins`` package.
"""
