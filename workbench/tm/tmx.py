"""Read TMX 1.4b translation memories (streaming, with a safe XML parser)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from workbench.errors import InputError

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class TranslationUnit:
    """One Sorani–English pair from a TMX file."""

    ckb: str
    en: str
    tuid: str


def _language(tuv: Element) -> str:
    return (tuv.get(XML_LANG) or tuv.get("lang") or "").lower()


CODE_TAGS = frozenset({"ph", "bpt", "ept", "it", "ut"})
"""Inline elements holding native markup codes, not text (TMX 1.4b §3.7)."""


def _text(element: Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag not in CODE_TAGS:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _segment_text(tuv: Element) -> str:
    seg = tuv.find("seg")
    return " ".join(_text(seg).split()) if seg is not None else ""


def read_tmx(path: Path, source: str = "ckb", target: str = "en") -> Iterator[TranslationUnit]:
    """The ckb→en units of a TMX file; hostile or malformed XML is an `InputError`."""
    count = 0
    try:
        for _event, element in iterparse(str(path), events=("end",), forbid_dtd=True):
            if element.tag != "tu":
                continue
            texts: dict[str, str] = {}
            for tuv in element.findall("tuv"):
                lang = _language(tuv).split("-")[0]
                texts.setdefault(lang, _segment_text(tuv))
            count += 1
            if texts.get(source) and texts.get(target):
                yield TranslationUnit(
                    texts[source], texts[target], element.get("tuid") or str(count)
                )
            element.clear()
    except DefusedXmlException as exc:
        raise InputError(path, f"refused unsafe XML ({type(exc).__name__})") from None
    except ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise InputError(path, f"malformed TMX ({exc})", line) from None
    except FileNotFoundError:
        raise InputError(path, "no such TMX file") from None
