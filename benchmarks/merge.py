"""Re-adding an edited article: which old translations land where, and how fast.

An article of real Sorani news sentences (the ones written for the segmentation and
matching benchmarks, none similar to another) is translated, then edited the way editors
edit: most sentences kept, some with one word changed, some split in two at a comma or in
the middle, some replaced by an unrelated sentence, some deleted. The new version is merged
into the old PO file by
- kwb (`store.merge`: word-level sentence similarity ≥ 70, an assignment of old to new);
- kwb's previous rule, in the same run: rapidfuzz WRatio ≥ 75, each sentence on its own;
- GNU msgmerge --previous (its own character measure, threshold 0.6), on the same
  sentences as plain msgids.
For each it counts edited sentences given their old translation, split halves given the
old sentence's, and unrelated sentences given someone else's translation (wrong fuzzies),
and times the merge (best of 5, summed over the articles; msgmerge: its process).
Run: python benchmarks/merge.py [--copies N] [--seed N]
"""

from __future__ import annotations

import argparse
import itertools
import random
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import polib
from corpus import REPO
from rapidfuzz import fuzz, process

from workbench import __version__
from workbench.store.article import Unit, article_units
from workbench.store.merge import merge
from workbench.store.similarity import FUZZY_MINIMUM, similarity
from workbench.text import canonical_text, key_text

GOLD = ("segmentation_gold.txt", "segmentation_heldout.txt")
QUOTES = frozenset('"“”«»')
Seeding = dict[str, str]
"""new msgid → the old msgid whose translation it got as fuzzy (`#| msgid`)."""


def news_sentences() -> list[str]:
    """Canonical sentences of 5+ words from the benchmark news, none 50% similar to an
    earlier one (so that "unrelated" means unrelated)."""
    kept: list[str] = []
    for name in GOLD:
        for line in (REPO / "benchmarks" / "data" / name).read_text("utf-8").splitlines():
            text = canonical_text(line.strip())
            if line.startswith("###") or len(text.split()) < 5:
                continue
            key = key_text(text)
            if all(similarity(key, key_text(k), 50) < 50 for k in kept):
                kept.append(text)
    return kept


def edited_article(
    old: list[str], stock: list[str], rng: random.Random
) -> tuple[list[str], dict[str, tuple[str, str]]]:
    """The new sentences, and for each changed one (kind, the old sentence it came from)."""
    words = [w for s in old for w in s.split() if w.isalpha()]
    new: list[str] = []
    truth: dict[str, tuple[str, str]] = {}
    for sentence in old:
        roll = rng.random()
        parts = sentence.rstrip(".").split()
        if roll < 0.60:
            new.append(sentence)
        elif roll < 0.75:
            i = rng.randrange(len(parts))
            parts[i] = rng.choice([w for w in words if w != parts[i]])
            new.append(" ".join(parts) + ".")
            truth[new[-1]] = ("edited", sentence)
        elif roll < 0.82 and not QUOTES.intersection(sentence):
            comma = [i for i, w in enumerate(parts[2:-2], 2) if w.endswith("،")]
            cut = comma[0] + 1 if comma else len(parts) // 2
            halves = [" ".join(parts[:cut]).rstrip("،") + ".", " ".join(parts[cut:]) + "."]
            new += halves
            truth.update({h: ("split", sentence) for h in halves})
        elif 0.82 <= roll < 0.92:
            new.append(stock.pop())
            truth[new[-1]] = ("unrelated", sentence)
        # else: deleted
    return new, truth


def kwb_merge(old_po: polib.POFile, units: list[Unit], _: Path) -> tuple[Seeding, float]:
    start = time.perf_counter()
    entries, _report = merge(old_po, units)
    took = time.perf_counter() - start
    seeded = {e.msgid: e.previous_msgid for e in entries if not e.obsolete and e.previous_msgid}
    return seeded, took


def wratio_merge(old_po: polib.POFile, units: list[Unit], _: Path) -> tuple[Seeding, float]:
    """kwb's previous rule: each new sentence takes the old translated sentence (or pair of
    neighbours) rapidfuzz's WRatio scores highest, from 75 up."""
    start = time.perf_counter()
    old = [e for e in old_po if e.msgstr]
    choices = [key_text(e.msgid) for e in old]
    msgids = [e.msgid for e in old]
    choices += [f"{a} {b}" for a, b in itertools.pairwise(choices)]
    msgids += [f"{a} {b}" for a, b in itertools.pairwise(msgids)]
    known = {e.msgctxt for e in old_po}
    seeded = {}
    for unit in units:
        if unit.key in known:
            continue
        best = process.extractOne(unit.match_key, choices, scorer=fuzz.WRatio, score_cutoff=75)
        if best is not None:
            seeded[unit.msgid] = msgids[best[2]]
    return seeded, time.perf_counter() - start


def msgmerge(old_po: polib.POFile, units: list[Unit], folder: Path) -> tuple[Seeding, float]:
    """GNU msgmerge on the same sentences as plain msgids (no msgctxt); timed: the msgmerge
    process alone, not writing its input or reading its output."""
    old, pot, out = folder / "old.po", folder / "new.pot", folder / "out.po"
    plain = polib.POFile()
    plain.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for e in old_po:
        plain.append(polib.POEntry(msgid=e.msgid, msgstr=e.msgstr))
    plain.save(str(old))
    template = polib.POFile()
    template.metadata = plain.metadata
    for unit in units:
        template.append(polib.POEntry(msgid=unit.msgid, msgstr=""))
    template.save(str(pot))
    start = time.perf_counter()
    subprocess.run(
        ["msgmerge", "--quiet", "--previous", "-o", str(out), str(old), str(pot)], check=True
    )
    took = time.perf_counter() - start
    seeded = {
        e.msgid: e.previous_msgid
        for e in polib.pofile(str(out))
        if not e.obsolete and "fuzzy" in e.flags and e.previous_msgid
    }
    return seeded, took


RULES: dict[str, Callable[[polib.POFile, list[Unit], Path], tuple[Seeding, float]]] = {
    f"kwb (word similarity ≥ {FUZZY_MINIMUM:.0f}, assignment)": kwb_merge,
    "kwb before (WRatio ≥ 75, per sentence)": wratio_merge,
    "msgmerge --previous (gettext)": msgmerge,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=5, help="edited articles merged")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    pool = news_sentences()
    print(f"kwb {__version__} merge benchmark: {len(pool)} unrelated news sentences\n")
    totals = {name: [0, 0, 0, 0.0] for name in RULES}
    counts = {"edited": 0, "split": 0, "unrelated": 0}
    with tempfile.TemporaryDirectory() as tmp:
        for copy in range(args.copies):
            rng = random.Random(args.seed + copy)
            sentences = pool[:]
            rng.shuffle(sentences)
            old, stock = sentences[: len(sentences) * 2 // 3], sentences[len(sentences) * 2 // 3 :]
            old_entries, _ = merge(None, article_units("a", "a.txt", "\n".join(old), None))
            old_po = polib.POFile()
            for i, entry in enumerate(old_entries):
                entry.msgstr = f"EN {i}"
                old_po.append(entry)
            new, truth = edited_article(old, stock, rng)
            units = article_units("a", "a.txt", "\n".join(new), None)
            msgids = {u.msgid for u in units}
            truth = {m: t for m, t in truth.items() if m in msgids}  # as segmented
            for kind, _ in truth.values():
                counts[kind] += 1
            for name, rule in RULES.items():
                runs = [rule(old_po, units, Path(tmp)) for _ in range(5)]
                seeded = runs[0][0]
                right = [0, 0, 0]
                for msgid, (kind, source) in truth.items():
                    got = seeded.get(msgid)
                    if kind == "unrelated":
                        right[2] += got is not None
                    else:
                        right[kind == "split"] += got == source
                for k in range(3):
                    totals[name][k] += right[k]
                totals[name][3] += min(took for _, took in runs)
    print(
        f"{args.copies} articles of {len(old)} sentences; changed: "
        f"{counts['edited']} edited by one word, {counts['split']} split halves, "
        f"{counts['unrelated']} replaced by an unrelated sentence"
    )
    print(f"  {'':<44}{'edited ✓':>9}{'halves ✓':>9}{'wrong fuzzy':>12}{'ms':>8}")
    for name, (edited, halves, wrong, took) in totals.items():
        print(f"  {name:<44}{edited:>9}{halves:>9}{wrong:>12}{took * 1000:>8.1f}")
    ours = next(iter(totals.values()))[3]
    print(
        "  kwb time: "
        + ", ".join(
            f"{ours / v[3]:.2f}× {name.split(' (')[0]}" for name, v in list(totals.items())[1:]
        )
    )


if __name__ == "__main__":
    main()
