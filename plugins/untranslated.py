"""Rules about text left untranslated, or not translated at all."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from lintr.hookspecs import hookimpl
from lintr.languages import langdetect_among
from lintr.model import Finding, Pair, PairSide, Severity
from lintr.rule import Option, Rule
from lintr.text import VISIBLE, WORD, script_pattern

# Arabic word ligatures (U+FDF0-U+FDFD): ﷺ ﷻ ﷲ ﷽ ... English religious texts use them on purpose.
HONORIFIC_LIGATURES = [chr(c) for c in range(0xFDF0, 0xFDFE)]
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
    """Whether most letters of the target (outside URLs) are in the source's script, while
    the target's language uses another script: the target was not translated."""
    found = pair.memo.get("written_in_source_script")  # two rules ask, once per pair
    if found is None:
        found = pair.memo["written_in_source_script"] = _in_source_script(pair)
    return found


def _in_source_script(pair: Pair) -> bool:
    src, tgt = pair.source.profile, pair.target.profile
    if src.script == tgt.script:
        return False
    # Almost every target has no letter of the source's script: one search (which stops at
    # the first letter found) rules that out before counting every letter.
    if not script_pattern(src.script).search(pair.target.masked_text):
        return False
    counts = pair.target.script_counts
    total = sum(counts.values())
    return total >= 2 and counts.get(src.script, 0) * 2 > total


def _same_words(a: str, b: str) -> bool:
    """Equal ignoring spaces and case. The first words decide for almost every pair, before
    both texts are rebuilt (casefold maps no character to a space, nor a space to another)."""
    a_first, b_first = a.split(None, 1)[:1], b.split(None, 1)[:1]
    if a_first and b_first and a_first[0].casefold() != b_first[0].casefold():
        return False
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


class EmptyTranslation(Rule):
    """The target is empty while the source has text.

    Empty means nothing but spaces and invisible marks such as U+200F; text means letters or
    digits, not just tatweel (a decorative "ـــــ" line)."""

    id = "empty-translation"
    severity = Severity.ERROR

    def check(self, pair: Pair) -> Iterator[Finding]:
        source, target = pair.source, pair.target
        if not target or VISIBLE.search(target.text):
            return
        if any(c.isalnum() for c in source.profile.strip_marks(source.text)):
            yield self.finding(
                f"empty translation: the {target.profile.name} target is empty",
                target.location(0, 0),
                detail="empty",
            )


class UntranslatedSegment(Rule):
    """The target is a copy of the source, or is written in the source language.

    A target identical to its source (ignoring spaces and case) is reported when it has
    letters of the source's script outside URLs: a number, a URL, or a Latin name in an
    Arabic source ("CNN") copied over is fine. A target mostly written in the source's
    script (Arabic letters in an English target; URLs do not count) is reported too; where
    both languages share a script, langdetect decides, for targets long enough to judge.
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
        same = _same_words(source.text, target.text)
        if same and source.profile.letter.search(target.masked_text):
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
    """Source-script text left inside the target: Arabic in English, English in Arabic.

    Each run is reported with its exact span.

    A run is letters of the source's script with the spaces, hyphens and punctuation between
    them, so a pasted Arabic headline is one finding. Targets mostly in the source script
    are ``untranslated-segment`` instead.

    Option ``allow``: runs that are fine (both compared after removing marks, so also
    ignoring case for English); by default the Arabic honorific and word ligatures
    U+FDF0-U+FDFD (such as ﷺ and ﷻ), which English religious texts keep on purpose.
    Option ``allow-acronyms`` (default true): URLs and e-mail addresses are not reported, and
    in a non-Latin target neither are all-capital Latin words (CNN, NATO, COVID); a URL also
    ends a run, so "BBC www.bbc.com" is accepted.
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


@hookimpl
def lintr_rules() -> list[type[Rule]]:
    return [EmptyTranslation, UntranslatedSegment, UntranslatedFragment]
