"""The `untranslated-fragment` rule."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from lintr.model import Finding, Pair, PairSide
from lintr.rules.base import Option, Rule
from lintr.text import WORD
from lintr_plugins.rules.untranslated.scripts import (
    HONORIFIC_LIGATURES,
    _excerpt,
    _run_pattern,
    written_in_source_script,
)


class UntranslatedFragment(Rule):
    """Source-script text left inside the target: Arabic in English, English in Arabic.

    What it finds:
        Each run is reported with its exact span.

        A run is letters of the source's script with the spaces, hyphens and punctuation between
        them, so a pasted Arabic headline is one finding. Targets mostly in the source script
        are ``untranslated-segment`` instead.

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
        ``allow-acronyms`` (default true): URLs and e-mail addresses are not reported, and in a
        non-Latin target neither are all-capital Latin words (CNN, NATO, COVID); a URL also
        ends a run, so "BBC www.bbc.com" is accepted.

    Fix:
        None: the run needs translating, or deleting where the target already says it.
    """

    id = "untranslated-fragment"
    options = {
        "allow": Option(
            list, HONORIFIC_LIGATURES, "runs of source script to accept", item_type=str
        ),
        "allow-acronyms": Option(bool, True, "accept URLs and all-capital Latin words (CNN)"),
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
        script = source.profile.script
        acronyms_ok = self.settings["allow-acronyms"]
        text = target.masked_text if acronyms_ok else target.text
        for match in _run_pattern(script).finditer(text):
            run = match.group()
            if self._allowed(run, source):
                continue
            if script == "Latin" and acronyms_ok and _acronyms(run):
                continue
            words = len(WORD.findall(run))
            size = f" ({words} words)" if words > 3 else ""
            yield self.finding(
                f"untranslated {source.profile.name} text in the {target.profile.name} target: "
                f'"{_excerpt(run)}"{size}; translate or remove it',
                target.location(match.start(), match.end()),
                detail=source.profile.strip_marks(run),
            )

    def _allowed(self, run: str, source: PairSide) -> bool:
        profile = source.profile
        if profile.code not in self._allow:
            self._allow[profile.code] = {profile.strip_marks(a) for a in self._allow_raw}
        return profile.strip_marks(" ".join(run.split())) in self._allow[profile.code]


def _acronyms(run: str) -> bool:
    words = regex.findall(r"\p{L}+", run)
    return bool(words) and all(w.isupper() for w in words)
