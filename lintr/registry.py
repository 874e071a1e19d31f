"""Loading plugins: built-in and third-party alike come through the ``lintr`` entry points.

A broken plugin must not break lintr: whatever one gets wrong (it fails to import, marks a
function that is no hook, raises in a hook, returns the wrong thing, takes a name another
has) is one warning naming it and its distribution, and the others still run. The
contract it breaks is written in lintr.hookspecs; lintr.contributions judges the returns.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from importlib.metadata import EntryPoint, entry_points
from typing import Any, TypeVar

import pluggy

from lintr import hookspecs
from lintr.contributions import KINDS, Kind, as_list, error, shown
from lintr.languages.dictionaries import Dictionaries
from lintr.languages.profile import Languages
from lintr.readers import Reader
from lintr.reporters import Reporter
from lintr.rules.base import Rule

T = TypeVar("T")
HOOKS = tuple(sorted(name for name in vars(hookspecs) if name.startswith("lintr_")))
# What the registry holds, in the order gather() calls their hooks (and so warns).
_CONTRIBUTIONS = ("rules", "languages", "dictionaries", "readers", "reporters")


@dataclass(frozen=True)
class Plugin:
    """A plugin module as registered: its entry-point name and the distribution that
    installed it; ``rank`` is its place in entry-point name order."""

    name: str
    distribution: str
    version: str
    rank: int

    @property
    def origin(self) -> str:
        return f"{self.distribution} {self.version}"

    @property
    def precedence(self) -> tuple[bool, int]:
        """Which of two plugins keeps a name both give: a built-in, else the first."""
        return self.distribution != hookspecs.PROJECT, self.rank

    def __str__(self) -> str:
        return f"plugin {self.name!r} ({self.origin})"


class Manager(pluggy.PluginManager):
    """pluggy's plugin manager, quicker to register a module: pluggy looks each of a
    plugin's names up with ``inspect.getattr_static`` (1.5% of a one-pair run, for lintr's
    twenty modules); a module's attributes are its ``__dict__``, and only a function or a
    method there can be a hook, so every other name is skipped at once."""

    def parse_hookimpl_opts(self, plugin: object, name: str) -> pluggy.HookimplOpts | None:
        if isinstance(plugin, types.ModuleType) and not isinstance(
            vars(plugin).get(name), _HOOKABLE
        ):
            return None
        return super().parse_hookimpl_opts(plugin, name)


# What pluggy takes for a hook implementation (pluggy._manager._static_hook_attr).
_HOOKABLE = (types.FunctionType, types.MethodType, staticmethod, classmethod)


class PluginMissing(LookupError):
    """A contribution the run needs and no loaded plugin gives: a usage error."""

    def __str__(self) -> str:
        return str(self.args[0])


class Named(dict[str, T]):
    """Contributions by name; looking up a missing one raises PluginMissing."""

    def __init__(self, noun: str, items: Iterable[tuple[str, T]]):
        super().__init__(items)
        self.noun = noun

    def __missing__(self, name: str) -> T:
        raise PluginMissing(
            f"no {self.noun} {name!r} is loaded: the plugin that gives it is not installed "
            "or failed to load"
        )


@dataclass
class Registry:
    """Everything the loaded plugins contribute, by name."""

    manager: pluggy.PluginManager
    # One line each, for the command line to print as warnings.
    warnings: list[str] = field(default_factory=list)
    plugins: dict[str, Plugin] = field(default_factory=dict)  # by registered name
    _rule_plugins: dict[type, Plugin] = field(default_factory=dict)

    @cached_property
    def rules(self) -> dict[str, type[Rule]]:
        found = self._contributed(KINDS["rules"])
        self._rule_plugins = {rule: plugin for plugin, rule in found}
        return dict(sorted((rule.id, rule) for _, rule in found))

    @cached_property
    def languages(self) -> Languages:
        return Languages(item for _, item in self._contributed(KINDS["languages"]))

    @cached_property
    def dictionaries(self) -> Dictionaries:
        return Dictionaries(item for _, item in self._contributed(KINDS["dictionaries"]))

    @cached_property
    def readers(self) -> Named[Reader]:
        return Named("reader", ((r.name, r) for _, r in self._contributed(KINDS["readers"])))

    @cached_property
    def reporters(self) -> Named[Reporter]:
        found = self._contributed(KINDS["reporters"])
        return Named("reporter", ((r.name, r) for _, r in found))

    def gather(self) -> None:
        """Call every hook now, so that every warning is known before a run starts."""
        for name in _CONTRIBUTIONS:
            getattr(self, name)

    def origin_of(self, rule: type) -> str:
        """'distribution version' of the plugin that contributed ``rule``."""
        plugin = self._rule_plugins.get(rule) if self.rules else None
        return plugin.origin if plugin is not None else "unknown ?"

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def register(self, module: object, plugin: Plugin) -> None:
        self.manager.register(module, name=plugin.name)
        self.plugins[plugin.name] = plugin
        self._check_hooks(module, plugin)

    def _contributed(self, kind: Kind) -> list[tuple[Plugin, Any]]:
        """What every plugin gives ``kind``'s hook and may be used, with the plugin, in the
        order in which pluggy calls them all at once (the last registered first)."""
        found: list[tuple[Plugin, Any]] = []
        for impl in reversed(getattr(self.manager.hook, kind.hook).get_hookimpls()):
            plugin = self.plugins[impl.plugin_name]
            found += ((plugin, item) for item in self._called(plugin, impl, kind))
        return self._unique(found, kind)

    def _called(self, plugin: Plugin, impl: Any, kind: Kind) -> list[Any]:
        """The valid items of what one plugin's hook returns."""
        if impl.wrapper or impl.hookwrapper:
            self.warn(f"{plugin}: {kind.hook} is a hook wrapper, which lintr never calls")
            return []
        try:
            returned = impl.function()
            items = as_list(returned)
        except Exception as exc:
            self.warn(f"{plugin}: {kind.hook} raised {error(exc)}; its contributions are skipped")
            return []
        if items is None:
            self.warn(
                f"{plugin}: {kind.hook} returned {shown(returned)}, expected "
                f"{kind.expected_list}; its contributions are skipped"
            )
            return []
        return [item for item in items if self._valid(plugin, kind, item)]

    def _valid(self, plugin: Plugin, kind: Kind, item: Any) -> bool:
        try:
            problem = kind.problem(item) if kind.is_kind(item) else kind.wrong_kind(item)
        except Exception as exc:  # its name or id is a property that raises, say
            problem = f"{kind.hook} returned {shown(item)}, and checking it raised {error(exc)}"
        if problem is not None:
            self.warn(f"{plugin}: {problem}; skipped")
        return problem is None

    def _unique(self, found: list[tuple[Plugin, Any]], kind: Kind) -> list[tuple[Plugin, Any]]:
        """``found`` without each item whose name an item from a plugin of higher
        precedence has; the order of ``found`` is kept."""
        if kind.key is None:
            return found
        chosen: dict[str, int] = {}  # name -> index in found
        for index, (plugin, item) in sorted(enumerate(found), key=lambda e: e[1][0].precedence):
            name = kind.key(item)
            if name in chosen:
                owner = found[chosen[name]][0]
                self.warn(
                    f"{kind.noun} {name!r} from {plugin} is already taken by {owner.origin}; "
                    "skipped"
                )
            else:
                chosen[name] = index
        kept = set(chosen.values())
        return [entry for index, entry in enumerate(found) if index in kept]

    def _check_hooks(self, module: object, plugin: Plugin) -> None:
        """Warn of what in ``module`` looks like a hook and is never called: what pluggy's
        check_pending() finds first (a marked function that is no hook), every one of them,
        and a hook function left unmarked."""
        marked = set()
        for caller in self.manager.get_hookcallers(module) or ():
            marked.add(caller.name)
            if not caller.has_spec() and _required(caller.get_hookimpls(), module):
                self.warn(
                    f"{plugin}: {caller.name} is not a lintr hook{_near(caller.name)}; "
                    "it is never called"
                )
        for name in HOOKS:
            function = getattr(module, name, None)
            if name not in marked and callable(function) and function is not vars(hookspecs)[name]:
                self.warn(f"{plugin}: {name} is not marked @hookimpl; it is never called")


def _required(impls: list[Any], module: object) -> bool:
    return any(impl.plugin is module and not impl.optionalhook for impl in impls)


def _near(name: str) -> str:
    import difflib  # here: only a misspelled hook needs it, and it costs every start-up

    close = difflib.get_close_matches(name, HOOKS, n=1)
    return f" (did you mean {close[0]}?)" if close else ""


def load(extra_modules: tuple[object, ...] = ()) -> Registry:
    """Register every plugin of the ``lintr`` entry-point group and call their hooks;
    what a broken one gets wrong is in ``warnings``."""
    manager = Manager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    registry = Registry(manager)
    ranked = _ranked(entry_points(group=hookspecs.PROJECT))
    for ep, plugin in ranked:
        _load_one(registry, ep, plugin)
    for rank, module in enumerate(extra_modules, len(ranked)):
        name = getattr(module, "__name__", f"module-{rank}")
        registry.register(module, Plugin(name, "unknown", "?", rank))
    registry.gather()
    return registry


def _ranked(eps: Iterable[EntryPoint]) -> list[tuple[EntryPoint, Plugin]]:
    """The entry points in name order (of two with one name, the built-in first), each
    with the plugin it registers."""
    seen: dict[object, tuple[str, str]] = {}
    named = [(ep, _origin(ep.dist, seen)) for ep in eps]
    named.sort(key=lambda e: (e[0].name, e[1][0] != hookspecs.PROJECT))
    return [(ep, Plugin(ep.name, *origin, rank)) for rank, (ep, origin) in enumerate(named)]


def _load_one(registry: Registry, ep: EntryPoint, plugin: Plugin) -> None:
    taken = registry.plugins.get(plugin.name)
    if taken is not None:
        registry.warn(f"{plugin} has the entry-point name of one from {taken.origin}; skipped")
        return
    try:
        registry.register(ep.load(), plugin)
    except Exception as exc:
        registry.warn(f"{plugin} failed to load: {error(exc)}; its rules are skipped")


def _origin(dist: Any, seen: dict[object, tuple[str, str]]) -> tuple[str, str]:
    """(name, version) of a distribution. Each ``.name`` or ``.version`` parses its
    METADATA file again, and lintr's own twenty entry points share one distribution: read
    once, it saves tens of milliseconds of every start-up."""
    if dist is None:
        return "unknown", "?"
    key = getattr(dist, "_path", None) or id(dist)
    if key not in seen:
        seen[key] = _headers(dist) or (dist.metadata["Name"], dist.metadata["Version"])
    return seen[key]


def _headers(dist: Any) -> tuple[str, str] | None:
    """Name and Version from the first lines of the METADATA file, or None. ``.metadata``
    runs the email parser over the whole file, long description (a README) included: 1% of
    a one-pair run."""
    found: dict[str, str] = {}
    for line in (dist.read_text("METADATA") or "").splitlines():
        if not line:  # the headers end at the first empty line
            break
        key, colon, value = line.partition(":")
        if colon and key in ("Name", "Version"):
            found.setdefault(key, value.strip())
    if len(found) < 2:
        return None
    return found["Name"], found["Version"]


def warn_failures(registry: Registry) -> None:
    """Print what the plugins got wrong, one ``lintr: warning:`` line each."""
    for warning in registry.warnings:
        print(f"lintr: warning: {warning}", file=sys.stderr)
