"""The `untranslated-fragment` rule."""

from __future__ import annotations

from collections.abc import Iterator

from lintr.model import Finding, Pair, PairSide
from lintr.rules.base import Option, Rule
from lintr_plugins.rules.untranslated.scripts import (
    HONORIFIC_LIGATURES,
    MIN_WORDS,
    SHOWN,
    Run,
    excerpt,
    source_runs,
    target_verbatim,
    written_in_source_script,
)


class UntranslatedFragment(Rule):
    """Source-script text left inside the target: Arabic in English, English in Arabic.

    What it finds:
        Each run is reported with its exact span, on the target side.

        A run is letters of the source's script with the spaces, hyphens and punctuation between
        them, so a pasted Arabic headline is one finding. Targets mostly in the source script
        are ``untranslated-segment`` instead.

        Text that no one translates is never a run: placeholders (``%s``, ``%(name)s``,
        ``{0}``, ``{name}``, ICU arguments), markup (``<b>``, ``&amp;``), URLs and e-mail
        addresses, paths (``/etc/apt/sources.list``), options (``--force``), identifiers
        (``snake_case``, ``CamelCase``, ``conf.py``, ``amd64``), numbers, versions and
        acronyms (``API``, ``NATO``). In a target whose script differs from a cased source
        script (English in Arabic), words are weighed with the source: capitalised words are
        names, brands and products kept on purpose (Debian, Wagtail, Google Drive), and one
        or two lower-case words copied from the source are a command, a package name or a
        gloss ("dpkg", "(latency)"); a run is reported when it holds ``min-words`` ordinary
        words (lower case, or function words) with a function word of the source's language
        among them: a clause left untranslated ("the talks will resume"). A word written with
        the marks of a romanisation ("al-Ḥasaka", "Mar‘ī") is a name the target's script
        should write, and is reported too. Arabic (a caseless script) in an English target
        is reported word by word: it shows no sign of being kept on purpose.

    Why it matters:
        A phrase left from the source (a pasted headline, a term the translator meant to come
        back to) is unreadable to the target's readers and noise in a parallel corpus.

    Example:
        source: قال المتحدث باسم الوزارة إن المحادثات ستستأنف غدا.
        target: The spokesman said المحادثات ستستأنف tomorrow, according to the ministry.
        → target:1:20: untranslated Arabic text in the English target: "المحادثات ستستأنف"; translate or remove it

    Options:
        ``allow``: runs that are fine (both compared after removing marks, so also ignoring
        case for English); by default the Arabic honorific and word ligatures U+FDF0-U+FDFD
        (such as ﷺ and ﷻ), which English religious texts keep on purpose.
        ``allow-acronyms`` (default true): URLs, e-mail addresses and acronyms (CNN, NATO,
        COVID) are kept as they are, like the other text no one translates; false reports
        every run that has one.
        ``min-words`` (default 3): in a target of another script than a cased source (English
        in Arabic), the fewest ordinary words, with a function word among them, that make a
        run worth reporting (twice as many inside round brackets, where a source term is
        usually a gloss: "حجب الخدمة (denial of service)"); 1 reports any lower-case word
        left from the source, function word or not.

    Fix:
        None: the run needs translating, or deleting where the target already says it.
    """

    id = "untranslated-fragment"
    options = {
        "allow": Option(
            list, HONORIFIC_LIGATURES, "runs of source script to accept", item_type=str
        ),
        "allow-acronyms": Option(
            bool, True, "accept URLs, e-mail addresses and all-capital Latin words (CNN)"
        ),
        "min-words": Option(
            int, MIN_WORDS, "fewest ordinary words (with a function word) reported as text"
        ),
    }

    def configure(self) -> None:
        self._allow_raw = [" ".join(a.split()) for a in self.settings["allow"]]
        self._allow: dict[str, set[str]] = {}  # per source language: entries without marks

    def check(self, pair: Pair) -> Iterator[Finding]:
        source, target = pair.source, pair.target
        if not source or not target or source.profile.script == target.profile.script:
            return
        if written_in_source_script(pair):
            return
        acronyms_ok = self.settings["allow-acronyms"]
        shown = [] if acronyms_ok else [s for s in target_verbatim(pair) if s.kind in SHOWN]
        for run in source_runs(pair, hide_all=acronyms_ok):
            text = target.text[run.start : run.end]
            if self._allowed(text, source):
                continue
            has_shown = any(s.start < run.end and run.start < s.end for s in shown)
            message = self._message(run, text, pair, has_shown)
            if message:
                yield self.finding(
                    message,
                    target.location(run.start, run.end),
                    detail=source.profile.strip_marks(text),
                )

    def _message(self, run: Run, text: str, pair: Pair, has_shown: bool) -> str:
        src, tgt = pair.source.profile.name, pair.target.profile.name
        if run.is_text(self.settings["min-words"]) and not run.caseless:
            if run.in_source * 2 >= run.ordinary:
                return (
                    f"the {tgt} target keeps {run.ordinary} {src} words of the source "
                    f'untranslated: "{excerpt(text)}"; translate them'
                )
            return (
                f"the {tgt} target has {run.ordinary} {src} words that the source does not "
                f'have: "{excerpt(text)}"; translate them, or remove them if they are extra'
            )
        if run.romanised:
            return (
                f'the {tgt} target writes "{excerpt(text)}" in Latin romanisation; '
                f"write the name in the {tgt} script"
            )
        if run.caseless or has_shown:
            size = f" ({len(run.words)} words)" if len(run.words) > 3 else ""
            return (
                f"untranslated {src} text in the {tgt} target: "
                f'"{excerpt(text)}"{size}; translate or remove it'
            )
        return ""

    def _allowed(self, run: str, source: PairSide) -> bool:
        profile = source.profile
        if profile.code not in self._allow:
            self._allow[profile.code] = {profile.strip_marks(a) for a in self._allow_raw}
        return profile.strip_marks(" ".join(run.split())) in self._allow[profile.code]
