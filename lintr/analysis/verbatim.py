"""Text that is not for translating: spans a translation keeps exactly as the source has them.

Software strings and technical prose carry text that no reader translates: placeholders
(``%s``, ``%(name)s``, ``%1$d``, ``{0}``, ``{name}``, ``{{ name }}``, ``${HOME}``, the
argument and selector words of an ICU message ``{count, plural, one {…} other {…}}``),
markup (``<b>``, ``</a>``, ``<a href="…">``, ``&amp;``, ``&#160;``, inline code in backticks),
URLs and e-mail addresses, paths (``/etc/apt/sources.list``, ``~/.bashrc``,
``etc/apache2/``), command-line options (``--force``, ``-y``), code identifiers
(``snake_case``, ``CamelCase``, ``dotted.names`` and file names, ``amd64``, ``Ctrl+C``),
numbers and versions (``2.4.1``, ``v2``) and acronyms (``API``, ``URLs``, ``U.S.``).

``verbatim_spans`` finds them by their shape alone, the same in every language: a rule
skips them (an untranslated-text rule must not call ``%(name)s`` English) or compares them
(a placeholder or a tag the translation dropped). The shapes are those of the Latin script
in which code is written; a plain word, even a hyphenated one (``apt-get``, ``read-only``),
is left to the rules, which can weigh the other side of the pair.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

KINDS = (
    "placeholder",
    "markup",
    "url",
    "email",
    "path",
    "option",
    "code",
    "number",
    "acronym",
)

_PRINTF = (
    r"%\([^()\s]{1,64}\)[-#0+]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[a-zA-Z]"  # %(name)s, %(n)5.2f
    r"|%(?:\d+\$)?[-#0+']*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|ll|[hlLqjzt])?"
    r"[diouxXeEfFgGcrsaAp@](?![A-Za-z])"  # %s %d %1$s %-5.2f %ld %@, not "% of"
    r"|%%|%\{[A-Za-z_]\w*\}"  # %% and Ruby's %{name}
    r"|%L?[1-9][0-9]?(?![0-9.,])"  # Qt's %1, %L2
)
_BRACES = (
    r"\{\{[^{}\n]{1,80}\}\}"  # {{ name }}, {{count}}
    r"|\$\{[^{}\s]{1,64}\}|\$[A-Za-z_][A-Za-z0-9_]*|\$[0-9]"  # ${HOME}, $HOME, $1
    # ICU: the argument of a plural or select (its messages are text), a formatted argument
    r"|\{\s*[A-Za-z_][\w.]*\s*,\s*(?:plural|select|selectordinal)\s*,(?:\s*offset\s*:\s*\d+)?"
    r"|\{\s*\w[\w.]*\s*,\s*(?:number|date|time|spellout|ordinal|duration)(?:\s*,[^{}]*)?\}"
    r"|\{(?:[A-Za-z_][\w.\-]*(?:\[[^\]{}\s]*\])?|[0-9]+)?(?:![rsa])?(?::[^{}\s]{0,20})?\}"
)
_MARKUP = (
    r"<!--.*?-->|<[!?][A-Za-z][^<>]*>"  # comments, <!DOCTYPE …>, <?xml …?>
    r"|</?[A-Za-z][\w:.-]*(?:\s+[^<>]*?)?\s*/?>"  # tags with their attributes
    r"|&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"  # entities
    r"|`[^`\n]+`"  # inline code
)
_URL = r"(?:\b[A-Za-z][A-Za-z0-9+.-]{1,15}://|\bwww\.)[^\s<>\"“”«»]*[^\s<>\"“”«».,;:!?)\]'’]"
_EMAIL = r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
_PATH = (
    r"(?<![A-Za-z0-9_./~\\-])(?:~|\.{1,2})?/[A-Za-z0-9_.@%+~=-][A-Za-z0-9_.@%+~:=/-]*"
    r"|\b[A-Za-z]:\\[^\s\"“”«»]+"
)
_OPTION = r"(?<![\w-])--?[A-Za-z][A-Za-z0-9-]*(?:=[^\s,;\"“”«»]+)?"
_CODE = (
    r"(?<![\p{Latin}\p{N}_.-])[A-Za-z_][A-Za-z0-9_.-]*\((?:[1-9][a-z]*)?\)"  # f(), ls(1)
    r"|(?<![\p{Latin}\p{N}_.])\.[A-Za-z0-9][A-Za-z0-9_-]*(?![\p{Latin}\p{N}_])"  # .deb, .bashrc
)
# A token of ASCII letters, digits and code characters, not part of a longer word (an Arabic
# letter may touch it: Arabic joins و and ب to the word after them).
_CHUNK = (
    r"(?<![\p{Latin}\p{N}_.@~-])[A-Za-z0-9_~+](?:[A-Za-z0-9_.+~@/-]*[A-Za-z0-9_+/])?"
    r"(?![\p{Latin}\p{N}_]|[.@-][A-Za-z0-9])"
)
_SCAN = regex.compile(
    rf"(?P<url>{_URL})|(?P<email>{_EMAIL})|(?P<markup>{_MARKUP})"
    rf"|(?P<placeholder>{_PRINTF}|{_BRACES})|(?P<path>{_PATH})|(?P<option>{_OPTION})"
    rf"|(?P<code>{_CODE})|(?P<chunk>{_CHUNK})",
    regex.V1 | regex.DOTALL,
)
_ICU_HEAD = regex.compile(
    r"\{\s*[A-Za-z_][\w.]*\s*,\s*(?:plural|select|selectordinal)\s*,(?:\s*offset\s*:\s*\d+)?"
)
_ICU_SELECTOR = regex.compile(r"\s*(=[0-9]+|[A-Za-z_]\w*)\s*\{")
# A version or an ordinal: 2.4.1, 2.4b, v2, 15th (not 0x, a hex prefix, nor 3a).
_VERSION = regex.compile(r"[vV]?[0-9]+(?:\.[0-9]+)+[a-z]?|[vV][0-9]+|[0-9]+(?:st|nd|rd|th)")
_CAMEL = regex.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")
# Characters after which a path or a token has ended: sentence punctuation is not part of it.
_TRAILING = ".,:;!?'\""


class Verbatim(NamedTuple):
    start: int
    end: int
    kind: str  # one of KINDS


def verbatim_spans(text: str) -> list[Verbatim]:
    """The spans of ``text`` not for translating, in order, none overlapping."""
    spans: list[Verbatim] = []
    for match in _SCAN.finditer(text):
        kind = match.lastgroup or ""
        start, end = match.span()
        if kind == "chunk":
            spans.extend(_chunk_spans(match.group(), start))
            continue
        if kind == "path":
            end = start + len(match.group().rstrip(_TRAILING))
        spans.append(Verbatim(start, end, kind))
    if "{" in text and _ICU_HEAD.search(text):
        keys = _icu_selectors(text)
        taken = [(s.start, s.end) for s in spans]
        keys = [k for k in keys if not any(a < k.end and k.start < b for a, b in taken)]
        spans = sorted(spans + keys)
    return spans


def mask_verbatim(text: str, fill: str = " ", kinds: frozenset[str] | None = None) -> str:
    """``text`` with its verbatim spans (of ``kinds``; all by default) replaced by ``fill``
    characters: same length, so offsets stay valid."""
    spans = verbatim_spans(text)
    return mask_spans(text, [s for s in spans if kinds is None or s.kind in kinds], fill)


def mask_spans(text: str, spans: list[Verbatim], fill: str = " ") -> str:
    """``text`` with ``spans`` (in order, none overlapping) replaced by ``fill`` characters."""
    pieces, last = [], 0
    for start, end, _ in spans:
        pieces += [text[last:start], fill * (end - start)]
        last = end
    return "".join(pieces) + text[last:] if pieces else text


def chunk_kind(token: str) -> str | None:
    """The kind of one token of ASCII letters, digits and code characters (``conf.py``,
    ``amd64``, ``NATO``), or None for a plain word (``install``, ``apt-get``)."""
    letters = [c for c in token if c.isalpha()]
    if not letters:
        return "number" if any(c.isdigit() for c in token) else None
    if any(c in token for c in "_@%~+"):
        return "code"
    if "." in token:
        parts = token.split(".")
        if all(len(p) == 1 and p.isalpha() for p in parts):
            return "acronym"  # U.S, e.g: abbreviations
        return "number" if _VERSION.fullmatch(token) else "code"
    if any(c.isdigit() for c in token):
        return "number" if _VERSION.fullmatch(token) else "code"
    word = token.replace("-", "")
    if len(letters) >= 2 and (word.isupper() or (word[:-1].isupper() and word[-1] == "s")):
        return "acronym"  # NATO, URLs
    if _CAMEL.search(token):
        return "code"  # LogEntry, iPhone, OpenSSH, SELinux
    return None


def _chunk_spans(token: str, start: int) -> list[Verbatim]:
    if "/" in token:
        parts = token.split("/")
        # and/or, GNU/Linux, TCP/IP are words; a path has more to show it is one
        if token.count("/") >= 2 or token.endswith("/") or _has_code(parts):
            return [Verbatim(start, start + len(token), "path")]
        spans, offset = [], start
        for part in parts:
            spans.extend(_chunk_spans(part, offset) if part else [])
            offset += len(part) + 1
        return spans
    if token.isalpha() and (token.islower() or token[1:].islower()):
        # Most chunks of English prose are plain words ("said", "Allah"): no kind, decided
        # without chunk_kind's character scans, which made the rule 10x slower on such text.
        return []
    kind = chunk_kind(token) if token else None
    return [Verbatim(start, start + len(token), kind)] if kind else []


def _has_code(parts: list[str]) -> bool:
    return any(chunk_kind(part) in ("code", "number") for part in parts if part)


def _icu_selectors(text: str) -> list[Verbatim]:
    """The selector keys of every ICU plural or select (``one {``, ``=0 {``, ``male {``):
    keys, not text. Read by following the braces, so that a word before an ordinary
    placeholder is never taken for one."""
    found = []
    for head in _ICU_HEAD.finditer(text):
        at = head.end()
        while (key := _ICU_SELECTOR.match(text, at)) is not None:
            found.append(Verbatim(key.start(1), key.end(1), "placeholder"))
            at = _closing_brace(text, key.end())
    return found


def _closing_brace(text: str, at: int) -> int:
    """Where the message opened just before ``at`` ends (after its closing brace)."""
    depth = 1
    while at < len(text) and depth:
        depth += {"{": 1, "}": -1}.get(text[at], 0)
        at += 1
    return at
