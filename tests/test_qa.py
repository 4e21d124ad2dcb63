"""QA checks: each check positive and negative, waivers, the JSON contract, corpus checks."""

from __future__ import annotations

import datetime as dt
import os
import threading
from pathlib import Path
from typing import Any

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import DEMO, approved_entry
from workbench.forked import can_fork
from workbench.qa import runner
from workbench.qa.consistency_checks import target_text
from workbench.qa.context import Context
from workbench.qa.model import Finding, Unit
from workbench.qa.registry import CHECKS
from workbench.qa.runner import check_units, units_from_po
from workbench.read.english import stems
from workbench.read.numbers import english_words, sorani_number_words
from workbench.terms.glossary import load_glossary, stopwords
from workbench.terms.matcher import Matcher
from workbench.text import key_text

DAY = dt.date(2026, 1, 1)


GLOSSARY = [
    approved_entry(
        "pmf",
        "حەشدی شەعبی",
        "PMF",
        variants=("Popular Mobilization Forces",),
        forbidden=("Popular Crowd",),
    ),
    approved_entry("combat-forces", "هێزی شەڕکەر", "combat forces"),
    approved_entry(
        "us",
        "ئەمریکا",
        "United States",
        variants=("US",),
        type="place",
        adjectival=("ئەمریکی",),
        adjectival_target="US",
    ),
    approved_entry("peshmerga", "پێشمەرگە", "Peshmerga"),
    approved_entry("tehran", "تاران", "Tehran", type="place"),
    approved_entry("anbar", "ئەنبار", "Anbar", type="place"),
]
MATCHER = Matcher(GLOSSARY, stopwords())


def findings(source: str, target: str, check: str) -> list[str]:
    units = [Unit("a.po", "a/1", source, target)]
    return [f.message for f in check_units(units, MATCHER, [check])]


CASES = [
    # (check, source, bad target, good target)
    (
        "glossary-missing",
        "هێزێکی شەڕکەری ئەمریکی لە عێراق نامێنێت.",
        "No US fighting troops will remain in Iraq.",
        "No US combat force will remain in Iraq.",
    ),
    (
        "glossary-missing",
        "گرووپەکانی حەشدی شەعبی هێرشیان کرد.",
        "Groups of the Popular Front attacked.",
        "The PMF's groups attacked.",
    ),
    (
        "glossary-forbidden",
        "گرووپەکانی حەشدی شەعبی هێرشیان کرد.",
        "PMF (Popular Crowd) groups attacked.",
        "PMF groups attacked.",
    ),
    (
        "number-mismatch",
        "ئەمریکا ١٣ هەزار جار بۆردوومانی کرد و ٢٬٥٠٠ سەرباز لە عێراقن.",
        "The US carried out 1,300 strikes and has 2,500 troops in Iraq.",
        "The US carried out 13,000 strikes and has 2,500 troops in Iraq.",
    ),
    (
        "number-mismatch",
        "ڕێژەکە ٧٣٫٤ لە سەدە بوو.",
        "The rate was 73.5 percent.",
        "The rate was 73.4 percent.",
    ),
    (
        "number-mismatch",
        "١٨ ساڵ دوای ئەو ڕووداوە.",
        "18 years and 4 months after that event.",
        "Eighteen years after that event.",
    ),
    (
        "date-mismatch",
        "لە ٣١ی کانوونی یەکەمی ٢٠٢١ ـەوە هێزەکان دەکشێنەوە.",
        "The forces will withdraw from 31 January 2021.",
        "The forces will withdraw from December 31, 2021.",
    ),
    (
        "date-mismatch",
        "هەڵبژاردن لە ١٠ی تشرینی یەکەمی ٢٠٢١ دەبێت.",
        "The election will be held on 10 November 2021.",
        "The election will be held on 10 October 2021.",
    ),
    (
        "untranslated",
        "پێشمەرگە گەیشتنە شارەکە.",
        "The پێشمەرگە reached the city.",
        "The Peshmerga reached the city.",
    ),
    ("untranslated", "BBC News", "BBC News", "BBC News service"),
    ("punctuation", "بۆچی نەهات؟", "Why did he not come.", "Why did he not come?"),
    ("punctuation", "گوتی: ئامادەین.", 'He said: "we are ready.', 'He said: "we are ready."'),
    (
        "punctuation",
        "ڕاپۆرتەکە (بە کورتی) بڵاوکرایەوە.",
        "The report (in short was published.",
        "The report (in short) was published.",
    ),
    (
        "invisible-characters",
        "پێشمەرگە گەیشتن.",
        "The Peshmerga\u200f arrived.",
        "The Peshmerga arrived.",
    ),
    ("whitespace", "پێشمەرگە گەیشتن.", "The  Peshmerga arrived.", "The Peshmerga arrived."),
    ("whitespace", "پێشمەرگە گەیشتن.", " The Peshmerga arrived.", "The Peshmerga arrived."),
]


@pytest.mark.parametrize(
    ("check", "source", "bad", "good"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_check_flags_the_bad_and_passes_the_good(
    check: str, source: str, bad: str, good: str
) -> None:
    assert findings(source, bad, check), f"{check} missed: {bad}"
    assert findings(source, good, check) == [], f"{check} false alarm: {good}"


def test_a_forbidden_rendering_of_a_term_inside_a_phrase_is_forbidden() -> None:
    entries = [
        approved_entry("qassem-soleimani", "قاسم سولەیمانی", "Qassem Soleimani"),
        approved_entry("soleimani", "سولەیمانی", "Soleimani", forbidden=("Sulaimani",)),
        approved_entry("krg", "حکومەتی هەرێمی کوردستان", "Kurdistan Regional Government"),
        approved_entry("region", "هەرێمی کوردستان", "Kurdistan Region", forbidden=("Kurdistan",)),
    ]
    matcher = Matcher(entries, stopwords())

    def forbidden(source: str, target: str) -> list[str]:
        unit = Unit("a.po", "a/1", source, target)
        return [f.message for f in check_units([unit], matcher, ["glossary-forbidden"])]

    assert forbidden("کوژرانی قاسم سولەیمانی", "the killing of Qassem Sulaimani") == [
        "'Sulaimani' is a forbidden rendering of قاسم سولەیمانی; use 'Qassem Soleimani'"
    ]
    assert forbidden("کوژرانی قاسم سولەیمانی", "the killing of Qassem Soleimani") == []
    # Not where the phrase's own rendering has it: Kurdistan Regional Government.
    assert forbidden("حکومەتی هەرێمی کوردستان", "the Kurdistan Regional Government") == []


def test_a_rendering_in_capitals_is_rendered() -> None:
    entries = [
        approved_entry("erbil", "هەولێر", "Erbil", type="place"),
        approved_entry("us", "ئەمریکا", "US", type="place"),
        approved_entry("combat-forces", "هێزی شەڕکەر", "combat forces"),
    ]
    matcher = Matcher(entries, stopwords())

    def missing(source: str, target: str) -> list[str]:
        unit = Unit("a.po", "a/1", source, target)
        return [f.check for f in check_units([unit], matcher, ["glossary-missing"])]

    # A dateline, a headline: in capitals, as wire copy writes them.
    assert (
        missing("هەولێر (ڕووداو) - کۆبوونەوەکە کرا.", "ERBIL (Rudaw) - The meeting was held.") == []
    )
    assert missing("هێزی شەڕکەر نامێنێت", "NO COMBAT FORCES WILL REMAIN") == []
    # An acronym is still itself: the pronoun us is not the US.
    assert missing("ئەمریکا یارمەتیمان دەدات.", "They help us.") == ["glossary-missing"]


def test_a_word_that_is_two_terms_may_be_rendered_as_either() -> None:
    # سەربازی is the adjective military, or soldier with its ezafe (سەربازی ئەمریکی = a US
    # soldier): the matcher reads the uninflected military; the translation may have either.
    entries = [
        approved_entry("military", "سەربازی", "military", variants=("army",)),
        approved_entry("soldier", "سەرباز", "soldier", variants=("troops",)),
    ]
    matcher = Matcher(entries, stopwords())
    assert [e.id for e in matcher.readings_at("سەربازی ئەمریکی", 0)] == ["military", "soldier"]
    assert matcher.readings_at("سەربازی ئەمریکی", 0, 15) == ()  # no term spans both words

    def missing(target: str) -> list[str]:
        unit = Unit("a.po", "a/1", "سەربازی ئەمریکی لە بنکەکە ماوە.", target)
        return [f.message for f in check_units([unit], matcher, ["glossary-missing"])]

    assert missing("A US soldier remains at the base.") == []
    assert missing("US troops remain at the base.") == []
    assert missing("The US military remains at the base.") == []
    assert missing("US diplomats remain at the base.") == [
        "سەربازی (military) should be rendered 'military' / 'army'"
    ]


def test_a_term_that_lost_an_overlap_may_be_the_rendering() -> None:
    # سەرۆکی پەرلەمانی کوردستان: the longer Kurdistan Parliament wins the overlap with
    # parliament speaker, leaving سەرۆکی read as president; "speaker" renders it too.
    entries = [
        approved_entry("president", "سەرۆک", "president", variants=("head",)),
        approved_entry("speaker", "سەرۆکی پەرلەمان", "parliament speaker", variants=("speaker",)),
        approved_entry("kurdistan-parliament", "پەرلەمانی کوردستان", "Kurdistan Parliament"),
        approved_entry("forces", "هێز", "forces", variants=("troops",)),
        approved_entry("combat-forces", "هێزی شەڕکەر", "combat forces"),
    ]
    matcher = Matcher(entries, stopwords())

    def missing(source: str, target: str) -> list[str]:
        unit = Unit("a.po", "a/1", source, target)
        return [f.message for f in check_units([unit], matcher, ["glossary-missing"])]

    speaker = "سەرۆکی پەرلەمانی کوردستان گوتی"
    assert missing(speaker, "The Kurdistan Parliament speaker said") == []
    assert missing(speaker, "The Kurdistan Parliament president said") == []
    assert missing(speaker, "The Kurdistan Parliament official said") == [
        "سەرۆکی (president) should be rendered 'president' / 'head'"
    ]
    # Never a shorter term: combat forces is not rendered by the troops of هێز alone.
    assert missing("هێزی شەڕکەر نامێنێت.", "No troops will remain.") == [
        "هێزی شەڕکەر (combat-forces) should be rendered 'combat forces'"
    ]


def test_a_month_name_in_a_date_is_left_to_the_date_check() -> None:
    entries = [
        approved_entry("xakelewe", "خاکەلێوە", "Khakelewe", variants=("Xakelêwe",), type="date"),
        approved_entry("march", "ئازار", "March", type="date"),
    ]
    matcher = Matcher(entries, stopwords())

    def found(source: str, target: str) -> list[str]:
        unit = Unit("a.po", "a/1", source, target)
        checks = ["glossary-missing", "date-mismatch"]
        return [f.check for f in check_units([unit], matcher, checks)]

    # Converted from the Kurdish calendar, as wire copy does: the date renders the month.
    assert found("لە ١ی خاکەلێوەی ٢٧٢١ گەیشتن.", "They arrived on 21 March 2021.") == []
    # A wrong date is the date check's finding, not the glossary's as well.
    assert found("لە ٣ی ئازاری ٢٠٢١ گەیشتن.", "They arrived on 3 May 2021.") == ["date-mismatch"]
    # A month named outside a date is still the glossary's.
    assert found("لە خاکەلێوەدا گەیشتن.", "They arrived in spring.") == ["glossary-missing"]


def test_a_noun_term_rendered_as_an_english_verb_is_rendered() -> None:
    entries = [approved_entry("attack", "هێرش", "attack", variants=("assault",))]
    matcher = Matcher(entries, stopwords())

    def missing(target: str) -> list[Finding]:
        unit = Unit("a.po", "a/1", "گرووپەکان هێرشیان کردە سەر بنکەکە.", target)
        return check_units([unit], matcher, ["glossary-missing"])

    assert missing("The groups attacked the base.") == []  # هێرش کردنە سەر = attack
    assert missing("The groups were attacking the base.") == []
    assert missing("The groups stormed the base.")  # no form of the term at all

    agreement = [approved_entry("agreement", "ڕێککەوتن", "agreement", variants=("deal",))]
    unit = Unit("a.po", "a/2", "یەکێتی و پارتی ڕێککەوتن.", "The PUK and the KDP agreed.")
    assert check_units([unit], Matcher(agreement, stopwords()), ["glossary-missing"]) == []


def test_a_term_inside_a_hyphenated_word_is_rendered() -> None:
    source = "گرووپە چەکدارەکانی نزیک لە تاران لە ئەنبار هێرشیان کرد."
    tehran_backed = "Tehran-backed armed groups attacked in Anbar."
    assert findings(source, tehran_backed, "glossary-missing") == []
    # but the article is not a word apart: al-Anbar is not the glossary's Anbar
    al_anbar = "Tehran-backed armed groups attacked in al-Anbar."
    assert [m.split(" ")[0] for m in findings(source, al_anbar, "glossary-missing")] == ["ئەنبار"]
    # and a forbidden rendering is used inside a hyphenated word too
    pmf = "گرووپەکانی حەشدی شەعبی هێرشیان کرد."
    assert findings(pmf, "PMF (Popular Crowd-led) groups attacked.", "glossary-forbidden")


def test_script_equivalent_punctuation_and_digits_are_not_flagged() -> None:
    source = "ئایا ٢٠٢٤ باشتر دەبێت؟ نازانین، بەڵام ۲۰۲۵؛ 2026."
    target = "Will 2024 be better? We do not know, but 2025; 2026."
    for check in ("number-mismatch", "punctuation"):
        assert findings(source, target, check) == []


def test_a_closing_quotation_takes_the_english_full_stop_inside() -> None:
    source = "گوتی: «ئێمە ئامادەین»"  # Sorani often ends on the guillemet, no stop
    assert findings(source, 'He said: "We are ready."', "punctuation") == []
    assert findings(source, 'He said: "Are we ready?"', "punctuation") == [
        "ends with '?', the source with 'none'"
    ]
    assert findings("گوتی (ئامادەین)", "He said (ready).", "punctuation")  # not a quotation


def test_length_ratio_against_the_corpus() -> None:
    units = [
        Unit(
            "a.po",
            f"a/{i}",
            "ئەمە ڕستەیەکی ئاسایی کوردییە بۆ تاقیکردنەوە.",
            f"This is an ordinary sentence {i}.",
        )
        for i in range(30)
    ]
    units.append(Unit("a.po", "a/long", units[0].source, "This is far too long a sentence. " * 12))
    flagged = [f.id for f in check_units(units, None, ["length-ratio"])]
    assert flagged == ["a/long"]


def test_corpus_checks_across_two_files() -> None:
    pmf = "حەشدی شەعبی بەیاننامەیەکی دەرکرد."
    units = [
        Unit("a.po", f"a/{i}", f"{pmf} {i}", f"The PMF issued a statement {i}.") for i in range(3)
    ]
    units.append(
        Unit("b.po", "b/1", "حەشدی شەعبی ڕەتیکردەوە.", "The Popular Mobilization Forces denied it.")
    )
    result = check_units(units, MATCHER, ["term-inconsistent"])
    assert [(f.file, f.id) for f in result] == [("b.po", "b/1")]
    assert "PMF 3×, Popular Mobilization Forces 1×" in result[0].message
    assert set(result[0].related) == {"a/0", "a/1", "a/2"}


def test_inconsistent_source_and_target() -> None:
    units = [
        Unit("a.po", "a/1", "کۆبوونەوەکە کۆتایی هات.", "The meeting ended."),
        Unit("b.po", "b/1", "كۆبوونەوەکە کۆتایی هات.", "The meeting was over."),
        Unit("b.po", "b/2", "کۆبوونەوەکە کۆتایی هات.", "The meeting ended."),
        Unit("c.po", "c/1", "دانیشتنەکە کۆتایی هات.", "The meeting ended!"),
    ]
    source = check_units(units, None, ["inconsistent-source"])
    assert [f.id for f in source] == ["b/1"] and set(source[0].related) == {"a/1", "b/2"}
    target = check_units(units, None, ["inconsistent-target"])
    assert {f.id for f in target} == {"a/1", "b/2", "c/1"}


def write_po(path: Path, pairs: list[tuple[str, str, str]]) -> None:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for ctx, source, target, *comment in pairs:
        po.append(
            polib.POEntry(
                msgctxt=ctx, msgid=source, msgstr=target, tcomment=comment[0] if comment else ""
            )
        )
    po.save(str(path))


def test_cli_json_contract_waivers_and_exit_status(kwb: Any, tmp_path: Path) -> None:
    po = tmp_path / "a.po"
    write_po(
        po,
        [
            ("a/1", "ئەمریکا ١٣ هەزار جار بۆردوومانی کرد.", "The US carried out 1,300 strikes."),
            (
                "a/2",
                "هێزی شەڕکەر نامێنێت.",
                "No troops will remain.",
                "kwb-ok: glossary-missing — the paragraph already said combat forces",
            ),
            ("a/3", "حەشدی شەعبی هاتن.", ""),
        ],
    )
    result = kwb("check", str(po), "--json", "--project", str(DEMO))
    assert result.code == 1, result.err
    rows = result.json_lines()
    assert all(
        list(r) == ["file", "id", "check", "severity", "message", "source", "target", "related"]
        for r in rows
    )
    assert {(r["id"], r["check"], r["severity"]) for r in rows} == {
        ("a/1", "number-mismatch", "error")
    }
    waived = kwb("check", str(po), "--json", "--show-waived", "--project", str(DEMO)).json_lines()
    assert {(r["id"], r["check"], r.get("waived")) for r in waived} >= {
        ("a/2", "glossary-missing", "the paragraph already said combat forces")
    }
    only = kwb("check", str(po), "--checks", "whitespace,punctuation", "--project", str(DEMO))
    assert only.code == 0
    unknown = kwb("check", str(po), "--checks", "no-such-check", "--project", str(DEMO))
    assert unknown.code == 2 and "no-such-check" in unknown.err
    report = kwb("check", str(po), "--project", str(DEMO))
    assert report.code == 1 and "number-mismatch" in report.out and "a.po" in report.out


def test_cli_glossary_option_takes_csv(kwb: Any, tmp_path: Path) -> None:
    po = tmp_path / "a.po"
    write_po(po, [("a/1", "بەنداوی دوکان پڕ بوو.", "The Dokan reservoir is full.")])
    glossary = tmp_path / "g.csv"
    glossary.write_text(
        "source,target,forbidden\nبەنداوی دوکان,Dukan Dam,Dokan reservoir\n", encoding="utf-8"
    )
    rows = kwb("check", str(po), "--glossary", str(glossary), "--json").json_lines()
    # The forbidden rendering used instead is one finding, which names the rendering to use.
    assert [(r["check"], r["message"]) for r in rows] == [
        (
            "glossary-forbidden",
            "'Dokan reservoir' is a forbidden rendering of بەنداوی دوکان; use 'Dukan Dam'",
        )
    ]


def test_registry_ids_are_the_public_ones() -> None:
    assert [c.id for c in CHECKS] == [
        "glossary-missing",
        "glossary-forbidden",
        "term-inconsistent",
        "inconsistent-source",
        "inconsistent-target",
        "number-mismatch",
        "date-mismatch",
        "untranslated",
        "punctuation",
        "invisible-characters",
        "length-ratio",
        "whitespace",
        "spelling",
    ]


def test_bundled_demo_corpus_is_qa_clean(kwb: Any) -> None:
    result = kwb("check", "--json", "--project", str(DEMO))
    assert result.code == 0 and result.json_lines() == []
    waived = kwb("check", "--json", "--show-waived", "--project", str(DEMO)).json_lines()
    assert waived and all(r["waived"] for r in waived)


# --- the fast paths and the parallel run find what the plain reading finds ----------------


def translation_units(copies: int) -> list[Unit]:
    """`copies` variants of every pair in translations/*.po, numbered like the QA benchmark's
    pairs. Three copies in a row share a number; then the second has another number in the
    English (another translation of the same source), the third another one in the Sorani
    (the same translation of another source)."""
    seeds = [
        u for path in sorted((DEMO / "translations").glob("*.po")) for u in units_from_po(path)
    ]
    units = []
    for copy in range(copies):
        number = 10 + copy // 3
        for seed in seeds:
            target = f"{number + (copy % 3 == 1)}: {seed.target}" if seed.target else ""
            source = f"{str(number + (copy % 3 == 2)).translate(ARABIC_DIGITS)}: {seed.source}"
            units.append(Unit(seed.file, f"{seed.id}/{copy}", source, target, seed.state))
    return units


ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def as_rows(found: list[Finding]) -> list[tuple[dict[str, object], str | None]]:
    return [(f.as_json(), f.waived) for f in found]


@pytest.mark.skipif(not can_fork(), reason="worker processes are forked")
def test_parallel_run_finds_what_one_process_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    matcher = Matcher(load_glossary(DEMO / "glossary").active(), stopwords())
    units = translation_units(12)
    monkeypatch.setattr(runner, "process_count", lambda n: 1)
    serial = check_units(units, matcher)
    assert {f.check for f in serial} >= {
        "number-mismatch",
        "inconsistent-source",
        "inconsistent-target",
        "glossary-missing",
    }
    monkeypatch.setattr(runner, "process_count", lambda n: 3)
    monkeypatch.setattr(runner, "BATCH", 16)
    fresh = translation_units(12)
    assert as_rows(check_units(fresh, matcher)) == as_rows(serial)
    assert as_rows(check_units(fresh, matcher, ["term-inconsistent", "whitespace"])) == [
        r for r in as_rows(serial) if r[0]["check"] in ("term-inconsistent", "whitespace")
    ]


def test_only_a_single_threaded_process_with_many_units_forks() -> None:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert runner.process_count(10) == 1
    assert runner.process_count(10**9) == (cpus if can_fork() else 1)
    started, stop = threading.Event(), threading.Event()

    def wait() -> None:
        started.set()
        stop.wait()

    thread = threading.Thread(target=wait)
    thread.start()
    started.wait()
    try:
        assert runner.process_count(10**9) == 1
    finally:
        stop.set()
        thread.join()


def test_batch_pass_finds_each_source_s_terms_and_key() -> None:
    matcher = Matcher(load_glossary(DEMO / "glossary").active(), stopwords())
    sources = [u.source for u in translation_units(1)] + ["", "پێشمەرگە\nهات", "BBC News"]
    found, key = matcher.find_each(sources)
    assert found == [matcher.find(s) for s in sources]
    assert key == key_text("\n".join(sources))


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        # A Sorani number word alone, with no digit anywhere.
        ("دوو بۆمبهاوێژ هاتن.", "Bombers came.", ["missing in the translation: 2"]),
        ("دوو بۆمبهاوێژ هاتن.", "Two bombers came.", []),
        ("سیاسی و دووەم", "Political and second", []),  # number words inside other words
        ("هات\tسێ\nجار", "He came thrice", ["missing in the translation: 3"]),
        ("٢٬٥٠٠ سەرباز", "2,500 soldiers", []),
        ("٢٬٥٠٠ سەرباز", "2500 soldiers and 3 more", ["not in the source: 3"]),
        ("١٫٥ ملیۆن", "1.5 million", []),
        # Digits right after a Latin letter are part of a name (v1.2, H5N1, F1), on either
        # side; after a Sorani letter they are read (ساڵی٢٠٢١).
        ("v١.٢ و ٣", "v1.2 and 3", []),
        ("H5N1 و F1", "H5N1 and F1", []),
        ("ساڵی٢٠٢١", "in 2020", ["missing in the translation: 2021", "not in the source: 2020"]),
        ("٢,٥", "2 ,5", []),  # nor digits right after a comma
        ("۳ हज़ार ३", "3", ["missing in the translation: 3"]),  # Devanagari digit
        ("no numbers", "in the 12th year", ["not in the source: 12"]),
        # Turkish İ and ı match i case-insensitively (THİRTY, MİLLİON): read as i.
        ("سی کەس هاتن", "THİRTY people came", []),
        # A number that is part of a name may come with the English name alone.
        ("ڤاکسینی کۆرۆنا", "a vaccine against COVID-19", []),
        ("فڕۆکە", "an F-16 and 3 others", ["not in the source: 3"]),
        ("٥ ملیۆن", "5 MİLLİON", []),
    ],
)
def test_numbers_through_the_fast_paths(source: str, target: str, expected: list[str]) -> None:
    assert findings(source, target, "number-mismatch") == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        # Spelled numbers are read whole on both sides, whatever the other side uses.
        ("بیست و پێنج کەس کوژران.", "Twenty-five people were killed.", []),
        ("بیست و پێنج کەس کوژران.", "25 people were killed.", []),
        ("سێ سەد سەرباز گەیشتن.", "300 soldiers arrived.", []),
        ("دوو هەزار و پێنج سەد خێزان", "2,500 families", []),
        ("دوو هەزار و پێنج سەد خێزان", "two thousand five hundred families", []),
        ("سی و یەک کەس", "31 people", []),  # یەک is a number inside a number
        ("دە هەزار کەس", "10,000 people", []),
        ("پێنج ملیۆن دۆلار", "$5 million", []),
        ("سەد و پەنجا کەس", "a hundred and fifty people", []),
        ("هەزار کەس", "a thousand people", []),
        ("دووسەد کەس", "200 people", []),
        ('گوتی: "دوو سەرچاوە', 'said: "Two sources', []),  # after a quotation mark
        ("یەک لە سەربازەکان", "one of the soldiers", []),  # یەک alone is "a" or "one"
        ("٥ هەزار", "5,000", []),  # a scale word after digits is the digits' scale
        # سی is C in an acronym spelled out in letter names, not 30
        ("بە سی ئێن ئێنی گوت", "he told CNN", []),
        ("بی بی سی بڵاوی کردەوە", "the BBC reported", []),
        ("سی ئای ئەی", "the CIA", []),
        ("سی سەرباز", "soldiers", ["missing in the translation: 30"]),
        # and what is wrong is still wrong
        (
            "بیست و پێنج کەس",
            "20 people",
            ["missing in the translation: 25", "not in the source: 20"],
        ),
        ("سێ سەد سەرباز", "three soldiers", ["missing in the translation: 300"]),
        # a number spelled out in the English only: from three on ("one of", "the two")
        ("هەردوو وڵات", "the seven countries", ["not in the source: 7"]),
        ("هەردوو وڵات", "the two countries", []),
        ("هەر چواریان گەیشتن", "all four of them arrived", []),  # چوار with a suffix
        ("یەکێک لە وڵاتان", "one of the countries", []),
        ('گوتی: "دوو سەرچاوە', 'said: "Sources', ["missing in the translation: 2"]),
        ("دوو و سێ", "5", ["missing in the translation: 2, 3", "not in the source: 5"]),
    ],
)
def test_spelled_numbers_are_read_whole(source: str, target: str, expected: list[str]) -> None:
    assert findings(source, target, "number-mismatch") == expected


@pytest.mark.parametrize(
    ("source", "target", "numbers", "dates"),
    [
        # Dates in digits: day/month/year or year/month/day in Sorani; English any way.
        ("لە ٢٠٢١/١٢/٣١ گەیشتن.", "They arrived on 31 December 2021.", [], []),
        ("لە ٣١/١٢/٢٠٢١ گەیشتن.", "They arrived on December 31, 2021.", [], []),
        ("لە ٣١/١٢/٢٠٢١ گەیشتن.", "They arrived on 31/12/2021.", [], []),
        ("لە ٣١ی کانوونی یەکەمی ٢٠٢١ گەیشتن.", "They arrived on 12/31/2021.", [], []),
        ("لە ٣/٤/٢٠٢١ گەیشتن.", "They arrived on April 3, 2021.", [], []),
        (
            "لە ٣/٤/٢٠٢١ گەیشتن.",
            "They arrived on March 4, 2021.",
            ["missing in the translation: 3"],
            ["the source says 3 April 2021; the translation has 4 March 2021"],
        ),
        (
            "لە ٣١/١٢/٢٠٢١ گەیشتن.",
            "They arrived on Friday.",
            ["missing in the translation: 12, 31, 2021"],
            ["the source says 31 December 2021; the translation has no date"],
        ),
        # Separators and scales as Sorani writers type them.
        ("١،٥٠٠ کەس", "1,500 people", [], []),  # Arabic comma for ٬
        ("٢ هەزار و ٥٠٠ کەس", "2,500 people", [], []),
        ("٣ ملیۆن و ٥٠٠ هەزار دۆلار", "$3.5 million", [], []),
        ("٥ ملیۆن دۆلار و ٣ ملیۆن دینار", "$5 million and 3 million dinars", [], []),
        ("دوو ملیۆن و نیو دۆلار", "$2.5 million", [], []),  # and a half
        ("٢ ملیۆن و نیو دۆلار", "$2.5 million", [], []),
        (
            "٢ ملیۆن و نیو دۆلار",
            "$2 million",
            ["missing in the translation: 2,500,000", "not in the source: 2,000,000"],
            [],
        ),
        # Day, month and year each with its ezafe.
        ("لە ١٢ی ٥ی ٢٠٢٣ کرا.", "It was held on 12 May 2023.", [], []),
        (
            "لە ١٢ی ٥ی ٢٠٢٣ کرا.",
            "It was held on 12 June 2023.",
            ["missing in the translation: 5"],
            ["the source says 12 May 2023; the translation has 12 June 2023"],
        ),
        # Dots between groups of three: thousands, or a decimal point.
        ("١٠.٠٠٠ دۆلار", "$10,000", [], []),
        ("١.٥٠٠.٠٠٠ دۆلار", "$1,500,000", [], []),
        ("١.٥٠٠ ملیۆن دۆلار", "$1.5 million", [], []),
        (
            "١٠.٠٠٠ دۆلار",
            "$20,000",
            ["missing in the translation: 10", "not in the source: 20,000"],
            [],
        ),
        # A number begun in digits and continued in words; halves.
        ("٢ هەزار و پێنج سەد کەس", "2,500 people", [], []),
        (
            "٢ هەزار و پێنج سەد کەس",
            "2,000 people",
            ["missing in the translation: 2,500", "not in the source: 2000"],  # shown as a year
            [],
        ),
        ("نیو ملیۆن دۆلار", "half a million dollars", [], []),
        ("نیو ملیۆن دۆلار", "$500,000", [], []),
        ("نیو ملیۆن دۆلار", "a million dollars", ["missing in the translation: 500,000"], []),
        ("دوو ملیۆن و نیو", "two and a half million", [], []),
        ("سێ ملیۆن و نیو دۆلار", "three and a half million dollars", [], []),
        ("٣ ملیۆن و نیو", "three and a half million", [], []),
        ("نیو کاتژمێر", "half an hour", [], []),
    ],
)
def test_numbers_in_dates_and_as_typed(
    source: str, target: str, numbers: list[str], dates: list[str]
) -> None:
    assert findings(source, target, "number-mismatch") == numbers
    assert findings(source, target, "date-mismatch") == dates


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("two thousand five hundred and six", [2506]),
        ("three hundred fifty", [350]),
        ("twenty five", [25]),
        ("ten five-minute breaks", [10, 5]),  # only tens from twenty take a unit unjoined
        ("one or two", [1, 2]),
        ("a million", [1_000_000]),
        ("5 million", []),  # digits: english_digits reads them
        ("nine hundred ninety-nine thousand", [999_000]),
        ("half a million", [500_000]),
        ("two and a half million", [2_500_000]),
        ("three and a half million people in five cities", [5, 3_500_000]),
        ("a million and a half", [1_500_000]),
        ("half an hour", []),
    ],
)
def test_english_spelled_numbers(text: str, values: list[float]) -> None:
    assert english_words(text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("سێ سەد و بیست و پێنج", [325]),
        ("دوو ملیۆن و پێنج سەد هەزار", [2_500_000]),
        ("یەک ملیۆن", [1_000_000]),
        ("یەک", []),
        ("دە", []),
        ("حەوت، هەشت", [7, 8]),  # punctuation between: two numbers
        ("نۆسەد و نەوەد و نۆ", [999]),
        ("پانزە کەس و دوانزە ساڵ", [15, 12]),  # spoken spellings (پازدە, دوازدە)
        ("نیو ملیۆن", [500_000]),  # half before a scale word
        ("نیو کاتژمێر", []),  # half an hour: no number to compare
        ("ملیۆن و نیو", [1_500_000]),
    ],
)
def test_sorani_spelled_numbers(text: str, values: list[float]) -> None:
    assert sorani_number_words(key_text(text)).values == values


@pytest.mark.parametrize(
    ("text", "values", "replaced"),
    [
        ("٢ هەزار و پێنج سەد", [2_500], [2_000]),
        ("٣ ملیۆن و دوو سەد هەزار", [3_200_000], [3_000_000]),
        ("٢ هەزار", [], []),  # digits and a scale word alone: the digit reading has them
        ("٢ و سێ", [3], []),  # no scale word: a number in digits, then a word
    ],
)
def test_sorani_numbers_begun_in_digits(
    text: str, values: list[float], replaced: list[float]
) -> None:
    assert sorani_number_words(key_text(text)) == (values, replaced)


@pytest.mark.parametrize(
    ("source", "target", "dates"),
    [
        ("لە ١ی خاکەلێوەی ٢٧٢١", "on 21 March 2021", []),
        ("لە ١ی خاکەلێوەی ٢٧٢١", "on 20 March 2021", []),  # Newroz falls on 20 or 21 March
        (
            "لە ١ی خاکەلێوەی ٢٧٢١",
            "on 1 April 2021",
            [
                "the source says 21 March 2021 (1 Khakelewe 2721 in the Kurdish calendar); "
                "the translation has 1 April 2021"
            ],
        ),
        ("لە ١٠ی بەفرانباری ٢٧٢٠", "on 31 December 2020", []),
        ("لە ١٥ی ڕێبەندانی ٢٧٢٠", "on 4 February 2021", []),  # the Kurdish year began in 2020
        ("لە ١٠ی بەفرانبار", "on 31 December", []),  # no year: day and month
        ("لە ڕێبەندانی ٢٧٢٠", "in January 2021", []),  # a month spans two Gregorian months
        ("لە ڕێبەندانی ٢٧٢٠", "in February 2021", []),
        (
            "لە ڕێبەندانی ٢٧٢٠",
            "in March 2021",
            [
                "the source says January 2021 or February 2021 (Rebendan 2720 in the "
                "Kurdish calendar); the translation has March 2021"
            ],
        ),
        ("١٠ گوڵان", "10 flowers", []),  # a solar month's day takes its ی
        ("گوڵانی جوان", "beautiful flowers", []),  # a bare month name is not a date
    ],
)
def test_kurdish_solar_dates(source: str, target: str, dates: list[str]) -> None:
    assert findings(source, target, "date-mismatch") == dates
    if not dates:  # the day and the year are the date's: not numbers gone missing
        assert findings(source, target, "number-mismatch") == []


@pytest.mark.parametrize(
    ("source", "target", "flagged"),
    [
        ("لە ٣ی ئازار گەیشتن.", "They arrived on 4 March.", True),  # a month name with a day
        ("لە ٣ی ئازار گەیشتن.", "They arrived on March 3.", False),
        ("ئازاری زۆر", "much pain", False),  # a bare month name is not a date
        ("ئازاری ٢٠٢١", "in March 2020", True),  # a month name with a year
        ("ئازاری ٢٠٢١", "in MARCH 2021", False),
        ("لە ٥ی ئەیلول", "on the 5th of September", False),
        ("لە ٥ی نیسان", "in Gießen on 5 April", False),  # casefold("ß") == "ss"
        ("لە ١ی ئاب", "on Aug. 1", False),
        ("لە ١ی ئاب", "on 1 Auguſt", False),  # ſ matches s case-insensitively
        # Turkish İ and ı match i case-insensitively: read as i, never a crash.
        ("لە ٣ی نیسان", "on APRİL 3", False),
        ("لە ٣ی نیسان", "on 3 aprıl", False),
        ("لە ٣ی نیسان", "on APRİL 4", True),
    ],
)
def test_dates_through_the_fast_paths(source: str, target: str, flagged: bool) -> None:
    assert bool(findings(source, target, "date-mismatch")) == flagged


def test_untranslated_fast_paths() -> None:
    assert findings("BBC News", "BBC News", "untranslated")
    assert findings("٢٠٢٤", "2024", "untranslated")  # digits only: keys are equal
    assert not findings("پێشمەرگە", "Peshmerga", "untranslated")
    assert findings("پێشمەرگە هات", "The ﭘێشمەرگە came", "untranslated")  # presentation form


def test_plurals_in_men_are_the_renderings_in_man() -> None:
    assert stems("Gunmen and policemen, women in Yemen") == " gunman and policeman woman in yemen "


def test_ascii_fast_paths_read_text_as_the_general_path_does() -> None:
    text = "The U.S.-led coalition's 2,500 troops -- PMFs' 'fighters' (Iraqis) left..."
    assert stems(text) == stems(text + " é")  # é: no word, but the text is no longer ASCII
    unit = Unit("a.po", "a/1", "x", text)
    other = Unit("a.po", "a/2", "x", text + " —")
    assert target_text(unit, Context()) == target_text(other, Context())


SORANI_PIECES = [
    "هێزی شەڕکەر",
    "حەشدی شەعبی",
    "ئەمریکی",
    "٢٬٥٠٠",
    "١،٥٠٠",
    "١٣ هەزار",
    "بیست و پێنج",
    "سێ سەد",
    "یەک",
    "دە",
    "و",
    "٣١ی کانوونی یەکەمی ٢٠٢١",
    "٢٠٢١/١٢/٣١",
    "ئازاری",
    "٪٢٥",
    "«",
    "»",
    "؟",
    "،",
    "؛",
    "\u200c",
    "\u0640",
    "\u202b",
    "ك",
    "ي",
    "ة",
    "۴",
    "0",
    ".",
    "-",
]
ENGLISH_PIECES = [
    "PMF",
    "the PMF's",
    "combat forces",
    "Tehran-backed",
    "al-Anbar",
    "APRİL",
    "aprıl",
    "THİRTY-ONE",
    "MİLLİON",
    "Auguſt",
    "Straße",
    "2,500",
    "1.5 million",
    "31 December 2021",
    "12/31/2021",
    "2021-12-31",
    "03/04/2021",
    "twenty-five",
    "a thousand",
    "and",
    "COVID-19",
    "F-16",
    "gunmen",
    '"',
    "(",
    ")",
    "…",
    "?",
    ",",
    "-",
    "\u200b",
    "\ufeff",
    "پێشمەرگە",
    "٣",
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(SORANI_PIECES) | st.text(max_size=3), max_size=12),
    st.lists(st.sampled_from(ENGLISH_PIECES) | st.text(max_size=3), max_size=12),
)
def test_every_check_reads_any_text_without_failing(source: list[str], target: list[str]) -> None:
    """Odd case, digits, separators and dates in any mix: findings, never an exception."""
    units = [
        Unit("a.po", "a/1", " ".join(source), " ".join(target)),
        Unit("a.po", "a/2", " ".join(source), " ".join(reversed(target))),
    ]
    for finding in check_units(units, MATCHER):
        assert finding.check in {c.id for c in CHECKS}
        assert finding.message
