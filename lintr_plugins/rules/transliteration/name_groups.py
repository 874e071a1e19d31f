"""Which spellings of ``inconsistent-transliteration``'s state render one name: spellings
identical after folding, split where their sources show two Arabic names; close spellings
joined where the sources, their vowels and their counts allow it; and what tells a lone
slip from a house style."""

from __future__ import annotations

from collections import Counter

from rapidfuzz.distance import Levenshtein

from lintr.analysis import names
from lintr_plugins.languages.arabic.names import arabic_key
from lintr_plugins.rules.transliteration.name_state import Variant

# Close spellings are one name only where the Arabic word they render has this many letters
# (not من, بن); where their consonant skeleton is shorter than MIN_SKELETON (two letters,
# such as 'mr', shared by Mary, 'Umar and Amr), one more letter and a single edit.
MIN_SKELETON = 3
MIN_ARABIC = 3
DOMINANT = 0.4
# An Arabic word in more than this share of the sources is a formula (صلى الله عليه وسلم),
# not the name a transliteration renders.
FORMULA_SHARE = 0.3


class Group:
    """Spellings found to render one name."""

    def __init__(self, formulas: frozenset[str] = frozenset()) -> None:
        self.variants: dict[str, Variant] = {}
        self.formulas = formulas

    def arabic(self) -> str:
        """The Arabic the name renders: the word most of its occurrences matched, if any
        (rather not a word of a formula, وسلم in every eulogy)."""
        counts: Counter[str] = Counter()
        for variant in self.variants.values():
            counts.update(variant.arabic)
        named = Counter({w: n for w, n in counts.items() if arabic_key(w) not in self.formulas})
        total = sum(v.count for v in self.variants.values())
        if named and 2 * max(named.values()) >= total:
            counts = named  # a formula's word only where no other word will do
        if not counts:
            return ""
        word = min(counts, key=lambda w: (-counts[w], w))
        total = sum(v.count for v in self.variants.values())
        return word if 2 * counts[word] >= total else ""


def _support(variants: list[Variant], formulas: frozenset[str]) -> Counter[str]:
    """Per Arabic word (folded, without clitics): in how many of these occurrences' sources
    it was a candidate. Words of formulas are left out."""
    counts: Counter[str] = Counter()
    for variant in variants:
        for word, n in variant.arabic.items():
            key = arabic_key(word)
            if key not in formulas:
                counts[key] += n
    return counts


def _dominant(support: Counter[str], total: int) -> str:
    """The Arabic found most often with these occurrences, if with at least DOMINANT of
    them (the Arabic often abbreviates or words a name otherwise), or ''."""
    if not support:
        return ""
    word = min(support, key=lambda w: (-support[w], w))
    return word if support[word] >= DOMINANT * total else ""


class Unit:
    """Spellings identical after folding that render one Arabic name: the Arabic most
    found with them, their vowels (of the most used spelling) and those of the vocalised
    Arabic they rendered most often, and the Arabic their vowels contradicted."""

    __slots__ = ("arabic", "clash", "count", "key", "signature", "support", "variants", "vowels")

    def __init__(self, key: str, variants: dict[str, Variant], formulas: frozenset[str]):
        self.key = key
        self.variants = variants
        self.count = sum(v.count for v in variants.values())
        self.support = _support(list(variants.values()), formulas)
        self.arabic = _dominant(self.support, self.count)
        main = min(variants, key=lambda s: (-variants[s].count, s))
        self.vowels = names.latin_vowels(main)
        voweled: Counter[tuple] = Counter()
        self.clash: Counter[str] = Counter()
        for variant in variants.values():
            voweled.update(variant.voweled)
            self.clash.update(variant.clash)
        # Ties by the text of the vowels: a vowel the word does not say (None) beside one it
        # says does not order.
        self.signature = min(voweled, key=lambda v: (-voweled[v], repr(v))) if voweled else ()

    def contradicts(self, arabic: str) -> bool:
        """Whether these spellings' vowels contradicted ``arabic`` more often than not."""
        return self.clash.get(arabic, 0) > self.support.get(arabic, 0)

    def renders(self, arabic: str) -> bool:
        """Whether ``arabic`` was found with at least half of these occurrences."""
        return bool(arabic) and 2 * self.support.get(arabic, 0) >= self.count


def split_units(key: str, variants: dict[str, Variant], formulas: frozenset[str]) -> list[Unit]:
    """The spellings of one folded key, split where their sources show different Arabic
    names (As'ad for أسعد, Asad for أسد); spellings without a clear Arabic, or whose sources
    also have the main spelling's Arabic, stay with the main spelling."""
    ranked = sorted(variants, key=lambda s: (-variants[s].count, s))
    main = Unit(key, {ranked[0]: variants[ranked[0]]}, formulas)
    groups: dict[str, dict[str, Variant]] = {main.arabic: dict(main.variants)}
    for spelling in ranked[1:]:
        unit = Unit(key, {spelling: variants[spelling]}, formulas)
        apart = unit.arabic and main.arabic and not unit.renders(main.arabic)
        groups.setdefault(unit.arabic if apart else main.arabic, {})[spelling] = variants[spelling]
    return [Unit(key, groups[a], formulas) for a in sorted(groups)]


def group_names(
    variants: dict[str, dict[str, Variant]], formulas: frozenset[str], limit: int
) -> list[Group]:
    """Spellings grouped by name: identical after folding (unless their sources show
    two Arabic names, as As'ad and Asad do), then, from the most frequent down, each
    close spelling joined to the group of the first more frequent one whose Arabic
    its own sources have."""
    units = [u for key, v in variants.items() for u in split_units(key, v, formulas)]
    blocks: dict[str, list[Unit]] = {}
    for unit in units:
        blocks.setdefault(names.latin_skeleton(unit.key), []).append(unit)
    groups: list[Group] = []
    for skeleton, block in sorted(blocks.items()):
        block.sort(key=lambda u: (-u.count, u.key, u.arabic))
        members: list[tuple[Unit, Group]] = []
        for unit in block:
            home = next(
                (
                    group
                    for member, group in members
                    if same_name(member, unit, len(skeleton), limit)
                ),
                None,
            )
            if home is None:
                home = Group(formulas)
                groups.append(home)
            members.append((unit, home))
            home.variants.update(unit.variants)
    return groups


def same_name(root: Unit, unit: Unit, skeleton: int, limit: int) -> bool:
    """Close spellings of one name: not an English or nisba derivation of each other,
    and either only a final h, y/i or a doubled letter apart with two consonants or more
    (unless their sources show two names; 'Ala and Allaah are not one), or at most ``limit`` edits apart with the more frequent one's Arabic in
    the rarer one's sources. Two-consonant skeletons (Mary, 'Umar, Amr) need a
    single edit and an Arabic word of four letters or more."""
    if _derived(root.key, unit.key):
        return False
    if not (
        names.vowels_agree(root.vowels, unit.signature)
        and names.vowels_agree(unit.vowels, root.signature)
    ):
        return False  # the vocalised Arabic tells two words (عَمْرَة, عُمْرَة)
    if root.arabic and unit.contradicts(root.arabic):
        # A vowel its Arabic does not have: a slip of one letter ('Hammid' for حَمَّاد),
        # else another name (Musad, a slip for Musa, is not مَسْعُود).
        return _slip(root.key, unit.key)
    if skeleton >= 2 and names.loose(root.key) == names.loose(unit.key):
        # Only a final h, y/i or a doubled letter apart: one name unless the sources
        # say otherwise (Hasan حسن and Hassan حسان; Busra بصرى, Busrah بسرة).
        return _sources_agree(root, unit)
    if _lone(root, unit, skeleton):
        return True
    if len(root.arabic) < MIN_ARABIC or not unit.renders(root.arabic):
        return False
    own = unit.arabic
    if own and own != root.arabic and unit.support[own] > unit.support[root.arabic]:
        return False  # its sources show its own name more often (Harithah, Harith)
    if skeleton < MIN_SKELETON:
        if len(root.arabic) < MIN_ARABIC + 1:
            return False
        limit = 1
    return Levenshtein.distance(root.key, unit.key, score_cutoff=limit) <= limit


def marked(spelling: str) -> bool:
    return names.has_marks(spelling) or any(c in names.AYN_SIGNS for c in spelling)


# A spelling used at most LONE times beside one used LONE_RATIO times as often is a lone odd
# spelling: one edit from the frequent one, with the same consonants, and no Arabic of its
# own, it is a respelling of it ('Umer once among 'Umar), even where the Arabic cannot
# confirm (a short skeleton, a name of two Arabic words).
LONE = 2
LONE_RATIO = 4


def _lone(root: Unit, unit: Unit, skeleton: int) -> bool:
    if skeleton < 2 or unit.count > LONE or root.count < LONE_RATIO * unit.count:
        return False
    return _sources_agree(root, unit) and _slip(root.key, unit.key)


def _sources_agree(root: Unit, unit: Unit) -> bool:
    """Whether the sources allow two close spellings to be one name: where both show their
    Arabic, the rarer one's sources have the other's; where one shows it, the other's
    sources met that word (with agreeing vowels or not: 'Isma of اسْم is not 'Ismah of
    عِصْمَة, Zarra is not Za'ra), unless the rarer is a lone slip of the frequent one
    (its one or two sources may word the name otherwise); where neither does, nothing
    says no."""
    if root.arabic and unit.arabic:
        return unit.renders(root.arabic)
    if root.arabic:
        lone = unit.count <= LONE and root.count >= LONE_RATIO * unit.count
        return lone or bool(unit.support[root.arabic] or unit.clash[root.arabic])
    if unit.arabic:
        return bool(root.support[unit.arabic] or root.clash[unit.arabic])
    return True


_SLIP_LETTERS = frozenset("aeiouwy")


def _slip(a: str, b: str) -> bool:
    """One edit apart, the edit a vowel's ('Umar, 'Umer) or a doubling's (Hammad, Hamad):
    a consonant added or changed makes another word (Sura, Shura)."""
    ops = Levenshtein.editops(a, b).as_list()
    if len(ops) != 1:
        return False
    op, i, j = str(ops[0][0]), int(ops[0][1]), int(ops[0][2])
    if op == "replace":
        return a[i] in _SLIP_LETTERS and b[j] in _SLIP_LETTERS
    longer, at = (b, j) if op == "insert" else (a, i)
    char = longer[at]
    return char in _SLIP_LETTERS or char in longer[max(at - 1, 0) : at] + longer[at + 1 : at + 2]


def dominant_in(group: Group, path: str, preferred: str) -> str:
    """The spelling of the group used most in ``path`` (ties: the preferred one)."""
    return min(
        group.variants,
        key=lambda s: (-group.variants[s].paths[path], s != preferred, s),
    )


def group_paths(group: Group) -> set[str]:
    return {path for variant in group.variants.values() for path in variant.paths}


def house_files(group: Group, spelling: str) -> list[str]:
    """The files where ``spelling`` is the only spelling of the group."""
    mine = group.variants[spelling].paths
    return sorted(
        path
        for path in mine
        if all(v.paths[path] == 0 for s, v in group.variants.items() if s != spelling)
    )


def file_list(paths: list[str]) -> str:
    return ", ".join(paths[:2]) + (f" and {len(paths) - 2} more" if len(paths) > 2 else "")


# Endings that make another word of a name: English plurals and adjectives (Muslims,
# Syrian), the Arabic nisba adjective (Iraqi, Makki).
_DERIVED = ("s", "es", "n", "an", "ns", "i", "is", "y")


def _derived(a: str, b: str) -> bool:
    """One is the other with a derivational ending ('iraq', 'iraqi'; 'muslim', 'muslims')."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and long[len(short) :] in _DERIVED


# The apostrophes a keyboard or a word processor types for an ʿayn or hamza sign. A file whose
# names type one of them at a place of a word (initial: 'Umar, ‘Umar; medial: Mu'adh, Mu’adh)
# in at least STYLE_SHARE of its signs has a style there; one that mixes them has none.
APOSTROPHES = "'‘’"
STYLE_SHARE = 0.9


def sign_styles(families: dict[str, dict[str, dict[str, Variant]]]) -> Counter:
    """Per (file, place in the word, apostrophe): how often the file's names type it."""
    styles: Counter = Counter()
    for family in families.values():
        for forms in family.values():
            for form, variant in forms.items():
                for k, char in enumerate(form):
                    if char in APOSTROPHES:
                        for path, n in variant.paths.items():
                            styles[path, k == 0, char] += n
    return styles


def typed_apart(form: str, usual: str, path: str, styles: Counter) -> bool:
    """Whether ``form`` types a sign otherwise than ``usual`` (the same spelling) where the
    file has a style: another mark than an apostrophe (a backtick: `Abdullah) always; another
    apostrophe only where the file types the usual one in STYLE_SHARE of its signs there (a
    file of two collections, one typing ' and one ’, has no style to keep)."""
    for k, (mine, theirs) in enumerate(zip(form, usual, strict=False)):
        if mine == theirs:
            continue
        if mine not in APOSTROPHES or theirs not in APOSTROPHES:
            return True
        total = sum(styles[path, k == 0, char] for char in APOSTROPHES)
        if total and styles[path, k == 0, theirs] >= STYLE_SHARE * total:
            return True
    return False


def odd_signs(spellings: list[str]) -> set[str]:
    """The spellings of one text (a side: its names as typed, one a place) whose apostrophe,
    initial or medial, is not the one the text's other names type there most (‘Amr b. ’Ata
    beside ‘Umar): a slip seen in its own text, whatever the file mixes."""
    signs: Counter = Counter()
    for spelling in spellings:
        signs.update((k == 0, c) for k, c in enumerate(spelling) if c in APOSTROPHES)
    odd = set()
    for spelling in set(spellings):
        for k, char in enumerate(spelling):
            if char not in APOSTROPHES:
                continue
            initial = k == 0
            others = {c: signs[initial, c] - (c == char) for c in APOSTROPHES}
            usual = max(APOSTROPHES, key=lambda c: (others[c], c == char))
            if others[usual] > others[char]:
                odd.add(spelling)
    return odd
