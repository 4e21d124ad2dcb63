"""`kwb search`: Sorani through inflection, English as whole words, regexes; over every PO
file and the articles not added yet; JSON as specified; offsets in the text as stored."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.cli import run
from workbench.errors import InputError
from workbench.search.concordance import search_project
from workbench.search.query import compile_query, kind_of
from workbench.store.project import load_project

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

# Every occurrence of هێزی شەڕکەر "combat forces" in the demo's seeds, read from the seeds
# by hand: (article, segment, the words as written).
DEMO_COMBAT_FORCES = [
    ("000_d4781596957db36c", "p2s1", "هێزی شەڕکەر"),
    ("000_d4781596957db36c", "p5s1", "هێزێکی شەڕکەری"),  # indefinite head, ezafe on the last
    ("000_d4781596957db36c", "p8s1", "هێزی شەڕکەر"),
    ("000_d4781596957db36c", "p14s1", "هێزی بیانی شەڕکەر"),  # an adjective in between
    ("000_d4781596957db36c", "p15s1", "هێزی شەڕکەرەوە"),  # a postposition on the last
    ("002_ea2792f57afd9dbb", "p2s1", "هێزێکی شەڕکەر"),
    ("002_ea2792f57afd9dbb", "p3s1", "هێزی شەڕکەر"),
]


def kwb(capfd: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capfd.readouterr()
    code = run(list(args))
    out, err = capfd.readouterr()
    return code, ANSI.sub("", out), err


def hits_of(capfd: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    code, out, err = kwb(capfd, "search", *args, "--json")
    assert code in (0, 1), err
    return [json.loads(line) for line in out.splitlines()]


def test_a_sorani_query_finds_every_inflected_occurrence_in_the_demo(
    committed_demo: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    hits = hits_of(capfd, "هێزی شەڕکەر", "--project", str(committed_demo))
    found = [
        (Path(str(h["file"])).stem, h["segment"], str(h["text"])[h["start"] : h["end"]])  # type: ignore[misc]
        for h in hits
    ]
    assert found == DEMO_COMBAT_FORCES
    assert {h["side"] for h in hits} == {"source"}
    assert all(str(h["id"]).startswith(Path(str(h["file"])).stem + "/") for h in hits)


def test_an_english_query_finds_combat_forces_in_the_targets(
    committed_demo: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    hits = hits_of(capfd, "combat forces", "--project", str(committed_demo))
    assert len(hits) >= len(DEMO_COMBAT_FORCES)
    assert {h["side"] for h in hits} == {"target"}
    assert {str(h["text"])[h["start"] : h["end"]] for h in hits} == {"combat forces"}  # type: ignore[misc]
    # the English of every segment whose Sorani has the term holds the rendering
    segments = {(Path(str(h["file"])).stem, h["segment"]) for h in hits}
    assert {(a, s) for a, s, _ in DEMO_COMBAT_FORCES} <= segments


def test_json_objects_have_exactly_the_contract_fields(
    committed_demo: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    hits = hits_of(capfd, "هێزی شەڕکەر", "--project", str(committed_demo))
    assert hits
    for h in hits:
        assert list(h) == ["file", "id", "segment", "side", "start", "end", "text"]
        assert isinstance(h["start"], int) and isinstance(h["end"], int)
        assert h["side"] in ("source", "target")
        assert re.fullmatch(r"p\d+s\d+", str(h["segment"]))


def test_seeds_not_added_are_searched_as_kwb_add_would_segment_them(
    committed_demo: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    (committed_demo / "translations" / "002_ea2792f57afd9dbb.po").unlink()
    hits = hits_of(capfd, "هێزی شەڕکەر", "--project", str(committed_demo))
    seeds = [h for h in hits if str(h["file"]).startswith("seeds/")]
    assert [(h["file"], h["id"], h["segment"]) for h in seeds] == [
        ("seeds/002_ea2792f57afd9dbb.txt", "", "p2s1"),
        ("seeds/002_ea2792f57afd9dbb.txt", "", "p3s1"),
    ]
    assert len(hits) == len(DEMO_COMBAT_FORCES)


@pytest.mark.parametrize(
    ("side", "sides"),
    [("source", {"source"}), ("target", set()), ("both", {"source"})],
)
def test_in_chooses_the_side(
    side: str, sides: set[str], committed_demo: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    hits = hits_of(capfd, "هێزی شەڕکەر", "--in", side, "--project", str(committed_demo))
    assert {h["side"] for h in hits} == sides


def test_exit_1_without_hits_and_2_on_bad_input(
    committed_demo: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    project = ("--project", str(committed_demo))
    code, out, _ = kwb(capfd, "search", "zebra crossing", *project)
    assert code == 1 and "no hits" in out
    code, _, err = kwb(capfd, "search", "forces(", "--regex", *project)
    assert code == 2
    assert err.count("\n") == 1 and "bad regular expression" in err
    code, _, err = kwb(capfd, "search", "forces", "--in", "middle", *project)
    assert code == 2 and "--in" in err


def test_the_concordance_shows_file_segment_side_and_the_hit(
    committed_demo: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    code, out, _ = kwb(capfd, "search", "combat forces", "--project", str(committed_demo))
    assert code == 0
    rows = [line for line in out.splitlines() if "p2s1" in line]
    assert rows and "target" in rows[0] and "combat forces" in rows[0]
    assert "000_d4781596957db36c.po" in rows[0]
    assert re.search(r"\d+ hits in \d+ segments of 2 files", out)


# --- what each kind of query finds ----------------------------------------------------

ENGLISH_CASES = [
    # (query, text, the spans' text)
    ("force", "The forces enforce law; a force's reach.", ["forces", "force's"]),
    ("force", "Enforcement and reinforcements", []),
    (
        "Combat Forces",
        "US combat forces and combat  force, but not combat, forces.",
        ["combat forces", "combat  force"],
    ),
    ("combat forces", "combat-forces", ["combat-forces"]),
    ("Kadhimi", "Mustafa al-Kadhimi met Kadhimi's aides", ["Kadhimi", "Kadhimi's"]),
    ("us", "The US told us.", ["US", "us"]),
    ("U.S.", "The U.S. and the US", ["U.S", "US"]),
    ("2,500", "2,500 troops, not 2, 500 or 12,500", ["2,500"]),
    ("child", "The children and a child's toy", ["children", "child's"]),  # irregular
    ("city", "Two cities, one City", ["cities", "City"]),
    ("policeman", "Policemen came", ["Policemen"]),
    ("forces", "a combat force", ["force"]),  # the plural finds the singular too
]


@pytest.mark.parametrize(("query", "text", "found"), ENGLISH_CASES)
def test_english_queries_match_whole_words_in_any_case_with_plurals(
    query: str, text: str, found: list[str]
) -> None:
    compiled = compile_query(query)
    assert compiled.kind == "english"
    assert [text[s:e] for s, e in compiled.find(text)] == found


SORANI_CASES = [
    # (query, text, the spans' text): the matcher's morphology, at original offsets
    ("هێزی شەڕکەر", "هێزە شەڕکەرەکان گەیشتن", ["هێزە شەڕکەرەکان"]),
    ("هێزی شەڕکەر", "لە هێزێکی شەڕکەری ئەمریکی", ["هێزێکی شەڕکەری"]),
    ("هێز", "هێزەکانیشیانەوە و بەهێز", ["هێزەکانیشیانەوە"]),  # بەهێز "strong" is a word
    ("کورد", "کوردستان و کوردەکان", ["کوردەکان"]),  # a derivation is another word
    ("عێراق", "عيراق‌ی", ["عيراق\u200cی"]),  # Arabic yeh and a ZWNJ: offsets as written
    ("ئەمریکا", "ئەمریکییەکان", []),  # the nisba adjective is another word
]


@pytest.mark.parametrize(("query", "text", "found"), SORANI_CASES)
def test_sorani_queries_match_through_inflection(query: str, text: str, found: list[str]) -> None:
    compiled = compile_query(query)
    assert compiled.kind == "sorani"
    assert [text[s:e] for s, e in compiled.find(text)] == found


def test_a_regex_is_literal_python_and_empty_matches_are_no_hits() -> None:
    compiled = compile_query(r"\bforce\w*", regex=True)
    assert compiled.kind == "regex"
    text = "forces and force; enforcement"
    assert [text[s:e] for s, e in compiled.find(text)] == ["forces", "force"]
    assert compile_query("x*", regex=True).find("abc") == []


@pytest.mark.parametrize("query", ["", "   ", "!!"])
def test_an_empty_query_is_refused(query: str) -> None:
    with pytest.raises(InputError):
        compile_query(query)


def test_the_script_decides_the_kind() -> None:
    assert kind_of("هێز") == "sorani"
    assert kind_of("BBCی") == "sorani"
    assert kind_of("forces") == "english"
    assert kind_of("هێز", regex=True) == "regex"


WORDS = st.sampled_from(
    ["force", "forces", "Force", "the", "combat", "enforcement", "US", "us", "talks", "al"]
)
SEPARATORS = st.sampled_from([" ", "  ", ", ", ". ", "-", " (", ") "])


@settings(max_examples=150, deadline=None)
@given(
    before=st.lists(st.tuples(WORDS, SEPARATORS), max_size=6),
    after=st.lists(st.tuples(SEPARATORS, WORDS), max_size=6),
    query=st.lists(WORDS, min_size=1, max_size=2).map(" ".join),
    case=st.sampled_from([str.lower, str.upper, str.title, str]),
)
def test_every_english_hit_is_the_query_in_the_text(
    before: list[tuple[str, str]],
    after: list[tuple[str, str]],
    query: str,
    case: object,
) -> None:
    """Each hit's span reads as the query, word by word; a planted copy is found exactly."""
    planted = case(query)  # type: ignore[operator]
    head = "".join(w + s for w, s in before)
    text = head + planted + "".join(s + w for s, w in after)
    compiled = compile_query(query)
    spans = compiled.find(text)
    for start, end in spans:
        assert compiled.find(text[start:end]) == [(0, end - start)]  # the hit reads as the query
    start = len(head)
    if not head or not head[-1].isalnum():
        covering = [(s, e) for s, e in spans if s <= start < e]
        assert covering, (text, query)
        if covering[0] == (start, start + len(planted)):
            assert text[start : start + len(planted)].casefold() == query.casefold()


UNINFLECTED = st.sampled_from(["army", "police", "Baghdad", "deal", "the", "and", "of", "Erbil"])
"""English words none of which is another's plural or possessive."""


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(
        st.tuples(UNINFLECTED, st.sampled_from([str.lower, str.upper, str.title]), SEPARATORS),
        max_size=12,
    ),
    query=st.lists(UNINFLECTED, min_size=1, max_size=2).map(" ".join),
)
def test_an_english_hit_is_the_query_in_another_case(
    words: list[tuple[str, Any, str]], query: str
) -> None:
    """Where no word of the text is an inflection of another, every hit is the query
    itself, case aside (its words, whatever spaces or hyphens part them)."""
    text = "".join(case(w) + sep for w, case, sep in words)
    for start, end in compile_query(query).find(text):
        hit = text[start:end]
        assert re.split(r"[\s-]+", hit.casefold()) == query.casefold().split()
    wanted = query.casefold().split()
    plain = [w.casefold() for w, _, _ in words]
    expected = sum(
        plain[i : i + len(wanted)] == wanted
        and all(sep in (" ", "  ", "-") for _, _, sep in words[i : i + len(wanted) - 1])
        for i in range(len(plain))
    )
    found = compile_query(query).find(text)
    assert len(found) <= expected  # never more than the runs of the query's words
    if len(wanted) == 1:
        assert len(found) == expected  # and every one of a single word


SORANI_WORDS = st.sampled_from(
    ["هێزی", "هێزێکی", "هێزە", "شەڕکەر", "شەڕکەرەکان", "بیانی", "لە", "عێراق", "و", "٢٠٢١"]
)
NOISE = st.sampled_from([" ", "، ", "\u200c", "ـ", " «", "» ", "ك", "ي"])


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(st.tuples(SORANI_WORDS, NOISE), min_size=1, max_size=10),
    query=st.sampled_from(["هێزی شەڕکەر", "عێراق", "شەڕکەر", "هێز"]),
)
def test_every_sorani_hit_is_whole_words_of_the_text_and_reads_as_the_query(
    words: list[tuple[str, str]], query: str
) -> None:
    """Offsets are in the text as written (ك, ي, ZWNJ, tatweel and all): a hit starts and
    ends at word edges, and searching the hit alone finds all of it."""
    text = "".join(w + n for w, n in words)
    compiled = compile_query(query)
    for start, end in compiled.find(text):
        hit = text[start:end]
        assert hit and hit == hit.strip()
        assert start == 0 or not text[start - 1].isalnum() or text[start - 1] == "\u200c"
        assert compiled.find(hit) == [(0, len(hit))]


def test_search_project_reads_the_stored_text(committed_demo: Path) -> None:
    project = load_project(committed_demo)
    hits = search_project(project, compile_query("هێزی شەڕکەر"))
    assert all(h.text[h.start : h.end].startswith("هێز") for h in hits)
    shutil.rmtree(committed_demo / "translations")
    (committed_demo / "translations").mkdir()
    again = search_project(project, compile_query("هێزی شەڕکەر"))
    assert len(again) == len(DEMO_COMBAT_FORCES)  # all from the seeds now
    assert {h.id for h in again} == {""}


def test_a_repeated_sentence_is_a_hit_at_each_place(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "proj"
    assert run(["init", str(root)]) == 0
    sentence = "هێزە شەڕکەرەکان گەیشتن."
    article = root / "seeds" / "story.txt"
    article.write_text(f"{sentence} باران بارى.\n\n{sentence}\n", encoding="utf-8")
    assert run(["add", str(article), "--project", str(root)]) == 0
    hits = hits_of(capfd, "هێزی شەڕکەر", "--project", str(root))
    assert [(h["file"], h["segment"]) for h in hits] == [
        ("translations/story.po", "p1s1"),
        ("translations/story.po", "p2s1"),
    ]
    assert hits[0]["id"] == hits[1]["id"] != ""
    assert {str(h["text"])[h["start"] : h["end"]] for h in hits} == {"هێزە شەڕکەرەکان"}  # type: ignore[misc]
