"""English spelling: which words of a translation the dictionary and the project do not know,
and what the translator may have meant.

The dictionary is pyspellchecker's English word list (it ships inside the package, so the
check works offline). A word the dictionary lacks is still right when the project knows it:
a glossary rendering, a Latin-script name of the Sorani source, or a word of the project's
word list (`terms.wordlist`). The rules follow what translators know from Hunspell and
LanguageTool:

- numbers and words holding a digit (2021, 1st, F-16), URLs and e-mail addresses are not
  words to check; nor acronyms in capitals (KDP, PMFs), single letters, or words in another
  script (Sorani left in the English is the `untranslated` check's);
- abbreviations with inner full stops (U.S., e.g.) are left alone;
- a possessive is its word ("Kadhimi's", "Corps'"), and a contraction its word too when
  the dictionary lacks the whole ("Iraq'll");
- a hyphenated compound is right when each part is ("Iran-aligned", "al-Araji");
- the dictionary's words are lowercase and match any case; a project word written with
  capitals (a name) matches as written or in capitals, "Rudaw" not "rudaw", and names
  take a plural ("Kurds" from "Kurd").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

_SKIP = re.compile(
    r"(?:https?://|www\.)\S+"  # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
)
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*")
"""A word with its inner hyphens, apostrophes and full stops (al-Kadhimi, don't, U.S)."""
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:[-'’.][A-Za-z\u00c0-\u024f]+)*")
"""A Latin-script word inside Sorani text (a Kurdish suffix after it is not Latin: BBCی)."""
_LATIN_END = 0x24F
"""The last Latin letter (Latin Extended-B): words in other scripts are not English."""
_CONTRACTION = re.compile(r"'(?:s|ll|re|ve|d|m|t)$|n't$", re.IGNORECASE)
_ABBREVIATION_PART = 3
"""Parts of at most this many letters make a dotted word an abbreviation (U.S, e.g, a.m)."""


@dataclass(frozen=True)
class Misspelling:
    """A word neither the dictionary nor the project knows, at `start:end` of the text."""

    start: int
    end: int
    word: str


@dataclass(frozen=True)
class Dictionary:
    """English words with their frequency in pyspellchecker's corpus (what ranks
    suggestions), and the words one edit away from a word (Norvig's spelling corrector,
    which pyspellchecker implements)."""

    words: dict[str, str]
    """word → its count, as written in the word list (made a number when ranking)."""

    def __contains__(self, word: object) -> bool:
        return word in self.words

    def frequency(self, word: str) -> int:
        return int(self.words.get(word.lower(), 0))

    def candidates(self, word: str) -> list[str]:
        """The dictionary's words one deletion, transposition, replacement or insertion
        away from `word` (lowercase)."""
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        edits = {a + b[1:] for a, b in splits if b}
        edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        edits |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
        edits |= {a + c + b for a, b in splits for c in _LETTERS}
        return [w for w in edits if w in self.words]


_LETTERS = "abcdefghijklmnopqrstuvwxyz'-"
_ENTRY = re.compile(r'"([^"\\]+)":\s*(\d+)')
"""One `"word": count` of pyspellchecker's word list (a JSON object, a word a line)."""
_CHUNK = 1 << 16
"""Bytes of the word list read at a time."""


@cache
def dictionary() -> Dictionary:
    """pyspellchecker's English word list (shipped inside its package), loaded once.

    Read a piece at a time, each piece in one quick C call, rather than with one
    `json.loads` (as pyspellchecker does) that holds the interpreter lock for a tenth of a
    second: loaded beside the editor that has just opened, it never freezes it."""
    import gzip
    from importlib import resources

    packed = resources.files("spellchecker").joinpath("resources/en.json.gz").read_bytes()
    raw = gzip.decompress(packed)
    words: dict[str, str] = {}
    start = 0
    while start < len(raw):
        end = raw.find(b"\n", start + _CHUNK)
        end = len(raw) if end < 0 else end + 1
        words.update(_ENTRY.findall(raw[start:end].decode("utf-8").lower()))
        start = end
    return Dictionary(words)


class Lexicon:
    """Words a project knows beyond the dictionary, with the case rules of Hunspell: a
    lowercase word in any case, a word with capitals as written or all in capitals."""

    def __init__(self, words: Iterable[str] = ()) -> None:
        self.exact: set[str] = set()
        self.folded: set[str] = set()
        self.upper: set[str] = set()
        self.add(words)

    def add(self, words: Iterable[str]) -> None:
        """Take words, or phrases (each word of a glossary rendering counts)."""
        for phrase in words:
            for token in _TOKEN.findall(phrase.replace("’", "'")):
                for word in {token, *_parts(token)}:
                    self.exact.add(word)
                    self.upper.add(word.upper())
                    if word.islower():
                        self.folded.add(word)

    def knows(self, word: str) -> bool:
        """Whether `word` is a project word, or the plural of one."""
        if self._knows(word):
            return True
        lower = word.lower()
        if lower.endswith("ies") and len(word) > 4:
            return self._knows(word[:-3] + ("Y" if word.isupper() else "y"))
        if lower.endswith("es") and self._knows(word[:-2]):
            return True
        return lower.endswith("s") and len(word) > 2 and self._knows(word[:-1])

    def _knows(self, word: str) -> bool:
        return (
            word in self.exact
            or word.lower() in self.folded
            or (word.isupper() and word in self.upper)
        )

    def __len__(self) -> int:
        return len(self.exact)


def latin_words(sorani: str) -> list[str]:
    """The Latin-script words (names, acronyms) of a Sorani text."""
    return _LATIN.findall(sorani)


def _parts(token: str) -> list[str]:
    return [part for part in token.split("-") if part] if "-" in token else []


class Speller:
    """Finds misspellings in English text against the dictionary and a project `Lexicon`.
    Each word's verdict is remembered, so checking as the translator types costs a lookup
    per word."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or Lexicon()
        self._known: dict[str, bool] = {}
        self._suggested: dict[tuple[str, int], list[str]] = {}

    def misspellings(self, text: str, also: Lexicon | None = None) -> list[Misspelling]:
        """The misspelt words of `text`; `also` holds words known for this text alone (the
        Latin names of its source)."""
        found = []
        for start, end, word in self._words(text):
            if not self.correct(word) and not (also is not None and _known_in(also, word)):
                found.append(Misspelling(start, end, word))
        return found

    def correct(self, word: str) -> bool:
        """Whether one word (no hyphen) is spelt right, by dictionary or project."""
        verdict = self._known.get(word)
        if verdict is None:
            if len(self._known) > 100_000:
                self._known.clear()
            verdict = self._known[word] = self._correct(word)
        return verdict

    def _correct(self, word: str) -> bool:
        if len(word) < 2 or _acronym(word) or any(c.isdigit() for c in word):
            return True
        if self.lexicon.knows(word):
            return True
        known = dictionary()
        if word.lower() in known:
            return True
        stem = _CONTRACTION.sub("", word)
        return stem != word and (self.lexicon.knows(stem) or stem.lower() in known)

    def _words(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, word) for each word to check: possessives stripped, compounds cut
        at their hyphens, skipped spans left out."""
        text = text.replace("’", "'")
        skipped = [m.span() for m in _SKIP.finditer(text)] if ("/" in text or "@" in text) else []
        for m in _TOKEN.finditer(text):
            start, token = m.start(), m[0]
            if any(a <= start < b for a, b in skipped) or "_" in token:
                continue
            if any(c.isdigit() or ord(c) > _LATIN_END for c in token):
                continue  # numbers; other scripts (Sorani left in: the untranslated check)
            if "." in token:
                if all(len(p) <= _ABBREVIATION_PART for p in token.split(".")):
                    continue
                yield from _pieces(token, start, ".")
                continue
            if token.lower().endswith("'s"):
                token = token[:-2]
            if "-" in token and not self.correct(token) and not self.lexicon.knows(token):
                yield from _pieces(token, start, "-")
            else:
                yield start, start + len(token), token

    def suggestions(self, word: str, limit: int = 9) -> list[str]:
        """Likely meant words: the closest first (in edits), a project name before a
        dictionary word as close, then the more frequent. The project's names and the
        dictionary are searched within two edits, whatever the case. (Remembered: a
        misspelling tends to come back.)"""
        found = self._suggested.get((word, limit))
        if found is None:
            if len(self._suggested) > 10_000:
                self._suggested.clear()
            found = self._suggested[word, limit] = self._suggestions(word, limit)
        return list(found)

    def _suggestions(self, word: str, limit: int) -> list[str]:
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        known = dictionary()
        lower = word.lower()
        ranked: dict[str, tuple[int, int, int, str]] = {}

        def offer(suggestion: str, edits: int, project: bool) -> None:
            if suggestion == word or (suggestion.endswith("'s") and "'" not in word):
                return  # (a possessive is no spelling of a word without one)
            rank = (edits, 0 if project else 1, -known.frequency(suggestion))
            key = suggestion.lower()
            if key not in ranked or rank < ranked[key][:3]:
                ranked[key] = (*rank, suggestion)

        for candidate in known.candidates(lower):
            offer(candidate, 1, False)
        names = [w for w in self.lexicon.exact - self.lexicon.folded if w.lower() not in known]
        for pool, project in ((names, True), (_vocabulary(), False)):
            for found, edits, _ in process.extract(
                lower,
                pool,
                scorer=Levenshtein.distance,
                processor=str.lower if project else None,  # the dictionary's are lowercase
                score_cutoff=2,
                limit=limit * 3,
            ):
                offer(found, int(edits), project)
        best = sorted(ranked.values())[:limit]
        return [_like(word, suggestion) for *_, suggestion in best]


@cache
@cache
def _vocabulary() -> list[str]:
    """The dictionary's words (lowercase)."""
    return list(dictionary().words)


def _like(word: str, suggestion: str) -> str:
    """A dictionary suggestion in the case of the word it replaces (Teh → The)."""
    if not suggestion.islower():
        return suggestion
    if word.isupper() and len(word) > 1:
        return suggestion.upper()
    if word[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def _acronym(word: str) -> bool:
    core = word[:-1] if word.endswith("s") else word
    return len(core) >= 2 and core.isupper()


def _known_in(lexicon: Lexicon, word: str) -> bool:
    return lexicon.knows(word) or lexicon.knows(_CONTRACTION.sub("", word))


def _pieces(token: str, start: int, separator: str) -> Iterator[tuple[int, int, str]]:
    offset = start
    for part in token.split(separator):
        if part and not part.endswith("'"):
            yield offset, offset + len(part), part
        elif part:
            yield offset, offset + len(part) - 1, part[:-1]
        offset += len(part) + 1
