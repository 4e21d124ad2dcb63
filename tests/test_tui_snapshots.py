"""Snapshots of the key screens (pytest-textual-snapshot): the editor on a Sorani segment
with glossary hits, and the glossary review screen. Update with `--snapshot-update` after
an intended change, and look at the SVGs in the diff."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import TextArea

from workbench.store.project import load_project
from workbench.tui.app import KwbApp


@pytest.fixture
def demo(committed_demo: Path) -> Path:
    """The demo as committed: the pictures do not change when a user translates in it."""
    return committed_demo


async def settle(pilot: Any) -> None:
    """Wait for the file, the TM service and the lookups it answers."""
    for _ in range(300):
        if pilot.app.tm is not None:
            break
        await pilot.pause(0.05)
    await pilot.pause(0.5)
    for _ in range(100):  # the status line's count of the work left
        workflow = getattr(pilot.app.screen, "workflow", None)
        if workflow is None or workflow.live is not None:
            break
        await pilot.pause(0.05)
    if pilot.app.screen.query(TextArea):  # a blinking cursor would make the picture random
        pilot.app.screen.query_one("#segment-list").focus()
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()


def test_editor_snapshot(snap_compare: Any, demo: Path) -> None:
    app = KwbApp(load_project(demo), demo / "translations" / "002_ea2792f57afd9dbb.po", "visual")
    assert snap_compare(app, terminal_size=(150, 45), run_before=settle)


def test_glossary_screen_snapshot(snap_compare: Any, demo: Path) -> None:
    app = KwbApp(load_project(demo), demo / "translations" / "002_ea2792f57afd9dbb.po", "visual")

    async def open_glossary(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("f2", "s")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(150, 45), run_before=open_glossary)
