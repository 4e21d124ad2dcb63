"""Project search benchmark: `kwb search` against literal search of the same files.

Usage (from the repo root)::

    python benchmarks/search.py [--copies N]

A project is made of the bundled demo's PO files copied N times (default 300: about 9,000
entries). Each query is searched over the whole project three ways, in the same run:

* ``kwb``: `search_project` (what `kwb search` runs: every PO file read and parsed, the
  query found through inflection, or as English words with their plurals);
* ``grep``: ``grep -o -F -i QUERY`` over the PO files (what a translator would reach for);
* ``kwb-mem``: `search_units` over the entries already read (the search alone);
* ``re``: the query as a literal, case-insensitive Python regex over the same msgid/msgstr
  strings in memory: the floor of any search.

It prints, per query and system, the hits found and the seconds taken (best of 3), and the
ratio of kwb's time to its peer's (kwb to grep, kwb-mem to re). Hits differ by design:
literal search misses inflected forms (هێزێکی شەڕکەری), grep a target wrapped over two PO
lines, and both count the glossary notes of the PO comments (grep) or a word inside
another (re: عێراق in عێراقییەکان).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import materialise_committed_demo  # noqa: E402
from workbench.search.concordance import (  # noqa: E402
    Unit,
    project_units,
    search_project,
    search_units,
)
from workbench.search.query import compile_query  # noqa: E402
from workbench.store.project import Project, load_project  # noqa: E402

QUERIES = ["هێزی شەڕکەر", "combat forces", "عێراق"]


def best(run: Callable[[], int], repeat: int = 3) -> tuple[int, float]:
    """The result of `run` and its best time of `repeat`."""
    times = []
    found = 0
    for _ in range(repeat):
        start = time.perf_counter()
        found = run()
        times.append(time.perf_counter() - start)
    return found, min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = materialise_committed_demo(Path(folder) / "demo")
        translations = root / "translations"
        originals = sorted(translations.glob("*.po"))
        for n in range(1, args.copies):
            for po in originals:
                shutil.copyfile(po, translations / f"{po.stem}_{n}.po")
        project = load_project(root)
        units = list(project_units(project))
        texts = [t for u in units for t in (u.source, u.target)]
        print(f"{len(units)} entries in {len(list(translations.glob('*.po')))} PO files")
        print(f"{'query':<16} {'system':<8} {'hits':>7} {'seconds':>9} {'kwb / peer':>12}")
        files = [str(p) for p in sorted(translations.glob("*.po"))]
        for query in QUERIES:
            results = {
                name: best(run) for name, run in systems(query, project, units, texts, files)
            }
            for name, (hits, seconds) in results.items():
                peer = PEER.get(name)
                ratio = f"{seconds / results[peer][1]:.1f}× {peer}" if peer else ""
                print(f"{query:<16} {name:<8} {hits:>7} {seconds:>9.3f} {ratio:>12}")


PEER = {"kwb": "grep", "kwb-mem": "re"}
"""Each kwb run against the peer that does the same reading: files, or strings in memory."""


def systems(
    query: str, project: Project, units: list[Unit], texts: list[str], files: list[str]
) -> list[tuple[str, Callable[[], int]]]:
    """The four ways of running `query`, each a function giving its number of hits."""
    compiled = compile_query(query)
    pattern = re.compile(re.escape(query), re.IGNORECASE)

    def grep() -> int:
        command = ["grep", "-o", "-F", "-i", "-h", query, *files]
        return len(subprocess.run(command, capture_output=True, check=False).stdout.splitlines())

    return [
        ("kwb", lambda: len(search_project(project, compiled))),
        ("grep", grep),
        ("kwb-mem", lambda: len(search_units(compiled, units))),
        ("re", lambda: sum(len(pattern.findall(t)) for t in texts)),
    ]


if __name__ == "__main__":
    main()
