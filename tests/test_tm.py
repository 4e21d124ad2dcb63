"""Translation memory: exact and fuzzy lookups, ranking, sync with files, TMX import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polib
import pytest

from workbench.store.project import load_project
from workbench.tm.index import Unit, open_tm

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="ckb" datatype="plaintext" segtype="sentence"
 adminlang="en" creationtool="test" creationtoolversion="1" o-tmf="none"/>
<body>
<tu tuid="a"><tuv xml:lang="ckb"><seg>پەرلەمانی کوردستان کۆبوونەوەی کرد.</seg></tuv>
<tuv xml:lang="en-GB"><seg>The Kurdistan parliament <ph>x</ph>met.</seg></tuv></tu>
<tu tuid="b"><tuv xml:lang="ckb"><seg>باران بارى.</seg></tuv>
<tuv xml:lang="fr"><seg>Il a plu.</seg></tuv></tu>
</body></tmx>
"""


@pytest.fixture
def project(kwb: Any, tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    kwb("init", str(root))
    article = root / "seeds" / "a.txt"
    article.write_text(
        "هێزە عێراقییەکان گەیشتنە کەرکووک.  حەشدی شەعبی هێرشی کرد.  باران بارى.", encoding="utf-8"
    )
    kwb("add", str(article), cwd=root)
    po_path = root / "translations" / "a.po"
    po = polib.pofile(str(po_path))
    live = [e for e in po if not e.obsolete]
    live[0].msgstr = "Iraqi forces reached Kirkuk."
    live[1].msgstr, live[1].flags = "The PMF attacked.", ["reviewed"]
    live[2].msgstr, live[2].flags = "It rained.", ["fuzzy"]
    po.save(str(po_path))
    return root


def test_exact_match_through_normalization(project: Path) -> None:
    with open_tm(load_project(project)) as tm:
        found = tm.exact("حەشدی شەعبی هێرشی كرد.")  # Arabic kaf
        assert [(m.score, m.en) for m in found] == [(100.0, "The PMF attacked.")]
        assert tm.exact("باران بارى.") == []  # fuzzy entries are not in the TM


def test_fuzzy_matches_are_ranked_by_similarity(project: Path) -> None:
    with open_tm(load_project(project)) as tm:
        tm.replace(
            "extra",
            [
                Unit(
                    "x1",
                    "هێزە عێراقییەکان گەیشتنە هەولێر.",
                    "Iraqi forces reached Erbil.",
                    "imported",
                ),
                Unit("x2", "هێزەکان گەیشتن.", "The forces arrived.", "imported"),
            ],
        )
        found = tm.search("هێزە عێراقییەکان گەیشتنە دهۆک.", minimum=50)
        assert [m.en for m in found][:2] == [
            "Iraqi forces reached Kirkuk.",
            "Iraqi forces reached Erbil.",
        ] or [m.en for m in found][:2] == [
            "Iraqi forces reached Erbil.",
            "Iraqi forces reached Kirkuk.",
        ]
        assert found[0].score > found[-1].score
        assert all(m.score >= 50 for m in found)
        assert tm.search("هێزە عێراقییەکان گەیشتنە کەرکووک.")[0].score == 100.0


def test_index_follows_the_files(project: Path) -> None:
    po_path = project / "translations" / "a.po"
    with open_tm(load_project(project)) as tm:
        assert len(tm) == 2
    po = polib.pofile(str(po_path))
    next(e for e in po if e.msgstr == "It rained.").flags = []
    po.save(str(po_path))
    with open_tm(load_project(project)) as tm:
        assert len(tm) == 3
    po_path.unlink()
    with open_tm(load_project(project)) as tm:
        assert len(tm) == 0


def test_tm_cli_import_and_search(kwb: Any, project: Path, tmp_path: Path) -> None:
    tmx = tmp_path / "memory.tmx"
    tmx.write_text(TMX, encoding="utf-8")
    result = kwb("tm", "import", str(tmx), cwd=project)
    assert result.code == 0, result.err
    assert "Imported 1 " in result.out and (project / "tm" / "memory.tmx").is_file()
    rows = kwb(
        "tm", "search", "پەرلەمانی کوردستان کۆبوونەوەی کرد.", "--json", cwd=project
    ).json_lines()
    assert rows[0] == {
        "score": 100.0,
        "ckb": "پەرلەمانی کوردستان کۆبوونەوەی کرد.",
        "en": "The Kurdistan parliament met.",
        "source": "tm/memory.tmx",
        "id": "a",
    }
    rows = kwb(
        "tm", "search", "پەرلەمانی کوردستان دانیشتنی کرد.", "--json", "--min", "70", cwd=project
    )
    assert all(r["score"] >= 70 for r in rows.json_lines())


@pytest.mark.parametrize(
    "xml",
    [
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
        "<tmx><body>&lol2;</body></tmx>",
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><tmx>&e;</tmx>',
        "<tmx><body><tu>",
    ],
)
def test_hostile_or_broken_tmx_is_refused(
    kwb: Any, project: Path, tmp_path: Path, xml: str
) -> None:
    bad = tmp_path / "bad.tmx"
    bad.write_text(xml, encoding="utf-8")
    result = kwb("tm", "import", str(bad), cwd=project)
    assert result.code == 2 and result.err.count("\n") == 1 and "bad.tmx" in result.err
    assert not (project / "tm" / "bad.tmx").exists()


def test_pretranslate_fills_exact_matches_from_other_articles(kwb: Any, project: Path) -> None:
    other = project / "seeds" / "b.txt"
    other.write_text("حەشدی شەعبی هێرشی کرد.  هەواڵێکی نوێ.", encoding="utf-8")
    result = kwb("add", str(other), "--pretranslate", cwd=project)
    assert result.code == 0, result.err
    entries = [e for e in polib.pofile(str(project / "translations" / "b.po")) if not e.obsolete]
    assert entries[0].msgstr == "The PMF attacked." and "fuzzy" in entries[0].flags
    assert entries[1].msgstr == ""
    other.write_text("حەشدی شەعبی هێرشی کرد.  هەواڵێکی تر.", encoding="utf-8")
    (project / "translations" / "b.po").unlink()
    kwb("add", str(other), "--pretranslate", "--trust-exact", cwd=project)
    entries = [e for e in polib.pofile(str(project / "translations" / "b.po")) if not e.obsolete]
    assert entries[0].msgstr == "The PMF attacked." and "fuzzy" not in entries[0].flags


def test_lookup_service_answers_like_the_index(project: Path) -> None:
    """The workbench's TM process syncs the project's TM and returns what the index does."""
    from workbench.tm.service import TmService

    query = "هێزە عێراقییەکان گەیشتنە دهۆک."
    with open_tm(load_project(project)) as tm:
        expected = tm.search(query, 50, 5)
    service = TmService(project)
    try:
        service.wait_ready()
        assert service.search(query, 50, 5) == expected
        assert service.search("باران بارى.", 100, 5) == []  # drafts are not in the TM
        assert expected and expected[0].en == "Iraqi forces reached Kirkuk."
    finally:
        service.close()


def test_a_damaged_index_is_rebuilt_from_the_files(project: Path) -> None:
    index = project / ".kwb" / "tm.sqlite"
    index.parent.mkdir(exist_ok=True)
    index.write_bytes(b"not a database" * 100)
    with open_tm(load_project(project)) as tm:
        assert len(tm) == 2


def test_lookup_service_reports_a_project_it_cannot_read(project: Path) -> None:
    from workbench.tm.service import TmService, TmUnavailableError

    (project / "kwb.toml").write_text("name = [unclosed", encoding="utf-8")
    service = TmService(project)
    try:
        with pytest.raises(TmUnavailableError, match=r"kwb\.toml"):
            service.wait_ready()
    finally:
        service.close()
