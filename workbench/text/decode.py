"""Read a text file (or stdin) the way a Sorani user's files arrive: BOMs, UTF-16, cp1256.

Every failure is an `InputError` naming the file and, where known, the line.
"""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

from workbench.errors import InputError

MAX_BYTES = 512 * 1024 * 1024
"""Larger inputs are refused rather than read into memory."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def read_bytes(source: str | Path) -> bytes:
    """The bytes of a file, or of stdin for `-`."""
    if str(source) == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        name = "<stdin>"
    else:
        path = Path(source)
        name = str(path)
        if path.is_dir():
            raise InputError(name, "is a directory, not a text file")
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise InputError(name, f"file too large ({size:,} bytes; limit {MAX_BYTES:,})")
            data = path.read_bytes()
        except FileNotFoundError:
            raise InputError(name, "no such file") from None
        except PermissionError:
            raise InputError(name, "permission denied") from None
        except OSError as exc:
            raise InputError(name, exc.strerror or str(exc)) from None
    if len(data) > MAX_BYTES:
        raise InputError(name, f"input too large (limit {MAX_BYTES:,} bytes)")
    return data


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode bytes: a BOM decides, else `encoding`, else strict UTF-8. The BOM is dropped."""
    chosen = encoding
    for bom, codec in _BOMS:
        if data.startswith(bom):
            data, chosen = data[len(bom) :], codec
            break
    chosen = chosen or "utf-8"
    try:
        codecs.lookup(chosen)
    except LookupError:
        raise InputError(name, f"unknown encoding {chosen!r}") from None
    try:
        text = data.decode(chosen)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        hint = "; try --encoding cp1256 for older Arabic-script text" if encoding is None else ""
        raise InputError(
            name, f"not valid {chosen} (byte 0x{data[exc.start]:02x}){hint}", line
        ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise InputError(name, "contains NUL characters: a binary file, not text", line)
    if not text.strip():
        raise InputError(name, "file is empty")
    return text


def read_text(source: str | Path, encoding: str | None = None) -> str:
    """Read and decode `source` (a path, or `-` for stdin)."""
    name = "<stdin>" if str(source) == "-" else str(source)
    return decode(read_bytes(source), name, encoding)
