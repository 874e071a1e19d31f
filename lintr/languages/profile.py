"""Language profiles (contributed by plugins) and language detection."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lintr import text as textmod
from lintr.languages.morphology import PLURAL_S, WordForms
from lintr.languages.names import LATIN_NAMES, NameSkeletons
from lintr.languages.number_tables import NumberTables
from lintr.languages.repetition import Repetition

if TYPE_CHECKING:
    from lintr.analysis.numbers import Scanner


def _identity(text: str) -> str:
    return text


@dataclass(frozen=True)
class LanguageProfile:
    """What lintr knows about one language. Plugins contribute these via ``lintr_languages``."""

    code: str  # ISO 639-1, as langdetect reports it
    name: str
    script: str  # Unicode script name, as in \\p{Arabic}
    rtl: bool = False
    # How numbers are written in digits (lintr.analysis.digits). Digit characters other than
    # ASCII, mapped to ASCII (Arabic-Indic ٠-٩ -> 0-9, ...): every Unicode decimal digit is
    # read in any language anyway; others (not decimal to Unicode) are read where listed.
    digits: dict[str, str] = field(default_factory=dict)
    decimal_separators: tuple[str, ...] = (".",)
    thousands_separators: tuple[str, ...] = (",",)
    # After a number: it is a percentage (Value.unit "%").
    percent_signs: tuple[str, ...] = ("%",)
    sentence_final: tuple[str, ...] = (".", "!", "?", "…")
    # Opening -> closing quotation marks used by the language.
    quote_pairs: tuple[tuple[str, str], ...] = (("“", "”"),)
    # Ordinal suffixes written after digits (15th, 2nd): 15th is the ordinal 15.
    ordinal_suffixes: tuple[str, ...] = ()
    # Words ending in a full stop that do not end a sentence (lower case, without the
    # final stop): "dr", "u.s", "p.m"; single letters (initials, "b." for ibn) never do.
    abbreviations: frozenset[str] = frozenset()
    # Abbreviations that may also end a sentence ("etc.", "U.S."): a sentence ends there
    # when the next word starts with a capital.
    abbreviations_may_end: frozenset[str] = frozenset()
    # Whether the script has letter case (a new sentence starts with a capital).
    cased: bool = True
    # Characters needed for a given content, relative to English (1.0): the default
    # length ratio of a language pair before a corpus teaches lintr its own.
    relative_length: float = 1.0
    # Removes what does not change a word's identity (tashkeel, tatweel for Arabic).
    strip_marks: Callable[[str], str] = _identity
    # Folds spelling variants together (alef and hamza forms...). Implies strip_marks.
    normalize: Callable[[str], str] = _identity
    # Number words, month names, am/pm, unit words: lintr.analysis.numbers and
    # lintr.analysis.quantities read them (lintr_plugins/languages/arabic/numbers.py shows
    # every table).
    number_tables: NumberTables = field(default_factory=NumberTables)
    # What reads the number words: the table-driven Scanner (None), or a subclass for a
    # grammar tables cannot say, made with (profile, number_tables).
    number_reader: Callable[[LanguageProfile, NumberTables], Scanner] | None = None
    # Which words may be names and their consonant skeletons, for the aligner's anchors
    # (None: names anchor nothing).
    name_skeletons: NameSkeletons | None = None
    # How the aligner's lexicon compares words: folding, clitics and suffixes.
    word_forms: WordForms = PLURAL_S
    # A word as glossary terms are looked up (Arabic: without marks and clitics).
    term_key: Callable[[str], str] = str.casefold
    # Words the language writes twice on purpose ("had had", رويدا رويدا): the doubled-word
    # rule reports neither these nor those of the other language of the pair.
    doublings: frozenset[str] = frozenset()
    # How else the language repeats words: the words never doubled on purpose, what renders
    # a repetition, whether a doubling may be deliberate (lintr.languages.repetition).
    repetition: Repetition = field(default_factory=Repetition)
    # Whether a sentence the language wrote without a question mark reads as a question (a
    # question word: Arabic هل, كيف, أليس …, which classical and informal writing end with a
    # full stop or nothing). None: the language marks its questions.
    question_cue: Callable[[str], bool] | None = None
    # The language's function words (articles, prepositions, pronouns, auxiliaries), lower
    # case: a run of them left in a translation is a clause, not a name or a term.
    function_words: frozenset[str] = frozenset()
    # The side the language takes where a run does not say ("source" or "target"): English
    # is the target, since lintr's users mostly check translations into English; the first
    # profile to claim a side is that side's default (Languages.default_pair).
    default_side: str = ""

    @property
    def letter(self):
        return textmod.script_pattern(self.script)


class Languages:
    """The registry of profiles contributed by plugins."""

    def __init__(self, profiles: Iterable[LanguageProfile]):
        self.by_code: dict[str, LanguageProfile] = {}
        for profile in profiles:
            self.by_code.setdefault(profile.code, profile)
            textmod.script_pattern(profile.script)
        self._generic: dict[str, LanguageProfile] = {}

    def __contains__(self, code: str) -> bool:
        return code in self.by_code

    def get(self, code: str) -> LanguageProfile:
        return self.by_code[code]

    def generic(self, code: str) -> LanguageProfile:
        """A profile for a language no plugin knows: Latin script, no special knowledge (the
        same one each time: profiles are cache keys)."""
        found = self.by_code.get(code) or self._generic.get(code)
        if found is None:
            found = self._generic[code] = LanguageProfile(
                code=code, name=code, script="Latin", name_skeletons=LATIN_NAMES
            )
        return found

    def default(self, side: str) -> str:
        """The code of the language that takes ``side`` where a run does not say, or ""."""
        return next((p.code for p in self.by_code.values() if p.default_side == side), "")

    def is_default_target(self, code: str) -> bool:
        profile = self.by_code.get(code)
        return profile is not None and profile.default_side == "target"

    def detect(self, text: str, candidates: Iterable[str] | None = None) -> str | None:
        """The language of ``text``: by script first, langdetect only where scripts tie."""
        pool = [self.by_code[c] for c in (candidates or self.by_code) if c in self.by_code]
        script = textmod.dominant_script(text)
        if script is None:
            return None
        same_script = [p.code for p in pool if p.script == script]
        if len(same_script) == 1:
            return same_script[0]
        if not same_script:
            return None
        return langdetect_among(text, same_script)


def langdetect_among(text: str, candidates: list[str]) -> str | None:
    # Imported lazily: langdetect loads ~50 profiles, which a pre-commit run rarely needs.
    from langdetect import DetectorFactory, LangDetectException, detect_langs

    DetectorFactory.seed = 0  # deterministic results
    try:
        ranked = detect_langs(text)
    except LangDetectException:
        return None
    for guess in ranked:
        if guess.lang in candidates:
            return guess.lang
    return None
