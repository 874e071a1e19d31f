"""Tokenisation and script classification shared by every rule (compiled once, here)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from itertools import accumulate, chain
from typing import TypeVar

import regex

# A word: letters and combining marks (tashkeel), with apostrophes and ʿayn/hamza signs
# allowed inside it (Dā‘iš, latter’s), and tatweel, which Unicode counts as a letter.
WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’‘ʿʾ][\p{L}\p{M}\p{N}]+)*")
# The same words as one capturing group: ``split`` gives gaps and words in turn, and the
# running sum of their lengths every word's offsets, without a Python call per word.
WORD_SPLIT = regex.compile(f"({WORD.pattern})")
# Bidi controls and other invisible format characters that must not count as text.
INVISIBLE = regex.compile(r"[\p{Cf}]")
TRAILING_INVISIBLE = regex.compile(r"[\s\p{Cf}]*$")
# A character that shows: not a space (as str.strip counts them, so with the information
# separators U+001C-U+001F), not an invisible format character.
VISIBLE = regex.compile(r"[^\s\p{Cf}\x1c-\x1f]")
SCRIPT_LETTERS = {
    "Arabic": regex.compile(r"[\p{Arabic}&&\p{L}]", regex.V1),
    "Latin": regex.compile(r"[\p{Latin}&&\p{L}]", regex.V1),
}


URL_OR_EMAIL = regex.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+")


def mask_urls(text: str) -> str:
    """``text`` with URLs and e-mail addresses replaced by NULs of the same length (so
    offsets stay valid and their letters count for no script)."""
    if "://" not in text and "www." not in text and "@" not in text:
        return text
    return URL_OR_EMAIL.sub(lambda m: "\0" * len(m.group()), text)


def words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) for every word of ``text``."""
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def word_bounds(text: str) -> list[int]:
    """Where the words of ``text`` start and end: word i is ``text[b[2 * i]:b[2 * i + 1]]``,
    the same words as ``words``. About 15% cheaper than ``words`` and no tuple per word."""
    return list(accumulate(map(len, WORD_SPLIT.split(text))))


T = TypeVar("T")

# Distinct words a per-process cache of ``mapped`` holds before it starts again: enough for
# the working vocabulary of a large corpus, small enough not to matter (tens of MB).
CACHE_LIMIT = 1 << 19


def mapped(
    function: Callable[[str], T], items: list[str], cache: dict[str, T], limit: int = CACHE_LIMIT
) -> list[T]:
    """``[function(x) for x in items]``, with each distinct item computed once and kept in
    ``cache`` (emptied when it would pass ``limit`` items) for the next call: word folding
    costs a dictionary look-up per word, done in C, instead of a Python call."""
    try:
        return list(map(cache.__getitem__, items))
    except KeyError:  # items not seen before: compute them once
        missing = set(items).difference(cache)
        if len(cache) + len(missing) > limit:
            cache.clear()
            missing = set(items)
        for item in missing:
            cache[item] = function(item)
        return list(map(cache.__getitem__, items))


# Distinct chunks a cache of ``by_chunk`` holds before it starts again. Chunks are words with
# their punctuation, and numbers, mostly new: a cache that keeps them all only grows. A run
# has about ten caches (one per scan): 2^15 chunks each added 34 MB to the peak RSS of
# 100,000 synthetic pairs, 2^13 added 9 MB but cost about 5 µs a pair more per cache than
# 2^15 (starting again every few thousand pairs); 2^14 is between the two.
CHUNK_LIMIT = 1 << 14


def by_chunk(
    scan: Callable[[str], Iterable[T]], chunks: list[str], cache: dict[str, tuple[T, ...]]
) -> list[T]:
    """``list(scan(text))`` for the text whose ``text.split()`` is ``chunks``, worked out chunk
    by chunk, each distinct chunk scanned once and kept in ``cache``: a split and a look-up
    per chunk, done in C, cost half a regex scan of the whole text.

    Equal to scanning the whole text only for a ``scan`` whose matches hold no whitespace
    and whose look-arounds take whitespace as they take the text's ends (a word pattern
    such as ``WORD``): then no match crosses a chunk and each chunk has the same matches
    alone as inside the text."""
    try:
        return list(chain.from_iterable(map(cache.__getitem__, chunks)))
    except KeyError:  # chunks not seen before: scan them once
        found = mapped(lambda chunk: tuple(scan(chunk)), chunks, cache, CHUNK_LIMIT)
        return list(chain.from_iterable(found))


# The shared tokens of every side (``PairSide.tokens``), per distinct chunk.
_TOKEN_CHUNKS: dict[str, tuple[str, ...]] = {}


def tokens(chunks: list[str]) -> list[str]:
    """``WORD.findall(text)``, from the chunks of ``text`` (``text.split()``)."""
    return by_chunk(WORD.findall, chunks, _TOKEN_CHUNKS)


# Per fold function: each distinct word folded (``PairSide.folded_tokens``).
_FOLDED: dict[Callable[[str], str], dict[str, str]] = {}


def folded(fold: Callable[[str], str], words: list[str]) -> list[str]:
    """``[fold(w) for w in words]``, each distinct word folded once per process."""
    cache = _FOLDED.get(fold)
    if cache is None:
        cache = _FOLDED[fold] = {}
    return mapped(fold, words, cache)


def script_counts(text: str) -> Counter[str]:
    """How many letters of each script ``text`` has (by Unicode Script property)."""
    counts: Counter[str] = Counter()
    for name, pattern in SCRIPT_LETTERS.items():
        n = len(pattern.findall(text))
        if n:
            counts[name] = n
    return counts


def script_pattern(script: str) -> regex.Pattern:
    """A pattern for one letter of ``script``, cached."""
    pattern = SCRIPT_LETTERS.get(script)
    if pattern is None:
        pattern = SCRIPT_LETTERS[script] = regex.compile(rf"[\p{{{script}}}&&\p{{L}}]", regex.V1)
    return pattern


def dominant_script(text: str) -> str | None:
    counts = script_counts(text)
    return counts.most_common(1)[0][0] if counts else None


def strip_invisible(text: str) -> str:
    return INVISIBLE.sub("", text)
