"""Corpus formats behind one interface: a writer is opened on an output path, takes pairs one
at a time (streaming: memory stays flat), and commits its files atomically on close.

- `moses`: `PATH.ckb` and `PATH.en`, line-aligned, one segment a line;
- `tsv`: `ckb<TAB>en`, with `\\t`, `\\n`, `\\r` and `\\\\` escaped;
- `jsonl`: `{"id", "doc", "ckb", "en", "status"}` per line;
- `tmx`: TMX 1.4b, `srclang="ckb"`, `xml:lang` on every `tuv`;
- `xliff`: XLIFF 1.2, one `<file>` per document, states from the PO flags.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import IO, ClassVar
from xml.sax.saxutils import escape, quoteattr

from workbench import __version__
from workbench.corpus.model import ExportPair

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text: str) -> str:
    return escape(_XML_INVALID.sub("", text))


class Writer:
    """Base: temporary files beside the outputs, renamed into place by `close()`."""

    format: ClassVar[str]
    suffixes: ClassVar[tuple[str, ...]]

    def __init__(self, path: Path) -> None:
        self.path = path
        self._files: list[tuple[IO[str], str, Path]] = []
        for suffix in self.suffixes:
            target = Path(f"{path}{suffix}")
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            self._files.append((os.fdopen(fd, "w", encoding="utf-8", newline="\n"), tmp, target))
        self.start()

    @property
    def outputs(self) -> list[Path]:
        return [target for _, _, target in self._files]

    def stream(self, index: int = 0) -> IO[str]:
        return self._files[index][0]

    def start(self) -> None:
        """Write a header, if the format has one."""

    def write(self, pair: ExportPair) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """Write a footer, if the format has one."""

    def close(self) -> None:
        """Finish and move every output into place (fsynced)."""
        self.finish()
        for handle, tmp, target in self._files:
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
            os.replace(tmp, target)

    def abort(self) -> None:
        """Drop the temporary files: a failed export leaves nothing half-written."""
        for handle, tmp, _ in self._files:
            handle.close()
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)


class MosesWriter(Writer):
    format = "moses"
    suffixes = (".ckb", ".en")

    def write(self, pair: ExportPair) -> None:
        self.stream(0).write(" ".join(pair.ckb.split()) + "\n")
        self.stream(1).write(" ".join(pair.en.split()) + "\n")


_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


class TsvWriter(Writer):
    format = "tsv"
    suffixes = ("",)

    def write(self, pair: ExportPair) -> None:
        self.stream().write(
            f"{pair.ckb.translate(_TSV_ESCAPES)}\t{pair.en.translate(_TSV_ESCAPES)}\n"
        )


class JsonlWriter(Writer):
    format = "jsonl"
    suffixes = ("",)

    def write(self, pair: ExportPair) -> None:
        row = {
            "id": pair.id,
            "doc": pair.doc,
            "ckb": pair.ckb,
            "en": pair.en,
            "status": pair.status,
        }
        self.stream().write(json.dumps(row, ensure_ascii=False) + "\n")


class TmxWriter(Writer):
    format = "tmx"
    suffixes = ("",)

    def start(self) -> None:
        self.stream().write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<tmx version="1.4">\n'
            f'<header creationtool="kwb" creationtoolversion={quoteattr(__version__)} '
            'datatype="plaintext" segtype="sentence" adminlang="en" srclang="ckb" '
            'o-tmf="kwb"/>\n<body>\n'
        )

    def write(self, pair: ExportPair) -> None:
        self.stream().write(
            f"<tu tuid={quoteattr(pair.id)}>"
            f'<prop type="x-document">{_xml(pair.doc)}</prop>'
            f'<prop type="x-status">{_xml(pair.status)}</prop>\n'
            f'<tuv xml:lang="ckb"><seg>{_xml(pair.ckb)}</seg></tuv>\n'
            f'<tuv xml:lang="en"><seg>{_xml(pair.en)}</seg></tuv>\n</tu>\n'
        )

    def finish(self) -> None:
        self.stream().write("</body>\n</tmx>\n")


_XLIFF_STATES = {
    "reviewed": ('state="signed-off"', ' approved="yes"'),
    "translated": ('state="translated"', ""),
    "fuzzy": ('state="needs-review-translation"', ""),
}


class XliffWriter(Writer):
    format = "xliff"
    suffixes = ("",)

    def start(self) -> None:
        self._doc: str | None = None
        self.stream().write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        )

    def _close_file(self) -> None:
        if self._doc is not None:
            self.stream().write("</body>\n</file>\n")

    def write(self, pair: ExportPair) -> None:
        if pair.doc != self._doc:
            self._close_file()
            self._doc = pair.doc
            self.stream().write(
                f'<file original={quoteattr(pair.doc)} source-language="ckb" '
                'target-language="en" datatype="plaintext">\n'
                '<header><tool tool-id="kwb" tool-name="kwb" '
                f"tool-version={quoteattr(__version__)}/></header>\n<body>\n"
            )
        state, approved = _XLIFF_STATES.get(pair.status, _XLIFF_STATES["translated"])
        self.stream().write(
            f"<trans-unit id={quoteattr(pair.id)}{approved}>"
            f'<source xml:lang="ckb">{_xml(pair.ckb)}</source>'
            f'<target xml:lang="en" {state}>{_xml(pair.en)}</target></trans-unit>\n'
        )

    def finish(self) -> None:
        self._close_file()
        self.stream().write("</xliff>\n")


WRITERS: dict[str, type[Writer]] = {
    w.format: w for w in (MosesWriter, TsvWriter, JsonlWriter, TmxWriter, XliffWriter)
}
