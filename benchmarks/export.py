"""Corpus export speed and memory: 200,000 pairs to each format, and 50,000 for comparison.

Each export runs in a fresh process so its peak memory (max RSS) is its own; a streaming
exporter's peak stays the same whether it writes 50,000 pairs or 200,000.
Run: python benchmarks/export.py [--pairs N] [--per-file N]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import polib
from corpus import REPO

from workbench import __version__

FORMATS = ("moses", "tsv", "jsonl", "tmx", "xliff")
CHILD = """
import json, resource, sys, time
from pathlib import Path
from workbench.corpus.export import ExportOptions, export
files = sorted(Path(sys.argv[1]).glob("*.po"))[: int(sys.argv[4])]
start = time.perf_counter()
report = export(files, ExportOptions(format=sys.argv[2], out=Path(sys.argv[3]), dedupe=True))
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"kept": report.kept, "seconds": seconds, "peak_mb": peak}))
"""


def build(folder: Path, pairs: int, per_file: int) -> int:
    seeds = [
        (e.msgid, e.msgstr)
        for po_path in sorted((REPO / "translations").glob("*.po"))
        for e in polib.pofile(str(po_path))
        if e.msgstr and not e.obsolete
    ]
    rng = random.Random(4)
    files = 0
    for start in range(0, pairs, per_file):
        po = polib.POFile()
        po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
        for i in range(start, min(start + per_file, pairs)):
            source, target = rng.choice(seeds)
            po.append(
                polib.POEntry(
                    msgctxt=f"doc{files}/{i}",
                    msgid=f"{i}: {source}",
                    msgstr=f"{i}: {target}",
                    flags=["reviewed"],
                )
            )
        po.save(str(folder / f"doc{files:04d}.po"))
        files += 1
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=200_000)
    parser.add_argument("--per-file", type=int, default=2_000)
    args = parser.parse_args()
    print(f"kwb {__version__} export benchmark")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = build(folder, args.pairs, args.per_file)
        small = max(1, files // 4)
        print(f"{args.pairs:,} pairs in {files} PO files (--dedupe on)\n")
        print(
            f"{'format':<8}{'pairs':>10}{'pairs/s':>10}{'peak MB':>10}"
            f"   {'pairs':>8}{'peak MB':>10}"
        )
        for fmt in FORMATS:
            rows = []
            for count in (files, small):
                proc = subprocess.run(
                    [
                        sys.executable,
                        "-c",
                        CHILD,
                        str(folder),
                        fmt,
                        str(folder / f"out.{fmt}"),
                        str(count),
                    ],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                rows.append(json.loads(proc.stdout))
            big, little = rows
            print(
                f"{fmt:<8}{big['kept']:>10,}{big['kept'] / big['seconds']:>10,.0f}"
                f"{big['peak_mb']:>10.0f}"
                f"   {little['kept']:>8,}{little['peak_mb']:>10.0f}"
            )


if __name__ == "__main__":
    main()
