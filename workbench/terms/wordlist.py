"""The project's word list, `glossary/words.txt`: English words the spell check accepts that
are no glossary term (names met once, newer words the dictionary lacks).

One word a line, `#` starts a comment; reviewed in git like the glossary, so the words are
kept sorted (case-insensitively) with the comment lines at the top where the translator
wrote them, and the file is rewritten atomically.
"""

from __future__ import annotations

from pathlib import Path

from workbench.atomic import atomic_write
from workbench.errors import InputError

WORDS_FILE = "words.txt"
"""The word list's name in the project's glossary folder."""

HEADER = (
    "# English words the spell check accepts in this project, one a line (# starts a comment).\n"
    "# Glossary renderings and the Latin-script names of the Sorani sources need no line here.\n"
)


def words_path(glossary_folder: Path) -> Path:
    """Where a project's word list lives."""
    return glossary_folder / WORDS_FILE


def read_words(path: Path) -> tuple[str, ...]:
    """The words of a word list (none when the file does not exist)."""
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return ()
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text; the word list is one word a line") from None
    except OSError as exc:
        raise InputError(path, f"cannot read the word list: {exc.strerror}") from None
    return tuple(_words(text))


def _words(text: str) -> list[str]:
    found = []
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            found.append(word)
    return found


def add_word(path: Path, word: str) -> bool:
    """Add `word` to the word list (created when missing): comment lines first as they
    were, then the words sorted. False when the word was there already."""
    word = word.strip()
    if not word or any(c.isspace() or c == "#" for c in word):
        raise InputError(path, f"not one word: {word!r}")
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        text = HEADER
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text; the word list is one word a line") from None
    comments = [line for line in text.splitlines() if line.strip().startswith("#")]
    # A word line may carry its own comment ("Dostani  # Rudaw TV"): it keeps it.
    lines = {
        line.split("#", 1)[0].strip(): line.rstrip()
        for line in text.splitlines()
        if line.split("#", 1)[0].strip()
    }
    if word in lines:
        return False
    lines[word] = word
    ordered = sorted(lines, key=lambda w: (w.casefold(), w))
    body = "\n".join([*comments, *(lines[w] for w in ordered)]) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, body.encode("utf-8"))
    return True
