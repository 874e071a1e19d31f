"""The `glossary` rule."""

from __future__ import annotations

from collections.abc import Iterator

from lintr.config.termfiles import Term, read_glossary
from lintr.languages.profile import LanguageProfile
from lintr.model import Finding, Location, Pair, PairSide, Related, Severity
from lintr.rules.base import Option, Rule

# English endings that keep a rendering approved: army -> armies is not covered, armys is
# not English; "coalition" -> "coalitions", "coalition's".
_INFLECTIONS = ("", "s", "es", "'s", "’s")


def _key(word: str, profile: LanguageProfile) -> str:
    """A word as glossary entries are compared: Arabic without tashkeel, with alef/hamza,
    ta marbuta and clitics (و ف ب ك ل ال) folded; other languages case-folded (the
    profile's ``term_key``)."""
    return profile.term_key(word)


def _find(phrase: tuple[str, ...], keys: list[str], inflect: bool = False) -> list[tuple[int, int]]:
    """(first, last) word indices where ``phrase`` occurs in ``keys``."""
    found, n = [], len(phrase)
    for i in range(len(keys) - n + 1):
        if keys[i : i + n - 1] != list(phrase[:-1]):
            continue
        last = keys[i + n - 1]
        if last == phrase[-1] or (
            inflect and any(last == phrase[-1] + e for e in _INFLECTIONS if e)
        ):
            found.append((i, i + n - 1))
    return found


class Glossary(Rule):
    """A glossary term rendered otherwise than the team agreed: the source has the term but
    the target has none of its approved renderings, or has a forbidden one.

    What it finds:
        The glossary is a file the team keeps in the repository (``glossary-file``, relative to
        the configuration file; nothing is checked without one). One term a line, fields
        separated by tabs (``.tsv``) or commas (``.csv``):

            source<TAB>approved[|approved...]<TAB>forbidden[|forbidden...]

            # source	approved	forbidden
            الجيش السوري	Syrian Army|Syrian army	Syrian Arms
            داعش	Dā'iš|ISIS|Daesh	Islamic State
            التحالف الدولي	International Coalition|international coalition

        ``#`` starts a comment line; a first line naming the columns is skipped. Either list
        may be empty, not both. See ``examples/glossary.csv``.

        Matching: Arabic source terms match whole words without tashkeel, with alef and hamza
        forms and ta marbuta folded, and with the clitics و ف ب ك ل and the article: ``الجيش``
        matches ``وللجيش`` and ``جيش``. Target renderings match whole words, ignoring case,
        with English plural and possessive endings (coalition's). A forbidden rendering is
        reported only in pairs whose source has the term.

        Reported at the source term (no approved rendering) or at the forbidden rendering,
        with a note at the glossary line.

    Why it matters:
        Agreed terminology (an organisation's official name, a legal or religious term) is
        what keeps a team's translations consistent and correct, and a glossary nobody checks
        is soon not followed.

    Example (with examples/glossary.csv):
        source: هجوم على الجيش السوري
        target: An attack on the Syrian Arms
        → target:1:18: 'Syrian Arms' is a forbidden rendering of 'الجيش السوري': use 'Syrian Army'

    Options:
        ``glossary-file``: the glossary, above.

    Fix:
        None: a rendering depends on its sentence (case, grammar, a quotation), so a person
        replaces it.
    """

    id = "glossary"
    severity = Severity.WARNING
    scope = "pair"
    options = {
        "glossary-file": Option(str, "", "the glossary (TSV/CSV); relative to the config"),
    }

    def configure(self) -> None:
        path = self.settings["glossary-file"]
        self._path = path
        self._terms: list[Term] = read_glossary(path) if path else []

    def check(self, pair: Pair) -> Iterator[Finding]:
        if not self._terms or not (pair.source and pair.target):
            return
        source_keys = self._keys(pair.source)
        target_keys = self._keys(pair.target)
        for term in self._terms:
            phrase = self._phrase(term.source, pair.source.profile)
            hits = _find(phrase, source_keys) if phrase else []
            if not hits:
                continue
            yield from self._check_term(term, pair, hits, target_keys)

    def _check_term(self, term: Term, pair: Pair, hits, target_keys) -> Iterator[Finding]:
        profile = pair.target.profile
        note = Related(Location(self._path, term.line, 1), "the glossary entry")
        shown = " | ".join(f"'{a}'" for a in term.approved)
        banned = [
            hit
            for forbidden in term.forbidden
            for hit in _find(self._phrase(forbidden, profile), target_keys, inflect=True)
        ]
        if banned:  # reported at the forbidden rendering, the one place to correct
            words = pair.target.words
            for first, last in sorted(set(banned)):
                location = pair.target.location(words[first][0], words[last][1])
                text = pair.target.text[words[first][0] : words[last][1]]
                advice = f": use {shown}" if term.approved else ""
                message = f"'{text}' is a forbidden rendering of '{term.source}'{advice}"
                yield self.finding(
                    message, location, [note], detail=f"forbidden:{term.line}:{text}"
                )
            return
        if term.approved and not any(
            _find(self._phrase(a, profile), target_keys, inflect=True) for a in term.approved
        ):
            first, last = hits[0]
            words = pair.source.words
            location = pair.source.location(words[first][0], words[last][1])
            text = pair.source.text[words[first][0] : words[last][1]]
            message = f"'{text}' is not rendered as the glossary says: use {shown}"
            yield self.finding(message, location, [note], detail=f"approved:{term.line}")

    @staticmethod
    def _keys(side: PairSide) -> list[str]:
        return [_key(w, side.profile) for _, _, w in side.words]

    @staticmethod
    def _phrase(text: str, profile: LanguageProfile) -> tuple[str, ...]:
        from lintr.text import words

        return tuple(_key(w, profile) for _, _, w in words(text))
