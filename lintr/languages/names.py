"""How a language's text shows names, for the aligner's anchors (lintr.align.anchors).

A name survives translation in another script as its consonants: the Arabic المغاوير and the
Latin transliterations Maġāwīr and Maghawir share the skeleton 'mgr'. Each profile says
which of its words may be names and how to reduce one to that skeleton; skeletons are
written in one alphabet shared by every script (the consonant classes of
lintr.languages.latin.latin_skeleton: b t g h k d z s f l m n r), so that two languages
compare their names without knowing each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lintr.languages.latin import CAPITALISED, latin_skeleton


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: a cache key
class NameSkeletons:
    """The name words of a text and their consonant skeletons."""

    # The words of a text that may be names (every Arabic word; capitalised Latin words).
    # Must match no whitespace: anchors are found word by word (lintr.text.by_chunk).
    find: Callable[[str], list[str]]
    skeleton: Callable[[str], str]


# Latin script: capitalised words, and the skeleton of a romanised name. The generic
# profile of a language no plugin knows has it too.
LATIN_NAMES = NameSkeletons(find=CAPITALISED.findall, skeleton=latin_skeleton)
