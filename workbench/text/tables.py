"""Load the orthography tables of `data/orthography.tsv` into translate maps and regex classes."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Mapping:
    """One row of a table: `source` (one or more characters) becomes `target` ("" deletes)."""

    source: str
    target: str


def _code_points(spec: str) -> list[str]:
    """`U+0643` → ['ك'], `U+0660..U+0669` → ten digits, `U+06CC U+0654` → ['یٔ']."""
    if ".." in spec:
        lo, hi = (int(part.removeprefix("U+"), 16) for part in spec.split(".."))
        return [chr(cp) for cp in range(lo, hi + 1)]
    return ["".join(chr(int(part.removeprefix("U+"), 16)) for part in spec.split())]


def _rows(text: str) -> dict[str, list[Mapping]]:
    tables: dict[str, list[Mapping]] = defaultdict(list)
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = raw.split("\t")
        if len(fields) != 4:
            raise ValueError(f"orthography.tsv:{number}: expected 4 tab-separated fields")
        table, source, target, _why = fields
        sources = _code_points(source)
        if target == "NFKC":
            targets = [unicodedata.normalize("NFKC", s) for s in sources]
        elif target == "-":
            targets = [""] * len(sources)
        else:
            targets = _code_points(target)
            if len(targets) == 1 and len(sources) > 1:
                targets = targets * len(sources)
            if len(targets) != len(sources):
                raise ValueError(f"orthography.tsv:{number}: ranges of different length")
        tables[table].extend(Mapping(s, t) for s, t in zip(sources, targets, strict=True))
    return tables


@dataclass(frozen=True)
class Tables:
    """The orthography tables in the shapes the normalizer needs."""

    canonical: dict[str, str]
    """Context-free replacements (single characters and short sequences)."""
    canonical_delete: frozenset[str]
    harakat: frozenset[str]
    space: dict[str, str]
    letters: frozenset[str]
    dual_joining: frozenset[str]
    key: dict[str, str]
    key_delete: frozenset[str]
    key_initial: dict[str, str]
    key_final: dict[str, str]


@cache
def load() -> Tables:
    """Read and index the orthography tables (once per process)."""
    text = resources.files("workbench.text").joinpath("data/orthography.tsv").read_text("utf-8")
    rows = _rows(text)

    def as_dict(name: str) -> dict[str, str]:
        return {m.source: m.target for m in rows[name]}

    def as_set(name: str) -> frozenset[str]:
        return frozenset(m.source for m in rows[name])

    harakat = as_set("harakat")
    canonical = as_dict("canonical")
    # Presentation forms fold through NFKC, then through the look-alike table, minus marks.
    for m in rows["canonical-nfkc"]:
        folded = "".join(canonical.get(c, c) for c in m.target if c not in harakat)
        if m.target and m.target.strip() != m.target and not folded.strip():
            folded = ""  # isolated harakat forms such as U+FE70 decompose to space + mark
        folded = folded.strip() if m.target.startswith(" ") else folded
        if unicodedata.category(m.source) != "Cn" and folded != m.source:
            canonical.setdefault(m.source, folded)
    return Tables(
        canonical=canonical,
        canonical_delete=as_set("canonical-delete"),
        harakat=harakat,
        space=as_dict("space"),
        letters=as_set("letter"),
        dual_joining=as_set("dual-joining"),
        key=as_dict("key"),
        key_delete=as_set("key-delete"),
        key_initial=as_dict("key-initial"),
        key_final=as_dict("key-final"),
    )
