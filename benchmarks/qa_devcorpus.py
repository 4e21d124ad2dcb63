"""QA on a real professional translation: recall of planted errors and false findings on the
FLORES-200 devtest (lines 1–506, Sorani and its English reference, 1:1), beside pofilter.

The dev corpus becomes a PO file (msgctxt `flores/NNNN`, the line number; msgid the Sorani,
msgstr the English), and a CSV glossary is written for it from benchmarks/data/
flores_terms.csv: terms that recur in those lines (names, places, institutions, recurring
nouns), with the admitted variants a glossary keeps for them, overlapping and differing only
in case as real ones do (police / Police / police officers / law enforcement; United States /
U.S. / US / USA). Only terms whose Sorani is in at least `MIN_LINES` lines with one of their
renderings in the English are written. The `paraphrase` column is not in the glossary: it is
a rendering the glossary does not admit, planted for glossary-missing.

Errors of every check's kind are planted (seeded, one per pair) as benchmarks/qa_eval.py
plants them, but for the glossary and calendar checks, which follow this corpus:
- term-inconsistent: terms used at least `MAJORITY` times with one rendering (case apart) have
  2–3 of those uses switched to another admitted rendering — a variant as listed, a variant in
  other case, or a longer rendering that holds the majority's (police → police officers) —
  the realistic pattern of a translator who mostly keeps one rendering. (A switch to a case
  variant of the same rendering, police → Police, is no inconsistency, and is not planted.)
- date-mismatch: a weekday or a month changed in the English (Wednesday → Thursday,
  September → December), a weekday changed in the Sorani, or the day of a date.
Terms, numbers and dates are found here with the benchmark's own simple readers, never with
kwb's, so what kwb's readers miss counts as a miss.

`kwb check FILE.po --glossary GLOSSARY.csv --json` runs as a subprocess on the clean and the
planted file; a planted error is found when a finding of its check names the entry's msgctxt
in `id` or `related`. pofilter (translate-toolkit, default checks, capitalisation checks
left out: they mean nothing for an uncased source) runs on the clean file in the same run.

Run: python benchmarks/qa_devcorpus.py [--out /tmp/qa_devcorpus] [--per-check 20] [--seed 11]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polib
from qa_eval import (
    CHECK_ORDER,
    DATE_EN,
    MONTHS_CKB,
    MONTHS_EN,
    Corpus,
    Pair,
    Plant,
    Planter,
    _count,
    _round_robin,
    acceptable,
    find_renderings,
    nested,
    plant_inconsistent_source,
    plant_inconsistent_target,
    plant_invisible,
    plant_length_ratio,
    plant_number_mismatch,
    plant_punctuation,
    plant_untranslated,
    plant_whitespace,
    substitute,
    table,
    write_po,
)

from workbench.terms import csv_format
from workbench.terms.model import Entry
from workbench.text import key_text

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
FLORES = Path("/work/shared/devcorpus/flores200-devtest")
CKB_FILE = "ckb_Arab.devtest.lines0001-0506.txt"
EN_FILE = "eng_Latn.devtest.lines0001-0506.txt"
TERMS = REPO / "benchmarks" / "data" / "flores_terms.csv"
MIN_LINES = 3
"""A term goes into the glossary when its Sorani and one of its renderings share this many lines."""
MAJORITY = 5
"""term-inconsistent is planted on terms rendered one way this many times (after the switch)…"""
MINORITY = 3
"""…and the minority the switched uses join has this many uses at most (2–3 switched)."""
CAPS_TESTS = ("simplecaps", "startcaps")
"""pofilter's capitalisation checks, left out: Sorani has no case to compare."""

WEEKDAYS_EN = ("Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
WEEKDAY_CKB = re.compile(
    r"(?<![^\W\d_])(?:(یەک|دوو?|سێ|چوار|پێنج)\s?)?شەم?مە|(?<![^\W\d_])(هەینی|جومعە)"
)
"""Sorani weekdays as FLORES and news write them (دوو شەمە, دووشەممە, یەك شەمە, هەینی); the
number before شەممە gives the day (none: Saturday)."""
WEEKDAY_PREFIX = {"": 0, "یەک": 1, "دوو": 2, "دو": 2, "سێ": 3, "چوار": 4, "پێنج": 5}
WEEKDAYS_CKB_WRITTEN = (
    "شەممە",
    "یەکشەممە",
    "دووشەممە",
    "سێشەممە",
    "چوارشەممە",
    "پێنجشەممە",
    "هەینی",
)
_MONTH_SPELLINGS = {key_text(m) for m in MONTHS_CKB} | {
    key_text(m.replace("دووەم", "دووهەم")) for m in MONTHS_CKB
}
MONTH_CKB = re.compile(
    r"(?<![^\W\d_])(?:"
    + "|".join(sorted({*_MONTH_SPELLINGS, "تەموز"}, key=len, reverse=True))
    + ")"
)
"""Iraqi month names (SORANI.md §2, and the spellings FLORES has: دووهەم, تەموز) on a key."""
MONTH_WORD_EN = re.compile(r"\b(" + "|".join(MONTHS_EN) + r")\b")
WEEKDAY_WORD_EN = re.compile(r"\b(" + "|".join(WEEKDAYS_EN) + r")(?=s?\b|'s\b)")


# --- the corpus and its glossary ----------------------------------------------------------


def read_flores(folder: Path) -> list[Pair]:
    """The aligned lines as pairs, keyed by line number."""
    ckb = (folder / CKB_FILE).read_text(encoding="utf-8").splitlines()
    en = (folder / EN_FILE).read_text(encoding="utf-8").splitlines()
    if len(ckb) != len(en):
        raise SystemExit(f"{folder}: {len(ckb)} Sorani lines but {len(en)} English")
    return [Pair(f"flores/{n:04d}", s, e) for n, (s, e) in enumerate(zip(ckb, en, strict=True), 1)]


@dataclass(frozen=True)
class Terms:
    """The glossary's entries, its CSV text, and the paraphrase planted for each entry."""

    entries: list[Entry]
    csv: str
    paraphrases: dict[str, str]


def read_terms(path: Path, pairs: Sequence[Pair]) -> Terms:
    """The terms of `path` that recur in the pairs (`MIN_LINES`), as a CSV glossary."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    paraphrases = {row["id"]: row.pop("paraphrase") for row in rows}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    entries = csv_format.parse(out.getvalue(), path)
    kept_ids = {
        e.id
        for e in entries
        if sum(1 for p in pairs if in_source(e, p.ckb) and find_renderings(acceptable(e), p.en))
        >= MIN_LINES
    }
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(row for row in rows if row["id"] in kept_ids)
    kept = [e for e in entries if e.id in kept_ids]
    return Terms(kept, out.getvalue(), {i: paraphrases[i] for i in kept_ids})


# --- the benchmark's own reading of terms ------------------------------------------------

ENDINGS = re.compile(
    "(?:"
    + "|".join(
        sorted(
            [
                "ی",
                "یی",
                "ە",
                "ێک",
                "یەک",
                "ێکی",
                "یەکی",
                "ەکە",
                "کە",
                "ەکەی",
                "کەی",
                "ەکان",
                "کان",
                "ان",
                "یان",
                "ەکانی",
                "کانی",
                "انی",
                "دا",
                "ەوە",
                "وە",
                "ش",
                "یش",
                "م",
                "ت",
                "مان",
                "تان",
                "ڕا",
                "را",
            ],
            key=len,
            reverse=True,
        )
    )
    + r")*(?![^\W\d_])"
)
"""What may follow a term's last word: Sorani inflection as SORANI.md §4 lists it, stacked;
anything else makes another word (سەرۆکایەتی, presidency, is not سەرۆک)."""


def in_source(entry: Entry, ckb: str) -> bool:
    """Whether the Sorani has a form of the entry: its words in order at word starts, each
    but the last with its ezafe or nothing, the last followed by inflection only."""
    key = key_text(ckb)
    for form in (entry.source, *entry.source_forms):
        words = key_text(form).split()
        head = r"(?:ی|ە|ێکی|یەکی)?\s+".join(re.escape(w.removesuffix("ی")) for w in words[:-1])
        pattern = (head + r"(?:ی|ە|ێکی|یەکی)?\s+" if head else "") + re.escape(words[-1])
        for m in re.finditer(r"(?<![^\W\d_])" + pattern, key):
            if ENDINGS.match(key, m.end()):
                return True
    return False


# --- which rendering a pair uses (the benchmark's own reading) -----------------------------


def used_rendering(entry: Entry, en: str) -> str | None:
    """The one rendering of the entry the English uses, case and plural apart (`_key`): the
    longest where one found holds another (police officers holds police); None for none or
    several."""
    found = {
        _key(r): r
        for r in acceptable(entry)
        if find_renderings([r], en) and not _inside_hyphenated(r, en)
    }
    longest = [r for r in found if not any(_holds(o, r) for o in found)]
    return longest[0] if len(longest) == 1 else None


def _key(rendering: str) -> str:
    """A rendering with case and a plural s set aside (Games is game)."""
    return " ".join(w.removesuffix("s") if len(w) > 3 else w for w in rendering.casefold().split())


def _inside_hyphenated(rendering: str, en: str) -> bool:
    return bool(re.search(rf"(?i:\w-{re.escape(rendering)}|{re.escape(rendering)}-\w)", en))


def _holds(longer: str, shorter: str) -> bool:
    return longer != shorter and bool(re.search(rf"\b{re.escape(shorter)}\b", longer))


def _recase(rendering: str) -> str:
    """A rendering in other case: capitalized words lowered, lowercase ones capitalized."""
    if rendering[:1].isupper() and not rendering.isupper():
        return rendering[:1].lower() + rendering[1:]
    return rendering[:1].upper() + rendering[1:]


# --- planting ------------------------------------------------------------------------------


def plant_term_switches(
    corpus: Corpus, rng: random.Random, n: int, banned: set[str], entries: list[Entry]
) -> None:
    """For terms used `MAJORITY` times or more with one rendering (case apart), 2–3 of those
    uses switched to another admitted rendering: as listed, in other case, or a longer one
    holding the majority's."""
    order = list(entries)
    rng.shuffle(order)
    kinds = ("admitted variant", "case variant", "longer overlapping rendering")
    for entry in order:
        if _count(corpus, "term-inconsistent") >= n:
            return
        uses: dict[str, list[Pair]] = defaultdict(list)
        for pair in (corpus.pairs[i] for i in corpus.order):
            if in_source(entry, pair.ckb) and not nested(entry, pair.ckb, entries):
                rendering = used_rendering(entry, pair.en)
                if rendering is not None:
                    uses[rendering].append(pair)
        if not uses:
            continue
        majority, users = max(uses.items(), key=lambda item: len(item[1]))
        total = sum(map(len, uses.values()))
        free = [p for p in users if p.id not in corpus.used and p.id not in banned]
        take = min(rng.choice((2, 3)), len(users) - MAJORITY, len(free))
        # Still mostly rendered one way once switched: more than half of the uses.
        while take >= 2 and (len(users) - take) * 2 <= total:
            take -= 1
        if take < 2:
            continue
        target = next(r for r in acceptable(entry) if _key(r) == majority)
        # Renderings in use so little that with the switched uses they are a minority of 2–3.
        others = [
            r
            for r in acceptable(entry)
            if _key(r) != majority and len(uses.get(_key(r), ())) + take <= MINORITY
        ]
        options = {
            "admitted variant": [r for r in others if not _holds(_key(r), majority)],
            "case variant": [
                _recase(r)
                for r in others
                if not _holds(_key(r), majority) and not any(map(str.isupper, r[1:]))
            ],
            "longer overlapping rendering": [r for r in others if _holds(_key(r), majority)],
        }
        switched = rng.sample(free, take)
        # The uses that stay are reserved: corrupted by another check, they would no longer
        # be the majority that makes the switched ones a minority.
        corpus.used.update(p.id for p in users if p not in switched)
        for pair in switched:
            available = [k for k in kinds if options[k]]
            if not available:
                break
            kind = min(available, key=lambda k: _kind_count(corpus, k))
            variant = rng.choice(options[kind])
            en = substitute(pair.en, [target], variant)
            if en == pair.en or used_rendering(entry, en) != _key(variant):
                continue
            if variant.endswith(SIBILANTS) and re.search(rf"(?i:{re.escape(variant)})s\b", en):
                continue  # its plural takes -es (Illnesss, Matchs)
            corpus.replace(
                "term-inconsistent",
                kind,
                pair,
                en,
                f"{entry.id}: {target!r} → {variant!r} ({len(users)} pairs used {target!r})",
            )


SIBILANTS = ("s", "x", "z", "ch", "sh")


def _kind_count(corpus: Corpus, kind: str) -> int:
    return sum(1 for p in corpus.plants if p.kind == kind)


def plant_missing(paraphrases: dict[str, str]) -> Planter:
    """glossary-missing: a rendering replaced by the term's paraphrase (not admitted)."""

    def plant(
        corpus: Corpus, rng: random.Random, n: int, banned: set[str], entries: list[Entry]
    ) -> None:
        by_id = {e.id: e for e in entries}
        for entry_id, replacement in paraphrases.items():
            if find_renderings(acceptable(by_id[entry_id]), replacement):
                raise SystemExit(f"paraphrase {replacement!r} is admitted for {entry_id}")
        options = [
            (pair, e)
            for pair in corpus.free(banned)
            for e in entries
            if in_source(e, pair.ckb)
            and not nested(e, pair.ckb, entries)
            and find_renderings(acceptable(e), pair.en)
        ]
        for pair, entry in _round_robin(options, rng):
            if _count(corpus, "glossary-missing") >= n:
                return
            replacement = paraphrases[entry.id]
            en = substitute(pair.en, acceptable(entry), replacement)
            if en == pair.en or find_renderings(acceptable(entry), en):
                continue
            kind = "name" if entry.type in ("person", "place") else "term"
            corpus.replace("glossary-missing", kind, pair, en, f"{entry.id} → {replacement!r}")

    return plant


_ONE_FOR_ONE = str.maketrans({"ك": "ک", "ي": "ی", "ى": "ی"})


def _folded(ckb: str) -> str:
    """Sorani with the Arabic look-alikes FLORES uses made Kurdish, letter for letter (so
    offsets stay those of the text)."""
    return ckb.translate(_ONE_FOR_ONE)


def plant_forbidden(
    corpus: Corpus, rng: random.Random, n: int, banned: set[str], entries: list[Entry]
) -> None:
    """glossary-forbidden: a rendering (its first use) replaced by a forbidden one."""
    options = [
        (pair, e)
        for pair in corpus.free(banned)
        for e in entries
        if e.forbidden and in_source(e, pair.ckb) and find_renderings(acceptable(e), pair.en)
    ]
    for pair, entry in _round_robin(options, rng):
        if _count(corpus, "glossary-forbidden") >= n:
            return
        bad = rng.choice(entry.forbidden)
        en = substitute(pair.en, acceptable(entry), bad, count=1)
        if en != pair.en:
            corpus.replace("glossary-forbidden", "forbidden", pair, en, f"{entry.id} → {bad!r}")


def sorani_weekdays(ckb: str) -> list[tuple[int, re.Match[str]]]:
    """The weekdays of a Sorani text (0 = Saturday … 6 = Friday), at offsets of the text."""
    found = []
    for m in WEEKDAY_CKB.finditer(_folded(ckb)):
        day = 6 if m[2] else WEEKDAY_PREFIX[m[1] or ""]
        found.append((day, m))
    return found


def plant_calendar(
    corpus: Corpus, rng: random.Random, n: int, banned: set[str], entries: list[Entry]
) -> None:
    """date-mismatch: a weekday changed in the English or in the Sorani, a month changed in
    the English (September → December), or the day of a date."""
    candidates = [
        p
        for p in corpus.free(banned)
        if (sorani_weekdays(p.ckb) and WEEKDAY_WORD_EN.search(p.en))
        or (MONTH_CKB.search(key_text(p.ckb)) and MONTH_WORD_EN.search(p.en))
    ]
    rng.shuffle(candidates)
    for pair in candidates:
        if _count(corpus, "date-mismatch") >= n:
            return
        kinds = []
        if sorani_weekdays(pair.ckb) and WEEKDAY_WORD_EN.search(pair.en):
            kinds += ["weekday (English)", "weekday (Sorani)"]
        if MONTH_CKB.search(key_text(pair.ckb)) and MONTH_WORD_EN.search(pair.en):
            kinds.append("month (English)")
            if any(m[1] for m in DATE_EN.finditer(pair.en)):
                kinds.append("day (English)")
        kind = min(kinds, key=lambda k: (_kind_count(corpus, k), rng.random()))
        ckb, en = pair.ckb, pair.en
        if kind == "weekday (English)":
            m = rng.choice(list(WEEKDAY_WORD_EN.finditer(en)))
            new = rng.choice([d for d in WEEKDAYS_EN if d != m[1]])
            en = en[: m.start()] + new + en[m.end() :]
            note = f"{m[1]} → {new}"
        elif kind == "weekday (Sorani)":
            day, m = rng.choice(sorani_weekdays(ckb))
            new = rng.choice([w for i, w in enumerate(WEEKDAYS_CKB_WRITTEN) if i != day])
            ckb = ckb[: m.start()] + new + ckb[m.end() :]
            note = f"{m.group()} → {new}"
        elif kind == "month (English)":
            m = rng.choice(list(MONTH_WORD_EN.finditer(en)))
            new = rng.choice([month for month in MONTHS_EN if month != m[1]])
            en = en[: m.start()] + new + en[m.end() :]
            note = f"{m[1]} → {new}"
        else:
            m = rng.choice([d for d in DATE_EN.finditer(en) if d[1]])
            day = int(m[1])
            new_day = str(day + 1 if day < 28 else day - 1)
            en = en[: m.start(1)] + new_day + en[m.end(1) :]
            note = f"{m[1]} {m[2]} → {new_day} {m[2]}"
        corpus.replace("date-mismatch", kind, pair, en, note, ckb=ckb)


def planters(terms: Terms) -> tuple[tuple[str, Planter], ...]:
    """Scarce material first: pairs sharing a term, weekdays and months, questions."""
    return (
        ("term-inconsistent", plant_term_switches),
        ("date-mismatch", plant_calendar),
        ("inconsistent-target", plant_inconsistent_target),
        ("punctuation", plant_punctuation),
        ("glossary-forbidden", plant_forbidden),
        ("glossary-missing", plant_missing(terms.paraphrases)),
        ("number-mismatch", plant_number_mismatch),
        ("untranslated", plant_untranslated),
        ("length-ratio", plant_length_ratio),
        ("inconsistent-source", plant_inconsistent_source),
        ("invisible-characters", plant_invisible),
        ("whitespace", plant_whitespace),
    )


# --- running the tools --------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """A kwb finding as `kwb check --json` reports it."""

    id: str
    check: str
    severity: str
    message: str
    related: tuple[str, ...]
    scope: str

    @property
    def names(self) -> set[str]:
        """The entries the finding names: its own and the related ones."""
        return {self.id, *self.related}


def run_kwb(po: Path, glossary: Path, kwb: Path) -> list[Finding]:
    """`kwb check FILE.po --glossary GLOSSARY.csv --json`, from the file's folder (no project)."""
    result = subprocess.run(
        [str(kwb), "check", po.name, "--glossary", str(glossary), "--json"],
        capture_output=True,
        text=True,
        check=False,
        cwd=po.parent,
    )
    if result.returncode not in (0, 1) or (result.returncode and not result.stdout):
        raise SystemExit(f"kwb check failed ({result.returncode}): {result.stderr[-2000:]}")
    findings = []
    for line in result.stdout.splitlines():
        data = json.loads(line)
        findings.append(
            Finding(
                data["id"],
                data["check"],
                data["severity"],
                data["message"],
                tuple(data["related"]),
                str(data.get("scope", "")),
            )
        )
    return findings


def run_pofilter(po: Path, pofilter: Path) -> Counter[str]:
    """pofilter's failures on one PO file (one per unit and test), by test, without the
    capitalisation checks."""
    out = po.with_suffix(".pofilter.po")
    excluded = [f"--excludefilter={test}" for test in CAPS_TESTS]
    subprocess.run([str(pofilter), "--progress=none", *excluded, str(po), str(out)], check=True)
    failures: Counter[str] = Counter()
    for entry in polib.pofile(str(out)):
        for line in (entry.tcomment or "").splitlines():
            m = re.match(r"\(pofilter\) ([\w-]+):", line.strip())
            if m:
                failures[m[1]] += 1
    return failures


# --- report -------------------------------------------------------------------------------


def report(
    clean: list[Pair],
    corpus: Corpus,
    kwb_clean: list[Finding],
    kwb_planted: list[Finding],
    pofilter_clean: Counter[str],
    show_misses: int,
) -> dict[str, object]:
    """Print recall per check and kind, false findings beside pofilter's; return the figures."""
    named: dict[str, set[str]] = defaultdict(set)
    for f in kwb_planted:
        named[f.check] |= f.names
    summary: dict[str, object] = {}
    rows = []
    kinds: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses: dict[str, list[Plant]] = defaultdict(list)
    recalls = {}
    for check in CHECK_ORDER:
        plants = [p for p in corpus.plants if p.check == check]
        found = [p for p in plants if p.unit_id in named[check]]
        for p in plants:
            kinds[(check, p.kind)][0] += 1
            if p.unit_id in named[check]:
                kinds[(check, p.kind)][1] += 1
            else:
                misses[check].append(p)
        recall = len(found) / len(plants) if plants else 0.0
        recalls[check] = {"planted": len(plants), "found": len(found), "recall": recall}
        rows.append((check, len(plants), len(found), f"{recall:.2f}"))
    total = len(corpus.plants)
    total_found = sum(1 for p in corpus.plants if p.unit_id in named[p.check])
    rows.append(("all", total, total_found, f"{total_found / max(total, 1):.2f}"))
    print(f"FLORES-200 devtest: {len(clean)} pairs, {total} planted errors\n")
    print(table(("check", "planted", "kwb found", "recall"), rows))
    print("\nBy kind of corruption:\n")
    print(
        table(
            ("check / kind", "planted", "found"),
            ((f"{c} / {k}", n, f) for (c, k), (n, f) in sorted(kinds.items())),
        )
    )
    by_check = Counter(f.check for f in kwb_clean)
    severity = {f.check: f.severity for f in kwb_clean}
    serious = sum(1 for f in kwb_clean if f.severity in ("error", "warning"))
    pofilter_total = sum(pofilter_clean.values())
    print(f"\nFindings on the clean translation ({len(clean)} pairs)\n")
    print(
        table(
            ("kwb check", "severity", "findings"),
            [(c, severity.get(c, ""), by_check[c]) for c in CHECK_ORDER]
            + [("error + warning", "", serious), ("all", "", len(kwb_clean))],
        )
    )
    print()
    print(
        table(
            ("pofilter test (no capitalisation)", "failures"),
            [*pofilter_clean.most_common(), ("all", pofilter_total)],
        )
    )
    ratio = serious / pofilter_total if pofilter_total else float("inf")
    print(
        f"\nkwb error + warning findings: {serious}; pofilter failures: {pofilter_total}"
        f" (kwb/pofilter = {ratio:.2f})"
    )
    print("\nkwb error + warning findings on the clean translation:\n")
    for f in kwb_clean:
        if f.severity in ("error", "warning"):
            print(f"- {f.check} {f.id}: {f.message[:200]}")
    print("\nPlanted errors kwb missed:\n")
    for check in CHECK_ORDER:
        if misses[check]:
            print(f"{check}: {len(misses[check])} missed")
            for p in misses[check][:show_misses]:
                print(f"  - {p.unit_id} [{p.kind}] {p.note}")
                print(f"      en: {p.en[:160]!r}")
    summary["checks"] = recalls
    summary["clean"] = {"by_check": dict(by_check), "error_warning": serious}
    summary["pofilter_clean"] = {"by_test": dict(pofilter_clean), "total": pofilter_total}
    summary["misses"] = {c: [p.unit_id for p in ps] for c, ps in misses.items()}
    return summary


def main(argv: Sequence[str] | None = None) -> int:
    """Build the PO files and the glossary, plant, run kwb and pofilter, print the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--flores", type=Path, default=FLORES)
    parser.add_argument("--terms", type=Path, default=TERMS)
    parser.add_argument("--out", type=Path, default=Path("/tmp/qa_devcorpus"))
    parser.add_argument("--per-check", type=int, default=20)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--kwb", type=Path, default=BIN / "kwb")
    parser.add_argument("--pofilter", type=Path, default=BIN / "pofilter")
    parser.add_argument("--show-misses", type=int, default=10, help="examples per check")
    args = parser.parse_args(argv)

    clean = read_flores(args.flores)
    terms = read_terms(args.terms, clean)
    args.out.mkdir(parents=True, exist_ok=True)
    glossary = args.out / "glossary.csv"
    glossary.write_text(terms.csv, encoding="utf-8")
    clean_po = args.out / "clean.po"
    write_po(clean_po, clean, {})
    kwb_clean = run_kwb(clean_po, glossary, args.kwb)
    pofilter_clean = run_pofilter(clean_po, args.pofilter)

    banned: dict[str, set[str]] = defaultdict(set)
    for f in kwb_clean:
        banned[f.check].add(f.id)
    corpus = Corpus({p.id: p for p in clean}, [p.id for p in clean])
    rng = random.Random(args.seed)
    for check, planter in planters(terms):
        planter(corpus, rng, args.per_check, banned[check], terms.entries)
        if _count(corpus, check) < args.per_check // 2:
            print(f"warning: only {_count(corpus, check)} planted for {check}", file=sys.stderr)
    planted_po = args.out / "planted.po"
    write_po(planted_po, [corpus.pairs[i] for i in corpus.order] + corpus.added, {})
    kwb_planted = run_kwb(planted_po, glossary, args.kwb)
    with (args.out / "plants.tsv").open("w", encoding="utf-8") as f:
        f.write("check\tkind\tunit\tnote\tckb\ten\n")
        for p in corpus.plants:
            f.write(f"{p.check}\t{p.kind}\t{p.unit_id}\t{p.note}\t{p.ckb}\t{p.en}\n")
    print(f"glossary: {len(terms.entries)} terms recurring in the corpus ({glossary})\n")
    summary = report(clean, corpus, kwb_clean, kwb_planted, pofilter_clean, args.show_misses)
    (args.out / "summary.json").write_text(json.dumps(summary, indent=1, ensure_ascii=False))
    print(f"\nFiles: {clean_po}, {planted_po}, {glossary}, {args.out / 'plants.tsv'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
