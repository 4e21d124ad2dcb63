"""PO store and translation-memory speed.

1. Loading alone: kwb's `parse` against `polib.pofile` (and against kwb's reading before its
   fast PO reader: the strict line check, then polib) on the same files, in the same run:
   N pairs as in the QA benchmark (seed sentences and their translations, made distinct
   by a number, keyed by msgctxt, wrapped at 79 columns), then the same pairs with the
   notes kwb writes (glossary notes, references, flags).
2. Load + save of a 50,000-entry PO file through kwb (syntax check, lock, three-way
   guard, atomic write) against plain polib load + save, in the same run.
3. TM fuzzy lookup latency (p50/p95) against 100,000 units, and the same lookups done by
   brute force: kwb's similarity measure (`store.similarity`) applied to every unit, each
   unit's words read beforehand; and kwb's lookup before that measure (the same candidates
   scored by rapidfuzz's character ratio).
Run: python benchmarks/store.py [--entries N] [--units N] [--queries N] [--only load|po|tm]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import polib
from corpus import REPO, seed_sentences
from rapidfuzz import fuzz

from workbench import __version__
from workbench.store.po_parse import _read_with_polib
from workbench.store.pofile import WRAP_WIDTH, Catalog, new_catalog, parse, read_catalog, render
from workbench.store.save import save_catalog
from workbench.store.similarity import SUGGESTION_MINIMUM, sentence_words, word_similarity
from workbench.text import canonical_text, key_text
from workbench.tm.index import TranslationMemory, Unit


def vocabulary() -> tuple[list[str], list[str]]:
    """Clauses and words of the seeds (canonical)."""
    clauses: list[str] = []
    words: list[str] = []
    for sentence in seed_sentences():
        text = canonical_text(sentence)
        clauses += [c.strip() for c in text.split("،") if len(c.split()) >= 4]
        words += text.split()
    return clauses, words


CONSONANTS = "بپتجچحخدرڕزژسشعغفڤقکگلڵمنهوی"
VOWELS = ["ا", "ە", "ۆ", "ێ", "ی", "وو", ""]


def invented_words(count: int, rng: random.Random) -> list[str]:
    """Sorani-looking words (names, places, rarer vocabulary) to give a large TM the word
    variety of real news: the seeds alone have only ~700 distinct words."""
    words = set()
    while len(words) < count:
        words.add(
            "".join(
                rng.choice(CONSONANTS)
                + rng.choice(VOWELS)
                + rng.choice(["", rng.choice(CONSONANTS)])
                for _ in range(rng.randint(2, 3))
            )
        )
    return sorted(words)


def sentences(count: int, seed: int, lexicon: int = 0) -> list[str]:
    """`count` distinct Sorani sentences: seed clauses recombined, words swapped for seed
    words or (with `lexicon`) for words from that many invented ones."""
    rng = random.Random(seed)
    clauses, words = vocabulary()
    extra = invented_words(lexicon, rng) if lexicon else words
    out: set[str] = set()
    while len(out) < count:
        parts = rng.choice(clauses).split() + rng.choice(clauses).split()[: rng.randint(0, 8)]
        for _ in range(rng.randint(1, 3)):
            parts[rng.randrange(len(parts))] = rng.choice(words)
        for _ in range(rng.randint(2, 5) if lexicon else 0):
            parts[rng.randrange(len(parts))] = rng.choice(extra)
        out.add(" ".join(parts) + ".")
    return sorted(out)


def mutate(sentence: str, rng: random.Random, words: list[str]) -> str:
    parts = sentence.split()
    for _ in range(max(1, len(parts) // 6)):
        parts[rng.randrange(len(parts))] = rng.choice(words)
    return " ".join(parts)


def best(fn: object, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def pairs_file(path: Path, pairs: int, notes: bool) -> None:
    """`pairs` entries built as benchmarks/qa.py builds them -- a translated seed sentence
    and its translation, each copy made distinct by a number on both sides -- under kwb's
    header, written by kwb; with `notes`, each keeps its seed entry's comments, references
    and flags."""
    seeds = [
        e
        for po_path in sorted((REPO / "translations").glob("*.po"))
        for e in polib.pofile(str(po_path))
        if e.msgstr and not e.obsolete
    ]
    po = new_catalog("bench", "seeds/pairs.txt")
    rng = random.Random(9)
    for i in range(pairs):
        seed = rng.choice(seeds)
        n = rng.randint(2, 99_999)
        entry = polib.POEntry(
            msgctxt=f"bench/{i}",
            msgid=f"{str(n).translate(ARABIC_DIGITS)}: {seed.msgid}",
            msgstr=f"{n}: {seed.msgstr}",
        )
        if notes:
            entry.comment, entry.occurrences = seed.comment, list(seed.occurrences)
            entry.flags = list(seed.flags)
        po.append(entry)
    path.write_bytes(render(po))


def parse_before(data: bytes, path: Path) -> polib.POFile:
    """kwb's `parse` before its fast PO reader (still its way for text outside the fast
    reader's grammar): decode, the empty-file test, the strict line check, polib."""
    text = data.decode("utf-8").removeprefix("\ufeff")
    if not text.strip():
        return polib.POFile()
    return _read_with_polib(text, path)


READERS: dict[str, Callable[[Path], polib.POFile]] = {
    "polib.pofile": lambda path: polib.pofile(
        str(path), wrapwidth=WRAP_WIDTH, check_for_duplicates=False
    ),
    "kwb before (strict line check + polib)": lambda path: parse_before(path.read_bytes(), path),
    "kwb parse": lambda path: parse(path.read_bytes(), path),
}


def bench_load(pairs: int, folder: Path) -> None:
    print(f"PO load only: {pairs:,} pairs, each reader best of 3")
    print(f"  {'':<42}{'entries/s':>10}{'seconds':>9}")
    for notes, label in ((False, "pairs only (as QA reads them)"), (True, "with kwb's notes")):
        path = folder / f"load-{notes}.po"
        pairs_file(path, pairs, notes)
        print(f"  {label}: {path.stat().st_size / 1e6:.1f} MB")
        rendered = {str(read(path)) for read in READERS.values()}
        assert len(rendered) == 1, "the readers disagree"
        seconds = {name: best(partial(read, path)) for name, read in READERS.items()}
        for name, took in seconds.items():
            print(f"    {name:<40}{pairs / took:>10,.0f}{took:>9.2f}")
        kwb = seconds.pop("kwb parse")
        print(
            "    kwb parse: "
            + ", ".join(f"{took / kwb:.1f}× {name}" for name, took in seconds.items())
        )


def bench_po(entries: int, folder: Path) -> None:
    path = folder / "big.po"
    catalog = Catalog(path, new_catalog("bench", "seeds/big.txt"), None)
    for i, text in enumerate(sentences(entries, 1)):
        catalog.po.append(
            polib.POEntry(msgctxt=f"big/{i:06d}", msgid=text, msgstr=f"English sentence {i}.")
        )
    save_catalog(catalog)
    size = path.stat().st_size

    def plain() -> None:
        po = polib.pofile(str(path), wrapwidth=WRAP_WIDTH)
        po.save(str(folder / "plain.po"))

    def kwb() -> None:
        c = read_catalog(path)
        c.entries[0].msgstr = c.entries[0].msgstr  # a no-op edit: a real load + save
        c.path = folder / "kwb.po"
        c.original = None
        save_catalog(c)

    t_plain, t_kwb = best(plain), best(kwb)
    print(f"PO file: {entries:,} entries, {size / 1e6:.1f} MB")
    print(f"  polib load + save        {t_plain:8.2f} s")
    print(f"  kwb load + save          {t_kwb:8.2f} s   ratio {t_kwb / t_plain:.2f}× polib")


def bench_tm(units: int, queries: int, folder: Path, lexicon: int) -> None:
    texts = sentences(units, 2, lexicon)
    _, words = vocabulary()
    tm = TranslationMemory(folder / "tm.sqlite")
    start = time.perf_counter()
    with tm.db:
        tm.replace(
            "bench", (Unit(f"u{i}", t, f"en {i}", "translated") for i, t in enumerate(texts))
        )
    build = time.perf_counter() - start
    unit_words = [sentence_words(key_text(t)) for t in texts]
    sentence_words.cache_clear()  # kwb's lookups start cold, as in a fresh process
    rng = random.Random(3)
    probes = [mutate(rng.choice(texts), rng, words) for _ in range(queries)]

    def before(probe: str) -> list[float]:
        key = key_text(probe)
        scores = [fuzz.ratio(key, row[4]) for row in tm.candidates(key)]
        return sorted((s for s in scores if s >= SUGGESTION_MINIMUM), reverse=True)[:5]

    kwb_times, before_times, brute_times, agree = [], [], [], 0
    for n, probe in enumerate(probes):
        for which in (0, 1) if n % 2 else (1, 0):  # neither always finds the cache warm
            start = time.perf_counter()
            if which:
                before(probe)
                before_times.append(time.perf_counter() - start)
            else:
                found = tm.search(probe, minimum=SUGGESTION_MINIMUM, limit=5)
                kwb_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        query = sentence_words(key_text(probe))
        brute = max(word_similarity(query, w, SUGGESTION_MINIMUM) for w in unit_words)
        brute_times.append(time.perf_counter() - start)
        if (found[0].score if found else 0.0) == (brute if brute >= SUGGESTION_MINIMUM else 0.0):
            agree += 1
    tm.close()

    def pct(times: list[float], q: int) -> float:
        return statistics.quantiles(times, n=100)[q - 1] * 1000

    print(f"TM: {units:,} units, {lexicon:,}-word invented lexicon mixed in")
    print(f"  index built in {build:.1f} s")
    print(f"  {queries} lookups of units with a sixth of their words changed")
    for label, times in (
        ("kwb FTS5 + similarity", kwb_times),
        ("kwb before: FTS5 + ratio", before_times),
        ("brute-force similarity", brute_times),
    ):
        print(f"  {label:<24} p50 {pct(times, 50):7.2f} ms   p95 {pct(times, 95):7.2f} ms")
    print(
        f"  kwb / kwb before: p50 {pct(kwb_times, 50) / pct(before_times, 50):.2f}×, "
        f"p95 {pct(kwb_times, 95) / pct(before_times, 95):.2f}×"
    )
    print(
        f"  speed-up p50 {pct(brute_times, 50) / pct(kwb_times, 50):.1f}×, "
        f"p95 {pct(brute_times, 95) / pct(kwb_times, 95):.1f}×; "
        f"same best score as brute force in {agree}/{queries} lookups"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument(
        "--lexicon",
        type=int,
        default=50_000,
        help="invented words mixed into TM units (0: seeds only)",
    )
    parser.add_argument(
        "--only", choices=("load", "po", "tm"), help="run one part (default: all three)"
    )
    args = parser.parse_args()
    print(f"kwb {__version__} store benchmark\n")
    with tempfile.TemporaryDirectory() as tmp:
        if args.only in (None, "load"):
            bench_load(args.entries, Path(tmp))
            print()
        if args.only in (None, "po"):
            bench_po(args.entries, Path(tmp))
            print()
        if args.only in (None, "tm"):
            bench_tm(args.units, args.queries, Path(tmp), args.lexicon)


if __name__ == "__main__":
    main()
