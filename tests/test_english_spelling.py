"""English spell check: the word rules (tables), the project's word list, and `kwb check
--checks spelling` (off by default, on by kwb.toml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import approved_entry
from workbench.errors import InputError
from workbench.qa.context import Context
from workbench.qa.english_spelling import project_speller, spelling
from workbench.qa.model import Unit
from workbench.qa.registry import CHECKS, select
from workbench.qa.speller import Lexicon, Speller
from workbench.terms.matcher import Matcher
from workbench.terms.wordlist import add_word, read_words

PROJECT_WORDS = ["Rudaw", "peshmerga", "al-Araji", "Kurd", "Dostani"]


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller(Lexicon(PROJECT_WORDS))


def flagged(speller: Speller, text: str, also: list[str] | None = None) -> list[str]:
    lexicon = Lexicon(also) if also else None
    return [m.word for m in speller.misspellings(text, lexicon)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # plain words, right and wrong
        ("The government met on Tuesday.", []),
        ("The goverment met on Tusday.", ["goverment", "Tusday"]),
        # numbers and words with digits
        ("In 2021, 1st and 3rd F-16 jets, COVID-19 and 12km.", []),
        # URLs and e-mail addresses
        ("See https://www.rudaw.net/english/middleeast and write to desk@rudaw.net.", []),
        ("See www.exmaple.org/pagge now.", []),
        # acronyms in capitals, their plurals and possessives
        ("The KDP, the PMF's fighters and the PMFs.", []),
        # abbreviations with inner full stops
        ("U.S. officials, e.g. at 9 a.m. today.", []),
        # possessives are their word
        ("The prime minister's office and the Corps' men.", []),
        ("The goverment's plan.", ["goverment"]),
        # contractions
        ("They don't, it's, we'll, they're, won't, I'm.", []),
        ("Iraq'll decide.", []),
        # hyphenated compounds: each part
        ("An Iran-aligned, US-based, well-known group.", []),
        ("An Iran-alinged group.", ["alinged"]),
        ("Minister al-Araji and al-Arajy.", ["Arajy"]),
        # case: dictionary words in any case; project names as written or in capitals
        ("THE GOVERNMENT; Government.", []),
        ("Rudaw and RUDAW reported.", []),
        ("The rudaw reported.", ["rudaw"]),
        ("Peshmerga and PESHMERGA and peshmerga.", []),
        # names take a plural
        ("The Kurds and the Peshmergas.", []),
        # curly apostrophes are apostrophes
        ("The minister’s plan; they don’t.", []),
        # a capitalised word mid-sentence is checked like any other (no name is assumed)
        ("He met Barzanii today.", ["Barzanii"]),
        # Sorani left in the English is the untranslated check's, not a misspelling
        ("He said سڵاو and left.", []),
        # accented Latin names are words like any other
        ("Erdoğan and Erdogen met.", ["Erdoğan", "Erdogen"]),
        # single letters
        ("Plan B and option x.", []),
    ],
)
def test_word_rules(speller: Speller, text: str, expected: list[str]) -> None:
    assert flagged(speller, text) == expected


@pytest.mark.parametrize(
    ("text", "source_names", "expected"),
    [
        ("Kadhimi told Rudaw.", [], ["Kadhimi"]),
        ("Kadhimi told Rudaw.", ["Kadhimi"], []),
        ("Kadhimi's office told the BBC.", ["Kadhimi", "BBC"], []),
        ("He tweeted on Twiter.", ["Twitter"], ["Twiter"]),
    ],
)
def test_words_known_for_one_text(
    speller: Speller, text: str, source_names: list[str], expected: list[str]
) -> None:
    assert flagged(speller, text, source_names) == expected


def test_misspelling_offsets_point_at_the_word(speller: Speller) -> None:
    text = "The PMF’s goverment and an Iran-alinged group."
    for found in speller.misspellings(text):
        assert text[found.start : found.end] == found.word


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_offsets_hold_for_any_text(text: str) -> None:
    speller = Speller(Lexicon(PROJECT_WORDS))
    for found in speller.misspellings(text):
        assert text[found.start : found.end].replace("’", "'") == found.word


@pytest.mark.parametrize(
    ("word", "expected_first"),
    [
        ("goverment", "government"),
        ("recieve", "receive"),
        ("Teh", "The"),
        ("Rudow", "Rudaw"),  # a project word
        ("rudaw", "Rudaw"),  # a project name in the wrong case
        ("Goverment", "Government"),  # in the case of the word replaced
        ("GOVERMENT", "GOVERNMENT"),
        ("dont", "don't"),
    ],
)
def test_suggestions(speller: Speller, word: str, expected_first: str) -> None:
    found = speller.suggestions(word)
    assert found[0] == expected_first
    assert len(found) <= 9
    assert word not in found
    assert len({f.lower() for f in found}) == len(found)  # one suggestion per word
    assert not any(f.endswith("'s") for f in found)  # no possessive for a plain word


def test_glossary_renderings_and_variants_are_known() -> None:
    entries = [
        approved_entry(
            "muhandis",
            "ئەبو مەهدی موهەندیس",
            "Abu Mahdi al-Muhandis",
            variants=("Abu Mahdi al-Mohandes",),
            forbidden=("Abu Mahdi the Engeneer",),
        ),
        approved_entry("kurd", "کورد", "Kurds", adjectival_target="Kurdish", variants=("Kurd",)),
    ]
    speller = project_speller(entries, ["Dostani"])
    text = "Abu Mahdi al-Muhandis (al-Mohandes), the Engeneer, and Dostani."
    assert [m.word for m in speller.misspellings(text)] == ["Engeneer"]


def test_the_check_names_the_word_and_suggestions() -> None:
    matcher = Matcher([approved_entry("rudaw", "ڕووداو", "Rudaw")], ())
    ctx = Context(matcher, known_words=("Dostani",))
    unit = Unit(
        "a.po", "a/1", "نووڕۆژ دۆستانی بە ڕووداوی گوت BBC", "Dostani told Rudaw and teh BBC."
    )
    found = list(spelling(unit, ctx))
    assert len(found) == 1
    message, related = found[0]
    assert '"teh"' in message and "the" in message and related == ()


def test_spelling_is_not_a_default_check() -> None:
    assert "spelling" in {c.id for c in CHECKS}
    assert "spelling" not in {c.id for c in select(None)}
    assert [c.id for c in select(["spelling"])] == ["spelling"]


# --- the word list ----------------------------------------------------------------------


def test_add_word_keeps_comments_sorts_and_skips_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "glossary" / "words.txt"
    assert read_words(path) == ()
    assert add_word(path, "Zebari")
    assert add_word(path, "Dostani")
    assert not add_word(path, "Dostani")
    text = path.read_text("utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("#")
    assert [ln for ln in lines if not ln.startswith("#")] == ["Dostani", "Zebari"]
    path.write_text("# ours\ntimeframe  # Collins\nabc\n", "utf-8")
    add_word(path, "Baghdadi")
    assert path.read_text("utf-8") == "# ours\nabc\nBaghdadi\ntimeframe  # Collins\n"
    assert read_words(path) == ("abc", "Baghdadi", "timeframe")


@pytest.mark.parametrize("word", ["", "two words", "a#b"])
def test_add_word_refuses_what_is_not_a_word(tmp_path: Path, word: str) -> None:
    with pytest.raises(InputError):
        add_word(tmp_path / "words.txt", word)


def test_an_unreadable_word_list_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    path.write_bytes(b"\xff\xfe bad")
    with pytest.raises(InputError, match=r"words\.txt"):
        read_words(path)


# --- kwb check ------------------------------------------------------------------------------


def plant(project: Path, target: str) -> str:
    """Replace the first translated entry's English in the first PO file; its msgctxt."""
    path = sorted((project / "translations").glob("*.po"))[0]
    po = polib.pofile(str(path))
    entry = next(e for e in po if e.msgstr)
    entry.msgstr = target
    po.save(str(path))
    return str(entry.msgctxt)


def switch_on(project: Path, check: str) -> None:
    """`[qa] CHECK = true` in the project's kwb.toml."""
    config = project / "kwb.toml"
    text = config.read_text("utf-8")
    line = f"{check} = true\n"
    text = text.replace("[qa]\n", "[qa]\n" + line) if "[qa]\n" in text else text + "[qa]\n" + line
    config.write_text(text, "utf-8")


def test_a_planted_misspelling_is_reported(kwb: Any, committed_demo: Path) -> None:
    entry_id = plant(committed_demo, "The Iraqi goverment met the Peshmerga in Erbil.")
    result = kwb("check", "--checks", "spelling", "--json", cwd=committed_demo)
    assert result.code == 0, result.err  # a warning: not an error exit
    rows = result.json_lines()
    assert len(rows) == 1
    row = rows[0]
    assert row["id"] == entry_id and row["check"] == "spelling" and row["severity"] == "warning"
    assert '"goverment"' in row["message"] and "government" in row["message"]
    assert set(row) >= {"file", "id", "check", "severity", "message", "source", "target"}


def test_the_demo_translations_raise_no_spelling_finding(kwb: Any, committed_demo: Path) -> None:
    result = kwb("check", "--checks", "spelling", "--json", cwd=committed_demo)
    assert result.code == 0, result.err
    assert result.json_lines() == []


def test_the_word_list_silences_a_word(kwb: Any, committed_demo: Path) -> None:
    plant(committed_demo, "Nechirvan Barzanii met them.")
    rows = kwb("check", "--checks", "spelling", "--json", cwd=committed_demo).json_lines()
    assert [r["message"].split('"')[1] for r in rows] == ["Barzanii"]
    add_word(committed_demo / "glossary" / "words.txt", "Barzanii")
    assert kwb("check", "--checks", "spelling", "--json", cwd=committed_demo).json_lines() == []


def test_default_check_does_not_spell_and_kwb_toml_switches_it_on(
    kwb: Any, committed_demo: Path
) -> None:
    plant(committed_demo, "The Iraqi goverment met the Peshmerga in Erbil.")
    checks = {r["check"] for r in kwb("check", "--json", cwd=committed_demo).json_lines()}
    assert "spelling" not in checks
    switch_on(committed_demo, "spelling")
    rows = kwb("check", "--json", cwd=committed_demo).json_lines()
    assert [r["check"] for r in rows if r["check"] == "spelling"] == ["spelling"]
    assert checks <= {r["check"] for r in rows}  # the default checks still run


def test_an_unknown_check_in_kwb_toml_is_a_one_line_error(kwb: Any, committed_demo: Path) -> None:
    switch_on(committed_demo, "speling")
    result = kwb("check", cwd=committed_demo)
    assert result.code == 2
    assert "kwb.toml" in result.err and "speling" in result.err
    assert "Traceback" not in result.err
