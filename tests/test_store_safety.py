"""No data loss: atomic saves under SIGKILL, concurrent writers, edits made outside kwb."""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import polib
import pytest

from workbench.errors import InputError
from workbench.store.pofile import (
    Catalog,
    new_catalog,
    parse,
    plain_newlines,
    read_catalog,
    render,
)
from workbench.store.save import ConflictError, save_catalog


def big_catalog(path: Path, entries: int, prefix: str) -> Catalog:
    po = new_catalog("test", "seeds/big.txt")
    for i in range(entries):
        po.append(
            polib.POEntry(
                msgctxt=f"big/{i:06d}",
                msgid=f"ڕستەی ژمارە {i} دەربارەی هێزی شەڕکەر و حەشدی شەعبی لە عێراق. " * 3,
                msgstr=f"{prefix} sentence {i} about combat forces and the PMF in Iraq. " * 3,
            )
        )
    return Catalog(path, po, None)


def test_sigkill_during_save_leaves_old_or_new_file(tmp_path: Path) -> None:
    path = tmp_path / "big.po"
    old = big_catalog(path, 2500, "Old")
    save_catalog(old)
    old_bytes = path.read_bytes()
    new = read_catalog(path)
    for entry in new.entries:
        entry.msgstr = entry.msgstr.replace("Old", "New")
    new_bytes = render(new.po)
    assert len(new_bytes) > 800_000
    started = time.perf_counter()
    render(new.po)
    window = 1.3 * (time.perf_counter() - started) + 0.02  # kills spread over a whole save
    rng = random.Random(5)
    outcomes = {"old": 0, "new": 0}
    for _ in range(50):
        path.write_bytes(old_bytes)
        new.original = old_bytes
        pid = os.fork()
        if pid == 0:  # child: save, then exit without cleanup
            try:
                save_catalog(new)
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0, window))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        data = path.read_bytes()
        assert data in (old_bytes, new_bytes)
        parse(data, path)  # and it is a valid PO file
        outcomes["old" if data == old_bytes else "new"] += 1
    assert outcomes["old"] and outcomes["new"], outcomes  # kills landed before and after


def test_two_concurrent_writers_lose_no_edit(tmp_path: Path) -> None:
    path = tmp_path / "shared.po"
    save_catalog(big_catalog(path, 60, ""))
    children = []
    for writer in range(2):
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                for i in range(writer, 60, 2):  # writer 0 edits even entries, writer 1 odd
                    catalog = read_catalog(path)
                    catalog.entries[i].msgstr = f"writer {writer} edit {i}"
                    time.sleep(random.uniform(0, 0.003))
                    save_catalog(catalog)
            except BaseException:
                code = 1
            os._exit(code)
        children.append(pid)
    for pid in children:
        assert os.waitpid(pid, 0)[1] == 0
    final = read_catalog(path).entries
    assert [e.msgstr for e in final] == [f"writer {i % 2} edit {i}" for i in range(60)]


def test_outside_edit_is_merged_entry_by_entry(tmp_path: Path) -> None:
    path = tmp_path / "m.po"
    save_catalog(big_catalog(path, 5, "Base"))
    ours = read_catalog(path)
    theirs = polib.pofile(str(path))
    next(e for e in theirs if e.msgctxt == "big/000003").msgstr = "edited in Poedit"
    theirs.save(str(path))
    ours.entries[1].msgstr = "edited in kwb"
    save_catalog(ours)
    final = read_catalog(path).entries
    assert final[1].msgstr == "edited in kwb" and final[3].msgstr == "edited in Poedit"


def test_colliding_outside_edit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.po"
    save_catalog(big_catalog(path, 3, "Base"))
    ours = read_catalog(path)
    theirs = polib.pofile(str(path))
    theirs[0].msgstr = "theirs"
    theirs.save(str(path))
    on_disk = path.read_bytes()
    ours.entries[0].msgstr = "ours"
    with pytest.raises(ConflictError) as error:
        save_catalog(ours)
    assert "big/000000" in str(error.value)
    assert path.read_bytes() == on_disk


def test_a_line_separator_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    """PO files cannot hold U+2028: saving one would leave a file no reader can open."""
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgctxt="a/1", msgid="باران بارى.", msgstr="It\u2028rained."))
    with pytest.raises(InputError, match="line separator"):
        render(po)
    po[0].msgstr = plain_newlines(po[0].msgstr)
    assert parse(render(po), "ok.po")[0].msgstr == "It\nrained."
