"""`kwb align`: the JSON contract, the five bead types, scores, the PO file, the English splitter.

The Sorani article and its English versions are written for these tests (not the seeds):
a faithful translation, one edited to insert, drop, merge and split sentences, one with
paragraphs moved, and a loose rewrite.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import DEMO
from workbench.align import align_texts, split_sentences
from workbench.align.aligner import align_sentences
from workbench.align.names import (
    NameIndex,
    english_acronyms,
    english_names,
    english_skeleton,
    sorani_acronyms,
)
from workbench.align.pieces import english_pieces, sorani_pieces
from workbench.align.scoring import PairScorer
from workbench.store.pofile import read_catalog
from workbench.terms.glossary import load_glossary, stopwords
from workbench.terms.matcher import Matcher
from workbench.text import Segment, canonical_text, segment

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
    return Matcher(load_glossary(DEMO / "glossary").active(), stopwords())


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


def test_500_sentences_align_one_to_one(matcher: Matcher) -> None:
    # The speed of this is measured by benchmarks/align.py (its throughput line).
    ckb_parts, en_parts = [], []
    for copy in range(50):
        # distinct copies: a year that differs on both sides
        ckb_parts.append(ckb_text().replace("٢٠٢٥", f"{2030 + copy}"))
        en_parts.append(en_text(EN).replace("2025", f"{2030 + copy}"))
    alignment = align_texts("\n".join(ckb_parts), "\n".join(en_parts), matcher)
    assert len(alignment.segments) == 500 and len(alignment.sentences) == 500
    assert all(len(b.ckb) == len(b.en) == 1 for b in alignment.beads)


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


# --------------------------------------------------------------------------------------------
# Splitters that get it wrong, on either side
# --------------------------------------------------------------------------------------------

SORANI = [s for p in CKB for s in p]
ENGLISH_SENTENCES = [s for p in EN for s in p]


def one_line(sentences: list[str], headline: str = "", gap: str = " ") -> str:
    """An article as users give it: one line, a headline (if any) first, single spaces."""
    return (headline + gap if headline else "") + " ".join(sentences)


def rows_of(ckb: str, en: str) -> list[tuple[list[str], list[int]]]:
    return [(r["ckb"], r["en"]) for r in align_texts(ckb, en).rows()]


def ones(pairs: range, shift: int = 0) -> list[tuple[list[str], list[int]]]:
    """1–1 beads of Sorani p1s<k> with English sentence k + shift."""
    return [([f"p1s{k}"], [k + shift]) for k in pairs]


MERGED = (
    "The Ministry of Peshmerga Affairs announced that a new training course for 2,000 Peshmerga"
    " will begin in Erbil, that it is being held with the support of the international"
    " coalition and will last six weeks, and that US and British trainers will teach the classes."
)
SPLIT_IN_THREE = [
    "The project to unify the Peshmerga forces is continuing.",
    "The ministry supervises it.",
    "It will be completed by the end of 2025.",
]
LOWERCASE = ENGLISH_SENTENCES[0] + " t" + ENGLISH_SENTENCES[1][1:]

PATTERNS = [
    (
        "one Sorani sentence translated as three English sentences (1–3)",
        one_line(SORANI),
        one_line([*ENGLISH_SENTENCES[:6], *SPLIT_IN_THREE, *ENGLISH_SENTENCES[7:]]),
        [*ones(range(1, 7)), (["p1s7"], [7, 8, 9]), *ones(range(8, 11), 2)],
    ),
    (
        "three Sorani sentences translated as one (3–1)",
        one_line(SORANI),
        one_line([MERGED, *ENGLISH_SENTENCES[3:]]),
        [(["p1s1", "p1s2", "p1s3"], [1]), *ones(range(4, 11), -2)],
    ),
    (
        "an English sentence begun in lowercase is cut where the Sorani has two",
        one_line(SORANI),
        one_line([LOWERCASE, *ENGLISH_SENTENCES[2:]]),
        [(["p1s1"], [1]), (["p1s2"], [1]), *ones(range(3, 11), -1)],
    ),
    (
        "a headline run into the body: paired with the first sentence on both sides",
        one_line(SORANI, "خولێکی نوێی ڕاهێنان بۆ پێشمەرگە"),
        one_line(ENGLISH_SENTENCES, "New Training Course for Peshmerga"),
        [(["p1s1"], [1]), *ones(range(2, 11))],
    ),
    (
        "a headline ended by two spaces: paired on its own",
        one_line(SORANI, "خولێکی نوێی ڕاهێنان بۆ پێشمەرگە", gap="  "),
        one_line(ENGLISH_SENTENCES, "New training course for Peshmerga", gap="  "),
        [(["p1s1"], [1]), *[([f"p2s{k}"], [k + 1]) for k in range(1, 11)]],
    ),
    (
        "a dropped Sorani sentence beside an added English one: no pair",
        one_line(SORANI),
        one_line(
            [*ENGLISH_SENTENCES[:5], "The weather was mild all week.", *ENGLISH_SENTENCES[6:]]
        ),
        [*ones(range(1, 6)), (["p1s6"], []), ([], [6]), *ones(range(7, 11))],
    ),
]


@pytest.mark.parametrize(("name", "ckb", "en", "expected"), PATTERNS, ids=[c[0] for c in PATTERNS])
def test_alignment_holds_when_a_splitter_does_not(
    name: str, ckb: str, en: str, expected: list[tuple[list[str], list[int]]]
) -> None:
    rows = align_texts(ckb, en).rows()
    got = []
    for row in rows:
        # every text is an exact stretch of its input
        assert str(row["ckb_text"]) in ckb and str(row["en_text"]) in en
        got.append((row["ckb"], row["en"]))
    assert got == expected


def test_a_cut_sentence_pairs_its_parts_with_their_english() -> None:
    rows = list(align_texts(one_line(SORANI), one_line([LOWERCASE, *ENGLISH_SENTENCES[2:]])).rows())
    assert [r["en_text"] for r in rows[:2]] == [
        ENGLISH_SENTENCES[0],
        LOWERCASE[len(ENGLISH_SENTENCES[0]) + 1 :],
    ]
    assert [r["ckb_text"] for r in rows[:2]] == SORANI[:2]


def swallowed(sentences: list[str]) -> tuple[str, list[Segment]]:
    """Sorani sentences on one line that a segmenter left as one segment (as an unbalanced
    quote made it do)."""
    text = " ".join(sentences)
    return text, [Segment("p1s1", 1, 1, 0, len(text), text)]


def test_a_sorani_segment_that_swallowed_sentences_is_cut_where_the_english_ends() -> None:
    ckb, segments = swallowed(['"' + SORANI[3], SORANI[4], SORANI[5]])
    en = " ".join(ENGLISH_SENTENCES[3:6])
    ckb_pieces = sorani_pieces(ckb, segments)
    en_pieces = english_pieces(en, split_sentences(en))
    scorer = PairScorer([p.text for p in ckb_pieces], [p.text for p in en_pieces])
    beads = align_sentences(scorer, ckb_pieces, en_pieces)
    assert [(b.ckb, b.en) for b in beads] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert [ckb_pieces[b.ckb[0]].text for b in beads] == ['"' + SORANI[3], SORANI[4], SORANI[5]]


def test_a_sentence_whole_on_both_sides_is_not_cut() -> None:
    # a quoted question inside a sentence: a place either side could end, used by neither
    ckb, segments = swallowed(['پرسیاری "بۆ ئێستا نا؟" لە کۆبوونەوەکەدا کرا.', SORANI[1]])
    segments = [
        Segment("p1s1", 1, 1, 0, ckb.index(SORANI[1]) - 1, ckb[: ckb.index(SORANI[1]) - 1]),
        Segment("p1s2", 1, 2, ckb.index(SORANI[1]), len(ckb), SORANI[1]),
    ]
    en = 'The question "why not now?" was asked at the meeting. ' + ENGLISH_SENTENCES[1]
    ckb_pieces = sorani_pieces(ckb, segments)
    en_pieces = english_pieces(en, split_sentences(en))
    assert len(ckb_pieces) == 3 and len(en_pieces) == 3  # a candidate cut on each side
    scorer = PairScorer([p.text for p in ckb_pieces], [p.text for p in en_pieces])
    beads = align_sentences(scorer, ckb_pieces, en_pieces)
    assert [(b.ckb, b.en) for b in beads] == [((0, 1), (0, 1)), ((2,), (2,))]


def test_a_name_written_in_sorani_letters_anchors_a_pair_without_a_glossary() -> None:
    ckb = [
        "مردووەکان نیکۆلاس ئالدن و زاکاری کەدباک بوون.",
        "ئێدگار ڤێگیلا بە سەختی بریندار بوو.",
    ]
    en = [
        "Edgar Veguilla was badly wounded.",
        "The dead were Nicholas Alden and Zachary Cuddeback.",
    ]
    scorer = PairScorer(ckb, en)
    assert scorer.anchors(0, 1, 1, 1) == {
        ("translit", english_skeleton(name))
        for name in ("Nicholas", "Alden", "Zachary", "Cuddeback")
    }
    assert scorer.anchors(1, 1, 0, 1) == {
        ("translit", english_skeleton(name)) for name in ("Edgar", "Veguilla")
    }
    assert scorer.anchors(0, 1, 0, 1) == frozenset()
    assert scorer.evidence(0, 1, 1, 1) > scorer.evidence(0, 1, 0, 1) + 5


NAMES = [
    ("Siminoff", "سیمینۆف", True),
    ("Cuddeback", "کەدباک", True),
    ("California", "لەکالیفۆرنیادا", True),  # a glued preposition and a postposition
    ("Schwarzenegger", "شوارزینجەر", True),  # gg written ج: one consonant apart
    ("Gymnastics", "جیمناستیکی", True),
    ("Washington", "هەولێر", False),
    ("Alden", "ئالدن", True),
    ("Most", "مەست", False),  # a common English word is no name
    ("Rome", "ڕۆما", False),  # two consonants match too much by chance
    ("Arizona", "هەرزانیەکەی", False),  # three, and more after them: another word (cheapness)
    ("Nicholas", "نیکۆلاس", True),  # ch written ک
    ("Chambers", "چامبەرس", True),  # ch written چ
]


@pytest.mark.parametrize(("english", "sorani", "same"), NAMES, ids=[n[0] for n in NAMES])
def test_a_name_is_the_same_anchor_in_both_scripts(english: str, sorani: str, same: bool) -> None:
    found = NameIndex(english_names(f"They met {english} there.")).sorani_names(f"ئەوان {sorani}")
    assert bool(found) is same


ACRONYMS = [
    ("BBC", "ڕاپۆرتی بی بی سی", True),
    ("IT", "گۆڤاری تایپێی ئایتی", True),  # letter names glued into one word
    ("FBI", "ئێف بی ئای", True),
    ("BBC", "ئەو بی دەنگ بوو", False),  # بی alone is "without"
    ("CNN", "بی بی سی", False),
]


@pytest.mark.parametrize(("english", "sorani", "same"), ACRONYMS)
def test_an_acronym_is_the_same_anchor_as_its_letter_names(
    english: str, sorani: str, same: bool
) -> None:
    assert english in english_acronyms(f"A report by {english} today.")
    assert (english in sorani_acronyms(sorani)) is same


SORANI_BREAKS = [
    ("ئەو گوتی: ئێمە ئامادەین. ئەوان هاتن.", ["ئەو گوتی: ئێمە ئامادەین."], "an internal period"),
    ('گوتی "ئامادەین؟" ئەوان هاتن.', ['گوتی "ئامادەین؟"'], "a question and its closing quote"),
    ("د. ئیهود ئور هات.", [], "a lone letter: a title or an initial"),
    ('ئەوان هاتن. "', [], "only a closing quote follows"),
    ("ڕێژەکە ٢.٥ بوو.", [], "a decimal"),
    ("ئێمە ئامادەین.ئەوان هاتن.", ["ئێمە ئامادەین."], "the space after the end forgotten"),
    ("وەک من...ڕەنگە زیاتر بوو.", [], "three dots between two words: a pause"),
]


@pytest.mark.parametrize(
    ("text", "before", "rule"), SORANI_BREAKS, ids=[c[2] for c in SORANI_BREAKS]
)
def test_where_a_sorani_segment_may_be_cut(text: str, before: list[str], rule: str) -> None:
    segment_ = Segment("p1s1", 1, 1, 0, len(text), text)
    pieces = sorani_pieces(text, [segment_])
    assert [p.text for p in pieces[:-1]] == before
    assert pieces[-1].end == len(text) and pieces[0].first and not any(p.first for p in pieces[1:])


ENGLISH_BREAKS = [
    ('"Why?" he asked.', ['"Why?"'], "a quoted question and its speaker"),
    ("It lagged by 30 years. towards the end it changed.", ["It lagged by 30 years."], "lowercase"),
    ("The U.N. also hopes.", [], "an acronym before a lowercase word"),
    ("Other items, e.g. salaries, were discussed.", [], "a lowercase prefix"),
]


@pytest.mark.parametrize(
    ("text", "before", "rule"), ENGLISH_BREAKS, ids=[c[2] for c in ENGLISH_BREAKS]
)
def test_where_an_english_sentence_may_also_end(text: str, before: list[str], rule: str) -> None:
    (sentence,) = split_sentences(text)
    assert [text[:b] for b in sentence.breaks] == before


SENTENCE_POOL = list(zip(SORANI, ENGLISH_SENTENCES, strict=True))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(SENTENCE_POOL) - 1),
            st.sampled_from(["both", "ckb", "en"]),
            st.sampled_from([" ", "  ", "\n"]),
            st.booleans(),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_pairs_are_stretches_of_the_inputs_covering_each_once_in_order(
    plan: list[tuple[int, str, str, bool]],
) -> None:
    ckb_parts: list[str] = []
    en_parts: list[str] = []
    for index, sides, gap, quoted in plan:
        ckb_sentence, en_sentence = SENTENCE_POOL[index]
        if quoted:  # a stray quote mark, as real text has them
            ckb_sentence, en_sentence = '"' + ckb_sentence, en_sentence + '"'
        if sides != "en":
            ckb_parts += [ckb_sentence, gap]
        if sides != "ckb":
            en_parts += [en_sentence, gap]
    ckb, en = "".join(ckb_parts) or "ئەو.", "".join(en_parts) or "It."
    rows = list(align_texts(ckb, en).rows())
    for side, text in (("ckb_text", ckb), ("en_text", en)):
        stretches = [str(r[side]) for r in rows if r[side]]
        # every character once, in order (whitespace aside: lines are joined by a space)
        assert "".join("".join(s.split()) for s in stretches) == "".join(text.split())
        for stretch in stretches:
            for line in stretch.split(" ") if "\n" in text else [stretch]:
                assert line in text


def test_a_cut_segment_gives_one_po_entry_per_part(
    project: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    from workbench.align import aligner
    from workbench.cli import run

    def one_segment(text: str) -> list[Segment]:  # a segmenter that missed two boundaries
        body = text.strip()
        return [Segment("p1s1", 1, 1, 0, len(body), body)]

    monkeypatch.setattr(aligner, "segment", one_segment)
    monkeypatch.chdir(project)
    (project / "cut.txt").write_text(one_line(SORANI[3:6]) + "\n", encoding="utf-8")
    (project / "cut.en.txt").write_text(one_line(ENGLISH_SENTENCES[3:6]) + "\n", encoding="utf-8")
    assert run(["align", "cut.txt", "cut.en.txt"]) == 0, capfd.readouterr().err
    assert "3 pairs, 0 Sorani and 0 English sentences unaligned" in capfd.readouterr().out
    po_path = project / "translations" / "cut.po"
    msgfmt_check(po_path)
    entries = read_catalog(po_path).entries
    assert [e.msgid for e in entries] == [canonical_text(s) for s in SORANI[3:6]]
    assert [e.msgstr for e in entries] == ENGLISH_SENTENCES[3:6]
    assert all(e.occurrences == [("cut.txt:p1s1", "")] for e in entries)


def test_a_sentence_cut_in_many_places_on_both_sides_stays_one_pair() -> None:
    # more candidate cuts than a run from inside a sentence may hold
    ckb, segments = swallowed(["ئەوان هاتن."] * 30)
    en = "They came. " + " ".join(["they came."] * 29)  # one sentence: lowercase after each
    ckb_pieces = sorani_pieces(ckb, segments)
    en_pieces = english_pieces(en, split_sentences(en))
    assert len(ckb_pieces) == len(en_pieces) == 30
    scorer = PairScorer([p.text for p in ckb_pieces], [p.text for p in en_pieces])
    beads = align_sentences(scorer, ckb_pieces, en_pieces)
    assert [(b.ckb, b.en) for b in beads] == [(tuple(range(30)), tuple(range(30)))]
