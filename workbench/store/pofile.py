"""PO files as kwb writes them: one entry per Sorani segment, stable order, fixed wrapping.

Conventions (so Poedit, Lokalize, msgfmt and git all read them well):
- `msgctxt` is a stable segment key (article id / hash of the sentence's matching key), so
  a sentence keeps its entry wherever it moves; `msgid` the canonical Sorani sentence;
  `msgstr` the English.
- flags: `fuzzy` for drafts (pre-translated, merged), `reviewed` once a reviewer approved.
- a full header (msgfmt --check clean) whose PO-Revision-Date changes only with the content.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import polib

from workbench import __version__
from workbench.errors import InputError
from workbench.store.po_parse import WRAP_WIDTH as WRAP_WIDTH
from workbench.store.po_parse import parse_po

FUZZY = "fuzzy"
REVIEWED = "reviewed"

State = Literal["untranslated", "fuzzy", "translated", "reviewed"]
STATES: tuple[State, ...] = ("untranslated", "fuzzy", "translated", "reviewed")


def segment_key(article_id: str, key_text: str) -> str:
    """The msgctxt of a sentence: stable while the sentence's text is unchanged."""
    digest = hashlib.sha1(key_text.encode("utf-8")).hexdigest()[:10]
    return f"{article_id}/{digest}"


_PLACE = re.compile(r"(?:^|:)p(\d+)s(\d+)$")


def places(entry: polib.POEntry) -> list[tuple[int, int]]:
    """Every (paragraph, sentence) the entry's `#:` references name (`FILE:p<P>s<S>`, as
    `kwb add` writes them), in file order; none for an entry another tool added."""
    found = []
    for occurrence in entry.occurrences:
        m = _PLACE.search(":".join(part for part in occurrence if part))
        if m:
            found.append((int(m[1]), int(m[2])))
    return found


def state(entry: polib.POEntry) -> State:
    """Where an entry stands in the translation workflow."""
    if not entry.msgstr.strip():
        return "untranslated"
    if FUZZY in entry.flags:
        return "fuzzy"
    if REVIEWED in entry.flags:
        return "reviewed"
    return "translated"


def set_flag(entry: polib.POEntry, flag: str, on: bool) -> None:
    """Add or remove a flag, keeping the others in order."""
    if on and flag not in entry.flags:
        entry.flags.append(flag)
    elif not on and flag in entry.flags:
        entry.flags.remove(flag)


def header(project_name: str, source_file: str, revised: dt.datetime) -> dict[str, str]:
    """The PO header kwb writes (every field msgfmt --check asks for)."""
    return {
        "Project-Id-Version": project_name,
        "PO-Revision-Date": revised.strftime("%Y-%m-%d %H:%M%z"),
        "Last-Translator": "kwb",
        "Language-Team": "English",
        "Language": "en",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": "ckb",
        "X-Source-File": source_file,
        "X-Generator": f"kwb {__version__}",
    }


def parse(data: bytes, name: str | Path) -> polib.POFile:
    """A PO file from bytes; malformed input is an `InputError` with the line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(name, "not valid UTF-8", line) from None
    text = text.removeprefix("\ufeff")
    if not text or text.isspace():
        return _empty()
    return parse_po(text, name)


def _empty() -> polib.POFile:
    po = polib.POFile(wrapwidth=WRAP_WIDTH)
    po.encoding = "utf-8"
    return po


UNICODE_LINE_BREAKS = re.compile("[\u2028\u2029\x85\x1c-\x1e]")
"""Line breaks PO strings cannot hold: polib writes them unescaped and no reader gets the
text back. Translations have them turned into newlines (`plain_newlines`)."""


def plain_newlines(text: str) -> str:
    """`text` with Unicode line and paragraph separators as plain newlines."""
    return UNICODE_LINE_BREAKS.sub("\n", text)


def render(po: polib.POFile) -> bytes:
    """The file's bytes: polib's rendering at the fixed wrap width, ending in a newline.
    An entry with a line break PO cannot hold is refused (`InputError`) before anything is
    written: saving it would make the file unreadable."""
    for entry in po:
        for field_name in ("msgctxt", "msgid", "msgstr"):
            if UNICODE_LINE_BREAKS.search(getattr(entry, field_name) or ""):
                raise InputError(
                    entry.msgctxt or entry.msgid[:40],
                    f"{field_name} holds a Unicode line separator, which PO files cannot store",
                )
    po.wrapwidth = WRAP_WIDTH
    text = str(po)
    return (text if text.endswith("\n") else text + "\n").encode("utf-8")


def new_catalog(project_name: str, source_file: str) -> polib.POFile:
    """An empty PO file with kwb's header."""
    po = _empty()
    po.header = (
        f"English translation of {source_file} ({project_name}).\n"
        "msgid: canonical Sorani sentence; msgctxt: stable segment key. Made with kwb."
    )
    po.metadata = header(project_name, source_file, now())
    po.metadata_is_fuzzy = False
    return po


def now() -> dt.datetime:
    """The current time, to the minute, with the local offset (PO-Revision-Date)."""
    return dt.datetime.now().astimezone().replace(second=0, microsecond=0)


def touch_revision(po: polib.POFile) -> None:
    """Set PO-Revision-Date (called only when entries changed, so rewrites don't churn)."""
    po.metadata["PO-Revision-Date"] = now().strftime("%Y-%m-%d %H:%M%z")


@dataclass
class Catalog:
    """A PO file in memory and the bytes it had on disk when read (to detect outside edits)."""

    path: Path
    po: polib.POFile
    original: bytes | None = field(default=None, repr=False)

    @property
    def entries(self) -> list[polib.POEntry]:
        """The live (non-obsolete) entries, in file order."""
        return [e for e in self.po if not e.obsolete]


def read_catalog(path: Path) -> Catalog:
    """Load a PO file for reading or editing."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such PO file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a PO file") from None
    return Catalog(path, parse(data, path), data)
