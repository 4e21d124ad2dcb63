"""Spelling variants of glossary terms: عیراق for عێراق, باشور for باشوور, فلیپین for فیلیپین.

Real Sorani text spells many words more than one way: writers type without the Kurdish letters
(ێ ڵ ڕ ۆ), write a long vowel short (وو → و), and spell foreign names by ear. The matching
key must not fold these letters (شێر "lion" is not شیر "milk"), so instead each glossary word
gets the spellings that the alternations of `data/spelling.tsv` give it, and the matcher
compiles them as the term's readings of the lowest priority. Guards keep them precise:
- one letter of a term changes, no more (a vowel inserted or dropped counts as a letter), and
  a word shorter than a row's minimum gets nothing from that row;
- the vowel and foreign-letter rows apply only to the words of names;
- a variant is rejected when it is another word (`is_other_word`): where the spelling
  dictionary (`data/lexicon.tsv`, from KurdishHunspell) lists both it and the glossary's
  spelling, not both as names only (گۆڕان "change", گۆران "songs"); where it begins a listed
  common word's inflection (بەسەرە is بەسەر + ە); where, inflected, it is a listed word
  (گۆرانی "song"); or where it is a stop word;
- a variant is rejected when it is a word of another glossary form (or its nisba adjective),
  or a variant of two different glossary words.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from workbench.terms.model import Entry
from workbench.terms.morphology import begins_chain, is_tail
from workbench.terms.nisba import nisba_forms

_NONE = "-"
_EZAFE = "ی"
NAME_TYPES = frozenset({"person", "place", "organization"})
_NOT_CONSONANTS = frozenset("اەۆێیوئ")
"""Vowel letters, ی and و (vowels or consonants), and ئ (a vowel's seat): a letter between
two of the others is what a vowel row inserts or drops."""


@dataclass(frozen=True)
class Alternation:
    """One way of the table's rows: text writes `typed` where the glossary has `written`
    ("" for nothing: a vowel inserted or dropped)."""

    written: str
    typed: str
    min_length: int
    names_only: bool


@cache
def alternations() -> tuple[Alternation, ...]:
    """The alternations of `data/spelling.tsv`, each way of a two-way row on its own."""
    data = resources.files("workbench.terms").joinpath("data/spelling.tsv").read_text("utf-8")
    rows: list[Alternation] = []
    for number, line in enumerate(data.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if (
            len(fields) != 6
            or fields[2] not in ("one", "both")
            or fields[4] not in ("any", "name")
            or not fields[3].isdigit()
            or fields[0] == fields[1]
        ):
            raise ValueError(
                f"spelling.tsv:{number}: expected glossary, text, one|both, min, any|name, example"
            )
        written, typed = ("" if f == _NONE else f for f in fields[:2])
        names_only = fields[4] == "name"
        rows.append(Alternation(written, typed, int(fields[3]), names_only))
        if fields[2] == "both":
            rows.append(Alternation(typed, written, int(fields[3]), names_only))
    return tuple(rows)


@cache
def lexicon() -> dict[str, bool]:
    """The words of the spelling dictionary (`data/lexicon.tsv`, matching-key spelling), each
    True for a common word, False for a name only."""
    data = resources.files("workbench.terms").joinpath("data/lexicon.tsv").read_text("utf-8")
    return {
        word: kind == "word"
        for word, kind in (line.split("\t") for line in data.splitlines() if line[:1] != "#")
    }


@cache
def _sorted_lexicon() -> tuple[str, ...]:
    return tuple(sorted(lexicon()))


def _consonant(letter: str) -> bool:
    return letter not in _NOT_CONSONANTS


@cache
def word_variants(word: str, name: bool) -> tuple[str, ...]:
    """The spellings one alternation gives one word (matching key), unguarded: one letter
    replaced, or (in a name's word) one vowel inserted or dropped. Text that respells two
    letters of one word is rare enough (FLORES, CORDI) that it is not worth the risk."""
    found: dict[str, None] = {}
    size = len(word)
    inside = word[:-1] if name else word[1:-1]
    for row in alternations():
        if size < row.min_length or (row.names_only and not name):
            continue
        written, typed = row.written, row.typed
        if not written:  # a vowel inserted between two consonants
            for i in range(1, size):
                if _consonant(word[i - 1]) and _consonant(word[i]):
                    found[word[:i] + typed + word[i:]] = None
        elif written not in inside:
            continue
        elif not typed:  # a vowel dropped from between two consonants
            for i in range(1, size - 1):
                if word[i] == written and _consonant(word[i - 1]) and _consonant(word[i + 1]):
                    found[word[:i] + word[i + 1 :]] = None
        else:
            # Not the first letter (initial ڕ/ر are one in the key already), but for a name's
            # letter heard by ear (ڤیەتنام, فیەتنام); never the last (ezafe, indefinite ێ).
            start = word.find(written, 0 if row.names_only else 1)
            while start != -1 and start + len(written) < size:
                if _replaceable(word, start, written, typed):
                    found[word[:start] + typed + word[start + len(written) :]] = None
                start = word.find(written, start + 1)
    found.pop(word, None)
    return tuple(found)


def _replaceable(word: str, start: int, written: str, typed: str) -> bool:
    """Whether `written` at `start` of `word` may be written `typed`: و → وو only where the و
    is not half of a وو already, and after a consonant (after a vowel, و is the consonant
    /w/: نەتەوە); likewise ای → ائی not inside an ائی."""
    if any(
        typed.startswith(written, k) and word.startswith(typed, start - k)
        for k in range(min(len(typed), start + 1))
    ):
        return False
    return typed != written * 2 or _consonant(word[start - 1])


def _stem(word: str, head: bool) -> str:
    """The word without the ezafe a phrase's head carries in the glossary (ئەفریقای)."""
    return word[:-1] if head and word.endswith(_EZAFE) and len(word) > 2 else word


@cache
def is_other_word(variant: str, word: str) -> bool:
    """Whether `variant` of glossary word `word` (both stems, matching key) is another word
    according to the spelling dictionary, or begins one as an inflection.

    A variant the dictionary lists is another word only where it lists the glossary's own
    spelling too, and not both as names: where it lists just one spelling, that is how the
    dictionary spells the same word (حکوومەت for حکومەت, فلیپین for فیلیپین, as all such
    pairs in FLORES and the seeds are), and two names are two spellings of one name (ئێریک,
    ئیریک). A shorter common word that the variant begins as an inflection is another word
    whatever the glossary's spelling: بەسەرە is بەسەر + ە, no variant of بەسرە."""
    known = lexicon()

    def other(candidate: str, own: str) -> bool:
        listed, mine = known.get(candidate), known.get(own)
        return listed is not None and mine is not None and (listed or mine)

    if other(variant, word):
        return True
    for end in range(len(variant) - 1, 2, -1):
        if known.get(variant[:end]) and begins_chain(variant[end:], variant[end - 1]):
            return True
    # The variant inflected as a word of its own: گۆران + ی is گۆرانی "song".
    words = _sorted_lexicon()
    i = bisect_left(words, variant)
    while i < len(words) and words[i].startswith(variant):
        ending = words[i][len(variant) :]
        if ending and is_tail(ending, variant[-1], False) and other(words[i], word + ending):
            return True
        i += 1
    return False


def _common(word: str) -> bool:
    """Whether the dictionary lists `word`, or the stem it inflects, as a common word:
    a name's common words (وەزارەتی, یەکگرتووەکانی) are spelled as common words are."""
    known = lexicon()
    return any(
        known.get(word[:end], False) and is_tail(word[end:], word[end - 1], False)
        for end in range(len(word), 2, -1)
    )


def is_name(entry: Entry) -> bool:
    """Whether `entry` is a name, whose words may be spelled by ear: a person, place or
    organization, or (in a glossary with no types) a term rendered with a capital."""
    if entry.type in NAME_TYPES:
        return True
    return entry.type == "term" and entry.target[:1].isupper()


def _word_candidates(word: str, head: bool, name: bool, stopwords: frozenset[str]) -> list[str]:
    """The guarded variants of one word of a glossary form (`head`: a phrase's first word,
    whose final ی is its ezafe)."""
    stem = _stem(word, head)
    name = name and not _common(stem)
    found: list[str] = []
    for variant in word_variants(word, name):
        variant_stem = _stem(variant, head)
        if variant in stopwords or variant_stem in stopwords:
            continue
        if not is_other_word(variant_stem, stem):
            found.append(variant)
    return found


def respellings(
    entries: Sequence[Entry],
    forms: Callable[[Entry], Iterable[tuple[str, bool]]],
    key: Callable[[str], str],
    stopwords: frozenset[str],
) -> list[list[tuple[str, bool, str]]]:
    """For each of `entries`, (glossary form, adjectival, matching key of a variant of it)
    for the guarded spelling variants of its `forms` ((form, adjectival) pairs); `key` gives
    a form's matching key."""
    taken: set[str] = set()
    for entry in entries:
        for form, _ in forms(entry):
            for word in key(form).split():
                taken.add(word)
                taken.update(nisba_forms(word))
    # Which glossary words each variant word spells: one that spells two is ambiguous.
    spells: dict[str, set[str]] = {}
    per_form: list[list[tuple[str, bool, list[str], list[list[str]]]]] = []
    for entry in entries:
        name = is_name(entry)
        found = []
        for form, adjectival in forms(entry):
            words = key(form).split()
            options = [
                _word_candidates(w, n == 0 and len(words) > 1, name, stopwords)
                for n, w in enumerate(words)
            ]
            for word, option in zip(words, options, strict=True):
                for variant in option:
                    spells.setdefault(variant, set()).add(word)
            found.append((form, adjectival, words, options))
        per_form.append(found)
    result: list[list[tuple[str, bool, str]]] = []
    for found in per_form:
        variants: dict[str, tuple[str, bool]] = {}
        for form, adjectival, words, options in found:
            for n, option in enumerate(options):
                for variant in option:
                    if variant not in taken and len(spells[variant]) == 1:
                        phrase = " ".join((*words[:n], variant, *words[n + 1 :]))
                        variants.setdefault(phrase, (form, adjectival))
        result.append(
            [(form, adjectival, phrase) for phrase, (form, adjectival) in variants.items()]
        )
    return result
