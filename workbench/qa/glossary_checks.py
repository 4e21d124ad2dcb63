"""glossary-missing, glossary-forbidden, term-inconsistent: the desk's terms, used the same way."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import compress
from typing import NamedTuple

from workbench.qa.context import Context
from workbench.qa.model import Unit
from workbench.qa.number_checks import source_dates
from workbench.read.english import (
    contains,
    part_stems,
    rendering_part_stems,
    rendering_stems,
    stems,
)
from workbench.terms.matcher import Hit, Matcher
from workbench.terms.model import Entry
from workbench.terms.renderings import acceptable, own_renderings

Issue = tuple[str, tuple[str, ...]]


class _Renderings(NamedTuple):
    """What the glossary checks look for in a target, for one entry and form. The stems
    (`english.stems`) are those of the renderings that have a word to look for (as in
    `english.contains`)."""

    term: str
    """What term-inconsistent counts renderings of: the entry, or its adjective."""
    acceptable: tuple[str, ...]
    own: tuple[str, ...]
    """The distinct `own_renderings` that have a word to look for."""
    own_stems: tuple[str, ...]
    """The stems of `own`, each once with its label."""
    own_labels: tuple[str, ...]
    """For each of `own_stems`, the rendering term-inconsistent counts it as: the first of
    the entry's renderings that differs from it only in case and number (Police is police)."""
    own_capitals: tuple[str, ...]
    """For each of `own_stems` that has no capital (an acronym has), its label in capitals
    (LAW ENFORCEMENT); "" for the others."""
    spelled_apart: frozenset[int]
    """The places in `own_stems` of renderings that stem like another but are spelled apart
    (U.S., US): which one a target uses is read in its text…"""
    spelled_apart_groups: tuple[tuple[int, ...], ...]
    """…and those places, grouped by their stems."""
    longest: dict[tuple[int, ...], tuple[str, ...]]
    """`_used_renderings`' answers by the renderings found."""
    other_stems: tuple[str, ...]
    """The stems of the other acceptable renderings."""
    forbidden: tuple[str, ...]
    """The forbidden renderings that have a word to look for."""
    forbidden_stems: tuple[str, ...]


def _stemmed(renderings: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The renderings that have a word to look for, and their stems."""
    pairs = [(r, s) for r in renderings if (s := rendering_stems(r)).strip()]
    return tuple(r for r, _ in pairs), tuple(s for _, s in pairs)


_RENDERINGS: tuple[dict[int, tuple[Entry, _Renderings]], ...] = ({}, {})
"""For nouns and adjectival forms, by id of the entry (kept, so that the id stays its own)."""


def _renderings(hit: Hit) -> _Renderings:
    """The renderings the checks look for when `hit` is in the source (computed once per
    entry and form: hashing an `Entry` hashes all its fields)."""
    cache = _RENDERINGS[hit.adjectival]
    cached = cache.get(id(hit.entry))
    if cached is None:
        if len(cache) > 100_000:
            cache.clear()
        entry = hit.entry
        options = acceptable(hit)
        own, own_stems = _stemmed(dict.fromkeys(own_renderings(hit)))
        labels: dict[str, str] = {}
        for rendering in own:
            labels.setdefault(_case_apart(rendering), rendering)
        # Renderings alike in stems and label (official, officials) are looked for once.
        looked_for = dict.fromkeys(
            (stemmed, labels[_case_apart(r)]) for r, stemmed in zip(own, own_stems, strict=True)
        )
        found = _Renderings(
            entry.id + " (adjective)" if hit.adjectival else entry.id,
            options,
            own,
            tuple(stemmed for stemmed, _ in looked_for),
            tuple(label for _, label in looked_for),
            tuple(label.upper() if st.islower() else "" for st, label in looked_for),
            *_spelled_apart(tuple(looked_for)),
            {},
            _stemmed(r for r in options if r not in own)[1],
            *_stemmed(entry.forbidden),
        )
        cached = cache[id(entry)] = (entry, found)
    return cached[1]


class _InTarget(NamedTuple):
    """The source's terms as the target renders them."""

    missing: list[tuple[Hit, tuple[str, ...]]]
    """The first hit of each entry none of whose renderings is in the target, and those."""
    forbidden: list[tuple[Hit, str]]
    """The first hit of each entry, and a forbidden rendering of it in the target."""
    uses: tuple[tuple[str, str], ...]
    """(term, rendering) for each rendering of each term the target uses (`_used_renderings`)."""


def _in_target(unit: Unit, ctx: Context) -> _InTarget:
    """One pass over the source's terms for the three glossary checks."""
    missing: list[tuple[Hit, tuple[str, ...]]] = []
    forbidden: list[tuple[Hit, str]] = []
    uses: list[tuple[str, str]] = []
    if not unit.hits:
        return _InTarget(missing, forbidden, ())
    has = ctx.target_stems(unit).__contains__
    hyphens = "-" in unit.target  # words to take apart as well (`_apart`)
    capitals: bool | None = None  # words in capitals (a headline): looked for when needed
    entries: set[str] = set()
    terms: set[str] = set()
    for hit in unit.hits:
        if not isinstance(hit, Hit):
            continue
        renderings = _renderings(hit)
        term, options, _, own_stems, labels, _, _, _, _, other_stems, bad, bad_stems = renderings
        entry_id = hit.entry.id
        new_entry, new_term = entry_id not in entries, term not in terms
        if not (new_entry or new_term):
            continue
        entries.add(entry_id)
        terms.add(term)
        # Which of its own renderings (the noun's, or the adjective's) the target has.
        has_own = list(map(has, own_stems))
        used = has_own.count(True)
        if new_term:
            if used == 1:  # the usual case: one rendering
                uses.append((term, labels[has_own.index(True)]))
            elif used:
                places = tuple(compress(range(len(has_own)), has_own))
                known = None if renderings.spelled_apart else renderings.longest.get(places)
                if known is None:
                    known = _used_renderings(renderings, places, unit)
                uses.extend([(term, r) for r in known])
            else:  # maybe in capitals (LAW ENFORCEMENT)
                if capitals is None:
                    capitals = _SHOUTED.search(unit.target) is not None
                if capitals:
                    seen = _with_capitals(renderings, has_own, unit, ctx)
                    if any(seen):
                        places = tuple(compress(range(len(seen)), seen))
                        uses.extend([(term, r) for r in _used_renderings(renderings, places, unit)])
        if not new_entry:
            continue
        used_bad: list[str] = []
        if " " in hit.entry.source and ctx.matcher is not None:
            form = (id(hit.entry), hit.adjectival)
            nested = ctx.per_entry.get(form)
            if nested is None:
                nested = ctx.per_entry[form] = _with_nested_forbidden(
                    hit.entry, options, bad, bad_stems, ctx.matcher
                )
            bad, bad_stems = nested
        if bad:
            found = list(map(has, bad_stems))
            if hyphens and (parted := ctx.value(_parted, unit)).new:
                found = [f or _apart(parted, r) for f, r in zip(found, bad, strict=True)]
            used_bad = list(compress(bad, found))
            forbidden += [(hit, r) for r in used_bad]
        # A forbidden rendering used instead is that finding alone ("use …" says the rest).
        # A nisba adjective the glossary does not list has no rendering to look for.
        if (
            options
            and not (hit.derived and not hit.entry.adjectival_target)
            and not (used or used_bad or any(map(has, other_stems)))
            and not _rendered_otherwise(hit, options, unit, ctx)
        ):
            missing.append((hit, options))
    return _InTarget(missing, forbidden, tuple(uses))


def _with_capitals(
    renderings: _Renderings, has_own: list[bool], unit: Unit, ctx: Context
) -> list[bool]:
    """`has_own` with the renderings the target has in capitals too (LAW ENFORCEMENT is
    law enforcement; an acronym stays itself). The capitals are looked for in the text
    first: most targets with capitals have an acronym (PMF), not a headline."""
    target = unit.target
    capitals = renderings.own_capitals
    if not any(c and c in target for c, h in zip(capitals, has_own, strict=True) if not h):
        return has_own
    lowered = ctx.value(_lowered_stems, unit)
    return [
        h or bool(c and c in target and s in lowered)
        for h, c, s in zip(has_own, capitals, renderings.own_stems, strict=True)
    ]


@lru_cache(maxsize=65536)
def _case_apart(rendering: str) -> str:
    """What a rendering is whatever its case and number: Police and police are one
    rendering, and so are Games and game (acronyms lowered too: U.S. stays apart from US)."""
    return stems(rendering.casefold())


def _spelled_apart(
    looked_for: tuple[tuple[str, str], ...],
) -> tuple[frozenset[int], tuple[tuple[int, ...], ...]]:
    """The places of the (stems, label) pairs whose stems another pair has too, and those
    places grouped by stems."""
    groups: dict[str, list[int]] = {}
    for n, (stemmed, _) in enumerate(looked_for):
        groups.setdefault(stemmed, []).append(n)
    apart = tuple(tuple(group) for group in groups.values() if len(group) > 1)
    return frozenset(n for group in apart for n in group), apart


def _used_renderings(
    renderings: _Renderings, found: tuple[int, ...], unit: Unit
) -> tuple[str, ...]:
    """The renderings of a term a target uses (`found`: the places in `own_stems` of those
    the target's stems have), as term-inconsistent counts them: case apart (police and Police
    are one), and where the target holds one inside another, only the longer (police
    officers is not also police). Renderings that stem alike but are spelled apart (U.S.,
    US) are told apart by the target's text; the rest depends on which are found alone,
    and is kept."""
    if renderings.spelled_apart and not renderings.spelled_apart.isdisjoint(found):
        found = _as_written(renderings, found, unit.target)
    known = renderings.longest.get(found)
    if known is None:
        stems_of = dict(
            zip(
                (renderings.own_labels[n] for n in found),
                (renderings.own_stems[n] for n in found),
                strict=True,
            )
        )
        known = renderings.longest[found] = tuple(
            label
            for label, stemmed in stems_of.items()
            if not any(other != stemmed and stemmed in other for other in stems_of.values())
        )
    return known


def _as_written(renderings: _Renderings, found: tuple[int, ...], target: str) -> tuple[int, ...]:
    """`found` without the renderings that stem like another found one but are not written
    in the target (US where it has U.S.); if none is, the first stays."""
    labels = renderings.own_labels
    dropped: list[int] = []
    for group in renderings.spelled_apart_groups:
        present = [n for n in group if n in found]
        if len(present) > 1:
            written = [n for n in present if _in_text(labels[n], target)] or present[:1]
            dropped += [n for n in present if n not in written]
    return tuple(n for n in found if n not in dropped) if dropped else found


def _in_text(rendering: str, target: str) -> bool:
    """Whether a rendering is written in the target: as it is if it has capitals past its
    first letter (an acronym, U.S.), in any case if not."""
    if any(map(str.isupper, rendering[1:])):
        return rendering in target
    return rendering.lower() in target.lower()


def _rendered_otherwise(hit: Hit, options: tuple[str, ...], unit: Unit, ctx: Context) -> bool:
    """Whether a term none of whose renderings the target has as words is rendered all the
    same: inside a hyphenated word (Tehran-backed), as a verb (attacked), in capitals (a
    dateline), as another term its words may be read as (soldier for سەربازی), or, for a
    month name, by a date of the source: the date check compares it (converted from the
    Kurdish calendar or not), and a date rendered wrongly is its finding. Each is looked at
    only here, where a finding would otherwise be made, so the usual pass stays fast."""
    parted = ctx.value(_parted, unit) if "-" in unit.target else None
    return bool(
        (parted and parted.new and any(_apart(parted, r) for r in options))
        or _as_verb(ctx.target_stems(unit), options)
        or _in_capitals(unit, options, ctx)
        or _read_otherwise(hit, unit, ctx)
        or (hit.entry.type == "date" and bool(ctx.value(source_dates, unit)))
    )


def _with_nested_forbidden(
    entry: Entry,
    options: tuple[str, ...],
    bad: tuple[str, ...],
    bad_stems: tuple[str, ...],
    matcher: Matcher,
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A phrase's forbidden renderings, with those of the terms inside it that its own
    renderings do not contain: "Qassem Sulaimani" renders قاسم سولەیمانی with the surname
    Soleimani's forbidden "Sulaimani"."""
    nested = matcher.nested(entry)
    if not any(other.forbidden for other in nested):
        return bad, bad_stems
    own = [rendering_stems(r) for r in options]
    extra = [
        (r, stem)
        for other in nested
        for r in other.forbidden
        if (stem := rendering_stems(r)).strip() and not any(stem in o for o in own)
    ]
    return (*bad, *(r for r, _ in extra)), (*bad_stems, *(stem for _, stem in extra))


class _Parted(NamedTuple):
    """A target with its hyphenated words taken apart (`english.part_stems`)."""

    stems: str
    new: frozenset[str]
    """The words it has that the target taken whole does not (Tehran, backed)."""


def _parted(unit: Unit, ctx: Context) -> _Parted:
    """The target taken apart at its hyphens (computed once per unit)."""
    whole = ctx.target_stems(unit)
    if "-" not in unit.target:
        return _Parted(whole, frozenset())
    parted = part_stems(unit.target)
    return _Parted(parted, frozenset(parted.split()).difference(whole.split()))


@lru_cache(maxsize=65536)
def _part_words(rendering: str) -> frozenset[str]:
    return frozenset(rendering_part_stems(rendering).split())


def _apart(parted: _Parted, rendering: str) -> bool:
    """Whether a rendering not in the whole target is in it taken apart: a term rendered
    in "Tehran-backed", a forbidden word used in "Daesh-held". (Which rendering
    term-inconsistent counts keeps words whole, so that al-Kadhimi is not also Kadhimi.)"""
    return not parted.new.isdisjoint(_part_words(rendering)) and (
        rendering_part_stems(rendering) in parted.stems
    )


_NOUN_ENDINGS = ("ment", "ion", "al")
"""Endings that make nouns of verbs: agreement, election, withdrawal."""


def _verb_forms(stem: str) -> set[str]:
    """The past and -ing forms of a one-word rendering used as a verb, and of the verb a
    noun comes from: attack → attacked; agreement → agreed, agreeing; election → elected."""
    bases = {stem}
    bases.update(stem.removesuffix(end) for end in _NOUN_ENDINGS if stem.endswith(end))
    forms: set[str] = set()
    for base in bases:
        if len(base) < 3:
            continue
        trimmed = base[:-1] if base.endswith("e") and not base.endswith("ee") else base
        forms.update((base + "d" if base.endswith("e") else base + "ed", trimmed + "ing"))
    return forms


def _as_verb(target_stems: str, renderings: Iterable[str]) -> bool:
    """Whether a one-word rendering is in the target as a verb: Sorani says "made an
    attack" (هێرشی کردە سەر) or "came to an agreement" (ڕێککەوتن) where English says
    "attacked", "agreed"."""
    words = set(target_stems.split())
    for rendering in renderings:
        stem = rendering_stems(rendering).strip()
        if stem.isalpha() and stem.islower() and not words.isdisjoint(_verb_forms(stem)):
            return True
    return False


_CAPITALS = re.compile(r"[A-Z]{3}")
_SHOUTED = re.compile(r"[A-Z][A-Z](?:[A-Z]{3}| [A-Z]{2})")
"""Words in capitals that are no acronym (PMF, NATO): a long one (ERBIL) or two in a row
(LAW ENFORCEMENT)."""


def _in_capitals(unit: Unit, renderings: Iterable[str], ctx: Context) -> bool:
    """Whether a rendering is in the target in capitals, as in a dateline ("ERBIL (Rudaw) -")
    or a headline. Word stems keep a word in capitals as it is, an acronym (so that the
    country US is not the pronoun us); a rendering that is no acronym may match it."""
    lowered = ctx.value(_lowered_stems, unit)
    return bool(lowered) and any(
        contains(lowered, r) for r in renderings if rendering_stems(r).islower()
    )


def _lowered_stems(unit: Unit, ctx: Context) -> str:
    """The stems of the target lowercased, if it has a word in capitals ("" if not):
    computed once per unit."""
    return stems(unit.target.lower()) if _CAPITALS.search(unit.target) else ""


def _read_otherwise(hit: Hit, unit: Unit, ctx: Context) -> bool:
    """Whether the words of the hit may also be read as another term as long or longer,
    which the target renders: سەربازی is military, or soldier with its ezafe (سەربازی
    ئەمریکی = a US soldier); سەرۆکی in سەرۆکی پەرلەمانی کوردستان is president, or begins
    parliament speaker, which the longer Kurdistan Parliament overlapped. (Never a shorter
    one: هێزی شەڕکەر, combat forces, is not rendered by the forces of هێز alone.)"""
    if ctx.matcher is None:
        return False
    target_stems = ctx.target_stems(unit)
    # The words a phrase from here may span, not the whole source: read once per hit.
    words = _FOLLOWING_WORDS.match(unit.source, hit.end)
    window = unit.source[hit.start : words.end() if words else hit.end]
    return any(
        entry.id != hit.entry.id and any(contains(target_stems, r) for r in entry.renderings)
        for entry in ctx.matcher.readings_at(window, 0, hit.end - hit.start)
    )


_FOLLOWING_WORDS = re.compile(r"(?:[^\S\n]*[^\s]+){1,8}")
"""Up to eight words after a hit, on its line: more than any phrase reads beyond its head."""


def missing(unit: Unit, ctx: Context) -> list[Issue]:
    """A term found in the source, but none of its renderings in the target."""
    return [
        (
            f"{hit.surface} ({hit.entry.id}) should be rendered "
            + " / ".join(repr(r) for r in options[:4]),
            (),
        )
        for hit, options in ctx.value(_in_target, unit).missing
    ]


def forbidden(unit: Unit, ctx: Context) -> list[Issue]:
    """The target uses a forbidden rendering of a term in the source."""
    return [
        (f"{bad!r} is a forbidden rendering of {hit.surface}; use {hit.target!r}", ())
        for hit, bad in ctx.value(_in_target, unit).forbidden
    ]


def term_uses(unit: Unit, ctx: Context) -> tuple[tuple[str, str], ...]:
    """(term, rendering) for each term of the source (noun and adjective apart) and each of
    its renderings the target uses, case apart and the longest where they overlap."""
    return ctx.value(_in_target, unit).uses
