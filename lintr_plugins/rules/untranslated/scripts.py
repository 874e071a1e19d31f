"""What the untranslated rules share: the runs of the source's script left in a target, and
what each run is (text left untranslated, or a name, a term or code kept on purpose).

Both sides are evidence. Placeholders, markup, URLs, paths, options, identifiers, numbers
and acronyms (``lintr.analysis.verbatim``) are never text to translate. What is left of a
run of the source's script is weighed word by word: in a cased script (English), a
capitalised word is a name, a brand or a product (Debian, Wagtail, Google Drive) and a word
with the marks of a romanisation (al-Ḥasaka) is a name that the target's script should
write; the rest are ordinary words, and only a run of them that holds a function word of
the source's language ("the", "of", "is") reads as a clause left untranslated. One or two
lower-case words copied from the source are a command, a package or a gloss far more often
than a slip ("dpkg", "(latency)"). A caseless script (Arabic) shows none of these signs, so
every run of it in a target of another script is text left untranslated.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from lintr.analysis.verbatim import KINDS, Verbatim, mask_spans, mask_verbatim, verbatim_spans
from lintr.languages.latin import is_romanised
from lintr.model import Pair, PairSide
from lintr.text import WORD, script_pattern

# Arabic word ligatures (U+FDF0-U+FDFD): ﷺ ﷻ ﷲ ﷽ ... English religious texts use them on purpose.
HONORIFIC_LIGATURES = [chr(c) for c in range(0xFDF0, 0xFDFE)]
# Inside a run of foreign script: spaces, hyphens, tatweel and the punctuation such text uses.
_SEPARATORS = r"[\s\-‐–—_.,:;'\"«»“”‘’()\[\]،؛؟!?/\u200c\u200d\u200e\u200f\u061c]"
_RUN_PATTERNS: dict[str, regex.Pattern] = {}
# The fewest ordinary words (with a function word among them) that make a clause.
MIN_WORDS = 3
# What ``allow-acronyms = false`` reports: these are then text like any other.
SHOWN = frozenset({"url", "email", "acronym"})
_HIDDEN = frozenset(KINDS) - SHOWN
# Verbatim spans that make the English words touching them code too (not placeholders: a
# software string's text sits between them).
_CODE = frozenset({"code", "path", "option"})
_PUNCTUATION = "\"'“”‘’«»()[]{}.,:;!?،؛؟…"


class Run(NamedTuple):
    """A run of the source's script in the target (offsets in the target's text)."""

    start: int
    end: int
    words: tuple[str, ...]
    ordinary: int  # words that are neither names nor romanisations
    clause: bool  # a function word is among them
    romanised: tuple[str, ...]  # words written with romanisation marks
    in_source: int  # ordinary words that the source has too
    caseless: bool  # the source's script has no case: every word is ordinary
    bracketed: bool  # inside round brackets: a gloss, more often than not
    by_code: bool  # next to an identifier, a path or an option: code or program output

    def is_text(self, min_words: int = MIN_WORDS) -> bool:
        """Whether the run is text left untranslated rather than names, terms and code kept:
        a gloss in brackets must be twice as long; a function word is needed unless one word
        is enough; words next to code are code."""
        if self.caseless:
            return True
        least = min_words * 2 if self.bracketed else min_words
        return not self.by_code and self.ordinary >= least and (self.clause or min_words <= 1)


def run_pattern(script: str) -> regex.Pattern:
    """A maximal run of ``script`` letters, with separators allowed between its words."""
    if script not in _RUN_PATTERNS:
        letter = rf"[\p{{{script}}}&&\p{{L}}]"
        word = rf"{letter}(?:{letter}|\p{{M}}|\u0640|[\p{{{script}}}&&\p{{N}}])*"
        _RUN_PATTERNS[script] = regex.compile(rf"{word}(?:{_SEPARATORS}+{word})*", regex.V1)
    return _RUN_PATTERNS[script]


def excerpt(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def target_verbatim(pair: Pair) -> list[Verbatim]:
    """The target's verbatim spans, found once per pair: both rules and both kinds of run
    read them, and on English targets (nearly all hold ﷺ) the scan is most of the rules' cost."""
    found = pair.memo.get("target_verbatim")
    if found is None:
        found = pair.memo["target_verbatim"] = verbatim_spans(pair.target.text)
    return found


def source_runs(pair: Pair, hide_all: bool = True) -> list[Run]:
    """The runs of the source's script in the target, outside verbatim spans (outside all of
    them, or with ``hide_all`` false outside those but URLs, e-mails and acronyms)."""
    key = ("source_runs", hide_all)
    found = pair.memo.get(key)  # two rules ask, once per pair
    if found is None:
        found = pair.memo[key] = _source_runs(pair, hide_all)
    return found


def _source_runs(pair: Pair, hide_all: bool) -> list[Run]:
    source, target = pair.source, pair.target
    script = source.profile.script
    if not script_pattern(script).search(target.text):
        return []
    spans = [s for s in target_verbatim(pair) if hide_all or s.kind in _HIDDEN]
    text = mask_spans(target.text, spans)
    code = [(s.start, s.end) for s in spans if s.kind in _CODE]
    known = _source_words(source)
    function_words = source.profile.function_words
    caseless = not source.profile.cased
    runs = []
    for match in run_pattern(script).finditer(text):
        where = (_bracketed(text, match.span()), _touches(target.text, match.span(), code))
        runs.append(_run(match, known, function_words, caseless, *where))
    return runs


def _touches(text: str, span: tuple[int, int], code: list[tuple[int, int]]) -> bool:
    """Whether the span holds a piece of code, or only spaces stand between them: words glued
    to an identifier, a path or an option are part of a command line or of a program's
    output ("PsychoPhobia Backdoor is starting", "Shellcode placed at 0x%08lx")."""
    start, end = span
    return any(
        (a < end and start < b)  # inside the run: "cat /etc/hosts to see"
        or (b <= start and not text[b:start].strip())
        or (a >= end and not text[end:a].strip())
        for a, b in code
    )


def _run(
    match: regex.Match,
    known: frozenset[str],
    function_words: frozenset[str],
    caseless: bool,
    bracketed: bool,
    by_code: bool,
) -> Run:
    """What one run is. Words are counted as written between spaces: a hyphenated term
    ("man-in-the-middle", "d-i") is one word, and none of its parts a function word."""
    words = tuple(WORD.findall(match.group()))
    tokens = [t.strip(_PUNCTUATION) for t in match.group().split()]
    tokens = [t for t in tokens if t]
    romanised = () if caseless else tuple(w for w in words if is_romanised(w))
    start = match.start()
    if not caseless and start and is_romanised(match.string[start - 1]):
        start -= 1  # the ʿayn or hamza letter that opens a name: ʿUmar
        romanised = (match.string[start] + words[0], *romanised)
    plain = [caseless or not (is_romanised(t) or t[:1].isupper()) for t in tokens]
    if len(tokens) > 1 and plain[1] and not is_romanised(tokens[0]):
        plain[0] = True  # a capital that starts a sentence: "See the sidebar"
    ordinary = [
        t for t, p in zip(tokens, plain, strict=True) if p or t.casefold() in function_words
    ]
    return Run(
        start,
        match.end(),
        words,
        len(ordinary),
        any(t.casefold() in function_words for t in ordinary),
        romanised,
        sum(t.casefold() in known for t in ordinary),
        caseless,
        bracketed,
        by_code,
    )


def _bracketed(text: str, span: tuple[int, int]) -> bool:
    """Whether the span is inside round brackets: "الخادم (server)", the usual place of a
    source term given after its translation."""
    before, after = text[: span[0]], text[span[1] :]
    opened = before.rfind("(") > before.rfind(")")
    closed = after.find(")") >= 0 and (after.find("(") < 0 or after.find(")") < after.find("("))
    return opened and closed


def _source_words(source: PairSide) -> frozenset[str]:
    return frozenset(w.casefold() for w in source.tokens)


def written_in_source_script(pair: Pair) -> bool:
    """Whether the target is written in the source's script, while the target's language
    uses another script: the target was not translated. Only text counts: the letters of
    runs that read as text left untranslated (``Run.is_text``) against the target's own
    letters, outside verbatim spans both; placeholders, code, names and terms kept on
    purpose do not count. A target with no letter of its own script needs an ordinary word
    of two letters or more ("Enable webhook" is English, "ب" too little to judge)."""
    found = pair.memo.get("written_in_source_script")
    if found is None:
        found = pair.memo["written_in_source_script"] = _in_source_script(pair)
    return found


def _in_source_script(pair: Pair) -> bool:
    src, tgt = pair.source.profile, pair.target.profile
    if src.script == tgt.script:
        return False
    runs = source_runs(pair)
    if not runs:
        return False
    own = len(
        script_pattern(tgt.script).findall(mask_spans(pair.target.text, target_verbatim(pair)))
    )
    if own == 0:
        return any(r.ordinary for r in runs) and sum(len(w) for r in runs for w in r.words) >= 2
    left = sum(_letters(pair.target.text[r.start : r.end]) for r in runs if r.is_text())
    return left > own


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def translatable(side: PairSide) -> bool:
    """Whether ``side`` has words to translate: outside verbatim spans, an ordinary word
    (lower case, or a function word) of a cased script, or any word of a caseless one. A
    string of placeholders, code, acronyms, numbers or names ("OK", "%(name)s:", "Wagtail")
    has none."""
    profile = side.profile
    letter = script_pattern(profile.script)
    words = [w for w in WORD.findall(mask_verbatim(side.text)) if letter.search(w)]
    if not profile.cased:
        return bool(words)
    return any(w.islower() or w.casefold() in profile.function_words for w in words)


def same_words(a: str, b: str) -> bool:
    """Equal ignoring spaces and case. The first words decide for almost every pair, before
    both texts are rebuilt (casefold maps no character to a space, nor a space to another)."""
    a_first, b_first = a.split(None, 1)[:1], b.split(None, 1)[:1]
    if a_first and b_first and a_first[0].casefold() != b_first[0].casefold():
        return False
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
