"""English spell check: speed per line and per keystroke, and how many words it flags on
real news English, beside pyspellchecker used as its documentation shows (`unknown` over
`split_words`) on the same lines in the same run.

The lines are FLORES-200 devtest English (lines 1–506, see /work/shared/devcorpus) when
present, else the demo's translations; the project knows the demo glossary, and each line
the Latin-script words of its Sorani source. Flagged words are real misspellings or, far
more often, names and words the dictionary lacks: the figure says how much a translator
would have to add to the word list on text like this.

Run: python benchmarks/spelling.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from pathlib import Path

import polib
from corpus import REPO
from spellchecker import SpellChecker

from workbench.qa.english_spelling import project_speller
from workbench.qa.speller import Lexicon, dictionary, latin_words
from workbench.terms.glossary import load_glossary

FLORES = Path("/work/shared/devcorpus/flores200-devtest")


def pairs() -> tuple[str, list[tuple[str, str]]]:
    """(what, [(Sorani, English)])."""
    en = FLORES / "eng_Latn.devtest.lines0001-0506.txt"
    ckb = FLORES / "ckb_Arab.devtest.lines0001-0506.txt"
    if en.is_file() and ckb.is_file():
        lines = zip(
            ckb.read_text("utf-8").splitlines(), en.read_text("utf-8").splitlines(), strict=True
        )
        return "FLORES-200 devtest English, lines 1–506", list(lines)
    found = [
        (e.msgid, e.msgstr)
        for path in sorted((REPO / "translations").glob("*.po"))
        for e in polib.pofile(str(path))
        if e.msgstr and not e.obsolete
    ]
    return "the demo's translations", found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    what, rows = pairs()
    entries = load_glossary(REPO / "glossary").active()
    dictionary()  # loaded before timing, as the peer's is
    checker = SpellChecker(language="en")
    words = sum(len(checker.split_words(en)) for _, en in rows)
    print(f"kwb spelling on {what}: {len(rows)} lines, {words:,} words")

    def kwb_pass() -> Counter[str]:
        speller = project_speller(entries, ())  # verdicts not yet remembered
        flagged: Counter[str] = Counter()
        for ckb, en in rows:
            names = latin_words(ckb)
            found = speller.misspellings(en, Lexicon(names) if names else None)
            flagged.update(m.word for m in found)
        return flagged

    def peer_pass() -> Counter[str]:
        flagged: Counter[str] = Counter()
        for _, en in rows:
            flagged.update(checker.unknown(checker.split_words(en)))
        return flagged

    timings: dict[str, list[float]] = {"kwb": [], "peer": []}
    results: dict[str, Counter[str]] = {}
    for _ in range(args.repeat):
        for name, run in (("kwb", kwb_pass), ("peer", peer_pass)):
            start = time.perf_counter()
            results[name] = run()
            timings[name].append(time.perf_counter() - start)
    kwb_s, peer_s = statistics.median(timings["kwb"]), statistics.median(timings["peer"])
    print(f"check every line (median of {args.repeat})")
    print(f"  kwb:            {kwb_s * 1000:7.1f} ms, {kwb_s / len(rows) * 1e6:6.1f} µs a line")
    print(f"  pyspellchecker: {peer_s * 1000:7.1f} ms, {peer_s / len(rows) * 1e6:6.1f} µs a line")
    print(f"  kwb takes {kwb_s / peer_s:.2f}× pyspellchecker's time")

    # Typing: each keystroke makes the line a new text, checked again (its words' verdicts
    # remembered, as in the editor).
    speller = project_speller(entries, ())
    line = max((en for _, en in rows), key=len)
    per_key = []
    for end in range(1, len(line) + 1):
        start = time.perf_counter()
        speller.misspellings(line[:end])
        per_key.append(time.perf_counter() - start)
    peer_key = []
    for end in range(1, len(line) + 1):
        start = time.perf_counter()
        checker.unknown(checker.split_words(line[:end]))
        peer_key.append(time.perf_counter() - start)
    print(f"a keystroke in a line of {len(line)} characters (the longest), the line checked again")
    print(
        f"  kwb: median {statistics.median(per_key) * 1e6:.0f} µs, max {max(per_key) * 1e6:.0f} µs;"
        f" pyspellchecker: median {statistics.median(peer_key) * 1e6:.0f} µs"
        f" ({statistics.median(per_key) / statistics.median(peer_key):.2f}×)"
    )

    for name, label in (("kwb", "kwb"), ("peer", "pyspellchecker")):
        flagged = results[name]
        total = sum(flagged.values())
        print(f"{label} flags {total} words ({total / words * 1000:.1f} per 1,000 words),")
        print(
            f"  {len(flagged)} distinct; most often: "
            + ", ".join(f"{w} {n}" for w, n in flagged.most_common(12))
        )


if __name__ == "__main__":
    main()
