"""Stream reviewed segment pairs from the project's PO files into corpus files.

PO files are read one at a time and pairs written as they pass the filters, so memory does
not grow with the corpus (deduplication keeps one 8-byte hash per kept pair). Documents are
assigned to splits by a hash of the seed and the document id: deterministic, and no
document is ever in two splits.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

from workbench import __version__
from workbench.atomic import atomic_write
from workbench.corpus.model import ExportPair
from workbench.corpus.writers import WRITERS, Writer
from workbench.errors import InputError
from workbench.qa.runner import check_units, units_from_po
from workbench.store.pofile import read_catalog, state
from workbench.terms.matcher import Matcher
from workbench.text import canonical_text, key_text, tokenize

StatusFilter = Literal["reviewed", "translated", "any"]
ERROR_CHECKS = ("glossary-forbidden", "number-mismatch", "date-mismatch", "untranslated")
"""The checks whose findings are errors: a pair with one is not QA-clean."""


@dataclass(frozen=True)
class ExportOptions:
    """What to export and how (the signature records every field)."""

    format: str
    out: Path
    status: StatusFilter = "translated"
    qa_clean: bool = False
    dedupe: bool = False
    min_words: int | None = None
    max_words: int | None = None
    max_ratio: float | None = None
    normalize: bool = False
    tokenize: bool = False
    split: tuple[tuple[str, float], ...] = ()
    seed: int = 0

    def signature(self) -> str:
        """A line that names every setting and the kwb version, so a corpus can be rebuilt."""
        split = "-".join(f"{name}{share:g}" for name, share in self.split) or "none"
        statuses = {"reviewed": "reviewed", "translated": "translated+reviewed", "any": "any"}
        words = f"{self.min_words or 0}-{self.max_words if self.max_words is not None else 'inf'}"
        return "|".join(
            [
                "ckb-en",
                f"kwb:{__version__}",
                f"format:{self.format}",
                f"status:{statuses[self.status]}",
                f"qa-clean:{'yes' if self.qa_clean else 'no'}",
                f"dedupe:{'yes' if self.dedupe else 'no'}",
                f"words:{words}",
                f"max-ratio:{self.max_ratio if self.max_ratio is not None else 'none'}",
                f"normalize:{'yes' if self.normalize else 'no'}",
                f"tokenize:{'yes' if self.tokenize else 'no'}",
                f"split:{split}",
                f"seed:{self.seed}",
            ]
        )


@dataclass
class Report:
    """What the export read, kept and dropped (and why)."""

    read: int = 0
    kept: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    tokens_ckb: int = 0
    tokens_en: int = 0
    splits: Counter[str] = field(default_factory=Counter)
    documents: dict[str, str] = field(default_factory=dict)
    outputs: list[str] = field(default_factory=list)
    signature: str = ""

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data["dropped"] = dict(sorted(self.dropped.items()))
        data["splits"] = dict(self.splits)
        return data


def parse_split(spec: str) -> tuple[tuple[str, float], ...]:
    """`train,dev,test=80,10,10` → (("train", 80), ("dev", 10), ("test", 10))."""
    try:
        names, shares = spec.split("=")
        pairs = list(zip(names.split(","), map(float, shares.split(",")), strict=True))
    except ValueError:
        raise InputError(
            spec, "use --split NAME,NAME=SHARE,SHARE (e.g. train,dev,test=80,10,10)"
        ) from None
    if not pairs or any(share < 0 for _, share in pairs) or sum(s for _, s in pairs) <= 0:
        raise InputError(spec, "split shares must be non-negative and add up to more than 0")
    if len({name for name, _ in pairs}) != len(pairs):
        raise InputError(spec, "split names must differ")
    return tuple(pairs)


def split_of(doc: str, seed: int, split: tuple[tuple[str, float], ...]) -> str:
    """The split a document belongs to: a hash of seed and document, not their order."""
    digest = hashlib.sha256(f"{seed}\0{doc}".encode()).digest()
    point = int.from_bytes(digest[:8], "big") / 2**64 * sum(share for _, share in split)
    for name, share in split:
        if point < share:
            return name
        point -= share
    return split[-1][0]


def output_path(options: ExportOptions, split: str | None) -> Path:
    """Where one split's corpus goes (the format adds .ckb/.en for moses)."""
    out = options.out
    if split is None:
        return out
    if options.format == "moses" or not out.suffix:
        return Path(f"{out}.{split}")
    return out.with_name(f"{out.stem}.{split}{out.suffix}")


def report_path(options: ExportOptions) -> Path:
    return Path(f"{options.out}.report.json")


def _moses_tokenizer() -> Callable[[str], str]:
    from sacremoses import MosesTokenizer

    tokenizer = MosesTokenizer(lang="en")

    def tokenize_english(text: str) -> str:
        return str(tokenizer.tokenize(text, escape=False, return_str=True))

    return tokenize_english


def _pairs(
    po_files: list[Path], matcher: Matcher | None, options: ExportOptions, report: Report
) -> Iterator[ExportPair]:
    """Pairs that pass the status and QA filters, file by file."""
    for path in po_files:
        flagged: set[str] = set()
        if options.qa_clean:
            units = units_from_po(path)
            flagged = {f.id for f in check_units(units, matcher, ERROR_CHECKS) if f.waived is None}
        for entry in read_catalog(path).entries:
            report.read += 1
            current = state(entry)
            if current == "untranslated":
                report.dropped["empty"] += 1
            elif current == "fuzzy" and options.status != "any":
                report.dropped["fuzzy"] += 1
            elif current == "translated" and options.status == "reviewed":
                report.dropped["not-reviewed"] += 1
            elif (entry.msgctxt or "") in flagged:
                report.dropped["qa-error"] += 1
            else:
                yield ExportPair(entry.msgctxt or "", path.stem, entry.msgid, entry.msgstr, current)


def export(
    po_files: list[Path],
    options: ExportOptions,
    matcher: Matcher | None = None,
    progress: Callable[[int], None] | None = None,
) -> Report:
    """Write the corpus files and the report; returns the report."""
    if options.format not in WRITERS:
        raise InputError(options.format, f"unknown format; use one of {', '.join(WRITERS)}")
    report = Report(signature=options.signature())
    writers: dict[str | None, Writer] = {}
    names: list[str | None] = [name for name, _ in options.split] or [None]
    seen: set[bytes] = set()
    english_tokens = _moses_tokenizer() if options.tokenize else None
    try:
        for name in names:
            writers[name] = WRITERS[options.format](output_path(options, name))
        for done, pair in enumerate(_pairs(po_files, matcher, options, report), 1):
            ckb = canonical_text(pair.ckb) if options.normalize else pair.ckb
            en = pair.en
            ckb_words, en_words = len(ckb.split()), len(en.split())
            if options.min_words is not None and min(ckb_words, en_words) < options.min_words:
                report.dropped["too-short"] += 1
                continue
            if options.max_words is not None and max(ckb_words, en_words) > options.max_words:
                report.dropped["too-long"] += 1
                continue
            if options.max_ratio is not None:
                ratio = max(len(en), 1) / max(len(ckb), 1)
                if max(ratio, 1 / ratio) > options.max_ratio:
                    report.dropped["length-ratio"] += 1
                    continue
            if options.dedupe:
                digest = hashlib.blake2b(
                    f"{key_text(ckb)}\t{' '.join(en.casefold().split())}".encode(), digest_size=8
                ).digest()
                if digest in seen:
                    report.dropped["duplicate"] += 1
                    continue
                seen.add(digest)
            if english_tokens is not None:
                ckb = " ".join(t.text for t in tokenize(ckb))
                en = english_tokens(en)
            split = split_of(pair.doc, options.seed, options.split) if options.split else None
            report.documents.setdefault(pair.doc, split or "all")
            writers[split].write(ExportPair(pair.id, pair.doc, ckb, en, pair.status))
            report.kept += 1
            report.splits[split or "all"] += 1
            report.tokens_ckb += len(ckb.split())
            report.tokens_en += len(en.split())
            if progress is not None and done % 1000 == 0:
                progress(done)
    except BaseException:
        for writer in writers.values():
            writer.abort()
        raise
    for writer in writers.values():
        writer.close()
        report.outputs += [str(p) for p in writer.outputs]
    atomic_write(
        report_path(options), json.dumps(report.as_json(), ensure_ascii=False, indent=2).encode()
    )
    return report
