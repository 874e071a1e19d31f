"""inconsistent-transliteration on a corpus of two collections with two house styles of
transliteration (one file each, as two translators' hadith collections): each house-style
difference is reported once (info), and a misspelling inside one consistent file is still
reported at its place (a warning)."""

from __future__ import annotations

import json
import re
from collections import Counter

from conftest import run_lintr

# (Arabic, the first collection's English, the second's): the first writes the ʿayn and no
# final h ('Amr, 'Umar, Huraira, Qatada), the second neither the ʿayn nor y for i (Amr, Umar, Hurayrah, Qatadah).
HADITH = [
    (
        "حَدَّثَنَا عَمْرُو بْنُ دِينَارٍ عَنْ أَبِي هُرَيْرَةَ",
        "'Amr b. Dinar narrated from Abu Huraira",
        "Amr ibn Dinar narrated from Abu Hurayrah",
    ),
    (
        "عَنْ قَتَادَةَ عَنْ عُمَرَ بْنِ الْخَطَّابِ",
        "Qatada reported from 'Umar b. al-Khattab",
        "Qatadah reported from Umar ibn al-Khattab",
    ),
    (
        "حَدَّثَنِي عَمْرٌو عَنْ قَتَادَةَ",
        "'Amr told me on the authority of Qatada",
        "Amr told me on the authority of Qatadah",
    ),
    (
        "قَالَ أَبُو هُرَيْرَةَ سَمِعْتُ عُمَرَ",
        "Abu Huraira said: I heard 'Umar",
        "Abu Hurayrah said: I heard Umar",
    ),
]


def _write(folder, name: str, rows: list[tuple[str, str]]) -> None:
    (folder / name).write_text("".join(f"{a}\t{e}\n" for a, e in rows), encoding="utf-8")


def _check(folder) -> list[dict]:
    (folder / "lintr.toml").write_text('source-lang = "ar"\ntarget-lang = "en"\n')
    proc = run_lintr(
        "check",
        "first.tsv",
        "second.tsv",
        "--format",
        "json",
        "--select",
        "inconsistent-transliteration",
        "--no-progress",
        cwd=folder,
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    return json.loads(proc.stdout)["findings"]


def _spelling_pairs(findings: list[dict]) -> Counter:
    pairs = Counter()
    for f in findings:
        m = re.match(r"'(.+?)' \(\d+x\) vs '(.+?)'", f["message"])
        assert m, f["message"]
        pairs[m.group(1).casefold(), m.group(2).casefold()] += 1
    return pairs


def test_two_house_styles_give_one_finding_per_spelling_pair(tmp_path):
    _write(tmp_path, "first.tsv", [(a, e) for a, e, _ in HADITH * 3])
    _write(tmp_path, "second.tsv", [(a, e) for a, _, e in HADITH * 3])
    findings = _check(tmp_path)
    pairs = _spelling_pairs(findings)
    assert pairs, "the two styles differ: each name once"
    assert max(pairs.values()) == 1
    assert len(findings) == 4  # 'Amr/Amr, 'Umar/Umar, Huraira/Hurayrah, Qatada/Qatadah
    assert {f["severity"] for f in findings} == {"info"}
    # Each names the files of the two styles.
    assert all("first.tsv" in f["message"] and "second.tsv" in f["message"] for f in findings)


def test_a_misspelling_inside_one_consistent_file_is_reported_at_its_place(tmp_path):
    rows = [(a, e) for a, e, _ in HADITH * 3]
    # One 'Umar written 'Umer, in the first collection only.
    rows[5] = (rows[5][0], rows[5][1].replace("'Umar", "'Umer"))
    _write(tmp_path, "first.tsv", rows)
    _write(tmp_path, "second.tsv", [(a, e) for a, _, e in HADITH * 3])
    findings = _check(tmp_path)
    lone = [f for f in findings if "'Umer'" in f["message"]]
    assert len(lone) == 1
    (umer,) = lone
    assert umer["severity"] == "warning"
    assert (umer["path"], umer["line"]) == ("first.tsv", 6)
    column = len(rows[5][0]) + 2 + rows[5][1].index("'Umer")
    assert umer["column"] == column
    assert "spell it ''Umar'" in umer["message"]
    assert max(_spelling_pairs(findings).values()) == 1
