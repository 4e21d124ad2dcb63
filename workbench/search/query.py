"""What a search query finds in one text, as (start, end) spans of that text.

Three kinds of query, chosen by what the translator typed:
- Sorani (any Arabic-script letter): found through inflection by the glossary matcher,
  compiled for the query alone as a one-term glossary, so `هێزی شەڕکەر` finds هێزێکی
  شەڕکەری, هێزی بیانی شەڕکەر, هێزی شەڕکەرەوە … and a spelling variant (عیراق for عێراق);
  the derived nisba adjective is not a hit (ئەمریکی is another word than ئەمریکا). Offsets
  are in the text as given, mapped back from the matching key.
- English (no Arabic-script letter): whole words, case-insensitively, in order, separated
  only by spaces or hyphens ("force" never hits inside "enforcement"). A word matches as
  written or through the possessive and plural endings QA reads (`workbench.read.english`), so
  the rendering "combat forces" finds "combat force" and "forces'" as the glossary check does.
- `--regex`: a Python regular expression on the text as it is (empty matches are no hits).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from workbench.errors import InputError
from workbench.read.english import irregular_plurals, stem
from workbench.terms.glossary import stopwords
from workbench.terms.matcher import Matcher
from workbench.terms.model import Entry

Kind = Literal["sorani", "english", "regex"]
Span = tuple[int, int]

_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]")
_WORD = re.compile(r"[^\W_]+(?:(?:[.'’]|(?<=\d),(?=\d))[^\W_]+)*(?:['’]s?)?")
"""An English word as written: letters and digits, inner dots and apostrophes (U.S, don't),
a comma between digits (2,500), a possessive at the end (PMF's, forces'). Hyphens part
words: al-Kadhimi holds Kadhimi."""
_GAP = re.compile(r"[\s\-‐‑–]+")
"""What may stand between two words of an English query in the text."""


def kind_of(query: str, regex: bool = False) -> Kind:
    """How `query` is read: as a regex when asked, else by its script."""
    if regex:
        return "regex"
    return "sorani" if _ARABIC_SCRIPT.search(query) else "english"


@dataclass
class Query:
    """A compiled query: `find` gives its spans in any number of texts."""

    text: str
    kind: Kind
    _matcher: Matcher | None = None
    _pattern: re.Pattern[str] | None = None
    _words: tuple[tuple[str, str], ...] = ()
    """English: each query word folded, and its folded stem."""
    _needles: tuple[str, ...] = ()
    """English: strings one of which a text holding the first word must hold (`_needles`)."""

    def find(self, text: str) -> list[Span]:
        """The query's non-overlapping spans in `text`, in text order."""
        return self.find_each([text])[0]

    def find_each(self, texts: Sequence[str]) -> list[list[Span]]:
        """`find` in each of `texts` (the matcher reads them all in one pass)."""
        if self._matcher is not None:
            # Text without Sorani (an English target) holds no Sorani word: not read.
            read = [i for i, t in enumerate(texts) if _ARABIC_SCRIPT.search(t)]
            out: list[list[Span]] = [[] for _ in texts]
            found, _ = self._matcher.find_each([texts[i] for i in read])
            for i, hits in zip(read, found, strict=True):
                out[i] = [(h.start, h.end) for h in hits]
            return out
        if self._pattern is not None:
            pattern = self._pattern
            return [[m.span() for m in pattern.finditer(t) if m.end() > m.start()] for t in texts]
        return [self._english(t) for t in texts]

    def _english(self, text: str) -> list[Span]:
        """Runs of words of `text` that read as the query's words, one after the other."""
        words = self._words
        if not words:
            return []
        if not any(n in text.casefold().replace(".", "") for n in self._needles):
            return []  # no form of the first word in it (a C-speed test spares the words)
        tokens = [(m.start(), m.end(), _folded(m.group())) for m in _WORD.finditer(text)]
        spans: list[Span] = []
        i = 0
        while i + len(words) <= len(tokens):
            if self._run_at(text, tokens, i):
                spans.append((tokens[i][0], tokens[i + len(words) - 1][1]))
                i += len(words)
            else:
                i += 1
        return spans

    def _run_at(self, text: str, tokens: list[tuple[int, int, tuple[str, str]]], i: int) -> bool:
        for n, (word, word_stem) in enumerate(self._words):
            start, _, (token, token_stem) = tokens[i + n]
            if token != word and token_stem != word_stem:
                return False
            if n and not _GAP.fullmatch(text, tokens[i + n - 1][1], start):
                return False
        return True


@lru_cache(maxsize=65536)
def _folded(word: str) -> tuple[str, str]:
    """A word case-folded, and its stem (possessive and plural read away) case-folded."""
    return word.casefold(), stem(word).casefold()


def compile_query(query: str, regex: bool = False) -> Query:
    """The query as typed; an empty query or a bad regex is an `InputError` naming it."""
    if not query.strip():
        raise InputError("query", "empty search query")
    kind = kind_of(query, regex)
    if kind == "regex":
        try:
            return Query(query, kind, _pattern=re.compile(query))
        except re.error as exc:
            raise InputError(query, f"bad regular expression: {exc}") from None
    if kind == "sorani":
        entry = Entry(id="query", source=" ".join(query.split()), status="approved")
        return Query(query, kind, _matcher=Matcher([entry], stopwords(), derive=False))
    words = tuple(_folded(m.group()) for m in _WORD.finditer(query))
    if not words:
        raise InputError(query, "no word to search for (use --regex for punctuation)")
    return Query(query, kind, _words=words, _needles=_needles(*words[0]))


def _needles(word: str, word_stem: str) -> tuple[str, ...]:
    """What a text (case-folded, dots removed) holding a word that reads as `word` must
    hold: the word, its stem less the few letters an ending rewrites (countries → country,
    women → woman), or an irregular plural of it (children)."""
    stems = [word.replace(".", ""), word_stem.replace(".", "")]
    found = [s[: max(1, len(s) - 3)] for s in stems]
    found += [p for p, singular in irregular_plurals().items() if singular == word_stem]
    return tuple(dict.fromkeys(found))
