"""Who did what: the user's name from KWB_USER, git, the per-person setting or kwb.toml,
written into Last-Translator, review marks, the glossary's history; the translator comment
with its waivers and review line; proposing a term; the work left."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import polib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.qa.model import parse_waivers
from workbench.store.comments import (
    add_waiver,
    comment_of,
    reviewer_of,
    set_comment,
    set_reviewer,
)
from workbench.store.identity import identify, last_translator, remember_name, user_config_path
from workbench.store.remaining import LiveRemaining, Remaining, other_files
from workbench.terms import glossary_file
from workbench.terms.proposal import propose_term
from workbench.terms.review import ReviewError


@pytest.fixture
def nobody(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An environment that names no one: no KWB_USER, an empty git configuration, a
    per-person settings folder of its own. Returns a folder outside any git repository."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.delenv("KWB_USER", raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    work = tmp_path / "work"
    work.mkdir()
    return work


def git_global(key: str, value: str) -> None:
    import os

    subprocess.run(
        ["git", "config", "--file", os.environ["GIT_CONFIG_GLOBAL"], key, value], check=True
    )


# env, git name, remembered name, kwb.toml reviewer → name, where it came from
PRECEDENCE = [
    ("Ana Env", "Git Name", "Kept Name", "Toml Rev", ("Ana Env", "KWB_USER")),
    (None, "Git Name", "Kept Name", "Toml Rev", ("Git Name", "git")),
    (None, None, "Kept Name", "Toml Rev", ("Kept Name", "user config")),
    (None, None, None, "Toml Rev", ("Toml Rev", "kwb.toml")),
    ("   ", None, None, "Toml Rev", ("Toml Rev", "kwb.toml")),
    (None, None, None, None, None),
]


@pytest.mark.parametrize(("env", "git", "kept", "reviewer", "expected"), PRECEDENCE)
def test_the_first_name_found_wins(
    nobody: Path,
    monkeypatch: pytest.MonkeyPatch,
    env: str | None,
    git: str | None,
    kept: str | None,
    reviewer: str | None,
    expected: tuple[str, str] | None,
) -> None:
    if env is not None:
        monkeypatch.setenv("KWB_USER", env)
    if git is not None:
        git_global("user.name", git)
    if kept is not None:
        remember_name(kept)
    found = identify(nobody, reviewer)
    assert (None if found is None else (found.name, found.source)) == expected


def test_the_projects_own_git_name_wins_over_the_global_one_and_brings_the_email(
    nobody: Path,
) -> None:
    git_global("user.name", "Global Name")
    subprocess.run(["git", "init", "-q", str(nobody)], check=True)
    for key, value in (("user.name", "Desk Name"), ("user.email", "desk@news.example")):
        subprocess.run(["git", "-C", str(nobody), "config", key, value], check=True)
    found = identify(nobody, "Toml Rev")
    assert found is not None
    assert (found.name, found.email) == ("Desk Name", "desk@news.example")


def test_without_git_the_name_comes_from_the_next_source_without_a_traceback(
    nobody: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(nobody))  # no git here
    found = identify(nobody, "Toml Rev")
    assert found is not None and (found.name, found.source) == ("Toml Rev", "kwb.toml")


def test_the_per_person_setting_lives_in_the_xdg_config_folder(nobody: Path) -> None:
    path = remember_name('Zêr "Z" Ahmed')
    assert path == user_config_path() and path.parent.name == "kwb"
    assert ".config" in path.parts and not path.is_relative_to(nobody)
    found = identify(nobody)
    assert found is not None and found.name == 'Zêr "Z" Ahmed'


def test_a_malformed_per_person_setting_is_bad_input_naming_the_file(nobody: Path) -> None:
    from workbench.errors import InputError

    path = user_config_path()
    path.parent.mkdir(parents=True)
    path.write_text("name = [", encoding="utf-8")
    with pytest.raises(InputError, match=r"user\.toml"):
        identify(nobody)


@pytest.mark.parametrize(
    ("name", "email", "existing", "expected"),
    [
        ("Ana", "ana@news.example", "", "Ana <ana@news.example>"),
        ("Ana", "", "Ana <ana@old.example>", "Ana <ana@old.example>"),
        ("Ana", "", "Bob <bob@news.example>", "Ana"),
        ("Ana", "", "kwb", "Ana"),
        ("Ana", "ana@new.example", "Ana <ana@old.example>", "Ana <ana@new.example>"),
    ],
)
def test_last_translator_keeps_a_known_address(
    name: str, email: str, existing: str, expected: str
) -> None:
    assert last_translator(name, email, existing) == expected


# --- the translator comment -------------------------------------------------------------


def entry(comment: str = "") -> polib.POEntry:
    return polib.POEntry(msgctxt="a/1", msgid="باران بارى.", msgstr="It rained.", tcomment=comment)


def test_a_waiver_goes_after_the_note_and_replaces_one_of_the_same_check() -> None:
    e = entry("Check the date with the desk")
    add_waiver(e, "number-mismatch", "first try")
    add_waiver(e, "glossary-missing", "the pronoun refers back")
    add_waiver(e, "number-mismatch", "the source says 3, the wire said three")
    assert parse_waivers(e.tcomment) == {
        "glossary-missing": "the pronoun refers back",
        "number-mismatch": "the source says 3, the wire said three",
    }
    assert e.tcomment.splitlines()[0] == "Check the date with the desk"


def test_the_review_line_is_kwbs_record_and_not_part_of_the_comment_edited() -> None:
    e = entry("kwb-ok: length-ratio — a headline")
    set_reviewer(e, "Ana Reviewer")
    assert reviewer_of(e.tcomment) == "Ana Reviewer"
    assert comment_of(e) == "kwb-ok: length-ratio — a headline"
    set_comment(e, "A note\nkwb-ok: length-ratio — a headline")
    assert reviewer_of(e.tcomment) == "Ana Reviewer"
    assert parse_waivers(e.tcomment) == {"length-ratio": "a headline"}
    set_reviewer(e, None)
    assert reviewer_of(e.tcomment) == "" and "kwb-reviewed" not in e.tcomment


NOTE_LINE = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30
).filter(lambda s: "kwb-" not in s and s.strip() == s and bool(s))


@given(note=st.lists(NOTE_LINE, max_size=3), reason=NOTE_LINE, name=NOTE_LINE)
def test_comment_waivers_and_review_line_never_read_into_each_other(
    note: list[str], reason: str, name: str
) -> None:
    e = entry()
    set_comment(e, "\n".join(note))
    add_waiver(e, "punctuation", reason)
    set_reviewer(e, name)
    assert parse_waivers(e.tcomment) == {"punctuation": " ".join(reason.split())}
    assert reviewer_of(e.tcomment) == " ".join(name.split())
    set_comment(e, comment_of(e))  # editing the comment back unchanged changes nothing
    assert parse_waivers(e.tcomment) == {"punctuation": " ".join(reason.split())}
    assert reviewer_of(e.tcomment) == " ".join(name.split())


# --- proposing a term and the work left -------------------------------------------------


def test_a_proposed_term_enters_the_review_workflow_named(kwb: Any, tmp_path: Path) -> None:
    root = tmp_path / "proj"
    kwb("init", str(root))
    path = root / "glossary" / "glossary.toml"
    before = path.read_text("utf-8")
    made = propose_term(path, " باران ", "rain", "Ana Translator", note="weather")
    assert (made.status, made.proposed_by, made.source, made.note) == (
        "proposed",
        "Ana Translator",
        "باران",
        "weather",
    )
    stored = {e.id: e for e in glossary_file.read(path)}[made.id]
    assert stored.history[0].by == "Ana Translator" and stored.history[0].action == "proposed"
    with pytest.raises(ReviewError, match="already"):
        propose_term(path, "باران", "rainfall", "Bob")
    with pytest.raises(ReviewError):
        propose_term(path, "  ", "x", "Bob")
    after = path.read_text("utf-8")
    assert set(before.split("\n\n")) <= set(after.split("\n\n"))  # other entries untouched


def test_glossary_commands_record_the_user_by_default(kwb: Any, tmp_path: Path) -> None:
    root = tmp_path / "proj"
    kwb("init", str(root))
    assert kwb("glossary", "propose", "باران", "--target", "rain", cwd=root).code == 0
    assert kwb("glossary", "approve", "rain", cwd=root).code == 0
    snow = ("glossary", "propose", "بەفر", "--target", "snow", "--by", "Desk")
    assert kwb(*snow, cwd=root).code == 0
    entries = {e.id: e for e in glossary_file.read(root / "glossary" / "glossary.toml")}
    assert entries["rain"].proposed_by == "Test Translator"  # KWB_USER (tests/conftest.py)
    assert entries["rain"].reviewed_by == "Test Translator"
    assert entries["snow"].proposed_by == "Desk"


def test_the_work_left_counts_unfinished_segments_and_their_words(tmp_path: Path) -> None:
    po = polib.POFile()
    rows = [
        ("یەک دوو سێ.", "", []),  # 3 words, untranslated
        ("چوار پێنج.", "Four five.", ["fuzzy"]),  # 2 words, fuzzy
        ("شەش.", "Six.", []),  # done
        ("حەوت ٧ Seven.", "Seven.", ["reviewed"]),  # done
    ]
    for n, (source, target, flags) in enumerate(rows):
        po.append(polib.POEntry(msgctxt=f"a/{n}", msgid=source, msgstr=target, flags=flags))
    live = LiveRemaining(list(po))
    assert live.total == Remaining(2, 5)
    po[0].msgstr = "One two three."
    live.update(0, po[0])
    assert live.total == Remaining(1, 2)
    po[2].flags = ["fuzzy"]
    live.update(2, po[2])
    assert live.total == Remaining(2, 3)
    folder = tmp_path / "translations"
    folder.mkdir()
    po.save(str(folder / "a.po"))
    po.save(str(folder / "b.po"))
    assert other_files(folder, folder / "a.po") == Remaining(2, 3)


@given(st.text(st.sampled_from("باران هێزی ٢٠٢١ی 12,5 U.S. ـەکە، ؟!-'\" ab\n"), max_size=60))
def test_words_are_counted_as_kwb_status_counts_them(text: str) -> None:
    from workbench.store.status import WORD_KINDS
    from workbench.text import tokenize
    from workbench.text.tokenization import count_tokens

    expected = sum(1 for t in tokenize(text) if t.kind in WORD_KINDS)
    assert count_tokens(text, frozenset(WORD_KINDS)) == expected
