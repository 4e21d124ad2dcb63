"""`kwb align`: the JSON contract, the five bead types, scores, the PO file, the English splitter.

The Sorani article and its English versions are written for these tests (not the seeds):
a faithful translation, one edited to insert, drop, merge and split sentences, one with
paragraphs moved, and a loose rewrite.
"""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path
from typing import Any

import polib
import pytest

from tests.conftest import REPO
from workbench.align import align_texts, split_sentences
from workbench.align.scoring import PairScorer
from workbench.store.pofile import read_catalog
from workbench.terms.glossary import load_glossary, stopwords
from workbench.terms.matcher import Matcher
from workbench.text import canonical_text, segment

Paragraphs = list[list[str]]

CKB: Paragraphs = [
    [
        (
            "وەزارەتی پێشمەرگە ڕایگەیاند کە خولێکی نوێی ڕاهێنان بۆ ٢٠٠٠ پێشمەرگە لە هەولێر "
            "دەست پێدەکات."
        ),
        "خولەکە بە هاوکاریی هاوپەیمانیی نێودەوڵەتی ئەنجام دەدرێت و شەش هەفتە دەخایەنێت.",
        "ڕاهێنەرانی ئەمریکی و بەریتانی وانەکان دەڵێنەوە.",
    ],
    [
        (
            'گوتەبێژی وەزارەتەکە بە ڕووداوی گوت: "ئامانجی ئەم خولە بەهێزکردنی توانای '
            'یەکەکانی پێشمەرگەیە لە بەرەنگاربوونەوەی داعش".'
        ),
        "لە ساڵی ٢٠١٤ەوە هاوپەیمانی زیاتر لە ٥٠ هەزار پێشمەرگەی ڕاهێناوە.",
        "هەروەها چەک و تەقەمەنیی بۆ هێزەکانی پێشمەرگە دابین کردووە.",
        (
            "پڕۆژەی یەکخستنی هێزەکانی پێشمەرگە لە ژێر چاودێریی وەزارەتەکەدا بەردەوامە و تا "
            "کۆتایی ساڵی ٢٠٢٥ تەواو دەبێت."
        ),
    ],
    [
        "باڵیۆزی بەریتانیا لە عێراق دوێنێ سەردانی بنکەیەکی ڕاهێنانی لە نزیک هەولێر کرد.",
        "ئەو پێشوازیی لە چاکسازییەکانی وەزارەتی پێشمەرگە کرد.",
        (
            "بەپێی ئامارە فەرمییەکان، نزیکەی ١٥٠ هەزار پێشمەرگە لە یەکەکانی سەر بە وەزارەتدا "
            "خزمەت دەکەن."
        ),
    ],
]
EN: Paragraphs = [
    [
        (
            "The Ministry of Peshmerga Affairs announced that a new training course for "
            "2,000 Peshmerga will begin in Erbil."
        ),
        (
            "The course is being held with the support of the international coalition and "
            "will last six weeks."
        ),
        "US and British trainers will teach the classes.",
    ],
    [
        (
            "The ministry's spokesperson told Rudaw: \"The aim of this course is to "
            'strengthen the capabilities of Peshmerga units in confronting the Islamic State."'
        ),
        "Since 2014, the coalition has trained more than 50,000 Peshmerga.",
        "It has also provided weapons and ammunition to the Peshmerga forces.",
        (
            "The project to unify the Peshmerga forces under the ministry's supervision is "
            "continuing and will be completed by the end of 2025."
        ),
    ],
    [
        "Britain's ambassador to Iraq visited a training base near Erbil yesterday.",
        "He welcomed the reforms of the Ministry of Peshmerga Affairs.",
        (
            "According to official figures, about 150,000 Peshmerga serve in units "
            "affiliated with the ministry."
        ),
    ],
]
LOOSE: Paragraphs = [
    [
        "Kurdish fighters are getting fresh instruction in the regional capital, officials say.",
        "Western allies back the six-week program.",
        "Instructors come from Washington and London.",
    ],
    [
        (
            "A ministry official said the goal was to make the units better able to fight "
            "the jihadists."
        ),
        "The alliance has prepared tens of thousands of fighters over the past decade.",
        "It has supplied arms too.",
        (
            "Efforts to bring the rival units under one command go on, with a deadline at "
            "the end of next year."
        ),
    ],
    [
        "London's envoy toured a base outside the city on Tuesday.",
        "He praised the changes.",
        "Officials put the total force at roughly 150,000.",
    ],
]


def ckb_text(paragraphs: Paragraphs = CKB) -> str:
    return "\n\n".join(" ".join(p) for p in paragraphs) + "\n"


def en_text(paragraphs: Paragraphs) -> str:
    return "\n\n".join(" ".join(p) for p in paragraphs) + "\n"


def edited(change: str) -> Paragraphs:
    """The faithful English with one edit."""
    en = [p[:] for p in EN]
    if change == "insertion":
        en[1].insert(
            2, "Germany and Italy have also sent instructors to the region in recent years."
        )
    elif change == "deletion":
        del en[1][2]
    elif change == "merge":
        en[0][1:3] = [
            "The course is being held with the support of the international coalition, lasts"
            " six weeks and will be taught by US and British trainers."
        ]
    elif change == "split":
        en[1][3:4] = [
            "The project to unify the Peshmerga forces under the ministry's supervision is"
            " continuing.",
            "It will be completed by the end of 2025.",
        ]
    return en


FAITHFUL_BEADS = [
    (["p1s1"], [1]),
    (["p1s2"], [2]),
    (["p1s3"], [3]),
    (["p2s1"], [4]),
    (["p2s2"], [5]),
    (["p2s3"], [6]),
    (["p2s4"], [7]),
    (["p3s1"], [8]),
    (["p3s2"], [9]),
    (["p3s3"], [10]),
]
EXPECTED = {
    "insertion": [
        *FAITHFUL_BEADS[:5],
        ([], [6]),
        (["p2s3"], [7]),
        (["p2s4"], [8]),
        (["p3s1"], [9]),
        (["p3s2"], [10]),
        (["p3s3"], [11]),
    ],
    "deletion": [
        *FAITHFUL_BEADS[:5],
        (["p2s3"], []),
        (["p2s4"], [6]),
        (["p3s1"], [7]),
        (["p3s2"], [8]),
        (["p3s3"], [9]),
    ],
    "merge": [
        (["p1s1"], [1]),
        (["p1s2", "p1s3"], [2]),
        *[(ckb, [n - 1]) for ckb, (n,) in FAITHFUL_BEADS[3:]],
    ],
    "split": [
        *FAITHFUL_BEADS[:6],
        (["p2s4"], [7, 8]),
        *[(ckb, [n + 1]) for ckb, (n,) in FAITHFUL_BEADS[7:]],
    ],
}


@pytest.fixture
def project(kwb: Any, tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    assert kwb("init", str(root)).code == 0
    return root


def write_pair(folder: Path, english: Paragraphs, name: str = "article") -> tuple[str, str]:
    ckb = folder / f"{name}.txt"
    en = folder / f"{name}.en.txt"
    ckb.write_text(ckb_text(), encoding="utf-8")
    en.write_text(en_text(english), encoding="utf-8")
    return str(ckb), str(en)


def align_json(kwb: Any, project: Path, english: Paragraphs, *extra: str) -> list[dict[str, Any]]:
    ckb, en = write_pair(project.parent, english)
    result = kwb("align", ckb, en, "--json", *extra, cwd=project)
    assert result.code == 0, result.err
    assert result.err == ""
    return result.json_lines()


def beads(rows: list[dict[str, Any]]) -> list[tuple[list[str], list[int]]]:
    return [(row["ckb"], row["en"]) for row in rows]


def pair_scores(rows: list[dict[str, Any]]) -> list[float]:
    return [row["score"] for row in rows if row["ckb"] and row["en"]]


def msgfmt_check(path: Path) -> None:
    proc = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr


# --------------------------------------------------------------------------------------------
# The JSON contract
# --------------------------------------------------------------------------------------------


def test_json_contract(kwb: Any, project: Path) -> None:
    rows = align_json(kwb, project, EN)
    assert beads(rows) == FAITHFUL_BEADS
    assert all(list(row) == ["ckb", "en", "ckb_text", "en_text", "score"] for row in rows)
    # ids are `kwb segment`'s, English numbers count kwb's sentences from 1, texts are the
    # sentences exactly as they stand in the inputs
    segmented = kwb("segment", str(project.parent / "article.txt"), "--json").json_lines()
    assert [row["ckb"][0] for row in rows] == [s["id"] for s in segmented]
    assert [row["ckb_text"] for row in rows] == [s for p in CKB for s in p]
    assert [row["en_text"] for row in rows] == [s for p in EN for s in p]
    assert all(isinstance(row["score"], float) and 0.5 < row["score"] <= 1.0 for row in rows)


@pytest.mark.parametrize("change", ["insertion", "deletion", "merge", "split"])
def test_bead_types(kwb: Any, project: Path, change: str) -> None:
    english = edited(change)
    rows = align_json(kwb, project, english)
    assert beads(rows) == EXPECTED[change]
    sentences = [s for p in english for s in p]
    for row in rows:
        assert row["ckb_text"] == " ".join(
            s.text for s in segment(ckb_text()) if s.id in row["ckb"]
        )
        assert row["en_text"] == " ".join(sentences[n - 1] for n in row["en"])
        if not (row["ckb"] and row["en"]):
            assert row["score"] == 0.0 and "" in (row["ckb_text"], row["en_text"])
        else:
            assert row["score"] > 0.5


def test_reordered_paragraphs_give_low_scores_not_a_crash(kwb: Any, project: Path) -> None:
    rows = align_json(kwb, project, [EN[2], EN[1], EN[0]])
    # every sentence once, in document order on both sides: beads never cross
    assert [i for row in rows for i in row["ckb"]] == [i for ids, _ in FAITHFUL_BEADS for i in ids]
    assert [n for row in rows for n in row["en"]] == list(range(1, 11))
    middle = [row for row in rows if any(i.startswith("p2") for i in row["ckb"])]
    moved = [row for row in rows if row not in middle]
    assert [row["en"] for row in middle] == [[4], [5], [6], [7]]
    assert min(row["score"] for row in middle) > 0.8
    assert max(row["score"] for row in moved) < 0.5


def test_loose_rewrite_scores_clearly_lower(kwb: Any, project: Path) -> None:
    faithful = pair_scores(align_json(kwb, project, EN))
    loose = pair_scores(align_json(kwb, project, LOOSE))
    assert sum(faithful) / len(faithful) - sum(loose) / len(loose) > 0.25


def test_min_score_reports_low_pairs_as_unaligned(kwb: Any, project: Path) -> None:
    rows = align_json(kwb, project, LOOSE, "--min-score", "0.5")
    assert all(row["score"] >= 0.5 for row in rows if row["ckb"] and row["en"])
    low = [row for row in rows if not (row["ckb"] and row["en"]) and row["score"] > 0]
    assert low and all(row["score"] < 0.5 for row in low)
    assert sorted(i for row in rows for i in row["ckb"]) == sorted(
        i for ids, _ in FAITHFUL_BEADS for i in ids
    )


# --------------------------------------------------------------------------------------------
# The PO file
# --------------------------------------------------------------------------------------------


def test_po_has_every_pair_fuzzy_with_its_score(kwb: Any, project: Path) -> None:
    english = edited("deletion")
    english[1][2:3] = edited("split")[1][3:5]
    ckb, en = write_pair(project.parent, english)
    result = kwb("align", ckb, en, cwd=project)
    assert result.code == 0, result.err
    assert "9 pairs, 1 Sorani and 0 English sentences unaligned" in result.out
    po_path = project / "translations" / "article.po"
    msgfmt_check(po_path)
    entries = read_catalog(po_path).entries
    assert len(entries) == 10
    sorani = [s for p in CKB for s in p]
    assert [e.msgid for e in entries] == [canonical_text(s) for s in sorani]
    assert [e.occurrences for e in entries] == [
        [(f"article.txt:{ids[0]}", "")] for ids, _ in FAITHFUL_BEADS
    ]
    paired = [e for e in entries if e.msgstr]
    assert len(paired) == 9
    for e in paired:
        assert "fuzzy" in e.flags
        assert re.fullmatch(r"kwb-align: score [01]\.\d\d", e.tcomment)
        assert e.msgctxt.startswith("article/")
    unaligned = entries[5]
    assert unaligned.msgstr == "" and "fuzzy" not in unaligned.flags
    assert unaligned.tcomment.startswith("kwb-align: unaligned")
    assert entries[6].msgstr == " ".join(edited("split")[1][3:5])
    assert "glossary: پێشمەرگە → Peshmerga" in entries[0].comment
    assert (project / "seeds" / "article.txt").is_file()


def test_po_leaves_out_low_pairs_and_keeps_a_translator_s_work(kwb: Any, project: Path) -> None:
    ckb, en = write_pair(project.parent, LOOSE, name="story")
    result = kwb("align", ckb, en, "--id", "rewrite", "--min-score", "0.5", cwd=project)
    assert result.code == 0, result.err
    po_path = project / "translations" / "rewrite.po"
    msgfmt_check(po_path)
    entries = read_catalog(po_path).entries
    low = [e for e in entries if "below --min-score 0.50" in e.tcomment]
    assert low and all(e.msgstr == "" for e in low)
    pairs = len([e for e in entries if e.msgstr])
    assert f"{pairs} pairs, " in result.out
    # a translator reviews the first entry; aligning again keeps it
    po = polib.pofile(str(po_path), wrapwidth=79)
    first = po[0]
    first.msgstr, first.flags = "Reviewed by a person.", ["reviewed"]
    po.save(str(po_path))
    again = kwb("align", ckb, en, "--id", "rewrite", "--min-score", "0.5", cwd=project)
    assert again.code == 0, again.err
    assert read_catalog(po_path).entries[0].msgstr == "Reviewed by a person."
    assert "1 entries already translated" in again.out


# --------------------------------------------------------------------------------------------
# Projects and bad input
# --------------------------------------------------------------------------------------------


def test_json_without_a_project_works_without_anchors(kwb: Any, tmp_path: Path) -> None:
    ckb, en = write_pair(tmp_path, EN)
    result = kwb("align", ckb, en, "--json", cwd=tmp_path)
    assert result.code == 0, result.err
    assert result.err.count("\n") == 1 and "no kwb project" in result.err
    assert beads(result.json_lines()) == FAITHFUL_BEADS


def test_writing_the_po_needs_a_project(kwb: Any, tmp_path: Path) -> None:
    ckb, en = write_pair(tmp_path, EN)
    result = kwb("align", ckb, en, cwd=tmp_path)
    assert result.code == 2
    assert result.err.startswith("kwb: error:") and result.err.count("\n") == 1
    assert "not inside a kwb project" in result.err


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), (b"  \n", "file is empty"), (b"\xff\xfe\x00", "")],
)
def test_bad_input_is_a_one_line_error(
    kwb: Any, project: Path, content: bytes | None, message: str
) -> None:
    ckb, _ = write_pair(project.parent, EN)
    bad = project.parent / "bad.en.txt"
    if content is not None:
        bad.write_bytes(content)
    result = kwb("align", ckb, str(bad), "--json", cwd=project)
    assert result.code == 2 and result.out == ""
    assert result.err.startswith("kwb: error:") and result.err.count("\n") == 1
    assert message in result.err


def test_min_score_out_of_range_is_a_usage_error(kwb: Any, project: Path) -> None:
    ckb, en = write_pair(project.parent, EN)
    result = kwb("align", ckb, en, "--min-score", "1.5", cwd=project)
    assert result.code == 2 and "kwb: error:" in result.err


# --------------------------------------------------------------------------------------------
# The core: anchors and speed
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_glossary(REPO / "glossary").active(), stopwords())


def test_anchors_across_digit_systems_glossary_and_latin(matcher: Matcher) -> None:
    ckb = [
        "ڕاپۆرتەکەی BBCی دەڵێت ٢٠٢١ ساڵێکی سەخت بوو بۆ هەولێر.",
        "ئەو ٣٫٥ ملیۆن دۆلارە بۆ بەغدا نێردرا.",
    ]
    en = [
        "The BBC report says 2021 was a hard year for Erbil.",
        "The 3.5 million dollars were sent to Baghdad.",
    ]
    scorer = PairScorer(ckb, en, matcher)
    assert scorer.anchors(0, 1, 0, 1) == {
        ("latin", "bbc"),
        ("number", "2021.0"),
        ("name", "erbil"),
    }
    assert scorer.anchors(1, 1, 1, 1) == {("number", "3500000.0"), ("name", "baghdad")}
    assert scorer.anchors(0, 1, 1, 1) == frozenset()
    assert scorer.evidence(0, 1, 0, 1) > scorer.evidence(0, 1, 1, 1)


def test_500_sentences_align_in_under_two_seconds(matcher: Matcher) -> None:
    ckb_parts, en_parts = [], []
    for copy in range(50):
        # distinct copies: a year that differs on both sides
        ckb_parts.append(ckb_text().replace("٢٠٢٥", f"{2030 + copy}"))
        en_parts.append(en_text(EN).replace("2025", f"{2030 + copy}"))
    start = time.perf_counter()
    alignment = align_texts("\n".join(ckb_parts), "\n".join(en_parts), matcher)
    elapsed = time.perf_counter() - start
    assert len(alignment.segments) == 500 and len(alignment.sentences) == 500
    assert all(len(b.ckb) == len(b.en) == 1 for b in alignment.beads)
    assert elapsed < 2.0


# --------------------------------------------------------------------------------------------
# The English sentence splitter
# --------------------------------------------------------------------------------------------

ENGLISH = [
    (
        "Mr. Smith met Dr. Jones in Erbil. They talked for two hours.",
        ["Mr. Smith met Dr. Jones in Erbil.", "They talked for two hours."],
        "titles",
    ),
    (
        "The U.S. Army left. Talks were held in the U.S. The next day he flew home.",
        ["The U.S. Army left.", "Talks were held in the U.S.", "The next day he flew home."],
        "dotted acronyms",
    ),
    (
        "Prices rose 7.5% in 2021. The dinar fell by 2.25 percent.",
        ["Prices rose 7.5% in 2021.", "The dinar fell by 2.25 percent."],
        "decimals",
    ),
    (
        "J. D. Vance spoke. John F. Kennedy was president.",
        ["J. D. Vance spoke.", "John F. Kennedy was president."],
        "initials",
    ),
    (
        'He said: "We are ready. We will go." Then he left.',
        ['He said: "We are ready.', 'We will go."', "Then he left."],
        "quoted speech is cut sentence by sentence, as the Sorani segmenter cuts it",
    ),
    ('"Why?" he asked. Nobody answered.', ['"Why?" he asked.', "Nobody answered."], "quote + said"),
    (
        'They said, "We are done." "Really?" she asked.',
        ['They said, "We are done."', '"Really?" she asked.'],
        "closing quote",
    ),
    (
        "Article No. 5 was cited. It was rejected.",
        ["Article No. 5 was cited.", "It was rejected."],
        "numeric-only prefix",
    ),
    (
        "The meeting ended at 5 p.m. The delegation left at 6 p.m. local time.",
        ["The meeting ended at 5 p.m.", "The delegation left at 6 p.m. local time."],
        "p.m.",
    ),
    (
        "Other items, e.g. salaries, were discussed. Wait... what?",
        ["Other items, e.g. salaries, were discussed.", "Wait... what?"],
        "lowercase prefix and ellipsis",
    ),
]


@pytest.mark.parametrize(("text", "expected", "rule"), ENGLISH, ids=[c[2] for c in ENGLISH])
def test_english_sentence_rules(text: str, expected: list[str], rule: str) -> None:
    assert [s.text for s in split_sentences(text)] == expected


def test_english_paragraphs_numbers_and_offsets() -> None:
    text = "Headline without a stop\nFirst one. Second one!\n\nA line that wraps\nhere. Last."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Headline without a stop",
        "First one.",
        "Second one!",
        "A line that wraps\nhere.",
        "Last.",
    ]
    assert [s.number for s in sentences] == [1, 2, 3, 4, 5]
    assert [s.paragraph for s in sentences] == [1, 2, 2, 3, 3]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_a_repeated_sentence_is_one_entry(kwb: Any, project: Path, tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text(
        "ئاگادارکردنەوە.\nهەواڵێکی تر دەربارەی هەولێر.\nئاگادارکردنەوە.\n", encoding="utf-8"
    )
    (tmp_path / "d.en.txt").write_text(
        "Warning.\nAnother news item about Erbil.\nAttention.\n", encoding="utf-8"
    )
    result = kwb("align", str(tmp_path / "d.txt"), str(tmp_path / "d.en.txt"), cwd=project)
    assert result.code == 0, result.err
    po_path = project / "translations" / "d.po"
    msgfmt_check(po_path)
    first = read_catalog(po_path).entries[0]
    assert first.occurrences == [("d.txt:p1s1", ""), ("d.txt:p3s1", "")]
    assert first.msgstr == "Warning." and "'Attention.'" in first.tcomment
