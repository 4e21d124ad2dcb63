"""The fast PO reader builds the POFile polib builds, and refuses what the strict check refuses.

Every comparison is against polib itself (`polib.pofile(text, wrapwidth=79,
check_for_duplicates=False)`) or, for malformed text, against the reading kwb did before the
fast reader: the strict line check, then polib (`_read_with_polib`).
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import DEMO
from workbench.errors import InputError
from workbench.store.po_parse import (
    WRAP_WIDTH,
    _blank_entry,
    _new_entry,
    _NotCanonicalError,
    _read_canonical,
    _read_with_polib,
    parse_po,
)
from workbench.store.pofile import parse

FIELDS = (
    "msgctxt",
    "msgid",
    "msgid_plural",
    "msgstr",
    "msgstr_plural",
    "flags",
    "comment",
    "tcomment",
    "occurrences",
    "previous_msgctxt",
    "previous_msgid",
    "previous_msgid_plural",
    "obsolete",
    "linenum",
)


def polib_read(text: str) -> polib.POFile:
    return polib.pofile(text, wrapwidth=WRAP_WIDTH, check_for_duplicates=False)


def assert_same(ours: polib.POFile, theirs: polib.POFile) -> None:
    """Field by field (readable failures), then every attribute with its type, then the
    rendering."""
    assert [{f: getattr(e, f) for f in FIELDS} for e in ours] == [
        {f: getattr(e, f) for f in FIELDS} for e in theirs
    ]
    assert list(ours.metadata.items()) == list(theirs.metadata.items())
    assert ours.header == theirs.header
    assert ours.metadata_is_fuzzy == theirs.metadata_is_fuzzy
    assert repr(vars(ours)) == repr(vars(theirs))
    assert [repr(vars(e)) for e in ours] == [repr(vars(e)) for e in theirs]
    assert rendering(ours) == rendering(theirs)


def rendering(po: polib.POFile) -> str:
    """The file as polib writes it; polib cannot write a header with a key of digits other
    than ASCII (its natural sort compares the number with text), read or not by kwb."""
    try:
        return str(po)
    except TypeError as error:
        return f"polib cannot write it: {error}"


def assert_reads_like_polib(text: str, *, canonical: bool = True) -> None:
    """parse_po gives polib's POFile; `canonical`: by the fast reader (else through polib)."""
    theirs = polib_read(text)
    assert_same(parse_po(text, "t.po"), theirs)
    if canonical:
        assert_same(_read_canonical(text), theirs)
    else:
        with pytest.raises(_NotCanonicalError):
            _read_canonical(text)


def outcome(read: Callable[[str, str], polib.POFile], text: str) -> tuple[str, Any]:
    """What a reader makes of the text: its error (message and line) or its POFile."""
    try:
        po = read(text, "t.po")
    except InputError as error:
        return "error", (str(error), error.line)
    return "read", po


# (a) the real files


@pytest.mark.parametrize("path", sorted((DEMO / "translations").glob("*.po")), ids=lambda p: p.name)
def test_real_translation_files(path: Path) -> None:
    assert_reads_like_polib(path.read_text(encoding="utf-8"))
    assert_same(parse(path.read_bytes(), path), polib_read(path.read_text(encoding="utf-8")))


# (b) whatever polib writes

SORANI = "ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنهوۆیێە٠١٢٣٤٥٦٧٨٩،؛؟\u200c"
ENGLISH = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 .,;:!?'-()"
SPECIAL = ' "\\\t#:~|,[]'
# Escaped by polib: \n \r \t \v \b \f; not escaped: \a, NUL
STRING_CHARS = st.sampled_from(SORANI + ENGLISH + SPECIAL + "\n\r\v\b\f\a\x00")
# Comments are written raw: no line breaks but "\n" (polib splits on those)
COMMENT_CHARS = st.sampled_from(SORANI + ENGLISH + SPECIAL + "\a")


def texts(chars: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Empty, short, long, and long with no space to wrap at."""
    return st.one_of(
        st.just(""),
        st.text(chars, max_size=30),
        st.text(chars, min_size=80, max_size=400),
        st.text(st.sampled_from('abcد\\"'), min_size=100, max_size=300),
    )


STRINGS = texts(STRING_CHARS)
COMMENTS = st.lists(st.text(COMMENT_CHARS, max_size=120), max_size=3).map("\n".join)
OCCURRENCES = st.lists(
    st.tuples(
        st.text(st.sampled_from("abc/._-:*د٣"), min_size=1, max_size=20),
        st.sampled_from(["", "1", "42", "p1s2", "٣"]),
    ),
    max_size=4,
)
FLAGS = st.lists(
    st.sampled_from(["fuzzy", "reviewed", "c-format", "no-wrap", "", "a b"]), max_size=3
)


@st.composite
def entries(draw: st.DrawFn) -> polib.POEntry:
    plural = draw(st.booleans())
    forms = draw(st.integers(0, 10)) if plural else 0
    return polib.POEntry(
        msgctxt=draw(st.none() | STRINGS),
        msgid=draw(STRINGS),
        msgid_plural=draw(STRINGS) if plural else "",
        msgstr=draw(STRINGS),
        msgstr_plural={i: draw(STRINGS) for i in range(forms)},
        obsolete=draw(st.booleans()),
        tcomment=draw(COMMENTS),
        comment=draw(COMMENTS),
        occurrences=draw(OCCURRENCES),
        flags=draw(FLAGS),
        previous_msgctxt=draw(st.none() | STRINGS),
        previous_msgid=draw(st.none() | STRINGS),
        previous_msgid_plural=draw(st.none() | STRINGS),
    )


METADATA = st.dictionaries(
    st.text(st.sampled_from("ABCXabc-"), min_size=1, max_size=12)
    | st.sampled_from(["Content-Type", "Language", "Plural-Forms"]),
    st.text(COMMENT_CHARS, max_size=60)
    | st.sampled_from(
        ["text/plain; charset=UTF-8", "text/plain; charset=latin-1", "text/plain; charset=x"]
    ),
    max_size=5,
)


@st.composite
def catalogs(draw: st.DrawFn) -> polib.POFile:
    po = polib.POFile()
    po.header = draw(COMMENTS)
    po.metadata = draw(METADATA)
    po.metadata_is_fuzzy = draw(st.booleans())
    for entry in draw(st.lists(entries(), max_size=6)):
        po.append(entry)
    return po


LAYOUTS = {
    "as written": lambda text: text,
    "CRLF": lambda text: text.replace("\n", "\r\n"),
    "no trailing newline": lambda text: text.rstrip("\n"),
    "no blank lines": lambda text: text.replace("\n\n", "\n"),
}


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs(), st.sampled_from([0, 20, 79, 200]), st.sampled_from(sorted(LAYOUTS)))
def test_reads_whatever_polib_writes_as_polib_does(
    po: polib.POFile, width: int, layout: str
) -> None:
    po.wrapwidth = width
    text = LAYOUTS[layout](str(po))
    try:
        theirs = polib_read(text)
    except OSError:  # e.g. a header comment line starting with ":", written as "#:..."
        with pytest.raises(InputError):
            parse_po(text, "t.po")
        return
    assert_same(parse_po(text, "t.po"), theirs)
    assert_same(_read_canonical(text), theirs)  # and the fast reader read it itself


# (c) hand-written files

HEADER = (
    '# Translator comment\n#\n# second line\nmsgid ""\nmsgstr ""\n'
    '"Project-Id-Version: kwb\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"X-Multi: one\\n"\n"  two\\n"\n'
)
ENTRY = (
    '#. note\n#: a.txt:p1s1 b.txt\n#, fuzzy, reviewed\nmsgctxt "k/1"\nmsgid "سڵاو"\nmsgstr "Hi"\n'
)
ESCAPES = r'msgid "tab\t nl\n cr\r q\" bs\\ v\v b\b f\f bell\a \\n \\\" \q"' + '\nmsgstr ""\n'
PREVIOUS = (
    '#| msgctxt "old/1"\n#| msgid ""\n#| "one "\n#| "two"\n#| msgid_plural "olds"\n'
    'msgid "x"\nmsgid_plural "xs"\nmsgstr[0] ""\n"zero"\nmsgstr[1] "one"\n'
)
OBSOLETE = (
    '# kept\n#~| msgctxt "k/0"\n#~| msgid "old"\n#~ msgctxt "k/9"\n#~ msgid ""\n'
    '#~ "gone "\n#~ "line"\n#~ msgstr "weg"\n'
)
OBSOLETE_PLURAL = '#~ msgid "o"\n#~ msgid_plural "os"\n#~ msgstr[0] "a"\n#~ "b"\n#~ msgstr[1] "c"\n'

CANONICAL = {
    "kwb file": HEADER + "\n" + ENTRY,
    "no blank line between entries": HEADER + ENTRY + ENTRY.replace("k/1", "k/2"),
    "CRLF": (HEADER + "\n" + ENTRY).replace("\n", "\r\n"),
    "no trailing newline": HEADER + "\n" + ENTRY.rstrip("\n"),
    "blank lines with spaces between entries": HEADER + " \n\t\n" + ENTRY + "\n  ",
    "header only": HEADER,
    "fuzzy header": "#, fuzzy\n" + HEADER.split("#\n", 1)[1],
    "fuzzy header after its comment": HEADER.replace('msgid ""', '#, fuzzy\nmsgid ""'),
    "header comment then a comment of the header entry": (
        "# head\n#. extracted\n# translator\n" + HEADER.split("# second line\n", 1)[1]
    ),
    "header comment across blank lines": "# one\n\n# two\n" + HEADER.split("line\n", 1)[1],
    "escapes": HEADER + "\n" + ESCAPES,
    "previous fields and plurals": HEADER + "\n" + PREVIOUS,
    "obsolete with #~| lines": HEADER + "\n" + ENTRY + "\n" + OBSOLETE,
    "obsolete plural right after an entry": HEADER + ENTRY + OBSOLETE_PLURAL,
    "no header": ENTRY + "\n" + ENTRY.replace("k/1", "k/2"),
    "no header entry, comment goes to the header": "# c\n" + ENTRY,
    "empty file": "",
    "header entry not first": ENTRY + "\n" + HEADER,
    "two header candidates": HEADER + '\nmsgctxt "c"\nmsgid ""\nmsgstr "Language: x\\n"\n',
    "obsolete header": '#~ msgid ""\n#~ msgstr "Language: en\\n"\n\n' + ENTRY,
    "blank line among the comments": HEADER + "\n#. a\n\n#. b\n" + ENTRY,
    "bare comment markers skipped": HEADER + "\n#.\n#:\n#,\n" + ENTRY,
    "comment lines polib trims": HEADER + "\n#   spaced  \n#.\t tab\n##hash\n#\n" + ENTRY,
    "repeated plural index": (
        'msgid "a"\nmsgid_plural "b"\nmsgstr[1] "x"\nmsgstr[0] "y"\nmsgstr[1] "z"\n'
    ),
    "latin-1 charset": HEADER.replace("UTF-8", "latin-1"),
    "unknown charset": HEADER.replace("UTF-8", "no-such-charset"),
    "charset named in a comment first": "# Content-Type: x charset=ascii\n" + HEADER,
}


@pytest.mark.parametrize("text", CANONICAL.values(), ids=CANONICAL.keys())
def test_tricky_files_read_like_polib(text: str) -> None:
    assert_reads_like_polib(text)


def test_byte_order_mark_is_ignored_as_polib_ignores_it() -> None:
    assert_same(parse_po("\ufeff" + HEADER, "t.po"), polib_read("\ufeff" + HEADER))


# Valid for polib and the strict check but outside the fast reader's grammar: read by polib.
UNUSUAL = {
    "two spaces after a keyword": HEADER + '\nmsgid  "a"\nmsgstr "b"\n',
    "space before a keyword": HEADER + '\n msgid "a"\nmsgstr "b"\n',
    "trailing space after a string": HEADER + '\nmsgid "a" \nmsgstr "b"\n',
    "blank line inside an entry": HEADER + '\nmsgid "a"\n\nmsgstr "b"\n',
    "comment at the end of the file": HEADER + "\n" + ENTRY + "# the end\n",
    "#~| line at the end of the file (polib drops the last entry)": ENTRY + '#~| msgid "x"\n',
    "msgstr[10]": 'msgid "a"\nmsgid_plural "b"\n'
    + "".join(f'msgstr[{i}] "{i}"\n' for i in range(11)),
    "#| string after a msgstr (polib adds it to the msgstr)": HEADER + '#| "x"\n' + ENTRY,
    "#| junk": HEADER + '\n#| msgid "a"b"\n' + ENTRY,
    "lone CR line breaks": (HEADER + "\n" + ENTRY).replace("\n", "\r"),
    "line separator inside a comment (two lines for polib)": HEADER + "\n#. a\u2028# b\n" + ENTRY,
    "obsolete entry with plain continuation": '#~ msgid "a"\n"b"\n#~ msgstr "c"\n',
    "comment inside an obsolete entry": '#~ msgid "a"\n#~ # c\n#~ msgstr "c"\n',
    "msgid without msgstr, then a comment and a msgid": 'msgid "a"\n# c\nmsgid "b"\nmsgstr ""\n',
}


@pytest.mark.parametrize("text", UNUSUAL.values(), ids=UNUSUAL.keys())
def test_unusual_files_are_read_by_polib_itself(text: str) -> None:
    assert_reads_like_polib(text, canonical=False)


# (d) malformed files

MALFORMED = {
    # text: (line, reason); polib accepts the first two, the strict check does not
    'msgid "a"\nmsgstr "unterminated\n': (2, "not a comment, keyword or quoted string"),
    'msgid "a"\nmsgstr "b\\"\n': (2, "not a comment, keyword or quoted string"),
    'msgid "a"\nstray text\nmsgstr "b"\n': (2, "not a comment, keyword or quoted string"),
    'msgstr "b"\nmsgid "a"\n': (1, "syntax error"),
    'msgid "a"\nmsgid "b"\nmsgstr ""\n': (2, "syntax error"),
    'msgid "a"\nmsgstr "x"\nmsgstr "y"\n': (3, "syntax error"),
    'msgctxt "a"\nmsgctxt "b"\nmsgid "a"\nmsgstr ""\n': (2, "syntax error"),
    'msgid "a" garbage\nmsgstr ""\n': (1, "not a comment, keyword or quoted string"),
    'msgid ""\n"a"b"\nmsgstr ""\n': (2, "not a comment, keyword or quoted string"),
    '#foo\nmsgid "a"\nmsgstr ""\n': (1, "syntax error"),
    'msgid "a"\nmsgstr "b"\n\n#. note\n"c"\nmsgid "d"\nmsgstr ""\n': (5, "syntax error"),
}


@pytest.mark.parametrize("text", MALFORMED, ids=range(len(MALFORMED)))
def test_malformed_file_is_an_error_with_its_line(text: str) -> None:
    line, reason = MALFORMED[text]
    with pytest.raises(InputError) as error:
        parse_po(HEADER + "\n" + text, "t.po")
    assert error.value.line == line + HEADER.count("\n") + 1
    assert error.value.reason == f"malformed PO file ({reason})"
    try:
        polib_read(HEADER + "\n" + text)
    except OSError as polib_error:  # where polib also refuses it, it names the same line
        assert f"(line {error.value.line})" in str(polib_error)


def test_polib_mangles_what_it_writes_with_a_unicode_line_separator() -> None:
    """polib writes U+2028 raw and reads it back as a line break, losing text: kwb refuses."""
    po = polib.POFile()
    po.append(polib.POEntry(msgid="a\u2028b", msgstr="x"))
    assert polib_read(str(po))[0].msgid != "a\u2028b"
    with pytest.raises(InputError):
        parse_po(str(po), "t.po")


POISON = st.sampled_from(
    ['"', "\\", "\n", "\r", "\u2028", "#", "#~ ", "#| ", " ", "msgid ", "msgstr[0] ", "x"]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs(), st.data())
def test_damaged_text_reads_as_before_the_fast_reader(
    po: polib.POFile, data: st.DataObject
) -> None:
    """Random damage to valid text: parse_po fails (same message, same line) or reads the
    same POFile exactly when the strict check plus polib do."""
    text = str(po)
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 3))
        text = text[:at] + data.draw(POISON) + text[at + cut :]
    assert_reads_as_before(text)


def assert_reads_as_before(text: str) -> None:
    """parse_po fails as the strict check plus polib fail (same message, same line), or
    reads exactly what they read."""
    kind, ours = outcome(parse_po, text)
    kind_before, before = outcome(_read_with_polib, text)
    assert kind == kind_before
    if kind == "error":
        assert ours == before
    else:
        assert_same(ours, before)


COMMENT_LINES = st.sampled_from(
    [
        *("", " ", "#", "# ", "#  two spaces ", "#\ttab", "##x", "## y", "#x"),
        *("#.", "#. ", "#. a", "#.  a  ", "#.\ta", "#.a", "#. a,b"),
        *("#:", "#: ", "#: f.c:1 g.c", "#:  a:b:3 :4 x: ", "#:a"),
        *("#,", "#, ", "#, fuzzy", "#, a, ,b", "#,x", "#, fuzzy,"),
        *("#|", '#| msgid "p"', '#| msgid ""', '#| "more"', '#| msgctxt "c"'),
        *('#| msgid_plural "ps"', '#| bad "x"', '#|msgid "x"', '#|  msgid  "x"'),
        *("#~|", '#~| msgid "o"', "#~| junk"),
    ]
)
ENTRIES = st.sampled_from(
    [
        'msgid "a"\nmsgstr "b"',
        'msgctxt "k"\nmsgid "a"\nmsgstr ""',
        'msgid ""\nmsgstr "Language: en\\n"',
        '#~ msgid "o"\n#~ msgstr "x"',
        'msgid "a"\nmsgid_plural "as"\nmsgstr[0] ""\nmsgstr[1] "y"',
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.lists(COMMENT_LINES, max_size=6), ENTRIES), min_size=1, max_size=4))
def test_comment_lines_read_as_before_the_fast_reader(entries: list[tuple[list[str], str]]) -> None:
    """Comment lines of every kind, odd spacing and order (the header comment, polib's
    skipped lines and syntax errors included) give what the strict check plus polib give."""
    text = "".join(
        "".join(f"{line}\n" for line in lines) + f"{entry}\n" for lines, entry in entries
    )
    assert_reads_as_before(text)


def test_entries_start_as_polibs_own() -> None:
    """The shortcut for `polib.POEntry()` is in use with this polib, gives what it gives,
    and shares no list or dict between entries."""
    assert _new_entry is _blank_entry
    one, other = _blank_entry(), _blank_entry()
    assert repr(vars(one)) == repr(vars(polib.POEntry()))
    for name in ("msgstr_plural", "occurrences", "flags"):
        assert getattr(one, name) is not getattr(other, name)


@pytest.mark.parametrize("enabled", [True, False])
@pytest.mark.parametrize("text", ["", HEADER, HEADER + "#. comment at the end\n", "x\n"])
def test_the_garbage_collector_is_left_as_it_was(enabled: bool, text: str) -> None:
    (gc.enable if enabled else gc.disable)()
    try:
        parse_po(text, "t.po")
    except InputError:
        pass
    finally:
        assert gc.isenabled() == enabled
        gc.enable()


def test_parse_keeps_the_empty_file_rules() -> None:
    for data in (b"", b"\xef\xbb\xbf", b" \n\t\n"):
        po = parse(data, "e.po")
        assert len(po) == 0 and po.encoding == "utf-8" and po.wrapwidth == WRAP_WIDTH
    with pytest.raises(InputError, match="not valid UTF-8"):
        parse(b'msgid "a"\nmsgstr "\xff"\n', "e.po")
