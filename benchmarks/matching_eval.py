"""Term-matching benchmark: kwb's glossary matcher against two naive baselines.

Usage (from the repo root)::

    python benchmarks/matching_eval.py [--gold PATH] [--glossary PATH] [--as-csv [typed]]
                                       [--no-errors] [--stats]

The three runs reported for glossary matching:

* news gold, curated glossary: ``python benchmarks/matching_eval.py``
* news gold, the curated glossary exported as a CSV from another tool would be (no type, no
  adjectival forms, no source form that is a nisba form): ``... --as-csv``
* FLORES-200 ckb devtest sample, a CSV of places, nations and common terms:
  ``... --gold benchmarks/data/matching_flores_gold.txt
  --glossary benchmarks/data/matching_flores_glossary.csv``

Gold file format (``benchmarks/data/matching_gold.txt``)
---------------------------------------------------------
Lines starting with ``#`` before the first article are comments (source and licence).
``### article: <slug>`` starts an article; its paragraphs follow, separated by blank lines (the
lines of one paragraph are joined by a space). Every occurrence of an approved glossary entry is
annotated inline as ``[[surface|entry-id]]``: ``surface`` is the whole inflected token or tokens
as they stand in the text (a glued preposition and every suffix included; for a multi-word term
from the first word's start to the last word's end, an intervening adjective included), and only
the longest term is annotated where a shorter one sits inside it. An entry's nisba adjective is
an occurrence of the entry (ئەمریکییەکان of ئەمریکا, نەتەوەیی of نەتەوە); a derivation that is
another word is not (کوردستان of کورد, فەرماندەیی "command" of فەرماندە "commander"). The raw
text of an article is its paragraphs with the annotation brackets removed, joined by
``"\\n"``; gold spans are ``(start, end, entry-id)`` in raw-text offsets.

Systems
-------
* ``kwb``: ``kwb match ARTICLE --glossary GLOSSARY --json`` (the command users run), its rows'
  ``(start, end, entry)``.
* ``no-respell``: ``Matcher(glossary.active(), stopwords(), respell=False)`` in process: kwb
  without the spelling variants of the terms (what it found before it read them).
* ``no-nisba``: ``Matcher(glossary.active(), stopwords(), derive=False, respell=False)`` in
  process: kwb without nisba adjectives derived from the terms, nor spelling variants (what
  it found before it derived them).
* ``exact``: whole-word occurrences of an entry's source, source forms and adjectival forms as
  written, after light normalization (ك → ک, ي ى → ی, ZWNJ and tatweel removed); a word boundary
  is a position not preceded or followed by an Arabic letter.
* ``substring``: raw substring occurrences of the same normalized strings anywhere, each widened
  to the whole word(s) it sits in.

Both baselines resolve overlaps by keeping the longest term (then the longest span, then the
earliest). A prediction is correct (strict) when a gold span has the same start, end and entry;
the lenient score counts any overlap with a gold span of the same entry, for precision and for
recall separately.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import io
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from workbench.terms.csv_format import format_csv  # noqa: E402
from workbench.terms.glossary import load_glossary, stopwords  # noqa: E402
from workbench.terms.matcher import Matcher  # noqa: E402
from workbench.terms.model import Entry  # noqa: E402
from workbench.text.normalize import key_text  # noqa: E402

DEFAULT_GOLD = REPO_ROOT / "benchmarks" / "data" / "matching_gold.txt"
GLOSSARY_DIR = REPO_ROOT / "glossary"
HEADER_RE = re.compile(r"^### article: (?P<slug>\S+)\s*$")
ANNOTATION_RE = re.compile(r"\[\[(?P<surface>[^\[\]|]+)\|(?P<entry>[a-z0-9-]+)\]\]")
CONTEXT = 30
LIGHT_FOLD = str.maketrans({"ك": "ک", "ي": "ی", "ى": "ی"})
LIGHT_DROP = frozenset({"\u200c", "\u0640"})  # ZWNJ, tatweel
ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
GLUED_PREPOSITIONS = ("لە", "بە", "بۆ")
VOWELS = frozenset("اەۆێی")


# --------------------------------------------------------------------------------------------
# Gold data
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Span:
    """A term occurrence: raw-text offsets and the glossary entry it stands for."""

    start: int
    end: int
    entry: str


@dataclass
class Article:
    """One gold article: its raw text and its gold spans."""

    slug: str
    raw: str = ""
    gold: list[Span] = field(default_factory=list)


def strip_annotations(paragraph: str, where: str) -> tuple[str, list[Span]]:
    """The paragraph's text without annotation brackets, and its spans (paragraph offsets)."""
    out: list[str] = []
    spans: list[Span] = []
    pos = 0
    length = 0
    for m in ANNOTATION_RE.finditer(paragraph):
        before = paragraph[pos : m.start()]
        out.append(before)
        length += len(before)
        surface = m.group("surface")
        if surface != surface.strip():
            raise ValueError(f"{where}: surface with outer spaces: {m.group(0)!r}")
        spans.append(Span(length, length + len(surface), m.group("entry")))
        out.append(surface)
        length += len(surface)
        pos = m.end()
    out.append(paragraph[pos:])
    text = "".join(out)
    for token in ("[[", "]]"):
        if token in text:
            raise ValueError(f"{where}: malformed annotation near {token!r}: {paragraph[:60]!r}")
    return text, spans


def parse_gold(path: Path) -> list[Article]:
    """Articles of the gold file, with raw text and gold spans in raw-text offsets."""
    articles: list[Article] = []
    paragraphs: list[list[str]] = []

    def close() -> None:
        if not articles:
            return
        article = articles[-1]
        texts: list[str] = []
        offset = 0
        for i, lines in enumerate(p for p in paragraphs if p):
            text, spans = strip_annotations(" ".join(lines), f"{article.slug} paragraph {i + 1}")
            article.gold.extend(Span(s.start + offset, s.end + offset, s.entry) for s in spans)
            texts.append(text)
            offset += len(text) + 1
        article.raw = "\n".join(texts)
        paragraphs.clear()

    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        header = HEADER_RE.match(line)
        if header:
            close()
            articles.append(Article(header.group("slug")))
            paragraphs.append([])
        elif not articles:
            if line.strip() and not line.startswith("#"):
                raise ValueError(f"{path}:{number}: text before the first article header")
        elif line.strip():
            paragraphs[-1].append(line.strip())
        else:
            paragraphs.append([])
    close()
    return articles


# --------------------------------------------------------------------------------------------
# Baselines
# --------------------------------------------------------------------------------------------


def is_arabic_letter(ch: str) -> bool:
    """Whether `ch` is a letter of the Arabic-script blocks (the word characters of Sorani)."""
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in ARABIC_RANGES) and unicodedata.category(ch)[0] == "L"


def light_normalize(text: str) -> tuple[str, list[int]]:
    """The lightly normalized text and, for each of its characters, the raw offset."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if ch in LIGHT_DROP:
            continue
        chars.append(ch.translate(LIGHT_FOLD))
        offsets.append(i)
    return "".join(chars), offsets


def entry_patterns(entries: Iterable[Entry]) -> list[tuple[str, str]]:
    """Normalized (pattern, entry id) pairs: sources, source forms and adjectival forms."""
    seen: set[tuple[str, str]] = set()
    patterns: list[tuple[str, str]] = []
    for entry in entries:
        for form in (entry.source, *entry.source_forms, *entry.adjectival):
            pattern = light_normalize(form.strip())[0]
            if pattern and (pattern, entry.id) not in seen:
                seen.add((pattern, entry.id))
                patterns.append((pattern, entry.id))
    return patterns


def occurrences(text: str, pattern: str) -> Iterable[int]:
    """Start offsets of every (possibly overlapping) occurrence of `pattern` in `text`."""
    pos = text.find(pattern)
    while pos != -1:
        yield pos
        pos = text.find(pattern, pos + 1)


def resolve_longest(
    candidates: Iterable[tuple[int, int, str, int]], offsets: Sequence[int], size: int
) -> list[Span]:
    """Non-overlapping spans from (start, end, entry, term length) candidates in normalized
    offsets: the longest term wins, then the longest span, then the earliest; mapped to raw."""
    taken = [False] * size
    spans: list[Span] = []
    for start, end, entry, _ in sorted(
        set(candidates), key=lambda c: (-c[3], -(c[1] - c[0]), c[0], c[2])
    ):
        if any(taken[start:end]):
            continue
        taken[start:end] = [True] * (end - start)
        spans.append(Span(offsets[start], offsets[end - 1] + 1, entry))
    return sorted(spans)


def exact_baseline(patterns: Sequence[tuple[str, str]]) -> Callable[[str], list[Span]]:
    """Whole-word matching of the forms as written (after light normalization)."""

    def find(text: str) -> list[Span]:
        norm, offsets = light_normalize(text)
        candidates = []
        for pattern, entry in patterns:
            for start in occurrences(norm, pattern):
                end = start + len(pattern)
                if start > 0 and is_arabic_letter(norm[start - 1]):
                    continue
                if end < len(norm) and is_arabic_letter(norm[end]):
                    continue
                candidates.append((start, end, entry, len(pattern)))
        return resolve_longest(candidates, offsets, len(norm))

    return find


def substring_baseline(patterns: Sequence[tuple[str, str]]) -> Callable[[str], list[Span]]:
    """Substring matching anywhere, widened to the whole words the match sits in."""

    def find(text: str) -> list[Span]:
        norm, offsets = light_normalize(text)
        candidates = []
        for pattern, entry in patterns:
            for start in occurrences(norm, pattern):
                end = start + len(pattern)
                while start > 0 and is_arabic_letter(norm[start - 1]):
                    start -= 1
                while end < len(norm) and is_arabic_letter(norm[end]):
                    end += 1
                candidates.append((start, end, entry, len(pattern)))
        return resolve_longest(candidates, offsets, len(norm))

    return find


def kwb_system(glossary: Path, workdir: Path) -> Callable[[str], list[Span]]:
    """`kwb match --glossary GLOSSARY --json` on each text, its rows as spans."""
    text_file = workdir / "article.txt"

    def find(text: str) -> list[Span]:
        text_file.write_text(text, encoding="utf-8")
        command = [sys.executable, "-m", "workbench", "match", str(text_file), "--json"]
        done = subprocess.run(
            [*command, "--glossary", str(glossary)], capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise SystemExit(f"kwb match failed: {done.stderr.strip()}")
        rows = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
        return sorted({Span(r["start"], r["end"], r["entry"]) for r in rows})

    return find


def matcher_system(
    entries: Sequence[Entry], derive: bool, respell: bool
) -> Callable[[str], list[Span]]:
    """kwb's matcher over the approved entries in process, its hits as spans."""
    matcher = Matcher(entries, stopwords(), derive=derive, respell=respell)

    def find(text: str) -> list[Span]:
        return sorted({Span(h.start, h.end, h.entry.id) for h in matcher.find(text)})

    return find


# --------------------------------------------------------------------------------------------
# A glossary as other tools export it
# --------------------------------------------------------------------------------------------

PLAIN_CSV_FIELDS = ("id", "source", "source_forms", "target", "variants", "forbidden")
TYPED_CSV_FIELDS = (*PLAIN_CSV_FIELDS, "type", "inflection")


def is_nisba_form(form: str, source: str) -> bool:
    """Whether `form` is `source` with its last word made a nisba adjective by a regular
    ending (-ی, -یی; final ا dropped, or kept before -یی), as a curated glossary lists some."""
    words, base = key_text(form).split(), key_text(source).split()
    if len(words) != len(base) or words[:-1] != base[:-1]:
        return False
    return words[-1] in nisba_words(base[-1])


def nisba_words(stem: str) -> set[str]:
    """The regular nisba spellings of a word (for the benchmark's own use: sorting gold
    spans into phenomena and building the CSV, independently of kwb's table)."""
    words = {stem + "ی", stem + "یی"}
    if stem.endswith("ا"):
        words |= {stem[:-1] + "ی", stem[:-1], stem + "وی"}
    return words


def as_other_tools_csv(entries: Iterable[Entry], fields: Sequence[str]) -> str:
    """The entries as a CSV of `fields`, with no adjectival forms or renderings and no source
    form that is a nisba form of the source: what a glossary from another tool holds."""
    stripped = [
        dataclasses.replace(
            e,
            adjectival=(),
            adjectival_target="",
            adjectival_variants=(),
            source_forms=tuple(f for f in e.source_forms if not is_nisba_form(f, e.source)),
        )
        for e in entries
    ]
    rows = list(csv.DictReader(io.StringIO(format_csv(stripped))))
    out = io.StringIO()
    writer = csv.DictWriter(out, list(fields), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------


@dataclass
class Score:
    """Micro-averaged counts over all articles, strict and lenient."""

    predicted: int = 0
    gold: int = 0
    correct: int = 0
    lenient_correct_predicted: int = 0
    lenient_found_gold: int = 0

    def add(self, predicted: Sequence[Span], gold: Sequence[Span]) -> None:
        """Add one article's predictions and gold spans."""
        gold_set = set(gold)
        self.predicted += len(predicted)
        self.gold += len(gold)
        self.correct += sum(1 for p in predicted if p in gold_set)
        self.lenient_correct_predicted += sum(1 for p in predicted if overlapping(p, gold))
        self.lenient_found_gold += sum(1 for g in gold if overlapping(g, predicted))

    @staticmethod
    def prf(correct_p: int, predicted: int, correct_g: int, gold: int) -> tuple[float, ...]:
        """Precision, recall and F1 from the counts."""
        p = correct_p / predicted if predicted else 0.0
        r = correct_g / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def strict(self) -> tuple[float, ...]:
        """Strict precision, recall, F1."""
        return self.prf(self.correct, self.predicted, self.correct, self.gold)

    def lenient(self) -> tuple[float, ...]:
        """Lenient precision, recall, F1 (overlap with a gold span of the same entry)."""
        return self.prf(
            self.lenient_correct_predicted, self.predicted, self.lenient_found_gold, self.gold
        )


def overlapping(span: Span, others: Iterable[Span], same_entry: bool = True) -> list[Span]:
    """The spans of `others` that overlap `span` (of the same entry, by default)."""
    return [
        o
        for o in others
        if o.start < span.end and span.start < o.end and (not same_entry or o.entry == span.entry)
    ]


def context(text: str, span: Span) -> str:
    """The span in brackets with CONTEXT characters on each side, newlines shown as ¶."""
    left = text[max(0, span.start - CONTEXT) : span.start]
    right = text[span.end : span.end + CONTEXT]
    return f"{left}⟦{text[span.start : span.end]}⟧{right}".replace("\n", " ¶ ")


# --------------------------------------------------------------------------------------------
# Inflection phenomena of the gold spans (approximate, for --stats)
# --------------------------------------------------------------------------------------------

# Suffix slots in Sorani order (SORANI.md §4), each with (suffix, label, needs a vowel before).
SUFFIX_SLOTS: tuple[tuple[tuple[str, str, bool | None], ...], ...] = (
    (
        ("یەکان", "definite plural", True),
        ("ەکان", "definite plural", False),
        ("کان", "definite plural", True),
        ("یەکە", "definite", True),
        ("ەکە", "definite", False),
        ("کە", "definite", True),
        ("یەک", "indefinite", True),
        ("ێک", "indefinite", False),
        ("انە", "plural + demonstrative ە", None),
        ("یان", "plural", True),
        ("ان", "plural", None),
    ),
    (
        ("یی", "ezafe/clitic ی", True),
        ("یە", "ezafe ە / copula ە", True),
        ("ی", "ezafe/clitic ی", None),
        ("ە", "ezafe ە / copula ە", None),
    ),
    (
        ("مان", "person clitic", None),
        ("تان", "person clitic", None),
        ("یان", "person clitic", None),
    ),
    (("یش", "'also' یش/ش", False), ("ش", "'also' یش/ش", True)),
    (
        ("ەوە", "postposition", False),
        ("وە", "postposition", True),
        ("دا", "postposition", None),
    ),
    (("ین", "copula ن/ین", None), ("ن", "copula ن/ین", None)),
)
FORM_KIND_RANK = {"source": 0, "source form": 1, "adjectival form": 2, "nisba adjective": 3}


def ends_in_vowel(stem: str) -> bool:
    """Whether `stem` ends in a vowel letter (final و counts only as the long vowel وو)."""
    return stem.endswith("وو") or stem[-1:] in VOWELS


def suffix_labels(stem: str, residue: str, slot: int = 0) -> list[str] | None:
    """Labels of the shortest analysis of the suffix chain `residue` after `stem`, or None
    if it does not parse."""
    if not residue:
        return []
    best: list[str] | None = None
    for i in range(slot, len(SUFFIX_SLOTS)):
        for suffix, label, vowel in SUFFIX_SLOTS[i]:
            if not residue.startswith(suffix):
                continue
            # After ی writers use either allomorph (ئێرانییەکان, ئێرانیەکان).
            if vowel is not None and not stem.endswith("ی") and ends_in_vowel(stem) != vowel:
                continue
            rest = suffix_labels(stem + suffix, residue[len(suffix) :], i + 1)
            if rest is not None and (best is None or len(rest) + 1 < len(best)):
                best = [label, *rest]
    return best


def fold_initial_r(text: str) -> str:
    """Word-initial ڕ folded to ر (the two spellings alternate at the start of a word)."""
    return re.sub(r"(^| )ڕ", r"\1ر", text)


def phenomena(raw_surface: str, entry: Entry) -> list[str]:
    """Approximate inflection phenomena of one gold surface against the entry's forms and
    their regular nisba adjectives: the analysis with the fewest inflection labels wins (then
    source before other forms; a nisba adjective only where nothing else parses)."""
    norm = light_normalize(raw_surface)[0]
    labels: list[str] = []
    if norm != raw_surface:
        labels.append("look-alike letter / ZWNJ / tatweel")
    forms = [(entry.source, "source"), *((f, "source form") for f in entry.source_forms)]
    forms += [(f, "adjectival form") for f in entry.adjectival]
    for form in (entry.source, *entry.source_forms):
        *head, last = light_normalize(form)[0].split(" ")
        forms += [(" ".join((*head, w)), "nisba adjective") for w in sorted(nisba_words(last))]
    analyses: list[tuple[int, int, list[str]]] = []
    for form, kind in forms:
        fnorm = light_normalize(form)[0]
        found = align(fold_initial_r(norm).split(" "), fold_initial_r(fnorm).split(" "))
        if found is None:
            continue
        extra = [] if kind == "source" else [kind]
        if len(fnorm.split(" ")) > 1:
            extra.append("multi-word term")
        if fold_initial_r(norm) != norm and fold_initial_r(fnorm) == fnorm:
            extra.append("initial ڕ for ر")
        analyses.append((len(found), FORM_KIND_RANK[kind], found + extra))
    if not analyses:
        return [*labels, "unanalysed"]
    # A nisba reading only where the word is no inflection of a form (عێراقی is Iraq + ezafe).
    nisba = FORM_KIND_RANK["nisba adjective"]
    inflections, kind, best = min(analyses, key=lambda a: (a[1] == nisba, a[0], a[1]))
    labels.extend(best)
    if inflections == 0 and kind != nisba:
        labels.append("citation form")
    return labels


def align(words: list[str], fwords: list[str]) -> list[str] | None:
    """Inflection phenomena if the surface words realize the form words, else None."""
    labels: list[str] = []
    first = words[0]
    for prep in GLUED_PREPOSITIONS:
        rest = first[len(prep) :]
        if first.startswith(prep) and not first.startswith(fwords[0]) and rest[:2] == fwords[0][:2]:
            labels.append("glued preposition")
            words = [rest, *words[1:]]
            break
    if len(words) < len(fwords) or (len(words) > len(fwords) and len(fwords) < 2):
        return None
    if len(words) > len(fwords):
        labels.append("intervening word")
        words = [words[0], *words[len(words) - len(fwords) + 1 :]]
    for i, (w, f) in enumerate(zip(words, fwords, strict=True)):
        if i < len(fwords) - 1:
            if w == f:
                continue
            head = f[:-1] if f.endswith("ی") else f
            if w in (head + "ێکی", head + "یەکی"):
                labels.append("indefinite head of phrase")
            elif w in (head + "ە", head + "یە") or (w == head and head.endswith("ە")):
                labels.append("definite-phrase head ە")
            else:
                return None
            continue
        if not w.startswith(f):
            return None
        suffixes = suffix_labels(f, w[len(f) :])
        if suffixes is None:
            return None
        labels.extend(suffixes)
    return labels


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


def print_table(scores: dict[str, Score]) -> None:
    """The strict and lenient scores of every system."""
    print(
        f"{'system':<10} {'pred':>5} {'gold':>5} {'TP':>5} {'P':>6} {'R':>6} {'F1':>6}"
        f"   {'lenP':>6} {'lenR':>6} {'lenF1':>6}"
    )
    for name, s in scores.items():
        p, r, f = s.strict()
        lp, lr, lf = s.lenient()
        print(
            f"{name:<10} {s.predicted:>5} {s.gold:>5} {s.correct:>5} {p:>6.3f} {r:>6.3f}"
            f" {f:>6.3f}   {lp:>6.3f} {lr:>6.3f} {lf:>6.3f}"
        )


def print_errors(articles: Sequence[Article], predictions: dict[str, list[Span]]) -> None:
    """kwb's false positives and false negatives (strict), with context and what overlaps."""
    fps: list[str] = []
    fns: list[str] = []
    for art in articles:
        pred = predictions[art.slug]
        gold_set, pred_set = set(art.gold), set(pred)
        for p in pred:
            if p not in gold_set:
                near = overlapping(p, art.gold, same_entry=False)
                note = ", ".join(f"{art.raw[g.start : g.end]}|{g.entry}" for g in near) or "-"
                fps.append(f"  [{art.slug}] {p.entry}: {context(art.raw, p)}   gold: {note}")
        for g in art.gold:
            if g not in pred_set:
                near = overlapping(g, pred, same_entry=False)
                note = ", ".join(f"{art.raw[p.start : p.end]}|{p.entry}" for p in near) or "-"
                fns.append(f"  [{art.slug}] {g.entry}: {context(art.raw, g)}   kwb: {note}")
    print(f"\nkwb false positives ({len(fps)}):")
    print("\n".join(fps) if fps else "  none")
    print(f"\nkwb false negatives ({len(fns)}):")
    print("\n".join(fns) if fns else "  none")


def print_stats(
    articles: Sequence[Article],
    entries: dict[str, Entry],
    predictions: dict[str, dict[str, list[Span]]],
) -> None:
    """Size of the gold set and, per inflection phenomenon, its frequency and each system's
    strict recall on the spans that show it."""
    words = sum(len(a.raw.split()) for a in articles)
    spans = [(a, g) for a in articles for g in a.gold]
    print(f"\narticles: {len(articles)}  words: {words}  gold spans: {len(spans)}")
    print(f"distinct entries: {len({g.entry for _, g in spans})}")
    counts: Counter[str] = Counter()
    found: dict[str, Counter[str]] = {name: Counter() for name in predictions}
    for art, g in spans:
        labels = set(phenomena(art.raw[g.start : g.end], entries[g.entry]))
        if not labels & {"citation form", "unanalysed"}:
            labels.add("inflected (any)")
        counts.update(labels)
        for name, per_article in predictions.items():
            if g in set(per_article[art.slug]):
                found[name].update(labels)
    names = list(predictions)
    print(f"\n{'phenomenon (approximate)':<38} {'n':>4} " + " ".join(f"{n:>10}" for n in names))
    for label, n in counts.most_common():
        recalls = " ".join(f"{found[name][label] / n:>10.2f}" for name in names)
        print(f"{label:<38} {n:>4} {recalls}")


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the gold file, run the systems, print scores and kwb's errors."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="annotated gold file")
    parser.add_argument(
        "--glossary", type=Path, default=GLOSSARY_DIR, help="glossary folder, TOML, CSV or TBX"
    )
    parser.add_argument(
        "--as-csv",
        nargs="?",
        const="plain",
        choices=("plain", "typed"),
        help="match with the glossary exported as another tool's CSV: no adjectival forms, no"
        " nisba source forms, and (plain) no type or inflection column",
    )
    parser.add_argument("--no-errors", action="store_true", help="omit kwb's error listing")
    parser.add_argument("--stats", action="store_true", help="gold size and phenomena table")
    args = parser.parse_args(argv)

    if not args.gold.is_file():
        raise SystemExit(f"no gold file at {args.gold}")
    with tempfile.TemporaryDirectory() as workdir:
        glossary_path = args.glossary
        if args.as_csv:
            fields = PLAIN_CSV_FIELDS if args.as_csv == "plain" else TYPED_CSV_FIELDS
            glossary_path = Path(workdir) / "glossary.csv"
            exported = as_other_tools_csv(load_glossary(args.glossary).active(), fields)
            glossary_path.write_text(exported, encoding="utf-8")
        return evaluate(args, glossary_path, Path(workdir))


def evaluate(args: argparse.Namespace, glossary_path: Path, workdir: Path) -> int:
    """Score every system on the gold with the glossary at `glossary_path`."""
    active = load_glossary(glossary_path).active()
    entries = {e.id: e for e in active}
    articles = parse_gold(args.gold)
    for art in articles:
        unknown = sorted({g.entry for g in art.gold if g.entry not in entries})
        if unknown:
            raise SystemExit(f"{art.slug}: not an approved entry: {', '.join(unknown)}")

    patterns = entry_patterns(active)
    systems = {
        "kwb": kwb_system(glossary_path, workdir),
        "no-respell": matcher_system(active, derive=True, respell=False),
        "no-nisba": matcher_system(active, derive=False, respell=False),
        "exact": exact_baseline(patterns),
        "substring": substring_baseline(patterns),
    }
    predictions: dict[str, dict[str, list[Span]]] = {name: {} for name in systems}
    scores = {name: Score() for name in systems}
    for art in articles:
        for name, find in systems.items():
            pred = find(art.raw)
            predictions[name][art.slug] = pred
            scores[name].add(pred, art.gold)

    words = sum(len(a.raw.split()) for a in articles)
    csv_note = f", exported as {args.as_csv} CSV" if args.as_csv else ""
    print(f"gold: {args.gold.name}, {len(articles)} articles, {words} words")
    print(f"glossary: {args.glossary}{csv_note}, {len(active)} approved entries")
    print_table(scores)
    if not args.no_errors:
        print_errors(articles, predictions["kwb"])
    if args.stats:
        print_stats(articles, entries, predictions)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
