"""Fast PO reading: the `polib.POFile` that `polib.pofile` builds, in a fraction of the time.

polib runs a state machine in Python over every line. Here one compiled regex reads a
whole entry at a time and checks its syntax on the way, at C speed; strings are decoded
with str methods (polib's own `unescape` runs only on strings with an escape other than
`\\"`), and comment lines go through code that mirrors polib's handlers.

The regex knows canonical PO, as polib, gettext and Poedit write it: a keyword, one space
and a string; continuation lines right below; blank lines and comments between entries
only; `#~ ` before every line of an obsolete entry; LF or CRLF line ends. The strict line
check (`_check_syntax`) accepts all of it. Other text -- two spaces after a keyword, a
blank line between an entry's keywords, comments after the last entry, `msgstr[10]`,
other line breaks, or a syntax error -- is not guessed at: it goes through the strict line
check and polib, as every file did before, so an unusual file reads exactly as it always
did (at polib's speed) and a malformed one fails with the same `InputError` and line.
"""

from __future__ import annotations

import codecs
import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import polib

from workbench.errors import InputError

WRAP_WIDTH = 79
"""The column kwb wraps PO strings at (the `wrapwidth` of every POFile it reads)."""

# Characters besides "\n" that str.splitlines() -- and so polib -- takes for line breaks.
_BREAKS = r"\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
# What may stand between the quotes of a PO string: no quote, no line break, whole escapes.
# (Possessive `*+` throughout: this grammar never needs to backtrack, and sre is faster
# when it cannot.)
_CHARS = rf'[^"\\\n{_BREAKS}]*+(?:\\[^\n{_BREAKS}][^"\\\n{_BREAKS}]*+)*+'
_STRING = f'"{_CHARS}"'
_KEYWORD = "(?:msgctxt|msgid|msgid_plural)"


def _strings(name: str) -> str:
    """A keyword's string and its continuation lines (`#~ `-prefixed in an obsolete entry),
    captured from after the first opening quote to before the last closing quote."""
    return rf'"(?P<{name}>{_CHARS}(?:"\n(?P=obsolete)"{_CHARS})*+)"'


_PLURAL_FORM = rf'msgstr\[[0-9]\]\ "{_CHARS}(?:"\n(?P=obsolete)"{_CHARS})*+"'
_ENTRY = re.compile(
    rf"""
    (?P<comments>(?:
        [ \t]*\n                                        # blank line
      | \#(?:[^~\n][^\n]*+)?\n                          # comment, not #~ (see _comment_lines)
      | \#~\|(?:\ (?:{_KEYWORD}\ )?{_STRING})?\n        # obsolete previous string (ignored)
    )*+)
    (?P<obsolete>(?:\#~\ )?)
    (?:msgctxt\ {_strings("msgctxt")}\n(?P=obsolete))?
    msgid\ {_strings("msgid")}
    (?:\n(?P=obsolete)msgid_plural\ {_strings("msgid_plural")})?
    \n(?P=obsolete)
    (?:msgstr\ {_strings("msgstr")}
      |(?P<plurals>{_PLURAL_FORM}(?:\n(?P=obsolete){_PLURAL_FORM})*+))
    (?:\n|\Z)
    """,
    re.VERBOSE,
)
_PLURAL = re.compile(rf'msgstr\[([0-9])\] "({_CHARS}(?:"\n(?:\#~ )?"{_CHARS})*+)"')
_PREVIOUS = re.compile(rf'#\| (?:({_KEYWORD}) )?"({_CHARS})"')
_BLANK = re.compile(r"[ \t\n]*")
_JOINTS = {"": '"\n"', "#~ ": '"\n#~ "'}  # what lies between two lines of a string
# polib.detect_encoding's pattern: the first charset named anywhere in the text.
_CHARSET = re.compile(r'"?Content-Type:.+? charset=([\w_\-:\.]+)')

# The strict line check and polib's error messages (text outside the canonical grammar).
_LOOSE_STRING = r'"(?:[^"\\]|\\.)*"'
_VALID_LINE = re.compile(
    rf"\s*(?:#.*|(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+{_LOOSE_STRING}"
    rf"|{_LOOSE_STRING})?\s*"
)
_OBSOLETE_PREFIX = re.compile(r"#~\|?\s*")
_LINE = re.compile(r"\(line (\d+)\)")


class _NotCanonicalError(Exception):
    """The text is outside the grammar the fast reader knows: polib has to read it."""


def parse_po(text: str, name: str | Path) -> polib.POFile:
    """The POFile `polib.pofile(text, wrapwidth=79, check_for_duplicates=False)` returns.

    Malformed input is an `InputError` naming `name` and the 1-based line, also where
    polib alone would read on (an unterminated string, a stray word).
    """
    text = text.removeprefix("\ufeff")  # polib ignores a byte-order mark too
    try:
        return _read_canonical(text)
    except _NotCanonicalError:
        return _read_with_polib(text, name)


def _read_canonical(text: str) -> polib.POFile:
    """Read canonical PO text; `_NotCanonicalError` on anything else."""
    po = polib.POFile(encoding=_encoding(text), wrapwidth=WRAP_WIDTH, check_for_duplicates=False)
    with _collector_paused():
        po.header, entries = _read_entries(text.replace("\r\n", "\n") if "\r" in text else text)
    po.extend(entries)
    _take_metadata(po)
    return po


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector. Reading creates four containers per entry, none
    in a reference cycle, and the collector's passes over them, ever longer as they
    accumulate, would add a tenth to the time of a large file."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_entries(text: str) -> tuple[str, list[polib.POEntry]]:
    """The header comment and every entry (the header entry too), in file order."""
    header: list[str] = []
    entries: list[polib.POEntry] = []
    pos, line = 0, 1
    for found in _ENTRY.finditer(text):
        start, end = found.span()
        if start != pos:  # the regex skipped text it could not read
            raise _NotCanonicalError
        entry = _new_entry()
        comments = found["comments"]
        used = None
        if "#" in comments:
            lines = _comment_lines(comments)
            used = _read_comments(lines, entry, None if entries else header)
        if entries:  # polib numbers an entry by the first line it acts on, the first 0
            entry.linenum = line + (comments.count("\n") if used is None else used)
        else:
            entry.linenum = 0
        _read_strings(found, entry)
        entries.append(entry)
        line += text.count("\n", start, end)
        pos = end
    if _BLANK.fullmatch(text, pos) is None:
        raise _NotCanonicalError
    return _joined(header), entries


def _blank_entry() -> polib.POEntry:
    """What `polib.POEntry()` returns -- the attributes its constructor sets, in its order,
    with its defaults -- made in half the time: the constructor looks each one up in its
    keyword arguments, which would add 8% to the time of reading a file."""
    entry: polib.POEntry = polib.POEntry.__new__(polib.POEntry)
    entry.msgid = ""
    entry.msgstr = ""
    entry.msgid_plural = ""
    entry.msgstr_plural = {}
    entry.msgctxt = None
    entry.obsolete = False
    entry.encoding = polib.default_encoding
    entry.comment = ""
    entry.tcomment = ""
    entry.occurrences = []
    entry.flags = []
    entry.previous_msgctxt = None
    entry.previous_msgid = None
    entry.previous_msgid_plural = None
    entry.linenum = None
    return entry


# polib's constructor itself should a polib version set other attributes or defaults
_new_entry = (
    _blank_entry if repr(vars(_blank_entry())) == repr(vars(polib.POEntry())) else polib.POEntry
)


def _read_strings(found: re.Match[str], entry: polib.POEntry) -> None:
    """Set the keyword strings of a matched entry, and its obsolete flag."""
    _, obsolete, msgctxt, msgid, msgid_plural, msgstr, plurals = found.groups()
    joint = _JOINTS[obsolete]
    entry.obsolete = 1 if obsolete else 0  # polib's parser stores an int
    entry.msgid = _decode(msgid, joint)
    if msgctxt is not None:
        entry.msgctxt = _decode(msgctxt, joint)
    if msgid_plural is not None:
        entry.msgid_plural = _decode(msgid_plural, joint)
    if msgstr is not None:
        entry.msgstr = _decode(msgstr, joint)
    else:  # a repeated index replaces the earlier string, as in polib
        for index, content in _PLURAL.findall(plurals):
            entry.msgstr_plural[int(index)] = _decode(content, joint)


def _decode(content: str, joint: str) -> str:
    """The text of a string's lines, from the first line's opening quote (excluded) to the
    last line's closing quote (excluded).

    Strings hold no raw newline, so every `joint` is a line boundary. Each line ends on a
    whole escape, so unescaping the joined lines equals polib's line-by-line unescaping.
    """
    if "\n" in content:
        content = content.replace(joint, "")
    return _unescaped(content) if "\\" in content else content


def _unescaped(content: str) -> str:
    """polib's `unescape` of a string holding a backslash; one replace when each backslash
    is part of a `\\"`."""
    quotes = content.replace('\\"', '"')
    if "\\" not in quotes:  # each backslash began a `\\"`: none escaped another one
        return quotes
    unescaped: str = polib.unescape(content)
    return unescaped


def _comment_lines(comments: str) -> list[str]:
    """An entry's comment lines, split where polib splits them; `_NotCanonicalError` if
    that is not at newlines alone. (The regex lets any character through in a comment:
    looking for other line breaks here is faster.)"""
    lines = comments.splitlines()
    if len(lines) != comments.count("\n"):
        raise _NotCanonicalError
    return lines


_MARKERS = ("#.", "#:", "#,")


def _read_comments(lines: list[str], entry: polib.POEntry, header: list[str] | None) -> int | None:
    """Apply an entry's comment lines to it as polib's handlers do; the offset of the
    first line polib acts on (None if it skips them all).

    For the file's first entry, `header` collects the translator comments that come before
    any other line: polib keeps those in `POFile.header`.
    """
    first = None
    tcomments: list[str] = []
    comments: list[str] = []
    previous = None  # the previous_* field a `#| "..."` line continues
    for offset, raw in enumerate(lines):
        line = raw.strip()
        head = line[:2]
        if head in _MARKERS:
            if len(line) == 2:
                continue  # polib skips a bare marker
            if not line[2].isspace():
                raise _NotCanonicalError  # "#.x": a syntax error for polib
            if head == "#.":
                comments.append(line[3:])
            elif head == "#:":
                entry.occurrences.extend(_occurrences(line[3:]))
            else:
                entry.flags.extend(flag.strip() for flag in line[3:].split(","))
            previous = header = None
        elif head == "#|":
            previous = _read_previous(line, previous, entry)
            header = None
        elif not line or head == "#~":
            continue  # a blank line or a `#~|` line (the regex lets no other `#~` through)
        elif line == "#" or line[1].isspace() or head == "##":
            if header is not None:
                header.append(line[2:])
            else:
                tcomments.append(line.lstrip("#").removeprefix(" "))
            previous = None
        else:
            raise _NotCanonicalError  # "#x": a syntax error for polib
        if first is None:
            first = offset
    entry.tcomment = _joined(tcomments)
    entry.comment = _joined(comments)
    return first


def _read_previous(line: str, previous: str | None, entry: polib.POEntry) -> str:
    """Set a `#| keyword "..."` line's previous_* field, or add a `#| "..."` line to the
    field before it; the field's name."""
    found = _PREVIOUS.fullmatch(line)
    if found is None:
        raise _NotCanonicalError
    keyword, content = found.groups()
    text = _unescaped(content) if "\\" in content else content
    if keyword is not None:
        previous = f"previous_{keyword}"
        setattr(entry, previous, text)
    elif previous is not None:
        setattr(entry, previous, getattr(entry, previous) + text)
    else:  # polib would add it to whatever string came before, even the last msgstr
        raise _NotCanonicalError
    return previous


def _occurrences(text: str) -> list[tuple[str, str]]:
    """A `#:` line's references, split as polib splits them (line numbers stay str)."""
    found = []
    for occurrence in text.split():
        path, colon, number = occurrence.rpartition(":")
        found.append((path, number) if colon and number.isdigit() else (occurrence, ""))
    return found


def _joined(lines: list[str]) -> str:
    """Comment lines as polib joins them: it adds each after a newline unless the text so
    far is empty, so leading empty lines vanish."""
    start = 0
    while start < len(lines) and not lines[start]:
        start += 1
    return "\n".join(lines[start:])


def _take_metadata(po: polib.POFile) -> None:
    """Move the header entry into `po.metadata`, exactly as polib's parser does."""
    header = po.find("")
    if header is None:
        return
    po.remove(header)
    po.metadata_is_fuzzy = header.flags
    key = None
    for line in header.msgstr.splitlines():
        try:
            key, value = line.split(":", 1)
            po.metadata[key] = value.strip()
        except ValueError:  # no colon: more of the value before
            if key is not None:
                po.metadata[key] += "\n" + line.strip()


def _encoding(text: str) -> str:
    """The encoding polib records: the first charset named, if Python knows it."""
    found = _CHARSET.search(text)
    if found is not None:
        charset = found[1].strip()
        try:
            codecs.lookup(charset)
        except LookupError:
            pass
        else:
            return charset
    return str(polib.default_encoding)


def _read_with_polib(text: str, name: str | Path) -> polib.POFile:
    """Non-canonical text: the strict line check, then polib's parser."""
    _check_syntax(text, name)
    try:
        return polib.pofile(text, wrapwidth=WRAP_WIDTH, check_for_duplicates=False)
    except (OSError, ValueError) as exc:
        found = _LINE.search(str(exc))
        reason = str(exc).split(":", 1)[-1].strip() if ":" in str(exc) else "syntax error"
        raise InputError(
            name,
            f"malformed PO file ({reason or 'syntax error'})",
            int(found[1]) if found else None,
        ) from None


def _check_syntax(text: str, name: str | Path) -> None:
    """Line-level PO syntax check (polib alone accepts, e.g., an unterminated string)."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("#~"):
            line = _OBSOLETE_PREFIX.sub("", line, count=1)
            if line.startswith("#"):
                continue
        if _VALID_LINE.fullmatch(line) is None:
            raise InputError(
                name, "malformed PO file (not a comment, keyword or quoted string)", number
            )
