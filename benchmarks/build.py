"""`kwb build` speed on a long article: each format against what it cannot avoid.

A 10,000-segment article (the demo's translated pairs, numbered, three sentences a
paragraph) is built as text, Markdown and HTML, each beside reading its PO file alone (the
floor: every build reads it), and as the review page beside the QA run it embeds (the
project's checks over the same file, as `kwb check` runs them). Median of three runs, each
into a fresh folder so every run writes.
Run: python benchmarks/build.py [--segments N] [--repeat 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import polib
from corpus import REPO

from workbench.deliver.build import build
from workbench.qa.runner import check_units, units_from_po
from workbench.store.pofile import read_catalog
from workbench.store.project import load_project
from workbench.terms.glossary import load_glossary, stopwords
from workbench.terms.matcher import Matcher


def make_project(root: Path, segments: int) -> Path:
    """A project with the demo's glossary and one long reviewed article."""
    root.mkdir(parents=True)
    shutil.copy(REPO / "kwb.toml", root / "kwb.toml")
    shutil.copytree(REPO / "glossary", root / "glossary")
    (root / "translations").mkdir()
    pairs = [
        (e.msgid, e.msgstr)
        for path in sorted((REPO / "translations").glob("*.po"))
        for e in polib.pofile(str(path))
        if e.msgstr and not e.obsolete
    ]
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for i in range(segments):
        source, target = pairs[i % len(pairs)]
        po.append(
            polib.POEntry(
                msgctxt=f"big/{i}",
                msgid=f"{source} {i}",
                msgstr=f"{target} {i}",
                flags=["reviewed"],
                occurrences=[(f"big.txt:p{i // 3 + 1}s{i % 3 + 1}", "")],
            )
        )
    path = root / "translations" / "big.po"
    po.save(str(path))
    return path


def median_seconds(run: Callable[[int], object], repeat: int) -> float:
    times = []
    for n in range(repeat):
        start = time.perf_counter()
        run(n)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--segments", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = make_project(Path(tmp) / "project", args.segments)
        project = load_project(path.parent.parent)
        out = Path(tmp) / "out"
        floor = median_seconds(lambda n: read_catalog(path), args.repeat)
        print(f"{args.segments:,} segments; reading the PO file alone: {floor:.3f} s")
        for fmt in ("text", "markdown", "html"):
            seconds = median_seconds(
                lambda n, fmt=fmt: build(project, ["big"], fmt, out / f"{fmt}{n}"), args.repeat
            )
            print(
                f"build {fmt:<8} {seconds:.3f} s  {args.segments / seconds:,.0f} segments/s"
                f"  ×{seconds / floor:.2f} the PO read"
            )

        def qa(n: int) -> object:
            matcher = Matcher(load_glossary(project.glossary).active(), stopwords())
            units = units_from_po(path, "translations/big.po")
            return check_units(units, matcher, None, scope="project")

        checked = median_seconds(qa, args.repeat)
        review = median_seconds(
            lambda n: build(project, ["big"], "review", out / f"review{n}"), args.repeat
        )
        print(f"QA of the file (as kwb check): {checked:.3f} s")
        print(
            f"build review   {review:.3f} s  {args.segments / review:,.0f} segments/s"
            f"  ×{review / checked:.2f} the QA it embeds"
        )


if __name__ == "__main__":
    main()
