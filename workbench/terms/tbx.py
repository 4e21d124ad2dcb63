"""TBX-Basic exchange: the v2 `martif` form (Weblate, OmegaT, Translate Toolkit) and TBX v3
(ISO 30042:2019, `conceptEntry`/`langSec`/`termSec`), both read and written.

Mapping (every kwb field survives a round trip through either version):
- entry id → `termEntry`/`conceptEntry` `id`; domain → `descrip type="subjectField"`;
  note → `descrip type="definition"`;
- ckb terms: source (preferred), source forms (admitted), adjectival forms (admitted, with
  `termNote type="kwb-form">adjectival`);
- en terms: target (`preferredTerm-admn-sts`), variants (`admittedTerm-admn-sts`),
  forbidden (`deprecatedTerm-admn-sts`), adjectival target/variants (marked as above);
- status (proposed/approved/rejected/deprecated), type and inflection → `admin type="kwb-…"`;
  proposal and review → `transacGrp` (origination / modification, responsibility, date);
  review comment → `admin type="kwb-reviewComment"`; history → further `transacGrp`s.
Reading is namespace-blind (v3 files come with `urn:iso:std:iso:30042:ed-2` or
`…:ed:3.0`, or none) and safe: a DTD, entity or external reference is refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError, SubElement, indent, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import parse as safe_parse

from workbench.errors import InputError
from workbench.terms.glossary_file import entry_from_mapping
from workbench.terms.model import Entry, HistoryEvent

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
V3_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
PREFERRED, ADMITTED, DEPRECATED = (
    "preferredTerm-admn-sts",
    "admittedTerm-admn-sts",
    "deprecatedTerm-admn-sts",
)
SUPERSEDED = "supersededTerm-admn-sts"


# --- writing ---------------------------------------------------------------------------


def _term(parent: Element, tag: str, text: str, status: str, form: str = "") -> None:
    holder = SubElement(parent, tag)
    SubElement(holder, "term").text = text
    SubElement(holder, "termNote", type="administrativeStatus").text = status
    if form:
        SubElement(holder, "termNote", type="kwb-form").text = form


def _transaction(parent: Element, kind: str, by: str, on: dt.date | None, note: str = "") -> None:
    group = SubElement(parent, "transacGrp")
    SubElement(group, "transac", type="transactionType").text = kind
    if by:
        SubElement(group, "transacNote", type="responsibility").text = by
    if note:
        SubElement(group, "transacNote", type="kwb-comment").text = note
    if on is not None:
        SubElement(group, "date").text = on.isoformat()


def _entry_element(e: Entry, v3: bool) -> Element:
    concept = Element("conceptEntry" if v3 else "termEntry", id=e.id)
    if e.domain:
        SubElement(concept, "descrip", type="subjectField").text = e.domain
    if e.note:
        SubElement(concept, "descrip", type="definition").text = e.note
    SubElement(concept, "admin", type="kwb-status").text = e.status
    SubElement(concept, "admin", type="kwb-type").text = e.type
    if e.inflection:
        SubElement(concept, "admin", type="kwb-inflection").text = e.inflection
    if e.review_comment:
        SubElement(concept, "admin", type="kwb-reviewComment").text = e.review_comment
    _transaction(concept, "origination", e.proposed_by, e.proposed_on)
    if e.reviewed_by or e.reviewed_on:
        _transaction(concept, "modification", e.reviewed_by, e.reviewed_on)
    for event in e.history:
        _transaction(concept, f"kwb-{event.action}", event.by, event.on, event.comment)
    lang_tag, term_tag = ("langSec", "termSec") if v3 else ("langSet", "tig")
    ckb = SubElement(concept, lang_tag, {XML_LANG: "ckb"})
    _term(ckb, term_tag, e.source, PREFERRED)
    for form in e.source_forms:
        _term(ckb, term_tag, form, ADMITTED)
    for form in e.adjectival:
        _term(ckb, term_tag, form, ADMITTED, "adjectival")
    en = SubElement(concept, lang_tag, {XML_LANG: "en"})
    if e.target:
        _term(en, term_tag, e.target, PREFERRED)
    for variant in e.variants:
        _term(en, term_tag, variant, ADMITTED)
    for bad in e.forbidden:
        _term(en, term_tag, bad, DEPRECATED)
    if e.adjectival_target:
        _term(en, term_tag, e.adjectival_target, PREFERRED, "adjectival")
    for variant in e.adjectival_variants:
        _term(en, term_tag, variant, ADMITTED, "adjectival")
    return concept


def format_tbx(entries: Iterable[Entry], version: int = 2, title: str = "kwb glossary") -> bytes:
    """A TBX-Basic document (version 2 or 3) holding `entries`."""
    if version == 3:
        root = Element(
            "tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "en", "xmlns": V3_NAMESPACE}
        )
        header = SubElement(root, "tbxHeader")
    else:
        root = Element("martif", {"type": "TBX-Basic", XML_LANG: "en"})
        header = SubElement(root, "martifHeader")
    source = SubElement(SubElement(header, "fileDesc"), "sourceDesc")
    SubElement(source, "p").text = f"{title}: Sorani (ckb) → English (en), exported by kwb"
    body = SubElement(SubElement(root, "text"), "body")
    for e in entries:
        body.append(_entry_element(e, version == 3))
    indent(root, space=" ")
    body_bytes = bytes(tostring(root, encoding="utf-8"))
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body_bytes + b"\n"


# --- reading ---------------------------------------------------------------------------


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element: Element, name: str) -> list[Element]:
    return [c for c in element if _local(c.tag) == name]


def _text(element: Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _terms(lang_section: Element) -> list[tuple[str, str, str]]:
    """(term, administrative status, kwb form) of each term in a language section."""
    out = []
    for holder in lang_section:
        if _local(holder.tag) not in ("tig", "termSec", "ntig"):
            continue
        term = next((c for c in holder.iter() if _local(c.tag) == "term"), None)
        notes = [c for c in holder.iter() if _local(c.tag) == "termNote"]
        status = next((_text(n) for n in notes if n.get("type") == "administrativeStatus"), "")
        form = next((_text(n) for n in notes if n.get("type") == "kwb-form"), "")
        if term is not None and _text(term):
            out.append((_text(term), status, form))
    return out


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _entry_from(concept: Element, number: int, today: dt.date) -> dict[str, Any]:
    raw: dict[str, Any] = {"id": concept.get("id") or f"tbx-{number}"}
    admin = {c.get("type"): _text(c) for c in concept.iter() if _local(c.tag) == "admin"}
    descrip = {c.get("type"): _text(c) for c in concept.iter() if _local(c.tag) == "descrip"}
    raw["domain"] = descrip.get("subjectField", "")
    raw["note"] = descrip.get("definition", "") or _text(
        next(iter(_children(concept, "note")), None)
    )
    raw["type"] = admin.get("kwb-type", "term")
    raw["status"] = admin.get("kwb-status", "approved")
    if admin.get("kwb-inflection"):
        raw["inflection"] = admin["kwb-inflection"]
    raw["review_comment"] = admin.get("kwb-reviewComment", "")
    history: list[dict[str, Any]] = []
    for group in (c for c in concept if _local(c.tag) == "transacGrp"):
        kind = _text(next((c for c in group if _local(c.tag) == "transac"), None))
        notes = {c.get("type"): _text(c) for c in group if _local(c.tag) == "transacNote"}
        by = notes.get("responsibility", "")
        on = _date(_text(next((c for c in group if _local(c.tag) == "date"), None)))
        if kind == "origination":
            raw["proposed_by"], raw["proposed_on"] = by, on
        elif kind == "modification":
            raw["reviewed_by"], raw["reviewed_on"] = by, on
        elif kind.startswith("kwb-") and on is not None:
            history.append(
                {"on": on, "by": by, "action": kind[4:], "comment": notes.get("kwb-comment", "")}
            )
    languages: dict[str, list[tuple[str, str, str]]] = {}
    for section in concept:
        if _local(section.tag) in ("langSet", "langSec"):
            lang = (section.get(XML_LANG) or section.get("lang") or "").lower().split("-")[0]
            languages.setdefault(lang, []).extend(_terms(section))
    sources = languages.get("ckb", [])
    targets = languages.get("en", [])
    plain_sources = [t for t, _, form in sources if form != "adjectival"]
    if not plain_sources:
        raise ValueError("no Sorani (ckb) term")
    preferred_source = next(
        (t for t, s, f in sources if s == PREFERRED and f != "adjectival"), plain_sources[0]
    )
    raw["source"] = preferred_source
    raw["source_forms"] = [t for t in plain_sources if t != preferred_source]
    raw["adjectival"] = [t for t, _, form in sources if form == "adjectival"]
    plain = [(t, s) for t, s, form in targets if form != "adjectival"]
    adjectival = [(t, s) for t, s, form in targets if form == "adjectival"]
    preferred = [t for t, s in plain if s == PREFERRED] or [
        t for t, s in plain if s in ("", ADMITTED)
    ][:1]
    raw["target"] = preferred[0] if preferred else ""
    raw["variants"] = [t for t, s in plain if s in ("", ADMITTED, PREFERRED) and t != raw["target"]]
    raw["forbidden"] = [t for t, s in plain if s in (DEPRECATED, SUPERSEDED)]
    raw["adjectival_target"] = next((t for t, s in adjectival if s == PREFERRED), "")
    raw["adjectival_variants"] = [t for t, s in adjectival if s != PREFERRED]
    raw.setdefault("proposed_by", "tbx import")
    raw["proposed_on"] = raw.get("proposed_on") or today
    if raw["status"] == "approved":
        raw["reviewed_by"] = raw.get("reviewed_by") or raw["proposed_by"]
        raw["reviewed_on"] = raw.get("reviewed_on") or raw["proposed_on"]
    raw["history"] = history
    return {k: v for k, v in raw.items() if v not in ("", [], None) or k in ("id", "source")}


def read_tbx(path: Path) -> list[Entry]:
    """Entries of a TBX v2 or v3 file; unsafe or malformed XML is an `InputError`."""
    try:
        root = safe_parse(str(path), forbid_dtd=True).getroot()
    except DefusedXmlException as exc:
        raise InputError(path, f"refused unsafe XML ({type(exc).__name__})") from None
    except ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise InputError(path, f"malformed TBX ({exc})", line) from None
    except FileNotFoundError:
        raise InputError(path, "no such TBX file") from None
    if _local(root.tag) not in ("martif", "tbx"):
        raise InputError(path, f"not a TBX file (root element <{_local(root.tag)}>)")
    today = dt.date.today()
    entries: list[Entry] = []
    concepts = [c for c in root.iter() if _local(c.tag) in ("termEntry", "conceptEntry")]
    for number, concept in enumerate(concepts, 1):
        try:
            raw = _entry_from(concept, number, today)
            history = [HistoryEvent(**h) for h in raw.pop("history", [])]
            entry = entry_from_mapping(raw)
        except (ValueError, TypeError) as exc:
            raise InputError(path, f"entry {concept.get('id') or number}: {exc}") from None
        entries.append(Entry(**{**entry.__dict__, "history": tuple(history)}))
    return entries
