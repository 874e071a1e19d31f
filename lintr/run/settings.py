"""The settings of a run. Files: the nearest configuration of each file, loaded once per file
found, or the one configuration given. Pairs given from Python: the configuration given, or
the defaults. Either way, the languages given to the run are put over the configured ones:
files are paired (which one is the source) before anything is read, so they must be known
then."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from lintr.config.settings import Settings, find_config, from_table
from lintr.config.settings import load as load_config
from lintr.registry import Registry
from lintr.run.rules import rule_options

# A table with the keys of lintr.toml, a configuration file, or None (see SettingsResolver).
Config = Mapping[str, Any] | str | Path | None


class SettingsResolver:
    """The settings each file or pair is checked with; configuration errors raise
    lintr.config.settings.ConfigError when the configuration is first needed."""

    def __init__(
        self,
        registry: Registry,
        config: Config = None,
        languages: tuple[str | None, str | None] = (None, None),
    ):
        self.languages = languages
        self.rule_options = rule_options(registry)
        self.config = config
        self._by_file: dict[Path, Settings] = {}
        self._by_dir: dict[Path, Path | None] = {}

    def for_path(self, path: str) -> Settings:
        """The configuration given, else the nearest one at or above ``path``'s folder."""
        if self.config is not None:
            return self.given()
        folder = Path(os.path.abspath(path))
        folder = folder if folder.is_dir() else folder.parent
        if folder not in self._by_dir:
            self._by_dir[folder] = find_config(folder)
        found = self._by_dir[folder]
        return self._load(found) if found else self._default()

    def given(self) -> Settings:
        """The configuration given, else the defaults (nothing is looked for)."""
        if self.config is None:
            return self._default()
        if isinstance(self.config, (str, Path)):
            return self._load(Path(self.config))
        key = Path("<config>")
        if key not in self._by_file:
            settings = from_table(self.config, self.rule_options)
            self._by_file[key] = self._with_languages(settings)
        return self._by_file[key]

    def _load(self, path: Path) -> Settings:
        if path not in self._by_file:
            self._by_file[path] = self._with_languages(load_config(path, self.rule_options))
        return self._by_file[path]

    def _default(self) -> Settings:
        key = Path("<defaults>")
        if key not in self._by_file:
            self._by_file[key] = self._with_languages(Settings())
        return self._by_file[key]

    def _with_languages(self, settings: Settings) -> Settings:
        source, target = self.languages
        settings.source_lang = source or settings.source_lang
        settings.target_lang = target or settings.target_lang
        return settings
