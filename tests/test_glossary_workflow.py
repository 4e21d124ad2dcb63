"""Glossary maintainers' workflow: review with history, lint, TBX/CSV exchange, extraction."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import polib
import pytest

from tests.conftest import DEMO, approved_entry
from workbench.terms import glossary_file
from workbench.terms.lint import lint
from workbench.terms.model import Entry
from workbench.terms.tbx import format_tbx, read_tbx

DAY = dt.date(2026, 1, 1)


@pytest.fixture
def project(kwb: Any, tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    assert kwb("init", str(root)).code == 0
    return root


def glossary(project: Path) -> dict[str, Entry]:
    return {e.id: e for e in glossary_file.read(project / "glossary" / "glossary.toml")}


def test_propose_approve_with_history(kwb: Any, project: Path) -> None:
    path = project / "glossary" / "glossary.toml"
    before = path.read_text(encoding="utf-8")
    result = kwb(
        "glossary",
        "propose",
        "بەنداوی دووكان",
        "--target",
        "Dukan Dam",
        "--variant",
        "Dokan Dam",
        "--by",
        "sara",
        "--comment",
        "seen in water stories",
        cwd=project,
    )
    assert result.code == 0, result.err
    entry = glossary(project)["dukan-dam"]
    assert entry.status == "proposed" and entry.source == "بەنداوی دووکان"  # canonical ک
    assert entry.proposed_by == "sara" and entry.variants == ("Dokan Dam",)
    assert (
        kwb(
            "glossary",
            "approve",
            "dukan-dam",
            "--by",
            "ali",
            "--comment",
            "ok",
            cwd=project,
        ).code
        == 0
    )
    entry = glossary(project)["dukan-dam"]
    assert (entry.status, entry.reviewed_by, entry.review_comment) == ("approved", "ali", "ok")
    assert [h.action for h in entry.history] == ["proposed", "approved"]
    assert entry.reviewed_on == dt.date.today()
    # every other entry is byte-identical: the diff only adds this entry
    after = path.read_text(encoding="utf-8")
    removed = [line for line in before.splitlines() if line not in after.splitlines()]
    assert removed == []


def test_cannot_approve_without_rendering(kwb: Any, project: Path) -> None:
    kwb("glossary", "propose", "بەرنامەی نوێ", "--id", "new-programme", cwd=project)
    result = kwb("glossary", "approve", "new-programme", cwd=project)
    assert result.code == 2 and "without a preferred rendering" in result.err
    assert glossary(project)["new-programme"].status == "proposed"


def test_reject_deprecate_and_edit_are_recorded(kwb: Any, project: Path) -> None:
    kwb(
        "glossary",
        "propose",
        "هێزی خێرا",
        "--target",
        "rapid force",
        "--id",
        "rapid-force",
        cwd=project,
    )
    assert (
        kwb(
            "glossary",
            "reject",
            "rapid-force",
            "--by",
            "ed",
            "--comment",
            "too generic",
            cwd=project,
        ).code
        == 0
    )
    edited = kwb(
        "glossary",
        "edit",
        "pmf",
        "--set",
        "variants=Popular Mobilization Forces|Hashd",
        "--set",
        "note=Umbrella of armed factions.",
        "--by",
        "ed",
        "--comment",
        "shorter note",
        cwd=project,
    )
    assert edited.code == 0, edited.err
    assert kwb("glossary", "deprecate", "rudaw-tv", "--by", "ed", cwd=project).code == 0
    entries = glossary(project)
    assert entries["rapid-force"].status == "rejected"
    pmf = entries["pmf"]
    assert pmf.variants == ("Popular Mobilization Forces", "Hashd")
    assert pmf.history[-1].action == "edited" and "note, variants" in pmf.history[-1].comment
    assert entries["rudaw-tv"].status == "deprecated"
    bad = kwb("glossary", "edit", "pmf", "--set", "status=approved", cwd=project)
    assert bad.code == 2


def test_list_search_show_json(kwb: Any, project: Path) -> None:
    rows = kwb("glossary", "list", "--type", "date", "--json", cwd=project).json_lines()
    assert len(rows) == 24 and all(r["type"] == "date" for r in rows)
    found = kwb("glossary", "search", "حەشدی شەعبی", "--json", cwd=project).json_lines()
    assert "pmf" in [r["id"] for r in found]
    assert "pmf" in [
        r["id"]
        for r in kwb("glossary", "search", "popular mob", "--json", cwd=project).json_lines()
    ]
    article = project / "seeds" / "a.txt"
    article.write_text("گرووپەکانی حەشدی شەعبی هێرشیان کرد.  هەواڵێکی دیکە.", encoding="utf-8")
    kwb("add", str(article), cwd=project)
    po = polib.pofile(str(project / "translations" / "a.po"))
    po[0].msgstr = "PMF groups attacked."
    po.save(str(project / "translations" / "a.po"))
    shown = kwb("glossary", "show", "pmf", "--json", cwd=project).json_lines()[0]
    assert shown["entry"]["id"] == "pmf"
    assert shown["concordance"][0]["surface"] == "حەشدی شەعبی"
    assert shown["concordance"][0]["en"] == "PMF groups attacked."
    assert shown["renderings_used"] == {"PMF": 1}


@pytest.mark.parametrize(
    ("entries", "code", "severity"),
    [
        (
            [approved_entry("a", "کورد", "Kurds"), approved_entry("b", "كورد", "Kurds")],
            "duplicate",
            "error",
        ),
        (
            [approved_entry("a", "کورد", "Kurds"), approved_entry("b", "کورد", "Kurdish")],
            "conflicting-targets",
            "error",
        ),
        (
            [
                approved_entry("a", "هێز", "forces", variants=("troops",)),
                approved_entry("b", "سەرباز", "troops"),
            ],
            "variant-is-preferred",
            "warning",
        ),
        (
            [approved_entry("a", "حەشد", "PMF", variants=("Hashd",), forbidden=("hashd",))],
            "forbidden-admitted",
            "error",
        ),
        ([approved_entry("a", "كورد", "Kurds")], "non-canonical", "error"),
        (
            [
                approved_entry("a", "هێز", "forces"),
                approved_entry("b", "هێز", "forces", source_forms=("هێزی",)),
            ],
            "duplicate",
            "error",
        ),
        (
            [
                approved_entry("a", "هێزی شەڕکەر", "combat forces"),
                approved_entry("b", "هێزی شەڕکەر", "combat forces", status="proposed"),
            ],
            "duplicate",
            "error",
        ),
    ],
)
def test_lint_cases(entries: list[Entry], code: str, severity: str) -> None:
    findings = lint(entries)
    assert (code, severity) in {(f.code, f.severity) for f in findings}, findings


def test_lint_shadowed_and_unrendered() -> None:
    # ئەمریکی is already the United States' adjectival form, so an entry of its own is never
    # what matches it.
    findings = lint(
        [
            approved_entry(
                "us",
                "ئەمریکا",
                "United States",
                type="place",
                adjectival=("ئەمریکی",),
                adjectival_target="US",
            ),
            approved_entry("american", "ئەمریکی", "American"),
        ]
    )
    assert [(f.code, f.entry, f.severity) for f in findings] == [
        ("shadowed", "american", "warning")
    ]
    unrendered = Entry(
        id="x", source="کورد", target="", status="approved", proposed_by="t", proposed_on=DAY
    )
    assert "no-rendering" in {f.code for f in lint([unrendered])}


def test_curated_glossary_lints_clean(kwb: Any) -> None:
    result = kwb("glossary", "lint", "--json", "--project", str(DEMO))
    assert result.code == 0 and result.json_lines() == []


def test_lint_exit_status(kwb: Any, project: Path) -> None:
    path = project / "glossary" / "glossary.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('source = "کورد"', 'source = "كورد"'),
        encoding="utf-8",
    )
    assert kwb("glossary", "lint", cwd=project).code == 1


@pytest.mark.parametrize("version", [2, 3])
def test_tbx_round_trip_is_lossless(tmp_path: Path, version: int) -> None:
    entries = glossary_file.read(DEMO / "glossary" / "glossary.toml")
    path = tmp_path / "g.tbx"
    path.write_bytes(format_tbx(entries, version))
    assert read_tbx(path) == entries


def test_tbx_v2_export_opens_in_translate_toolkit(kwb: Any, tmp_path: Path) -> None:
    from translate.storage import tbx

    out = tmp_path / "glossary.tbx"
    assert kwb("glossary", "export", str(out), "--project", str(DEMO)).code == 0
    store = tbx.tbxfile.parsefile(out.open("rb"))
    entries = glossary_file.read(DEMO / "glossary" / "glossary.toml")
    assert len(store.units) == len(entries)
    by_source = {u.source: u.target for u in store.units}
    assert by_source["حەشدی شەعبی"] == "PMF"
    assert by_source["هێزی شەڕکەر"] == "combat forces"


@pytest.mark.parametrize(
    "namespace", ["urn:iso:std:iso:30042:ed-2", "urn:iso:std:iso:30042:ed:3.0"]
)
def test_tbx_v3_namespaces_seen_in_the_wild(tmp_path: Path, namespace: str) -> None:
    path = tmp_path / "v3.tbx"
    path.write_text(
        f'<?xml version="1.0"?><tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="{namespace}">'
        "<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader><text><body>"
        '<conceptEntry id="c1"><descrip type="subjectField">security</descrip>'
        '<langSec xml:lang="ckb"><termSec><term>حەشدی شەعبی</term></termSec></langSec>'
        '<langSec xml:lang="en"><termSec><term>PMF</term><termNote type="administrativeStatus">'
        "preferredTerm-admn-sts</termNote></termSec><termSec><term>Popular Crowd</term>"
        '<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>'
        "</langSec></conceptEntry></body></text></tbx>",
        encoding="utf-8",
    )
    [e] = read_tbx(path)
    assert (e.id, e.source, e.target, e.forbidden, e.domain) == (
        "c1",
        "حەشدی شەعبی",
        "PMF",
        ("Popular Crowd",),
        "security",
    )


def test_import_tbx_and_csv(kwb: Any, project: Path, tmp_path: Path) -> None:
    exported = tmp_path / "x.tbx"
    kwb("glossary", "export", str(exported), "--tbx-version", "3", cwd=project)
    again = kwb("glossary", "import", str(exported), cwd=project)
    assert again.code == 0 and "0 added, 0 updated" in again.out
    csv = tmp_path / "new.csv"
    csv.write_text(
        "id,source,target,variants,type\nkirkuk-oil,نەوتی کەرکووک,Kirkuk oil,Kirkuk crude,term\n",
        encoding="utf-8",
    )
    result = kwb("glossary", "import", str(csv), cwd=project)
    assert result.code == 0 and "1 added" in result.out
    assert glossary(project)["kirkuk-oil"].variants == ("Kirkuk crude",)
    round_trip = tmp_path / "all.csv"
    kwb("glossary", "export", str(round_trip), cwd=project)
    from workbench.terms import csv_format

    assert {e.id: e.target for e in csv_format.read(round_trip)} == {
        e.id: e.target for e in glossary(project).values()
    }


@pytest.mark.parametrize(
    "xml",
    [
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;">'
        '<!ENTITY lol2 "&lol1;&lol1;&lol1;">]><martif><text><body>&lol2;</body></text></martif>',
        '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><martif>&xxe;</martif>',
        "<martif><text><body><termEntry>",
    ],
)
def test_hostile_tbx_is_refused_and_nothing_written(
    kwb: Any, project: Path, tmp_path: Path, xml: str
) -> None:
    path = tmp_path / "evil.tbx"
    path.write_text(xml, encoding="utf-8")
    before = (project / "glossary" / "glossary.toml").read_bytes()
    result = kwb("glossary", "import", str(path), cwd=project)
    assert result.code == 2 and result.err.count("\n") == 1 and "evil.tbx" in result.err
    assert (project / "glossary" / "glossary.toml").read_bytes() == before


def test_extraction_finds_a_planted_term_and_its_rendering(kwb: Any, project: Path) -> None:
    sentences = [
        ("بەنداوی دەربەندیخان پڕ بوو.", "The Darbandikhan dam is full."),
        (
            "ئاستی ئاوی بەنداوی دەربەندیخان بەرز بووەوە.",
            "The water level of the Darbandikhan dam rose.",
        ),
        ("جوتیاران باسی بەنداوی دەربەندیخانیان کرد.", "Farmers talked about the Darbandikhan dam."),
        ("باران لە سلێمانی باری.", "It rained in Sulaymaniyah."),
        ("قوتابخانەکان داخران.", "Schools closed."),
        ("بەنداوی دەربەندیخان مەترسی نییە.", "The Darbandikhan dam is not a risk."),
    ]
    for name, chunk in (("one", sentences[:3]), ("two", sentences[3:])):
        article = project / "seeds" / f"{name}.txt"
        article.write_text("\n".join(s for s, _ in chunk), encoding="utf-8")
        kwb("add", str(article), cwd=project)
        po_path = project / "translations" / f"{name}.po"
        po = polib.pofile(str(po_path))
        english = dict(chunk)
        for e in po:
            e.msgstr = english[e.msgid]
        po.save(str(po_path))
    rows = kwb("glossary", "extract", "--json", cwd=project).json_lines()
    top = rows[0]
    assert top["term"] == "بەنداوی دەربەندیخان" and top["count"] == 4 and top["docs"] == 2
    assert top["suggestions"][0]["en"] == "darbandikhan dam"
    assert kwb("glossary", "extract", "--propose", "1", "--by", "sara", cwd=project).code == 0
    proposed = [e for e in glossary(project).values() if e.status == "proposed"]
    assert [(e.source, e.target, e.proposed_by) for e in proposed] == [
        ("بەنداوی دەربەندیخان", "darbandikhan dam", "sara")
    ]
    assert (
        kwb(
            "glossary", "edit", proposed[0].id, "--set", "target=Darbandikhan Dam", cwd=project
        ).code
        == 0
    )
    assert kwb("glossary", "approve", proposed[0].id, "--by", "ali", cwd=project).code == 0
    assert glossary(project)[proposed[0].id].status == "approved"


def test_match_and_check_take_a_tbx_glossary(kwb: Any, tmp_path: Path) -> None:
    tbx = tmp_path / "g.tbx"
    assert kwb("glossary", "export", str(tbx), "--project", str(DEMO)).code == 0
    (tmp_path / "a.txt").write_text("هێزێکی شەڕکەر نامێنێت.", encoding="utf-8")
    rows = kwb("match", "a.txt", "--glossary", str(tbx), "--json").json_lines()
    assert [r["entry"] for r in rows] == ["combat-forces"]
