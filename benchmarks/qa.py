"""QA throughput: 100,000 segment pairs built from the translated seeds, checked with a
10,000-term glossary, and translate-toolkit's `pofilter` on the same PO file in the same run.

The pairs are the seeds' reviewed translations, each copy made distinct by a number added to
both sides (so number checks have work to do). The glossary is the curated one plus
invented Sorani-like terms up to 10,000 (see benchmarks/glossary.py).
kwb runs `--repeat` times (a median is steadier on a shared machine than one run); pofilter,
some twenty times slower, once.

A second baseline, the reading floor, shows what the checks cost: the same file read the same
way and each pair's two sides cut into normalized words (the Sorani matching key, the English
word stems), in as many processes as kwb uses, and nothing checked. No implementation of the
checks can be faster than reading what they check.
Run: python benchmarks/qa.py [--pairs N] [--terms N] [--repeat N]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polib
from corpus import REPO

from glossary import entries, invented_word
from workbench import __version__
from workbench.forked import fork_map
from workbench.qa.model import Unit
from workbench.qa.runner import BATCH, check_units, chunked, process_count, units_from_po
from workbench.read.english import stems
from workbench.terms.glossary import load_glossary, stopwords
from workbench.terms.matcher import Matcher
from workbench.terms.model import Entry
from workbench.text.normalize import matching_key

ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def build_po(path: Path, pairs: int) -> None:
    seeds = [
        (e.msgid, e.msgstr)
        for po_path in sorted((REPO / "translations").glob("*.po"))
        for e in polib.pofile(str(po_path))
        if e.msgstr and not e.obsolete
    ]
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    rng = random.Random(9)
    for i in range(pairs):
        source, target = rng.choice(seeds)
        n = rng.randint(2, 99_999)
        po.append(
            polib.POEntry(
                msgctxt=f"bench/{i}",
                msgid=f"{str(n).translate(ARABIC_DIGITS)}: {source}",
                msgstr=f"{n}: {target}",
            )
        )
    po.save(str(path))


def glossary(terms: int) -> list[Entry]:
    """The curated glossary (its real renderings are what QA checks), then invented
    Sorani-like terms up to `terms` (benchmarks/glossary.py builds those)."""
    real = list(load_glossary(REPO / "glossary").active())
    rng = random.Random(11)
    seen = {e.source for e in real}
    invented: list[str] = []
    while len(real) + len(invented) < terms:
        source = (
            invented_word(rng)
            if rng.random() < 0.5
            else f"{invented_word(rng)}ی {invented_word(rng)}"
        )
        if source not in seen:
            seen.add(source)
            invented.append(source)
    return real + entries(invented)


def read_words(units: list[Unit]) -> int:
    """The reading floor's work on some pairs: each source's matching key cut into words
    (a batch at a time, as the glossary pass does), each target's word stems. Returns the
    number of words read."""
    words = 0
    for start in range(0, len(units), BATCH):
        batch = units[start : start + BATCH]
        words += len(matching_key("\n".join(u.source for u in batch)).text.split())
        words += sum(len(stems(u.target).split()) for u in batch)
    return words


def reading_floor(po_path: Path, processes: int) -> float:
    """Seconds to load the PO file and read the words of every pair (`read_words`), the
    pairs shared among `processes` forked processes as `check_units` shares them."""
    start = time.perf_counter()
    units = units_from_po(po_path)
    _, chunks = chunked(units, processes)
    fork_map(lambda n: read_words(chunks[n]), len(chunks))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=100_000)
    parser.add_argument("--terms", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"kwb {__version__} QA benchmark")
    with tempfile.TemporaryDirectory() as tmp:
        po_path = Path(tmp) / "pairs.po"
        build_po(po_path, args.pairs)
        entries = glossary(args.terms)
        matcher = Matcher(entries, stopwords())
        processes = process_count(args.pairs)
        print(
            f"{args.pairs:,} pairs ({po_path.stat().st_size / 1e6:.1f} MB PO), "
            f"{len(entries):,} glossary terms; kwb checks them in "
            f"{processes} process{'es' if processes > 1 else ''}\n"
        )

        runs = []
        for _ in range(args.repeat):
            matcher = Matcher(entries, stopwords())  # no word analyses kept from a run before
            start = time.perf_counter()
            units = units_from_po(po_path)
            loaded = time.perf_counter()
            findings = check_units(units, matcher)
            runs.append((time.perf_counter() - start, time.perf_counter() - loaded))
        floor_seconds = statistics.median(
            reading_floor(po_path, processes) for _ in range(args.repeat)
        )
        kwb_seconds = statistics.median(total for total, _ in runs)
        check_seconds = statistics.median(checks for _, checks in runs)
        spread = [args.pairs / total for total, _ in runs]
        chars = sum(len(u.source) + len(u.target) for u in units) / len(units)

        pofilter = shutil.which("pofilter") or str(Path(sys.executable).parent / "pofilter")
        start = time.perf_counter()
        proc = subprocess.run(
            [pofilter, "--progress=none", str(po_path), str(Path(tmp) / "out.po")],
            capture_output=True,
            text=True,
        )
        pofilter_seconds = time.perf_counter() - start
        if proc.returncode not in (0, 1):
            print(f"pofilter failed: {proc.stderr.strip()[:200]}")
            pofilter_seconds = float("nan")
        pofilter_findings = (
            polib.pofile(str(Path(tmp) / "out.po")) if proc.returncode in (0, 1) else []
        )

    print(f"average pair: {chars:.0f} characters (Sorani + English)")
    if len(runs) > 1:
        print(
            f"kwb: median of {len(runs)} runs (end to end: "
            f"{min(spread):,.0f}–{max(spread):,.0f} pairs/s)"
        )
    print(f"{'':<40}{'pairs/s':>10}{'seconds':>10}{'findings':>10}")
    print(
        f"{'kwb checks only (pairs in memory)':<40}"
        f"{args.pairs / check_seconds:>10,.0f}{check_seconds:>10.2f}"
    )
    print(
        f"{'kwb load + checks (end to end)':<40}"
        f"{args.pairs / kwb_seconds:>10,.0f}{kwb_seconds:>10.2f}{len(findings):>10,}"
    )
    print(
        f"{'reading floor (load + words, no check)':<40}"
        f"{args.pairs / floor_seconds:>10,.0f}{floor_seconds:>10.2f}"
    )
    flagged = sum(1 for e in pofilter_findings if "(pofilter)" in (e.tcomment or ""))
    print(
        f"{'pofilter (default checks)':<40}{args.pairs / pofilter_seconds:>10,.0f}"
        f"{pofilter_seconds:>10.2f}{flagged:>10,}"
    )
    print(f"\nkwb is {pofilter_seconds / kwb_seconds:.1f}× faster than pofilter on the same file")
    print(
        f"kwb takes {kwb_seconds / floor_seconds:.1f}× the time of the reading floor "
        f"({kwb_seconds - floor_seconds:.2f} s of checking beyond reading)"
    )


if __name__ == "__main__":
    main()
