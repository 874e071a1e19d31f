"""Configuration: ``[tool.lintr]`` / ``lintr.toml`` (settings.py) and the team's own files the
rules read, such as names and glossaries (termfiles.py)."""
