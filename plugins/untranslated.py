"""Rules about text left untranslated, or not translated at all."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from lintr.hookspecs import hookimpl
from lintr.languages import langdetect_among
from lintr.model import Finding, Pair, PairSide, Severity
from lintr.rule import Option, Rule
from lintr.text import WORD, script_counts

# Arabic word ligatures (U+FDF0-U+FDFD): ﷺ ﷻ ﷲ ﷽ ... English religious texts use them on purpose.
HONORIFIC_LIGATURES = [chr(c) for c in range(0xFDF0, 0xFDFE)]
URL_OR_EMAIL = regex.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+")
# Inside a run of foreign script: spaces, hyphens, tatweel and the punctuation such text uses.
_SEPARATORS = r"[\s\-‐–—_.,:;'\"«»“”‘’()\[\]،؛؟!?/\u200c\u200d\u200e\u200f\u061c]"
_RUN_PATTERNS: dict[str, regex.Pattern] = {}


def _run_pattern(script: str) -> regex.Pattern:
    """A maximal run of ``script`` letters, with separators allowed between its words."""
    if script not in _RUN_PATTERNS:
        letter = rf"[\p{{{script}}}&&\p{{L}}]"
        word = rf"{letter}(?:{letter}|\p{{M}}|\u0640|[\p{{{script}}}&&\p{{N}}])*"
        _RUN_PATTERNS[script] = regex.compile(rf"{word}(?:{_SEPARATORS}+{word})*", regex.V1)
    return _RUN_PATTERNS[script]


def _excerpt(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def written_in_source_script(pair: Pair) -> bool:
    """Whether most letters of the target are in the source's script (while the target's
    language uses another script): the target was not translated."""
    src, tgt = pair.source.profile, pair.target.profile
    if src.script == tgt.script:
        return False
    counts = script_counts(pair.target.text)
    total = sum(counts.values())
    return total >= 2 and counts.get(src.script, 0) * 2 > total


class EmptyTranslation(Rule):
    """The target is empty (or only spaces) while the source has text."""

    id = "empty-translation"
    severity = Severity.ERROR

    def check(self, pair: Pair) -> Iterator[Finding]:
        source, target = pair.source, pair.target
        if target and not target.text.strip() and any(c.isalnum() for c in source.text):
            yield self.finding(
                f"empty translation: the {target.profile.name} target is empty",
                target.location(0, 0),
                detail="empty",
            )


class UntranslatedSegment(Rule):
    """The target is a copy of the source, or is written in the source language.

    A target identical to its source (ignoring spaces and case) is reported when it has
    letters (a number or a URL copied over is fine). A target mostly written in the source's
    script (Arabic letters in an English target) is reported too; where both languages share
    a script, langdetect decides, for targets long enough to judge.
    """

    id = "untranslated-segment"
    severity = Severity.ERROR
    options = {
        "min-letters": Option(int, 20, "shortest target (in letters) that langdetect judges"),
    }

    def check(self, pair: Pair) -> Iterator[Finding]:
        source, target = pair.source, pair.target
        if not source or not target or not target.text.strip():
            return
        name = source.profile.name
        where = target.location(0, len(target.text.rstrip()))
        same = " ".join(source.text.split()).casefold() == " ".join(target.text.split()).casefold()
        if same and any(c.isalpha() for c in target.text):
            yield self.finding(
                f"untranslated: the target is a copy of the {name} source", where, detail="copy"
            )
        elif written_in_source_script(pair):
            yield self.finding(
                f"untranslated: the {target.profile.name} target is written in {name}",
                where,
                detail="script",
            )
        elif source.profile.script == target.profile.script and self._same_language(pair):
            yield self.finding(
                f"untranslated: the {target.profile.name} target looks like {name}",
                where,
                detail="language",
            )

    def _same_language(self, pair: Pair) -> bool:
        text = pair.target.text
        if sum(c.isalpha() for c in text) < self.settings["min-letters"]:
            return False
        codes = [pair.source.profile.code, pair.target.profile.code]
        return langdetect_among(text, codes) == codes[0]


class UntranslatedFragment(Rule):
    """A run of source-script text left inside the target (Arabic in an English target, or
    Latin-script English in an Arabic one), reported with its exact span.

    A run is letters of the source's script with the spaces, hyphens and punctuation between
    them, so a pasted Arabic headline is one finding. Targets mostly in the source script
    are ``untranslated-segment`` instead.

    Option ``allow``: runs that are fine (compared after removing marks); by default the
    Arabic honorific and word ligatures U+FDF0-U+FDFD (such as ﷺ and ﷻ), which English
    religious texts keep on purpose. Option ``allow-acronyms`` (default true): in a non-Latin
    target, all-capital Latin words (CNN, NATO, COVID) and URLs are not reported.
    """

    id = "untranslated-fragment"
    options = {
        "allow": Option(list, HONORIFIC_LIGATURES, "runs of source script to accept", item_type=str),
        "allow-acronyms": Option(bool, True, "accept all-capital Latin words such as CNN"),
    }

    def configure(self) -> None:
        self._allow = {" ".join(a.split()) for a in self.settings["allow"]}

    def check(self, pair: Pair) -> Iterator[Finding]:
        source, target = pair.source, pair.target
        if not source or not target or source.profile.script == target.profile.script:
            return
        if written_in_source_script(pair):
            return
        script = source.profile.script
        text = target.text
        skip = [m.span() for m in URL_OR_EMAIL.finditer(text)] if script == "Latin" else []
        for match in _run_pattern(script).finditer(text):
            run = match.group()
            if self._allowed(run, source) or any(a <= match.start() < b for a, b in skip):
                continue
            if script == "Latin" and self.settings["allow-acronyms"] and _acronyms(run):
                continue
            words = len(WORD.findall(run))
            size = f" ({words} words)" if words > 3 else ""
            yield self.finding(
                f"untranslated {source.profile.name} text in the {target.profile.name} target: "
                f"\"{_excerpt(run)}\"{size}; translate or remove it",
                target.location(match.start(), match.end()),
                detail=source.profile.strip_marks(run),
            )

    def _allowed(self, run: str, source: PairSide) -> bool:
        squashed = " ".join(run.split())
        return squashed in self._allow or source.profile.strip_marks(squashed) in self._allow


def _acronyms(run: str) -> bool:
    words = regex.findall(r"\p{L}+", run)
    return bool(words) and all(w.isupper() for w in words)


@hookimpl
def lintr_rules() -> list[type[Rule]]:
    return [EmptyTranslation, UntranslatedSegment, UntranslatedFragment]
