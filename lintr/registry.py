"""Loading plugins: built-in and third-party alike come through the ``lintr`` entry points."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import cached_property
from importlib.metadata import entry_points

import pluggy

from lintr import hookspecs
from lintr.languages.dictionaries import Dictionaries
from lintr.languages.profile import Languages


@dataclass(frozen=True)
class PluginFailure:
    name: str
    distribution: str
    version: str
    error: str

    def __str__(self) -> str:
        return (
            f"plugin {self.name!r} ({self.distribution} {self.version}) failed to load: "
            f"{self.error}; its rules are skipped"
        )


@dataclass
class Registry:
    """Everything the loaded plugins contribute, by name."""

    manager: pluggy.PluginManager
    failures: list[PluginFailure] = field(default_factory=list)
    # Which distribution (name, version) each registered plugin module came from.
    origins: dict[str, tuple[str, str]] = field(default_factory=dict)

    @cached_property
    def rules(self) -> dict[str, type]:
        found: dict[str, type] = {}
        for batch in self.manager.hook.lintr_rules():
            for rule in batch:
                found.setdefault(rule.id, rule)
        return dict(sorted(found.items()))

    @cached_property
    def languages(self) -> Languages:
        return Languages(p for batch in self.manager.hook.lintr_languages() for p in batch)

    @cached_property
    def dictionaries(self) -> Dictionaries:
        return Dictionaries(d for batch in self.manager.hook.lintr_dictionaries() for d in batch)

    @cached_property
    def readers(self) -> dict[str, object]:
        return {r.name: r for batch in self.manager.hook.lintr_readers() for r in batch}

    @cached_property
    def reporters(self) -> dict[str, object]:
        return {r.name: r for batch in self.manager.hook.lintr_reporters() for r in batch}

    def origin_of(self, rule: type) -> str:
        """'distribution version' of the plugin that contributed ``rule``."""
        # A bundle's entry point is its package; the rule lives in a module inside it.
        module = rule.__module__
        while module:
            if module in self.origins:
                name, version = self.origins[module]
                return f"{name} {version}"
            module = module.rpartition(".")[0]
        return "unknown ?"


def load(extra_modules: tuple[object, ...] = ()) -> Registry:
    """Register every plugin of the ``lintr`` entry-point group; a broken one is recorded."""
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    registry = Registry(manager)
    origins: dict[object, tuple[str, str]] = {}
    for ep in sorted(entry_points(group=hookspecs.PROJECT), key=lambda e: e.name):
        dist, version = _origin(ep.dist, origins)
        if manager.get_plugin(ep.name) is not None:
            continue
        try:
            module = ep.load()
            manager.register(module, name=ep.name)
        except Exception as exc:
            registry.failures.append(
                PluginFailure(ep.name, dist, version, f"{type(exc).__name__}: {exc}")
            )
            continue
        registry.origins[getattr(module, "__name__", ep.name)] = (dist, version)
    for module in extra_modules:
        manager.register(module)
    return registry


def _origin(dist, seen: dict[object, tuple[str, str]]) -> tuple[str, str]:
    """(name, version) of a distribution. Each ``.name`` or ``.version`` parses its
    METADATA file again, and lintr's own twenty entry points share one distribution: read
    once, it saves tens of milliseconds of every start-up."""
    if dist is None:
        return "unknown", "?"
    key = getattr(dist, "_path", None) or id(dist)
    if key not in seen:
        metadata = dist.metadata
        seen[key] = (metadata["Name"], metadata["Version"])
    return seen[key]


def warn_failures(registry: Registry) -> None:
    for failure in registry.failures:
        print(f"lintr: warning: {failure}", file=sys.stderr)
