"""The `untranslated-segment` rule."""

from __future__ import annotations

from collections.abc import Iterator

from lintr.languages.profile import langdetect_among
from lintr.model import Finding, Pair, Severity
from lintr.rules.base import Option, Rule
from lintr_plugins.rules.untranslated.scripts import (
    same_words,
    translatable,
    written_in_source_script,
)


class UntranslatedSegment(Rule):
    """The target is a copy of the source, or is written in the source language.

    What it finds:
        A target identical to its source (ignoring spaces and case) is reported when the
        source has words to translate: a string of placeholders, markup, URLs, paths, code,
        numbers, acronyms or names copied over ("OK", "API", "%(name)s:", "Wagtail", "CNN",
        "2023") is fine; in a cased script (English) a word to translate is a lower-case word
        or a function word ("slug", "Save the file"), in a caseless one (Arabic) any word. A
        target written in the source's script is reported too: in words, more text left in
        the source's language than words of its own (Arabic in an English target; for English
        in Arabic, runs that read as clauses: placeholders, code, names and terms kept on
        purpose do not count, as in ``untranslated-fragment``). Where both languages share a
        script, langdetect decides, for targets long enough to judge.

    Why it matters:
        A copied source passes length and alignment checks and looks translated at a glance;
        in a corpus it teaches a model to copy instead of translating.

    Example:
        source: قال المتحدث باسم الوزارة إن المحادثات ستستأنف غدا.
        target: قال المتحدث باسم الوزارة إن المحادثات ستستأنف غدا.
        → target:1:1: untranslated: the target is a copy of the Arabic source

    Options:
        ``min-letters``: where both languages share a script, the shortest target (in letters)
        that langdetect judges; shorter ones are too short to tell reliably.

    Fix:
        None: the segment needs translating.
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
        same = same_words(source.text, target.text)
        if same and translatable(source):
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
