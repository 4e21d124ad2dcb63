"""Keys, layout and editing state of the workbench, through Textual's Pilot: default keys
that reach the app in every common terminal, the keys shown as bound, the editor usable at
80×24, and states a translator can trust (review taken away by an edit, the filter named
while it holds, esc one step back). The same through a real terminal: test_terminal_keys.py."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import polib
import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.binding import Binding
from textual.widgets import Input, TextArea

from tests.conftest import REPO, SEED_000, STORY, story_project
from workbench.store.project import load_project
from workbench.tui import keys
from workbench.tui.app import KwbApp
from workbench.tui.editor import EditorScreen
from workbench.tui.layout import TITLE_ROWS, english_rows, share, work_rows
from workbench.tui.panels import WorkView
from workbench.tui.widgets import KeyFooter, StatusLine

NEWS = f"translations/{SEED_000.stem}.po"


@pytest.fixture
def project(kwb: Any, tmp_path: Path) -> Path:
    """Three short segments, nothing translated; and a real 23-segment article (one
    segment of 832 characters, up to seven glossary terms in one segment)."""
    root = story_project(kwb, tmp_path / "proj")
    assert kwb("add", str(SEED_000), cwd=root).code == 0
    return root


def po_entries(root: Path, name: str = STORY) -> list[polib.POEntry]:
    return [e for e in polib.pofile(str(root / name)) if not e.obsolete]


def write_po(root: Path, name: str, rows: list[tuple[str, list[str]]]) -> None:
    """Set the first entries' English and flags, as another editor would have saved them."""
    po = polib.pofile(str(root / name))
    for entry, (text, flags) in zip(po, rows, strict=False):
        entry.msgstr, entry.flags = text, list(flags)
    po.save(str(root / name))


def run(
    root: Path,
    scenario: Callable[[KwbApp, Any], Awaitable[None]],
    name: str | None = STORY,
    size: tuple[int, int] = (140, 45),
) -> None:
    async def main() -> None:
        app = KwbApp(load_project(root), root / name if name else None, "visual")
        async with app.run_test(size=size) as pilot:
            if name:
                await opened(app, pilot)
            await scenario(app, pilot)

    asyncio.run(main())


async def opened(app: KwbApp, pilot: Any) -> None:
    for _ in range(200):
        if isinstance(app.screen, EditorScreen):
            break
        await pilot.pause(0.02)
    await pilot.pause()


def editor(app: KwbApp) -> EditorScreen:
    screen = app.screen
    assert isinstance(screen, EditorScreen)
    return screen


def english(app: KwbApp) -> TextArea:
    return editor(app).query_one("#target", TextArea)


def status(app: KwbApp) -> str:
    line = editor(app).query_one("#status", StatusLine)
    return str(line.render())


def help_text(app: KwbApp) -> str:
    """The help screen's table as a terminal shows it."""
    from rich.console import Console

    console = Console(width=160, record=True, file=io.StringIO())
    console.print(app.screen.table)  # type: ignore[attr-defined]
    return console.export_text()


# --- the arithmetic of the layout ---------------------------------------------------------


@pytest.mark.parametrize(
    ("available", "wants", "expected"),
    [
        (10, [2, 3, 1], [2, 3, 1]),  # everything fits
        (6, [1, 10, 10], [1, 3, 2]),  # the small one gets all; the rest share
        (7, [8, 1, 2], [4, 1, 2]),
        (2, [5, 5, 5], [1, 1, 1]),  # too small: every panel keeps one row
        (0, [], []),
    ],
)
def test_panels_share_rows_smallest_first(
    available: int, wants: list[int], expected: list[int]
) -> None:
    assert share(available, wants) == expected


@given(st.integers(0, 60), st.lists(st.integers(0, 40), max_size=5))
def test_shared_rows_never_exceed_what_a_panel_wants_nor_the_room(
    available: int, wants: list[int]
) -> None:
    rows = share(available, wants)
    assert all(1 <= r <= max(1, w) for r, w in zip(rows, wants, strict=True))
    assert sum(rows) <= max(available, len(wants))
    if sum(max(1, w) for w in wants) <= available:
        assert rows == [max(1, w) for w in wants]
    elif available >= len(wants):
        assert sum(rows) == available  # no row wasted while a panel wants more


@given(
    st.integers(20, 80), st.integers(1, 40), st.lists(st.integers(1, 30), min_size=3, max_size=3)
)
def test_the_editor_column_fits_its_height_with_the_source_and_english_on_screen(
    height: int, source: int, panels: list[int]
) -> None:
    english = english_rows(height)
    rows = work_rows(height - english, source, panels)
    assert rows.source >= min(source, 3) and english >= 5
    assert rows.source + sum(rows.panels) + english + TITLE_ROWS <= height
    assert rows.source <= source


# --- keys ------------------------------------------------------------------------------

REACHING = {
    # Control letters a terminal passes in raw mode and no multiplexer or terminal takes:
    # not ctrl+a (screen's prefix), ctrl+b (tmux's), ctrl+c/ctrl+q (Textual: copy, quit),
    # ctrl+h/ctrl+i/ctrl+m (backspace, tab, enter), ctrl+v (Windows Terminal pastes),
    # ctrl+w (closes tabs in some terminals), ctrl+p (Textual's command palette, unless off).
    *(f"ctrl+{c}" for c in "defgjklnoprstuxyz"),
    *(f"f{n}" for n in range(1, 10)),  # not F10 (VTE's menu), F11 (fullscreen)
    "f12",  # F12 reaches every one of them (macOS gives it to the app unless remapped)
    "escape",
    "enter",
    "ctrl+up",
    "ctrl+down",
    "ctrl+underscore",  # what ctrl+/ sends
}
EXTRAS = {"ctrl+enter", "ctrl+slash"}  # under the kitty keyboard protocol only


def all_bindings() -> list[tuple[str, Binding]]:
    from workbench.tui.glossary_screen import EditEntryDialog, GlossaryScreen
    from workbench.tui.help import HelpScreen
    from workbench.tui.overview import OverviewScreen
    from workbench.tui.qa_screen import QaScreen

    owners: list[type] = [KwbApp, EditorScreen, OverviewScreen, GlossaryScreen, QaScreen]
    owners += [EditEntryDialog, HelpScreen, WorkView]
    return [
        (owner.__name__, b)
        for owner in owners
        for b in getattr(owner, "BINDINGS", [])
        if isinstance(b, Binding)
    ]


def test_every_editor_key_reaches_the_app_in_every_common_terminal() -> None:
    """No default that xterm, tmux, VTE, Konsole, Windows Terminal or macOS terminals turn
    into something else: no alt+digit (an Option character), no ctrl+enter alone (Enter)."""
    for binding in EditorScreen.BINDINGS:
        assert isinstance(binding, Binding) and binding.id, binding
        bound = keys.keys_of(binding, {})
        typing_ok = binding.id.startswith("insert_glossary_")  # after ctrl+g only
        assert all(k in REACHING | EXTRAS or (typing_ok and k.isdigit()) for k in bound), bound
        assert any(k in REACHING or (typing_ok and k.isdigit()) for k in bound), bound


def test_the_command_palette_leaves_ctrl_p_to_the_editor() -> None:
    assert KwbApp.ENABLE_COMMAND_PALETTE is False
    editor_keys = [
        k for b in EditorScreen.BINDINGS if isinstance(b, Binding) for k in keys.keys_of(b, {})
    ]
    assert "ctrl+p" in editor_keys and len(editor_keys) == len(set(editor_keys))
    assert not {"ctrl+c", "ctrl+q", "tab", "shift+tab"} & set(editor_keys)


def test_binding_ids_are_unique_per_screen_and_every_editor_key_has_one() -> None:
    by_owner: dict[str, list[str]] = {}
    for owner, binding in all_bindings():
        if binding.id:
            by_owner.setdefault(owner, []).append(binding.id)
    for ids in by_owner.values():
        assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("key", "label", "typing"),
    [
        ("ctrl+j", "^j", False),
        ("ctrl+down", "^↓", False),
        ("f1", "F1", False),
        ("ctrl+underscore", "^/", False),
        ("question_mark", "?", True),
        ("escape", "esc", False),
        ("1", "1", True),
        ("enter", "enter", False),
        ("alt+t", "alt+t", False),
    ],
)
def test_keys_are_written_as_the_footer_writes_them(key: str, label: str, typing: bool) -> None:
    assert keys.label(key) == label
    assert keys.is_typing_key(key) is typing


def test_readme_keys_table_lists_the_default_bindings() -> None:
    """The README's table of editor keys is the bindings' defaults, id by id."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    rows = {}
    for line in readme.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[2].startswith("`") and cells[2].endswith("`"):
            rows[cells[2].strip("`")] = cells[0]
    bindings = {b.id: b for _, b in all_bindings() if b.id}
    documented = [i for i in rows if not i.startswith("insert_glossary")]
    assert documented and set(documented) <= set(bindings)
    for binding_id in documented:
        written = " · ".join(keys.written(bindings[binding_id], {}))
        assert rows[binding_id] == f"`{written}`", binding_id
    for binding in EditorScreen.BINDINGS:
        assert isinstance(binding, Binding)
        if binding.id and not binding.id.startswith("insert_glossary_"):
            assert binding.id in rows, f"{binding.id} missing from the README's keys table"


# --- keys in the running editor ---------------------------------------------------------


def test_question_mark_types_and_f1_or_ctrl_slash_opens_help_with_its_title(project: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press(*"Why?")
        assert english(app).text == "Why?"
        for key in ("f1", "ctrl+underscore"):
            await pilot.press(key)
            await pilot.pause()
            assert type(app.screen).__name__ == "HelpScreen"
            assert "[keys]" in help_text(app)  # user-facing brackets, not Rich markup
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, EditorScreen)

    run(project, scenario)


def test_ctrl_p_and_ctrl_n_go_to_unfinished_segments(project: Path) -> None:
    write_po(project, STORY, [("", []), ("Done.", []), ("", [])])

    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press("ctrl+n")
        assert editor(app).session.index == 2
        await pilot.press("ctrl+p")
        assert editor(app).session.index == 0
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)  # no command palette over it

    run(project, scenario)


def test_ctrl_n_with_nothing_unfinished_says_so(project: Path) -> None:
    write_po(project, STORY, [("One.", []), ("Two.", []), ("Three.", [])])

    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "nothing unfinished" in status(app)
        assert editor(app).session.index == 0

    run(project, scenario)


def test_glossary_insert_after_ctrl_g_and_remapped_keys_everywhere(project: Path) -> None:
    config = project / "kwb.toml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + '\n[keys]\ninsert_glossary_2 = "f5"\ndone_next = "f9, ctrl+j"\n',
        encoding="utf-8",
    )
    write_po(project, STORY, [("", []), ("", [])])

    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press("1")  # a digit types; it inserts only after ctrl+g
        assert english(app).text == "1"
        await pilot.press("backspace", "ctrl+g", "1")
        assert english(app).text == "PMF"
        assert english(app).has_focus
        await pilot.press("f9")  # done & next, remapped
        await pilot.pause()
        assert editor(app).session.index == 1
        await pilot.press("2")  # its old key types again
        assert english(app).text == "2"
        await pilot.press("backspace", "f5")  # a key that types nothing: inserts directly
        assert english(app).text == editor(app).session.glossary_choices()[1].target
        title = editor(app).query_one(WorkView).sections["glossary"].title.plain
        assert title == "Glossary (^g, then 1/F5/3/4/5/6/7/8/9 inserts)"
        await pilot.pause()
        assert "F9 Done+next" in app.screen.query_one(KeyFooter).render().plain
        await pilot.press("f1")
        await pilot.pause()
        assert "F9 · ^j" in help_text(app) and "F5" in help_text(app)

    run(project, scenario)


# --- layout ------------------------------------------------------------------------------


def test_at_80x24_the_first_segment_opens_with_source_and_english_on_screen(project: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.pause(0.2)
        screen = editor(app)
        view = screen.query_one(WorkView)
        assert screen.session.index == 0 and english(app).has_focus
        for index in (0, 10):  # a short segment, and one of 832 characters
            screen.show(index)
            await pilot.pause()
            target = english(app)
            assert view.rows()["source"] >= 3 and target.region.height >= 5
            assert view.region.bottom <= target.region.y
            assert target.region.bottom <= 23  # above the footer
            assert not screen.query_one("#segments").display  # the list takes turns
            shown = view.text("source").splitlines()
            assert len(shown) == view.rows()["source"] and shown[0].strip()
        width = view.content_size.width
        assert len(view.all_lines("source", width)) > view.rows()["source"]  # cut short
        above, below = view.hidden("source")
        assert above == 0 and below > 0
        assert f"… {below} more lines (tab)" in view.text("source")

    run(project, scenario, NEWS, size=(80, 24))


def test_moving_between_segments_never_lays_out_the_screen_again(project: Path) -> None:
    """The parts of the editor change their share of the rows with each segment inside
    one widget: the screen's layout (a repaint of everything) stays as it was."""

    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.pause(0.2)
        screen = editor(app)
        regions = [w.region for w in (screen.query_one(WorkView), english(app))]
        shares = set()
        for _ in range(12):
            await pilot.press("ctrl+down")
            await pilot.pause()
            shares.add(tuple(screen.query_one(WorkView).rows().values()))
            assert [w.region for w in (screen.query_one(WorkView), english(app))] == regions
        assert len(shares) > 1  # the shares did change

    run(project, scenario, NEWS, size=(80, 24))


def painted_whole(view: WorkView) -> bool:
    """Every row of the view paints every cell (none left showing what was there before,
    such as a dialog that has just closed)."""
    from rich.segment import Segment

    width = view.content_size.width
    rows = [view.render_line(y) for y in range(view.content_size.height)]
    return all(Segment.get_line_length(list(strip)) == width for strip in rows)


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (160, 45)], ids=["80", "100", "160"])
def test_every_row_of_the_work_view_is_painted_whole(project: Path, size: tuple[int, int]) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.pause(0.2)
        screen = editor(app)
        view = screen.query_one(WorkView)
        for index in (0, 10, 5, 12):
            screen.show(index)
            await pilot.pause()
            assert painted_whole(view), index
        await pilot.press("ctrl+g", "pagedown")
        await pilot.pause()
        assert painted_whole(view)

    run(project, scenario, NEWS, size=size)


def test_larger_terminals_show_the_list_and_every_glossary_note(project: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.pause(0.2)
        screen = editor(app)
        assert screen.query_one("#segments").display
        view = screen.query_one(WorkView)
        assert view.hidden("glossary") == (0, 0)
        assert "Written as one word" in view.text("glossary")

    run(project, scenario, NEWS, size=(160, 45))


def test_a_glossary_cut_short_shows_its_terms_and_ctrl_g_reaches_every_line(project: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.pause(0.2)
        view = editor(app).query_one(WorkView)
        choices = editor(app).session.glossary_choices()
        assert len(choices) >= 5
        rows = view.rows()["glossary"]
        shown = view.text("glossary")
        assert all(f"{n}. " in shown for n in range(1, min(len(choices) + 1, rows)))
        assert "Written as one word" not in shown and "more notes: ^g" in shown
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert view.has_focus and view.section == "glossary" and view.hidden("glossary")[1] > 0
        assert "Written as one word" in view.text("glossary")  # the notes, when focused
        for _ in range(40):
            await pilot.press("pagedown")
        assert view.hidden("glossary")[1] == 0 and view.hidden("glossary")[0] > 0
        await pilot.press("3")
        assert english(app).has_focus and english(app).text == choices[2].target

    run(project, scenario, NEWS, size=(80, 24))


def test_the_list_is_a_view_of_its_own_in_a_narrow_terminal(project: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        screen = editor(app)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert screen.query_one("#segments").display and not screen.query_one("#work").display
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert screen.session.index == 2 and english(app).has_focus
        assert screen.query_one("#work").display

    run(project, scenario, size=(80, 24))


# --- state -------------------------------------------------------------------------------


def test_editing_a_reviewed_segment_takes_its_review_away(kwb: Any, project: Path) -> None:
    write_po(project, STORY, [("The PMF attacked.", ["reviewed"]), ("Done.", ["reviewed"])])

    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press("end", *" Again")
        assert "now translated" in status(app) and "translated" in status(app)
        await pilot.press("ctrl+s")
        assert po_entries(project)[0].flags == []
        await pilot.press("ctrl+down", "end", "!", "ctrl+u", "ctrl+s")  # the translator: a draft
        await pilot.pause()
        assert po_entries(project)[1].flags == ["fuzzy"]

    run(project, scenario)
    totals = {r["file"]: r for r in kwb("status", "--json", cwd=project).json_lines()}
    story = totals["story.po"]
    assert (story["reviewed"], story["translated"], story["fuzzy"]) == (0, 1, 1)


def test_undoing_back_to_the_saved_text_is_no_change(project: Path) -> None:
    write_po(project, STORY, [("The PMF attacked.", ["reviewed"])])

    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press("end", *"!!")
        await pilot.pause()
        assert "unsaved" in status(app) and "translated" in status(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert english(app).text == "The PMF attacked."
        assert "unsaved" not in status(app) and "reviewed" in status(app)
        assert not editor(app).session.dirty

    run(project, scenario)


def test_the_filter_is_named_while_it_holds_and_esc_clears_it(project: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        screen = editor(app)
        await pilot.press("ctrl+f", *"باران", "enter")
        await pilot.pause()
        assert screen.rows == [2] and screen.session.index == 2
        assert not screen.query_one("#filter", Input).has_class("visible")
        assert "filter" in status(app) and english(app).has_focus
        await pilot.press("ctrl+up")  # moves stay within the filter
        assert screen.session.index == 2
        await pilot.press("escape")
        await pilot.pause()
        assert "filter" not in status(app) and screen.rows == [0, 1, 2]
        assert isinstance(app.screen, EditorScreen)  # the first esc only cleared the filter
        await pilot.press("ctrl+f", *"untranslated", "escape")  # esc in the input: no filter
        await pilot.pause()
        assert screen.rows == [0, 1, 2] and "filter" not in status(app)

    run(project, scenario)


def test_esc_in_a_file_opened_directly_goes_to_its_projects_files(project: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press(*"The PMF attacked.", "escape")
        await pilot.pause(0.3)
        assert type(app.screen).__name__ == "OverviewScreen"
        assert po_entries(project)[0].msgstr == "The PMF attacked."

    run(project, scenario)


def test_qa_report_enter_puts_the_keys_in_that_segments_english(project: Path) -> None:
    write_po(project, STORY, [("", []), ("No forces in Iraq.", []), ("It rained.", [])])

    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press("f3")
        for _ in range(100):
            await pilot.pause(0.05)
            if app.screen.sub_title.endswith("findings") and app.screen.query("DataTable"):
                break
        findings = app.screen.findings  # type: ignore[attr-defined]
        assert findings
        await pilot.press("enter")
        await pilot.pause(0.2)
        screen = editor(app)
        index = next(i for i, e in enumerate(screen.session.entries) if e.msgctxt == findings[0].id)
        assert screen.session.index == index and english(app).has_focus

    run(project, scenario)


def test_the_glossary_edit_dialog_closes_on_esc(kwb: Any, project: Path) -> None:
    async def scenario(app: KwbApp, pilot: Any) -> None:
        await pilot.press("f2")
        await pilot.pause(0.3)
        await pilot.press("s", "s")  # all entries
        await pilot.pause(0.2)
        await pilot.press("e")
        await pilot.pause()
        assert type(app.screen).__name__ == "EditEntryDialog"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "GlossaryScreen"

    run(project, scenario)


def test_a_late_tm_or_qa_result_on_a_closing_editor_is_dropped(project: Path) -> None:
    """The TM and the project check answer from threads; an answer that arrives while the
    editor is being taken down (the translator quit at that moment) must not crash the app."""

    async def scenario(app: KwbApp, pilot: Any) -> None:
        screen = editor(app)
        await screen.query_one(WorkView).remove()
        screen._show_tm(screen.session.index, [])
        screen._project_checked(screen.session.check_project())
        await pilot.pause()
        assert app.return_code is None  # still running, no error screen

    run(project, scenario)


def test_the_keys_line_is_drawn_with_the_editors_first_screen(project: Path) -> None:
    """The footer reads the screen's bindings when it is drawn, so the editor's first
    frame carries its keys (Textual's footer built them a frame later: a second redraw of
    the bottom line, a tenth of a second on a large file)."""

    async def main() -> None:
        app = KwbApp(load_project(project), project / STORY, "visual")
        async with app.run_test(size=(140, 45)) as pilot:
            while not isinstance(app.screen, EditorScreen):
                await pilot.pause(0.01)
            footer = app.screen.query_one(KeyFooter)
            assert "Done+next" in footer.render().plain
            assert not footer.children  # one line, no widget per key to mount later

    asyncio.run(main())
