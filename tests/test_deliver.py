"""The English article as a reader gets it: sentences joined as prose, paragraphs from the
segment ids, a headline made a heading, user text escaped, drafts marked; and the set of
files written at once."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import REPO
from workbench.atomic import atomic_write_all
from workbench.deliver.article import Article, Segment, article_of
from workbench.deliver.prose import join
from workbench.deliver.render import escape_markdown, render_html, render_markdown, render_text


@pytest.mark.parametrize(
    ("sentences", "paragraph"),
    [
        (["One.", "Two."], "One. Two."),
        (["One.  ", "\n Two\tthree."], "One. Two three."),  # whitespace inside is one space
        (["One.", "", "  ", "Two."], "One. Two."),  # an empty translation adds nothing
        (["Yes , he said ; no .", "Why ?"], "Yes, he said; no. Why?"),
        (["The ( big ) and [ small ] ones."], "The (big) and [small] ones."),
        (["He said “ no ” and ‘ yes ’ ."], "He said “no” and ‘yes’."),
        # a quotation opened in one sentence and closed in the next
        (
            ['He said: "We stay.', 'We are not leaving." Then he left.'],
            'He said: "We stay. We are not leaving." Then he left.',
        ),
        # the closing quote a translator left at the start of the next sentence
        (
            ['He said: "We stay.', '" The minister added more.'],
            'He said: "We stay." The minister added more.',
        ),
        # or at the end of its own sentence, after a space
        (['He said: "We stay. "', "Then he left."], 'He said: "We stay." Then he left.'),
        (['She said: " fine "', "again."], 'She said: "fine" again.'),
        # inch marks, decimals, times and apostrophes are left as they are
        (['A 5" screen costs .5 more at 10 :30.'], 'A 5" screen costs .5 more at 10 :30.'),
        (["In the ’90s rock ’n’ roll didn’t stop."], "In the ’90s rock ’n’ roll didn’t stop."),
        (["No\u00a0break stays."], "No\u00a0break stays."),
    ],
)
def test_sentences_join_as_english_prose(sentences: list[str], paragraph: str) -> None:
    assert join(sentences) == paragraph


def seg(p: int, s: int, target: str, state: str = "translated", source: str = "") -> Segment:
    return Segment(f"a/{p}{s}", f"p{p}s{s}", p, s, source or f"سەرچاوە {p} {s}.", target, state)  # type: ignore[arg-type]


def article(*segments: Segment) -> Article:
    return Article("story", Path("story.po"), segments)


@pytest.mark.parametrize(
    ("segments", "text", "markdown"),
    [
        # a first paragraph without final punctuation is a headline
        (
            [seg(1, 1, "Iraq votes"), seg(2, 1, "Polls opened."), seg(2, 2, "They closed.")],
            "Iraq votes\n\nPolls opened. They closed.\n",
            "# Iraq votes\n\nPolls opened. They closed.\n",
        ),
        # one with final punctuation (inside a quote too) is not
        (
            [seg(1, 1, 'He said "no."'), seg(2, 1, "Then?")],
            'He said "no."\n\nThen?\n',
            'He said "no."\n\nThen?\n',
        ),
        # Markdown's own characters in the English are text
        (
            [seg(1, 1, "5 * 3 = [x] #1 <b>_a_</b> `c` &amp; a|b.")],
            "5 * 3 = [x] #1 <b>_a_</b> `c` &amp; a|b.\n",
            "5 \\* 3 = \\[x\\] #1 \\<b\\>\\_a\\_\\</b\\> \\`c\\` \\&amp; a\\|b.\n",
        ),
        ([], "", ""),
    ],
)
def test_text_and_markdown(segments: list[Segment], text: str, markdown: str) -> None:
    assert render_text(article(*segments)) == text
    assert render_markdown(article(*segments)) == markdown


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("# not a heading.", "\\# not a heading."),
        ("- not a list.", "\\- not a list."),
        ("+ not a list.", "\\+ not a list."),
        ("> not a quote.", "\\> not a quote."),
        ("2021. A year.", "2021\\. A year."),
        ("1) First.", "1\\) First."),
        ("Plain text, 2021.", "Plain text, 2021."),
        ("AT&T and &copy; here.", "AT&T and \\&copy; here."),
    ],
)
def test_markdown_escapes_what_would_format_a_paragraph(text: str, escaped: str) -> None:
    assert escape_markdown(text) == escaped


def test_draft_marks_untranslated_sorani_in_brackets_and_fuzzy_english() -> None:
    draft = article(
        seg(1, 1, "Done."),
        seg(1, 2, "", "untranslated", "هێزی شەڕکەر نییە."),
        seg(1, 3, "Maybe so.", "fuzzy"),
    )
    assert render_text(draft) == "Done. [هێزی شەڕکەر نییە.] [fuzzy: Maybe so.]\n"
    assert render_markdown(draft) == "Done. \\[هێزی شەڕکەر نییە.\\] \\[fuzzy: Maybe so.\\]\n"
    page = render_html(draft)
    assert '[<bdi lang="ckb" dir="rtl">هێزی شەڕکەر نییە.</bdi>]' in page
    assert '<mark class="fuzzy" title="fuzzy: a draft to check">[fuzzy: Maybe so.]</mark>' in page


def test_html_is_a_standalone_english_page_with_user_text_escaped() -> None:
    page = render_html(
        article(seg(1, 1, "Attack <on> Erbil"), seg(2, 1, "<script>alert(1)</script> & co."))
    )
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert '<meta charset="utf-8">' in page
    assert "<title>Attack &lt;on&gt; Erbil</title>" in page
    assert "<h1>Attack &lt;on&gt; Erbil</h1>" in page
    assert "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co.</p>" in page
    assert "<script" not in page and "http" not in page  # no script, nothing fetched
    # without a headline the title is the article id
    assert "<title>story</title>" in render_html(article(seg(1, 1, "A sentence.")))


def test_paragraphs_come_from_the_segment_ids_not_the_order_of_the_entries(
    tmp_path: Path,
) -> None:
    po = polib.POFile()
    rows = [
        ("p2s1", "Second paragraph."),
        ("p1s2", "Its end."),
        ("p1s1", "Start of the first."),
    ]
    for n, (where, english) in enumerate(rows):
        po.append(
            polib.POEntry(
                msgctxt=f"story/{n}",
                msgid=f"ڕستە {n}.",
                msgstr=english,
                occurrences=[(f"story.txt:{where}", "")],
            )
        )
    # a sentence repeated in paragraphs 1 and 3 has one entry and two places
    po.append(
        polib.POEntry(
            msgctxt="story/r",
            msgid="دووبارە.",
            msgstr="Again.",
            occurrences=[("story.txt:p1s3", ""), ("story.txt:p3s1", "")],
        )
    )
    path = tmp_path / "story.po"
    po.save(str(path))
    got = article_of(path)
    assert [s.id for s in got.segments] == ["p1s1", "p1s2", "p1s3", "p2s1", "p3s1"]
    assert render_text(got) == (
        "Start of the first. Its end. Again.\n\nSecond paragraph.\n\nAgain.\n"
    )


def test_files_written_as_a_set_change_none_when_one_cannot_be_written(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_bytes(b"old")
    with pytest.raises(OSError):
        atomic_write_all({first: b"new", tmp_path / "missing" / "b.txt": b"new"})
    assert first.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # no temporary left
    atomic_write_all({first: b"new", tmp_path / "b.txt": b"b"})
    assert (first.read_bytes(), (tmp_path / "b.txt").read_bytes()) == (b"new", b"b")


_WORD = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    min_size=1,
    max_size=8,
)


@st.composite
def sentence(draw: st.DrawFn) -> str:
    """An English sentence spaced as it should be: words, a comma, a quotation, an end."""
    words = draw(st.lists(_WORD, min_size=1, max_size=8))
    if len(words) > 2 and draw(st.booleans()):
        words[0] += ","
    if draw(st.booleans()):
        quoted = draw(st.sampled_from(['"{}"', "“{}”", "({})"]))
        words[-1] = quoted.format(words[-1])
    return " ".join(words) + draw(st.sampled_from([".", "?", "!", "…", ""]))


@given(st.lists(st.lists(st.tuples(sentence(), st.booleans()), min_size=1, max_size=5), max_size=5))
def test_every_translated_sentence_appears_once_in_order_even_in_a_draft(
    paragraphs: list[list[tuple[str, bool]]],
) -> None:
    segments = []
    for p, sentences in enumerate(paragraphs, 1):
        for s, (text, translated) in enumerate(sentences, 1):
            # each sentence carries its own place, so no sentence is inside another
            body = f"s{p}-{s} {text}"
            segments.append(
                seg(
                    p, s, body if translated else "", "translated" if translated else "untranslated"
                )
            )
    translated = [s for s in segments if s.state == "translated"]
    out = render_text(article(*segments))  # untranslated ones as a draft shows them
    positions = []
    for s in translated:
        assert out.count(s.target) == 1, (s.target, out)
        positions.append(out.index(s.target))
    assert positions == sorted(positions)
    assert not re.search(r" \n|\n{3}|  ", out)


@pytest.mark.parametrize(
    ("target", "marked"),
    [
        ("Combat forces left.", ["Combat forces"]),  # any case
        ("No combat troops, no combat force's role.", ["combat troops", "combat force's"]),
        ("The combat\nforces stayed.", ["combat\nforces"]),  # any spacing
        ("Noncombat forces and combat-forces stay.", []),  # inside a longer word: not it
        ("", []),
    ],
)
def test_review_marks_the_glossary_renderings_in_the_english(
    target: str, marked: list[str]
) -> None:
    from tests.conftest import approved_entry
    from workbench.deliver.review import english_spans
    from workbench.terms.matcher import Matcher

    matcher = Matcher(
        (approved_entry("t1", "هێزی شەڕکەر", "combat forces", variants=("combat troops",)),),
        frozenset(),
    )
    hits = matcher.find("هێزە شەڕکەرەکان رۆیشتن.")
    assert hits
    assert [target[a:b] for a, b, _, _ in english_spans(target, hits)] == marked


def test_a_build_of_a_malformed_po_file_names_it_in_one_line(
    committed_demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.cli import run

    (committed_demo / "translations" / "broken.po").write_bytes(b'msgid "x\nmsgstr 1\n')
    assert run(["build", "broken", "--project", str(committed_demo)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kwb: error: ") and "broken.po" in err and err.count("\n") == 1


def test_professional_english_joins_as_written() -> None:
    """Real translated news (FLORES-200 devtest lines) is spaced right already: joining its
    lines into paragraphs changes nothing but the line breaks."""
    lines = (REPO / "tests" / "data" / "flores_sample" / "en.txt").read_text("utf-8").splitlines()
    assert len(lines) >= 40
    for start in range(0, len(lines), 4):
        group = lines[start : start + 4]
        assert join(group) == " ".join(line.strip() for line in group)


@given(st.lists(st.text(alphabet=st.sampled_from(list("ab1 .,;:?!\"“”‘’()[]'…\n\u00a0")))))
def test_joining_only_ever_removes_spaces(sentences: list[str]) -> None:
    """Whatever a translation holds, joining changes spacing alone: no visible character is
    lost, added or moved, and no two spaces stay side by side."""
    joined = join(sentences)
    assert "".join(joined.split()) == "".join("".join(sentences).split())
    assert "  " not in joined and joined == joined.strip()
