"""A broken plugin is one warning line naming it, never a traceback, never a failed run.

Each test installs one broken plugin as a fake distribution on PYTHONPATH and runs the real
command line on a pair whose only findings are the built-ins' warnings (a doubled word):
with ``--fail-on error`` the exit status is 0 unless something else went wrong.
"""

from __future__ import annotations

import types

import pytest
from conftest import run_lintr
from test_plugins import install_fake_distribution

from lintr import registry as plugins
from lintr.cli import commands
from lintr.contributions import shown
from lintr.hookspecs import hookimpl
from lintr.reporters import Reporter

HEADER = """
from lintr.hookspecs import hookimpl
from lintr.languages.dictionaries import Dictionary
from lintr.languages.profile import LanguageProfile
from lintr.readers import Reader
from lintr.reporters import Reporter
from lintr.rules.base import Rule


class Shouting(Rule):
    '''A target written in capitals only.'''

    id = "shouting"

    def check(self, pair):
        text = pair.target.text
        if text.strip() and text.upper() == text and any(c.isalpha() for c in text):
            yield self.finding("target is all capitals", pair.target.location(0, len(text)))
"""

PLUGIN = "plugin 'broken' (lintr-broken 1.2.3)"
BUILTIN_FINDING = (
    'doc.en.txt:2:5: warning: doubled word "the" in the English target: '
    'remove the second "the" [doubled-word]'
)


@pytest.fixture
def work(plugin_pair):
    return plugin_pair


@pytest.fixture
def site(tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    return folder


def install(site, body: str, entry: str = "broken", dist: str = "lintr-broken") -> None:
    module = dist.replace("-", "_")
    install_fake_distribution(site, dist, module, HEADER + body, entry)


def check(site, work, *extra: str):
    return run_lintr(
        "check", "doc.ar.txt", "--source-lang", "ar", "--fail-on", "error", *extra,
        cwd=work, env={"PYTHONPATH": str(site)},
    )  # fmt: skip


def warnings_of(result) -> list[str]:
    assert "Traceback" not in result.stderr
    return [line for line in result.stderr.splitlines() if line.startswith("lintr: warning:")]


def assert_survived(result, warning: str) -> None:
    """The warning, once; the built-ins ran; the exit status says: no error found."""
    assert warnings_of(result) == [f"lintr: warning: {warning}"]
    assert BUILTIN_FINDING in result.stdout
    assert result.returncode == 0


IMPOSTOR = '''
class Impostor(Rule):
    """Takes a built-in's id."""

    id = "doubled-word"

    def check(self, pair):
        yield self.finding("the impostor ran", pair.target.location(0, 1))


@hookimpl
def lintr_rules():
    return [Impostor]
'''


@pytest.mark.parametrize("entry", ["aaa-impostor", "zzz-impostor"])
def test_a_builtin_keeps_its_rule_id_whatever_the_entry_point_name(site, work, entry):
    install(site, IMPOSTOR, entry=entry, dist="lintr-impostor")
    result = check(site, work)
    assert_survived(
        result,
        f"rule id 'doubled-word' from plugin {entry!r} (lintr-impostor 1.2.3) is already "
        "taken by lintr 0.1.0; skipped",
    )
    assert "the impostor ran" not in result.stdout
    explain = run_lintr("explain", "doubled-word", env={"PYTHONPATH": str(site)})
    assert "from lintr 0.1.0" in explain.stdout


def test_between_two_plugins_the_first_entry_point_name_keeps_the_id(site, work):
    loud = 'yield self.finding("{}", pair.target.location(0, 1))'
    for entry, dist in (("b-shout", "lintr-second"), ("a-shout", "lintr-first")):
        body = f'''
class Loud(Rule):
    """Shouts."""

    id = "loud"

    def check(self, pair):
        {loud.format(dist)}


@hookimpl
def lintr_rules():
    return [Loud]
'''
        install(site, body, entry=entry, dist=dist)
    result = check(site, work, "--select", "loud")
    assert warnings_of(result) == [
        "lintr: warning: rule id 'loud' from plugin 'b-shout' (lintr-second 1.2.3) is "
        "already taken by lintr-first 1.2.3; skipped"
    ]
    assert "lintr-first [loud]" in result.stdout and "lintr-second" not in result.stdout


@pytest.mark.parametrize(
    ("rule", "problem"),
    [
        (
            'class BadId(Rule):\n    """Bad."""\n\n    id = "Bad Id!"\n',
            "rule class BadId has id 'Bad Id!', not kebab-case (like 'doubled-word')",
        ),
        ('class NoId(Rule):\n    """No id."""\n', "rule class NoId has no id"),
        (
            'class Undocumented(Rule):\n    id = "undocumented"\n',
            "rule class Undocumented ('undocumented') has no docstring, its documentation",
        ),
        (
            'class Core(Rule):\n    """Core."""\n\n    id = "internal-error"\n',
            "rule class Core has id 'internal-error', which lintr itself reports",
        ),
    ],
)
def test_an_invalid_rule_is_skipped_and_its_siblings_kept(site, work, rule, problem):
    name = rule.split("(")[0].removeprefix("class ")
    install(site, f"\n{rule}\n\n@hookimpl\ndef lintr_rules():\n    return [{name}, Shouting]\n")
    result = check(site, work)
    assert_survived(result, f"{PLUGIN}: {problem}; skipped")
    assert "target is all capitals [shouting]" in result.stdout


RAISES = """
@hookimpl
def lintr_rules():
    raise ValueError("no licence key")
"""


def test_a_hook_that_raises_is_one_warning_in_check_and_in_rules(site, work):
    install(site, RAISES)
    warning = (
        f"{PLUGIN}: lintr_rules raised ValueError: no licence key; its contributions are skipped"
    )
    assert_survived(check(site, work), warning)
    listing = run_lintr("rules", env={"PYTHONPATH": str(site)})
    assert warnings_of(listing) == [f"lintr: warning: {warning}"]
    assert listing.returncode == 0
    assert "doubled-word" in listing.stdout


def test_a_run_without_findings_exits_0_beside_a_broken_plugin(site, work):
    install(site, RAISES)
    (work / "doc.en.txt").write_text("The source said the attack failed.\nThe soldiers arrived.\n")
    result = run_lintr(
        "check", "doc.ar.txt", "--source-lang", "ar", cwd=work, env={"PYTHONPATH": str(site)}
    )
    assert len(warnings_of(result)) == 1
    assert result.returncode == 0


def test_a_misspelled_hook_is_named(site, work):
    install(site, "\n@hookimpl\ndef lintr_rule():\n    return [Shouting]\n")
    assert_survived(
        check(site, work),
        f"{PLUGIN}: lintr_rule is not a lintr hook (did you mean lintr_rules?); it is never called",
    )


def test_an_unmarked_hook_is_named(site, work):
    install(site, "\ndef lintr_rules():\n    return [Shouting]\n")
    assert_survived(
        check(site, work), f"{PLUGIN}: lintr_rules is not marked @hookimpl; it is never called"
    )


EXPECTED = {
    "lintr_rules": "Rule subclass",
    "lintr_languages": "LanguageProfile instance",
    "lintr_readers": "Reader instance",
    "lintr_reporters": "Reporter instance",
    "lintr_dictionaries": "Dictionary instance",
}
GARBAGE = {
    "'garbage'": "'garbage' (str)",
    "None": "None",
    "42": "42 (int)",
    "{'ar': 1}": "{'ar': 1} (dict)",
}


@pytest.mark.parametrize("garbage", GARBAGE)
@pytest.mark.parametrize("hook", EXPECTED)
def test_a_hook_that_returns_no_list_contributes_nothing(site, work, hook, garbage):
    install(site, f"\n@hookimpl\ndef {hook}():\n    return {garbage}\n")
    kind = EXPECTED[hook].replace("subclass", "subclasse")
    assert_survived(
        check(site, work),
        f"{PLUGIN}: {hook} returned {GARBAGE[garbage]}, expected a list of {kind}s; "
        "its contributions are skipped",
    )


@pytest.mark.parametrize(("item", "shown"), [("'ar'", "'ar' (str)"), ("object", "class object")])
@pytest.mark.parametrize("hook", EXPECTED)
def test_a_wrong_item_in_a_hooks_list_is_skipped(site, work, hook, item, shown):
    install(site, f"\n@hookimpl\ndef {hook}():\n    return [{item}]\n")
    assert_survived(
        check(site, work),
        f"{PLUGIN}: {hook} returned {shown} in its list, expected a {EXPECTED[hook]}; skipped",
    )


DUPLICATES = {
    "reader 'tsv'": """
class Tsv(Reader):
    name = "tsv"


@hookimpl
def lintr_readers():
    return [Tsv()]
""",
    "reporter 'text'": """
class Text(Reporter):
    name = "text"

    def report(self, findings, summary, out):
        out.write("the impostor ran\\n")


@hookimpl
def lintr_reporters():
    return [Text()]
""",
    "language 'en'": """
@hookimpl
def lintr_languages():
    return [LanguageProfile(code="en", name="Impostor", script="Arabic")]
""",
}


@pytest.mark.parametrize("name", DUPLICATES)
def test_a_builtin_keeps_its_reader_reporter_and_language_names(site, work, name):
    install(site, DUPLICATES[name], entry="aaa")
    result = check(site, work)
    assert_survived(
        result,
        f"{name} from plugin 'aaa' (lintr-broken 1.2.3) is already taken by lintr 0.1.0; skipped",
    )
    assert "the impostor ran" not in result.stdout


def test_a_language_with_an_unknown_script_is_skipped(site, work):
    body = """
@hookimpl
def lintr_languages():
    return [LanguageProfile(code="tlh", name="Klingon", script="Klingon")]
"""
    install(site, body)
    assert_survived(
        check(site, work),
        f"{PLUGIN}: language 'tlh' has script 'Klingon', not a Unicode script; skipped",
    )


def test_a_format_whose_reporter_did_not_load_is_a_usage_error(site, work):
    install(site, '\n@hookimpl\ndef lintr_reporters():\n    raise OSError("no font")\n')
    result = check(site, work, "--format", "shouty")
    lines = result.stderr.splitlines()
    assert lines[0] == (
        f"lintr: warning: {PLUGIN}: lintr_reporters raised OSError: no font; "
        "its contributions are skipped"
    )
    assert lines[1].startswith("lintr: error: --format: unknown format 'shouty' (choose from")
    assert len(lines) == 2
    assert result.returncode == 2


def test_a_missing_builtin_reader_is_a_usage_error(monkeypatch, capsys, work):
    registry = plugins.load()
    del registry.readers["text-pair"]
    monkeypatch.setattr(plugins, "load", lambda: registry)
    monkeypatch.chdir(work)
    status = commands.main(["check", "doc.ar.txt", "--source-lang", "ar", "--no-progress"])
    assert status == 2
    assert capsys.readouterr().err == (
        "lintr: error: no reader 'text-pair' is loaded: the plugin that gives it is not "
        "installed or failed to load\n"
    )


def test_hooks_are_called_in_pluggys_order():
    """Contributions come in the order in which one pluggy call gives them (the plugin
    registered last first): the order of readers, languages and dictionaries is
    behaviour (sniffing, detection, the first dictionary of a pair)."""
    registry = plugins.load()
    together = [r.name for batch in registry.manager.hook.lintr_readers() for r in batch]
    assert list(registry.readers) == together
    codes = [p.code for batch in registry.manager.hook.lintr_languages() for p in batch]
    assert list(registry.languages.by_code) == codes


def in_process_plugin(name: str, **hooks) -> types.ModuleType:
    """A plugin module registered without a distribution (lintr.registry.load's extras)."""
    module = types.ModuleType(name)
    for hook, function in hooks.items():
        function.__name__ = hook
        setattr(module, hook, function)
    return module


def test_edges_of_what_a_hook_may_do_are_warnings():
    class Named(Reporter):
        @property
        def name(self):
            raise KeyError

    @hookimpl(wrapper=True)
    def wrapping():
        return (yield)

    def silent():
        raise RuntimeError

    nameless = Named()
    module = in_process_plugin(
        "edges",
        lintr_reporters=hookimpl(lambda: [nameless]),
        lintr_rules=wrapping,
        lintr_readers=hookimpl(silent),
    )
    registry = plugins.load((module,))
    assert registry.warnings == [
        "plugin 'edges' (unknown ?): lintr_rules is a hook wrapper, which lintr never calls",
        "plugin 'edges' (unknown ?): lintr_readers raised RuntimeError; its contributions are "
        "skipped",
        "plugin 'edges' (unknown ?): lintr_reporters returned "
        f"{shown(nameless)}, and checking it raised KeyError; skipped",
    ]
    assert "doubled-word" in registry.rules and "json" in registry.reporters
