"""Corpus export: every format read back by an independent reader, filters, splits, report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import polib
import pytest
from lxml import etree

from tests.conftest import DEMO

XLIFF_NS = "{urn:oasis:names:tc:xliff:document:1.2}"


def make_project(kwb: Any, tmp_path: Path, docs: int = 6) -> Path:
    root = tmp_path / "proj"
    kwb("init", str(root))
    for d in range(docs):
        po = polib.POFile()
        po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
        rows = [
            (
                f"ڕستەی یەکەمی بەڵگەی {d} دەربارەی پەرلەمان.",
                f"The first sentence of document {d} is about parliament.",
                [],
            ),
            (
                f"ڕستەی دووەمی بەڵگەی {d}\tبە تاب.",
                f"Second sentence of document {d}\twith a tab.",
                ["reviewed"],
            ),
            (
                f"ڕستەی سێیەمی بەڵگەی {d} هێشتا ڕەشنووسە.",
                f"Third sentence {d}, a draft.",
                ["fuzzy"],
            ),
            (f"ڕستەی چوارەمی بەڵگەی {d}.", "", []),
            (
                "ئەم ڕستەیە لە هەموو بەڵگەکاندا دووبارە دەبێتەوە.",
                "This sentence repeats in every document.",
                [],
            ),
            (f"ژمارەکە {d}٠٠ بوو.", f"The number was {d}50.", []),
        ]
        for i, (ckb, en, flags) in enumerate(rows):
            po.append(polib.POEntry(msgctxt=f"doc{d}/{i}", msgid=ckb, msgstr=en, flags=flags))
        po.save(str(root / "translations" / f"doc{d}.po"))
    return root


def export(kwb: Any, root: Path, *args: str) -> dict[str, Any]:
    result = kwb("export", *args, cwd=root)
    assert result.code == 0, result.err
    out = Path(args[args.index("--out") + 1])
    report = json.loads(Path(f"{root / out}.report.json").read_text(encoding="utf-8"))
    assert report["kept"] + sum(report["dropped"].values()) == report["read"]
    return report


def test_moses_and_defaults(kwb: Any, tmp_path: Path) -> None:
    root = make_project(kwb, tmp_path)
    report = export(kwb, root, "--format", "moses", "--out", "c")
    ckb = (root / "c.ckb").read_text(encoding="utf-8").splitlines()
    en = (root / "c.en").read_text(encoding="utf-8").splitlines()
    assert len(ckb) == len(en) == report["kept"] == 24  # 4 of 6 per document: no fuzzy, no empty
    assert report["dropped"] == {"empty": 6, "fuzzy": 6}
    assert "with a tab." in en[1] and "\t" not in en[1]
    assert report["signature"].startswith("ckb-en|kwb:")


def test_tsv_escapes_and_jsonl_fields(kwb: Any, tmp_path: Path) -> None:
    root = make_project(kwb, tmp_path, docs=2)
    export(kwb, root, "--format", "tsv", "--out", "c.tsv")
    lines = (root / "c.tsv").read_text(encoding="utf-8").splitlines()
    assert all(line.count("\t") == 1 for line in lines)
    assert "\\t" in lines[1]
    export(kwb, root, "--format", "jsonl", "--out", "c.jsonl")
    rows = [
        json.loads(line) for line in (root / "c.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert list(rows[0]) == ["id", "doc", "ckb", "en", "status"]
    assert rows[1]["status"] == "reviewed" and "\t" in rows[1]["en"]


def test_tmx_read_by_translate_toolkit(kwb: Any, tmp_path: Path) -> None:
    from translate.storage import tmx

    root = make_project(kwb, tmp_path, docs=2)
    report = export(kwb, root, "--format", "tmx", "--out", "c.tmx")
    raw = (root / "c.tmx").read_bytes()
    tree = etree.fromstring(raw)
    assert tree.find("header").get("srclang") == "ckb"
    assert tree.find("header").get("creationtool") == "kwb"
    langs = [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in tree.iter("tuv")]
    assert set(langs) == {"ckb", "en"} and len(langs) == 2 * report["kept"]
    store = tmx.tmxfile.parsefile(open(root / "c.tmx", "rb"))  # noqa: SIM115
    assert len(store.units) == report["kept"]
    assert store.units[1].target == "Second sentence of document 0\twith a tab."


def test_xliff_read_by_translate_toolkit_with_states(kwb: Any, tmp_path: Path) -> None:
    from translate.storage import xliff

    root = make_project(kwb, tmp_path, docs=2)
    export(kwb, root, "--format", "xliff", "--out", "c.xlf", "--status", "any")
    tree = etree.parse(str(root / "c.xlf")).getroot()
    assert tree.get("version") == "1.2"
    files = tree.findall(f"{XLIFF_NS}file")
    assert [f.get("source-language") for f in files] == ["ckb", "ckb"]
    assert {f.get("target-language") for f in files} == {"en"}
    states = [t.get("state") for t in tree.iter(f"{XLIFF_NS}target")]
    assert states.count("signed-off") == 2 and states.count("needs-review-translation") == 2
    store = xliff.xlifffile.parsefile(open(root / "c.xlf", "rb"))  # noqa: SIM115
    assert len(store.units) == 10
    assert [u.isapproved() for u in store.units][:2] == [False, True]


def test_filters_dedupe_words_ratio_status(kwb: Any, tmp_path: Path) -> None:
    root = make_project(kwb, tmp_path)
    report = export(kwb, root, "--format", "jsonl", "--out", "d.jsonl", "--dedupe")
    assert report["dropped"]["duplicate"] == 5  # the repeated sentence kept once
    report = export(kwb, root, "--format", "jsonl", "--out", "r.jsonl", "--status", "reviewed")
    assert report["kept"] == 6 and report["dropped"]["not-reviewed"] == 18
    report = export(
        kwb, root, "--format", "jsonl", "--out", "w.jsonl", "--min-words", "6", "--max-words", "9"
    )
    assert report["dropped"].get("too-short", 0) + report["dropped"].get("too-long", 0) > 0
    report = export(kwb, root, "--format", "jsonl", "--out", "x.jsonl", "--max-ratio", "1.25")
    assert report["dropped"]["length-ratio"] > 0


def test_qa_clean_drops_error_pairs(kwb: Any, tmp_path: Path) -> None:
    root = make_project(kwb, tmp_path, docs=3)
    report = export(kwb, root, "--format", "jsonl", "--out", "q.jsonl", "--qa-clean")
    assert report["dropped"]["qa-error"] == 3  # "{d}00" rendered "{d}50": a number mismatch
    kept = [
        json.loads(line) for line in (root / "q.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert not any(r["en"].startswith("The number was") for r in kept)


def test_split_is_by_document_deterministic_and_leak_free(kwb: Any, tmp_path: Path) -> None:
    root = make_project(kwb, tmp_path, docs=20)
    args = (
        "--format",
        "jsonl",
        "--out",
        "s.jsonl",
        "--split",
        "train,dev,test=80,10,10",
        "--seed",
        "7",
    )
    first = export(kwb, root, *args)
    docs_by_split: dict[str, set[str]] = {}
    for name in ("train", "dev", "test"):
        path = root / f"s.{name}.jsonl"
        rows = (
            [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
            if path.exists()
            else []
        )
        docs_by_split[name] = {r["doc"] for r in rows}
    assert not (docs_by_split["train"] & docs_by_split["dev"]) and not (
        docs_by_split["train"] & docs_by_split["test"]
    )
    assert sum(first["splits"].values()) == first["kept"]
    second = export(kwb, root, *args)
    assert second["documents"] == first["documents"]
    other = export(kwb, root, *args[:-1], "8")
    assert other["documents"] != first["documents"]


def test_moses_tokenize_and_normalize(kwb: Any, tmp_path: Path) -> None:
    root = make_project(kwb, tmp_path, docs=1)
    export(kwb, root, "--format", "moses", "--out", "t", "--tokenize", "--normalize")
    en = (root / "t.en").read_text(encoding="utf-8").splitlines()
    ckb = (root / "t.ckb").read_text(encoding="utf-8").splitlines()
    assert en[0].endswith("parliament .") and ckb[0].endswith("پەرلەمان .")


def test_bundled_project_exports_the_demo_corpus(kwb: Any, tmp_path: Path) -> None:
    from translate.storage import tmx

    out = tmp_path / "demo.tmx"
    result = kwb(
        "export", "--format", "tmx", "--out", str(out), "--qa-clean", "--project", str(DEMO)
    )
    assert result.code == 0, result.err
    store = tmx.tmxfile.parsefile(open(out, "rb"))  # noqa: SIM115
    # Whatever state the demo is in: its translated entries, less those with QA errors.
    checked = kwb("check", "--json", "--project", str(DEMO))
    flagged = {row["id"] for row in checked.json_lines() if row["severity"] == "error"}
    done = [
        e.msgid
        for po in sorted((DEMO / "translations").glob("*.po"))
        for e in polib.pofile(str(po))
        if not e.obsolete
        and e.msgstr.strip()
        and "fuzzy" not in e.flags
        and e.msgctxt not in flagged
    ]
    assert done and [u.source for u in store.units] == done
    assert all(u.target.strip() for u in store.units)


@pytest.mark.parametrize("bad", [("--format", "csv"), ("--split", "train=x"), ("--status", "done")])
def test_bad_options_are_refused(kwb: Any, tmp_path: Path, bad: tuple[str, str]) -> None:
    root = make_project(kwb, tmp_path, docs=1)
    args = {"--format": "tsv", "--out": "o.tsv"}
    args.update(dict([bad]))
    result = kwb("export", *[x for kv in args.items() for x in kv], cwd=root)
    assert result.code == 2 and result.err.count("\n") == 1
    assert not (root / "o.tsv").exists()
