"""The Arabic number reader: lintr's table-driven Scanner, and the grammar Arabic number words
need besides the tables. In vocalised text the marks tell a number from another word (خُمُس
a fifth, خَمْس five; تَسْعَوْنَ "you hasten" is not تِسْعُون); a dual ending says "two" on a noun
(يومين); a verb that doubles the middle letter of a number root says the number loosely
(سَبَّعْتُ "I stayed seven (nights)")."""

from __future__ import annotations

import re

from lintr.analysis.numbers import CARDINAL_KINDS, Scanner, Token, Value, WordValue
from lintr_plugins.languages.arabic.numbers import (
    DUALS,
    FINAL_LETTERS,
    UNIT_DUALS,
    VERB_ROOTS,
    VOCALISED,
    VOWELED_FRACTIONS,
)

_DAMMA = "\u064f"
_MAQSURA = "ى"
_ALEF = "ا"
_SHADDA = "\u0651"
# Short vowels (and their tanwin forms): a for fatha, u for damma, i for kasra, 0 for sukun
# (U+0652, and the small high sukun U+06E1 of the Uthmani script: سَبۡعَ).
_VOWELS = {
    "\u064e": "a", "\u064b": "a", "\u064f": "u", "\u064c": "u",
    "\u0650": "i", "\u064d": "i", "\u0652": "0", "\u06e1": "0",
}  # fmt: skip
_VOWELS_AND_SHADDA = {*_VOWELS, _SHADDA}


def _letter_before(text: str, at: int) -> int:
    """The position of the letter before ``at`` in the same word, past its marks; -1 if none."""
    at -= 1
    while at >= 0 and text[at] in _VOWELS_AND_SHADDA:
        at -= 1
    return at if at >= 0 and text[at].isalpha() else -1


def _letter_after(text: str, at: int) -> int:
    at += 1
    while at < len(text) and text[at] in _VOWELS_AND_SHADDA:
        at += 1
    return at if at < len(text) and text[at].isalpha() else -1


class ArabicScanner(Scanner):
    """Arabic number words: the tables, read with the marks of vocalised text, duals and
    number verbs (the hooks of lintr.analysis.numbers.Scanner)."""

    dual_grammar = True

    def _read_grammar(self) -> None:
        f = self.fold_word
        self.duals = {f(k): v for k, v in DUALS.items()}
        self.unit_duals = {f(k): v for k, v in UNIT_DUALS.items()}
        self.voweled = {f(k): v for k, v in VOWELED_FRACTIONS.items()}
        self.vowels = self._vowel_templates(VOCALISED)
        self.final_letters = {k: f(v) for k, v in FINAL_LETTERS.items()}
        # The number words spelled with a final ى (إحدى، مثنى، أولى): the fold makes it an
        # alef, so that تسعى "she strives" would read as تسعا "nine" without this list.
        t = self.tables
        words = (*t.cardinals, *t.ordinals, *t.fractions, *t.months)
        self.maqsura_forms = {f(w) for w in words if w.endswith(_MAQSURA)}
        self.verb_roots = dict(VERB_ROOTS)
        # Letters of a number root around a shadda: where _verbs may find a verb (vocalised
        # text has a shadda in every few words; few of them double a number root).
        first, middle, last = (
            "[" + re.escape("".join(sorted({root[k] for root in self.verb_roots}))) + "]"
            for k in range(3)
        )
        marks = "[" + "".join(sorted(_VOWELS_AND_SHADDA)) + "]*"
        self.verb_gate = re.compile(f"{first}{marks}{middle}{marks}{_SHADDA}{marks}{last}")

    def _word_forms(self) -> list[str]:
        return [*self.cardinals, *self.ordinals, *self.fractions, *self.duals, *self.months]

    def _confirmable(self, form: str) -> bool:
        return form in self.vowels  # لست "I am not", unless its vowels say لِسِتِّ "at six"

    def _read(self, text: str, tok: Token, counted: bool) -> tuple[str, WordValue]:
        self._respell(text, tok)
        if text[tok.end - 1] == _MAQSURA and tok.form not in self.maqsura_forms:
            if tok.form.endswith(_ALEF):
                return "", 0  # تسعى, a verb: the accusative تسعا is written with an alef
        kind, value = self._classify(tok, counted)
        if tok.form in self.voweled and text[tok.start + 1 : tok.start + 2] == _DAMMA:
            kind, value = "frac", self.voweled[tok.form]
        elif kind in CARDINAL_KINDS and self._misvowelled(text, tok):
            kind = ""  # تَسْعَوْنَ is a verb, not تِسْعُون
        if self.to_confirm and tok.prefix + tok.form in self.to_confirm:
            if not self._vowelled_as_number(text, tok):
                kind = ""
        return kind, value

    def _classify(self, tok: Token, counted: bool) -> tuple[str, WordValue]:
        if tok.form in self.duals and tok.form not in self.months:
            return "dual", 2
        return super()._classify(tok, counted)

    def _single(self, text: str, tok: Token, kind: str, value, digits: list[Value]) -> list[Value]:
        if kind == "dual":
            unit = self.unit_duals.get(tok.form, "")
            return [Value(tok.start, tok.end, text[tok.start : tok.end], "2", "dual", unit=unit)]
        return super()._single(text, tok, kind, value, digits)

    def _more_words(self, text: str, words: list[Value]) -> list[Value]:
        if _SHADDA in text and self.verb_gate.search(text):
            return self._verbs(text, words)
        return words

    def _may_have_more_words(self, text: str) -> bool:
        return bool(self.verb_gate.search(text))

    # -- vocalised text ------------------------------------------------------------------
    def _respell(self, text: str, tok: Token) -> None:
        """أَلْفَىْ: a last letter folded like another, read as the one it spells here."""
        meant = self.final_letters.get(text[tok.end - 1])
        if meant and not tok.form.endswith(meant):
            respelled = tok.form[:-1] + meant
            if respelled in self.known:
                tok.form = respelled

    def _vowelled_as_number(self, text: str, tok: Token) -> bool:
        """Whether the word carries the marks of its number stem (لِسِتِّ, not لَسْتُ)."""
        return any(ch in _VOWELS for ch in text[tok.start : tok.end]) and not self._misvowelled(
            text, tok
        )

    def _misvowelled(self, text: str, tok: Token) -> bool:
        """Whether the marks of the word contradict the vowels its number stem always has."""
        form = tok.form
        marks = None
        for k in range(len(form), 1, -1):
            marks = self.vowels.get(form[:k])
            if marks is not None:
                break
        if not marks:
            return False
        last = max(marks)
        letter = -1
        table = self._fold_table
        for ch in text[tok.start : tok.end]:
            vowel = _VOWELS.get(ch)
            if vowel is not None:
                wanted = marks.get(letter)
                if wanted is not None and wanted != vowel:
                    return True
            elif table[ord(ch)]:
                letter += 1
                if letter > last:
                    return False
        return False

    def _vowel_templates(self, stems) -> dict[str, dict[int, str]]:
        """The folded stem of each vocalised one, with the vowel of each marked letter."""
        out = {}
        for stem in stems:
            marks: dict[int, str] = {}
            letter = -1
            for ch in stem:
                if ch in _VOWELS:
                    marks[letter] = _VOWELS[ch]
                elif self.fold_word(ch):
                    letter += 1
            out[self.fold_word(stem)] = marks
        return out

    # -- number verbs --------------------------------------------------------------------
    def _verbs(self, text: str, words: list[Value]) -> list[Value]:
        """Verbs made of a number root with a doubled middle letter (سَبَّعْتُ, ثَلِّثْ): loose
        values, in place of a number word read in them."""
        at = text.find(_SHADDA)
        found: list[Value] = []
        while at != -1:
            verb = self._verb_at(text, at)
            if verb is not None and not (found and found[-1].start == verb.start):
                found.append(verb)
            at = text.find(_SHADDA, at + 1)
        if not found:
            return words
        kept = [w for w in words if not any(v.start < w.end and w.start < v.end for v in found)]
        return sorted([*kept, *found], key=lambda v: v.start)

    def _verb_at(self, text: str, shadda: int) -> Value | None:
        # The root around the shadda first: most shaddas (أنّ) are not in a number verb.
        middle = _letter_before(text, shadda)
        first = _letter_before(text, middle) if middle > 0 else -1
        last = _letter_after(text, shadda)
        if first < 0 or last < 0:
            return None
        value = self.verb_roots.get(text[first] + text[middle] + text[last])
        if value is None:
            return None
        start, end = first, last + 1
        while start and (text[start - 1].isalpha() or text[start - 1] in _VOWELS_AND_SHADDA):
            start -= 1
        while end < len(text) and (text[end].isalpha() or text[end] in _VOWELS_AND_SHADDA):
            end += 1
        return Value(start, end, text[start:end], str(value), "weak")
