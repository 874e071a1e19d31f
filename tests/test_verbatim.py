"""lintr.analysis.verbatim: the spans of a text no one translates, by shape."""

from __future__ import annotations

import pytest

from lintr.analysis.verbatim import chunk_kind, mask_verbatim, verbatim_spans


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], kind) for s, e, kind in verbatim_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Submit to %(workflow_name)s now", [("%(workflow_name)s", "placeholder")]),
        (
            "%d of %s, %1$s, %-5.2f, %%",
            [
                ("%d", "placeholder"),
                ("%s", "placeholder"),
                ("%1$s", "placeholder"),
                ("%-5.2f", "placeholder"),
                ("%%", "placeholder"),
            ],
        ),
        ("50% discount and % of all", [("50", "number")]),
        ("Running Sphinx v%s", [("%s", "placeholder")]),
        (
            "By {username} at {0} and {0:>5} {{ name }}",
            [
                ("{username}", "placeholder"),
                ("{0}", "placeholder"),
                ("{0:>5}", "placeholder"),
                ("{{ name }}", "placeholder"),
            ],
        ),
        ("Hello $HOME and ${USER}", [("$HOME", "placeholder"), ("${USER}", "placeholder")]),
        (
            '<a href="%(url)s">Add</a> &amp; &#160;',
            [
                ('<a href="%(url)s">', "markup"),
                ("</a>", "markup"),
                ("&amp;", "markup"),
                ("&#160;", "markup"),
            ],
        ),
        (
            "see https://example.org/a/b. or me@example.org.",
            [("https://example.org/a/b", "url"), ("me@example.org", "email")],
        ),
        (
            "edit /etc/apt/sources.list. and ~/.bashrc",
            [("/etc/apt/sources.list", "path"), ("~/.bashrc", "path")],
        ),
        (
            "etc/apache2 and debian/falcot-data/usr",
            [("etc/apache2", "path"), ("debian/falcot-data/usr", "path")],
        ),
        ("and/or GNU/Linux", [("GNU", "acronym")]),
        ("run with --force or -y", [("--force", "option"), ("-y", "option")]),
        (
            "locale_gen conf.py LogEntry iPhone amd64 Ctrl+C",
            [
                ("locale_gen", "code"),
                ("conf.py", "code"),
                ("LogEntry", "code"),
                ("iPhone", "code"),
                ("amd64", "code"),
                ("Ctrl+C", "code"),
            ],
        ),
        (
            "exports(5) and main() and the .deb files",
            [("exports(5)", "code"), ("main()", "code"), (".deb", "code")],
        ),
        (
            "NATO, URLs, U.S. and OK",
            [("NATO", "acronym"), ("URLs", "acronym"), ("U.S", "acronym"), ("OK", "acronym")],
        ),
        ("version 2.4.1, v2, 15th", [("2.4.1", "number"), ("v2", "number"), ("15th", "number")]),
        ("apt-get install read-only Sébastien", []),
        # an Arabic letter may touch a Latin term: Arabic writes و and ب joined to the next word
        (
            "قالت شبكتا CNN وBBC ولـAPI",
            [("CNN", "acronym"), ("BBC", "acronym"), ("API", "acronym")],
        ),
    ],
)
def test_spans(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


def test_icu_selectors_are_keys_and_messages_are_text() -> None:
    text = "{count, plural, =0 {no file} one {# file in {folder}} other {# files}} left"
    assert _found(text) == [
        ("{count, plural,", "placeholder"),
        ("0", "number"),
        ("one", "placeholder"),
        ("{folder}", "placeholder"),
        ("other", "placeholder"),
    ]


def test_a_word_before_a_placeholder_is_no_icu_key() -> None:
    assert _found("items {name} other {count}") == [
        ("{name}", "placeholder"),
        ("{count}", "placeholder"),
    ]


def test_mask_keeps_offsets() -> None:
    text = "احذف %(name)s من <b>القائمة</b>"
    masked = mask_verbatim(text)
    assert len(masked) == len(text)
    assert masked == "احذف " + " " * 8 + " من " + " " * 3 + "القائمة" + " " * 4


def test_mask_only_some_kinds() -> None:
    text = "CNN %(name)s"
    assert mask_verbatim(text, "\0", frozenset({"placeholder"})) == "CNN " + "\0" * 8


@pytest.mark.parametrize(
    ("token", "kind"),
    [
        ("install", None),
        ("apt-get", None),
        ("API", "acronym"),
        ("e.g", "acronym"),
        ("x86_64", "code"),
        ("1.2", "number"),
        ("+", None),
    ],
)
def test_chunk_kind(token: str, kind: str | None) -> None:
    assert chunk_kind(token) == kind


def test_hex_prefix_is_code() -> None:
    assert _found("at 0x%08lx") == [("0x", "code"), ("%08lx", "placeholder")]
