"""The segment editor: the list of segments, the Sorani source with glossary terms
highlighted, glossary hits, TM suggestions, QA findings, and the English editor.

Keys follow Poedit and OmegaT habits where those reach a program in every common terminal
(see `keys.py`); every binding has an id so `[keys]` in kwb.toml can remap it, and the
footer, the help screen and the panel titles name the keys as bound. The layout (see
`layout.py`) keeps the source and the English on screen down to 80×24. Edits are saved
atomically after an idle moment and on every change of segment; a file changed by another
program is reloaded or merged.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import Concatenate, ParamSpec

from rich.console import Group
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Input, TextArea

from workbench.display.bidi import Mode
from workbench.display.text import Bidi
from workbench.errors import InputError
from workbench.gc_pause import freeze_long_lived
from workbench.store.pofile import state
from workbench.terms.matcher import Hit
from workbench.tm.index import Match
from workbench.tm.service import TmUnavailableError
from workbench.tui.diffs import source_spans, tm_content
from workbench.tui.display import BidiInput, app_mode
from workbench.tui.editor_frame import EditorFrame
from workbench.tui.panels import WorkView
from workbench.tui.replace import ReplaceBatch
from workbench.tui.segment_list import SegmentList
from workbench.tui.session import EditSession, ProjectQa
from workbench.tui.spelling import MISSPELT_STYLE, SpellMarks, load_dictionary, suggest
from workbench.tui.widgets import (
    HIT_STYLE,
    EnglishEditor,
    KeyFooter,
    StatusLine,
    mark,
    rtl_preview,
)
from workbench.tui.workflow import Workflow

AUTOSAVE_SECONDS = 2.0
DISK_POLL_SECONDS = 1.5
BACKGROUND_AFTER_SECONDS = 0.5
"""The project's QA and the collector's freeze wait this long after the editor is shown:
both hold the interpreter for a tenth of a second or more, and started at once they
delayed the rest of the first screen and the first keys (the TM process, started
alongside, runs in a process of its own)."""
_PLACEABLE = re.compile(r"[0-9٠-٩۰-۹][0-9٠-٩۰-۹.,٫٬]*|[A-Za-z][A-Za-z.&'-]*")
_P = ParamSpec("_P")


def in_key_order(
    action: Callable[Concatenate[EditorScreen, _P], None],
) -> Callable[Concatenate[EditorScreen, _P], None]:
    """Run an editor action after the keys typed before it. The editor's keys are bound
    with priority, so Textual runs their action as soon as it reads the key, while the
    characters read just before it still wait in the focused widget's queue: a fast typist
    or a key repeat would see "word" + next segment type the word into the next segment.
    Queued behind those characters, the action comes in the order the keys were pressed."""

    def ordered(screen: EditorScreen, /, *args: _P.args, **kwargs: _P.kwargs) -> None:
        focused = screen.app.focused
        if focused is None or not focused.call_later(action, screen, *args, **kwargs):
            action(screen, *args, **kwargs)

    functools.update_wrapper(ordered, action)  # Textual reads the action's parameters
    return ordered


class EditorScreen(EditorFrame):
    """Translate one PO file, segment by segment."""

    AUTO_FOCUS = "#target"  # typing goes to the English from the first keystroke

    def __init__(self, session: EditSession, mode: Mode | None = None) -> None:
        super().__init__()
        self.session = session
        self.mode = mode
        self.rows: list[int] = []
        self._row_of: dict[int, int] = {}
        self._row_state: dict[int, tuple[str, bool, str]] = {}
        self._autosave: Timer | None = None
        self._loading_text = False
        self._text_of: tuple[int, object] = (0, None)
        """The entry (position, object) whose English the editor holds: the session may
        have moved on, or read the file again, since."""
        self._suggestions: list[Match] = []
        self._flagged: set[int] = set()
        self.filter_query = ""
        """The filter in force ("" for none): shown in the status line while it holds."""
        self.replaced: list[ReplaceBatch] = []
        """Replacements made (F7), the last last: what ctrl+z takes back."""
        self.workflow = Workflow(self)
        """Who the user is, comments, waivers, proposed terms, the work left."""
        self.spelling: SpellMarks | None = None
        """The English's spell check, once its dictionary is loaded."""

    # --- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        with Horizontal():
            with Vertical(id="segments"):
                yield BidiInput(
                    placeholder="filter: text, or untranslated / fuzzy / translated / reviewed",
                    id="filter",
                )
                # A list longer than the terminal is tall has its scroll bar from the first
                # frame (it came a frame later, narrowing every row: a second redraw).
                long = len(self.session.entries) > self.app.size.height
                yield SegmentList(
                    self._row_text, id="segment-list", classes="-long" if long else ""
                )
            with Vertical(id="work"):
                view = WorkView(self.mode or app_mode(self), id="work-view")
                view.set_title("source", Text("Sorani"))
                view.set_title("glossary", self._key_title("glossary"), self._key("glossary_pick"))
                view.set_title("tm", self._key_title("tm"))
                view.set_title("qa", self._key_title("qa"))
                yield view
                english = EnglishEditor(id="target", soft_wrap=True)
                english.border_title = "English"
                english.let_through = self._glossary_key
                yield english
        yield KeyFooter()

    def on_mount(self) -> None:  # EditorFrame's runs too (Textual calls each class's)
        self._fill(range(len(self.session.entries)))
        self.set_interval(DISK_POLL_SECONDS, self._check_disk)
        self.show(self.session.index)
        self.query_one("#target", TextArea).focus()
        self.set_timer(BACKGROUND_AFTER_SECONDS, self._start_background)

    def _start_background(self) -> None:
        """Once the first screen is up: freeze what lives for the session out of the
        collector's sight, compare the file with the project (a worker), and find out who
        the user is and how much work is left."""
        freeze_long_lived()
        self._check_project()
        self.workflow.start()
        self._load_spelling()

    def _fill(self, indices: range | list[int]) -> None:
        self.rows = list(indices)
        self._row_of = {index: row for row, index in enumerate(self.rows)}
        self._row_state = {}
        self.query_one("#segment-list", SegmentList).set_count(len(self.rows))

    def _row_text(self, row: int, width: int) -> Text:
        """One line of the segment list: status, number, Sorani (drawn RTL), English."""
        index = self.rows[row]
        entry = self.session.entries[index]
        sorani_width = max(10, (width - 9) * 11 // 20)
        text = mark(state(entry), index in self._flagged)
        text.append(" " * (3 - text.cell_len))
        text.append(f"{index + 1:>5} ", style="dim")
        text.append_text(rtl_preview(entry.msgid, sorani_width, self.mode))
        text.append("  ")
        text.append(" ".join(entry.msgstr.split())[: max(0, width - text.cell_len)])
        return text

    # --- showing a segment ---------------------------------------------------------------

    def show(self, index: int) -> None:
        """Make segment `index` current: source, panels, editor, list cursor. Everything is
        computed first and the widgets are then updated together, so Textual paints the
        move in one frame (updates spread over the handler land in two, a tick apart)."""
        s = self.session
        if not s.entries:
            return
        s.index = index
        entry = s.current
        spans = [(h.start, h.end, HIT_STYLE) for h in s.hits()] + source_spans(entry)
        mode = self.mode or app_mode(self)
        glossary = _glossary_text(s.glossary_choices(), mode)
        terms = _without_notes(glossary)
        findings = self._findings_text()
        if s.tm is None:  # the TM service may have come up since the file opened
            s.tm = getattr(self.app, "tm", None)
        suggestions = s.cached_suggestions(index)

        view = self.view()
        view.set_source(entry.msgid, spans)
        view.set_panel("glossary", glossary, terms)
        if suggestions is None:
            waiting = "…" if s.tm is not None else "translation memory loading…"
            view.set_panel("tm", tm_content(entry, None, mode, waiting))
        else:
            self._show_tm(index, suggestions, alone=False)
        view.set_panel("qa", findings)
        if self.spelling is not None:
            self.spelling.for_source(entry.msgid)
        self._loading_text = True
        self.query_one("#target", TextArea).load_text(entry.msgstr)
        self._loading_text = False
        self._text_of = (index, entry)
        self._refresh_row(index)
        if index in self._row_of:
            segments = self.query_one("#segment-list", SegmentList)
            if segments.cursor != self._row_of[index]:
                segments.cursor = self._row_of[index]
        self._update_title()
        # After this frame: a worker thread started now would delay it.
        self.call_after_refresh(self._lookup_tm, index)

    @work(thread=True, exclusive=True, group="tm")
    def _lookup_tm(self, index: int) -> None:
        """Look up the segment's TM suggestions, then the next segment's, so moving on
        shows them at once."""
        if index != self.session.index or self.session.tm is None:
            return  # the translator has moved on, or the TM is not up yet (see `tm_ready`)
        try:
            if self.session.cached_suggestions(index) is None:
                matches = self.session.suggestions(index)
                self.app.call_from_thread(self._show_tm, index, matches)
            self.session.suggestions(index + 1)
        except TmUnavailableError as exc:
            self.session.tm = None
            self.app.call_from_thread(
                self.notify, f"translation memory unavailable: {exc}", severity="warning"
            )

    def tm_ready(self) -> None:
        """The TM service is up: look up the segment on screen."""
        self.session.tm = getattr(self.app, "tm", None)
        self._lookup_tm(self.session.index)

    def _show_tm(self, index: int, matches: list[Match], alone: bool = True) -> None:
        if index != self.session.index or self.closing():
            return
        self._suggestions = matches
        content = tm_content(self.session.current, matches, self.mode or app_mode(self))
        self.view().set_panel("tm", content, alone=alone)

    def _findings_text(self) -> Bidi:
        """The current entry's QA findings (and its QA mark in the list), English lines with
        the Sorani they quote in display order. The corpus checks' come from the last check
        across the project, and say so."""
        findings = self.session.findings()
        index = self.session.index
        (self._flagged.add if findings else self._flagged.discard)(index)
        text = Text("\n".join(f"{f.check}: {f.message}" for f in findings if f.scope is None))
        for f in findings:
            if f.scope is not None:
                text.append("\n" if text else "")
                text.append(f"{f.check}: {f.message}")
                text.append(f" — {f.scope}", style="dim")
        self.workflow.annotate(text)
        if self.session.project_qa is None and self.session.translations is not None:
            text.append("\n" if text else "")
            text.append("consistency across the project: checking…", style="dim")
        return Bidi(text or Text("no findings", style="dim"), self.mode or app_mode(self), "ltr")

    @work(thread=True, exclusive=True, group="project-qa")
    def _check_project(self) -> None:
        """Compare the open file with the project's other files (the corpus checks, as
        `kwb check` does), off the screen's way; again after each save."""
        if self.session.translations is None:
            return
        qa = self.session.check_project()
        self.app.call_from_thread(self._project_checked, qa)

    def _project_checked(self, qa: ProjectQa) -> None:
        """Mark the entries the project-wide check found something on; show the current
        entry's findings again."""
        if self.closing():
            return
        index = {e.msgctxt: i for i, e in enumerate(self.session.entries)}
        for msgctxt, found in qa.findings.items():
            i = index.get(msgctxt)
            waived = all(f.waived is not None for f in found)
            if i is not None and i not in self._flagged and not waived:
                self._flagged.add(i)
                self._refresh_row(i)
        self._show_findings()
        self.workflow.project_checked()

    def _show_findings(self, alone: bool = True) -> None:
        self.view().set_panel("qa", self._findings_text(), alone=alone)
        self._refresh_row(self.session.index)

    def _refresh_row(self, index: int) -> None:
        """Repaint a row's mark and English, only when they changed (repaints are costly)."""
        entry = self.session.entries[index]
        self.workflow.entry_changed(index)
        shown = (state(entry), index in self._flagged, " ".join(entry.msgstr.split())[:80])
        if self._row_state.get(index) == shown or index not in self._row_of:
            self._row_state[index] = shown
            return
        self._row_state[index] = shown
        self.query_one("#segment-list", SegmentList).refresh_row(self._row_of[index])

    def _update_title(self) -> None:
        s = self.session
        unsaved = " ● unsaved" if s.dirty else ""
        shown: Text | None = None
        if self.filter_query:
            shown = Text("filter “", style="bold reverse")
            shown.append(self.filter_query)  # the status line puts it in display order
            shown.append(f"” {len(self.rows)} · {self._key('back')} clears")
        self.query_one("#status", StatusLine).show(
            f"{s.path.name}{unsaved}",
            f"segment {s.index + 1} of {len(s.entries)} · {state(s.current)}"
            + self.workflow.progress_detail(),
            shown,
        )

    # --- editing -------------------------------------------------------------------------

    @on(TextArea.Changed, "#target")
    def _edited(self, event: TextArea.Changed) -> None:
        self._take_text()

    def _take_text(self) -> None:
        """Take the English editor's text into the session, if the translator changed it.
        Called on its `Changed` messages and before leaving or saving a segment: the
        messages of the last keys may still be on their way then. An edit of a reviewed
        segment takes its review away (see `EditSession.set_target`), and says so."""
        text, (index, shown) = self.query_one("#target", TextArea).text, self._text_of
        entries = self.session.entries
        if self._loading_text or index >= len(entries) or entries[index] is not shown:
            return  # a segment is being loaded, or the file was read again meanwhile
        if text == entries[index].msgstr:
            return  # loaded, not edited, or taken already
        was = state(entries[index])
        self.session.set_target(text, index)
        if was == "reviewed" and state(entries[index]) != "reviewed":
            self.notify(
                f"edited after review: now {state(entries[index])}"
                f" ({self._key('mark_reviewed')} marks it reviewed again)"
            )
        self._refresh_row(index)
        self._update_title()
        if self._autosave is not None:
            self._autosave.stop()
        self._autosave = self.set_timer(AUTOSAVE_SECONDS, self.action_save)

    def on_segment_list_highlighted(self, event: SegmentList.Highlighted) -> None:
        """The translator moved in the list. A message that the cursor has moved on from
        since it was posted is history: following it would undo the later moves."""
        if event.current and 0 <= event.row < len(self.rows):
            index = self.rows[event.row]
            if index != self.session.index:
                self._go(index)

    def _leave_segment(self) -> None:
        """Save on every change of segment."""
        self.action_save()

    def _go(self, index: int) -> None:
        self._leave_segment()
        self.show(index)

    @in_key_order
    def action_done_next(self) -> None:
        self.session.done()
        self._show_findings(alone=False)  # the next segment's are shown at once
        self._go(
            self.session.move(1)
            if self.session.index < len(self.session.entries) - 1
            else self.session.index
        )

    @in_key_order
    def action_next(self) -> None:
        self._go(self._neighbour(1))

    @in_key_order
    def action_previous(self) -> None:
        self._go(self._neighbour(-1))

    def _neighbour(self, step: int) -> int:
        """The next (step 1) or previous (-1) segment: of the filtered ones while a filter
        holds; the current one at either end."""
        index, last = self.session.index, len(self.session.entries) - 1
        if not self.filter_query:
            return max(0, min(last, index + step))
        rows = self.rows
        if step > 0:
            at = bisect_right(rows, index)
            return rows[at] if at < len(rows) else index
        at = bisect_left(rows, index)
        return rows[at - 1] if at > 0 else index

    @in_key_order
    def action_next_unfinished(self) -> None:
        self._unfinished(1)

    @in_key_order
    def action_previous_unfinished(self) -> None:
        self._unfinished(-1)

    def _unfinished(self, step: int) -> None:
        """Go to the next (or previous) untranslated or fuzzy segment, or say there is none."""
        s = self.session
        current = s.index
        self._leave_segment()
        target = s.unfinished(step)
        if target == current:
            left = s.unfinished_count()
            self.notify(
                "no other unfinished segment: this is the last one"
                if left
                else "nothing unfinished: every segment is translated"
            )
        self.show(target)

    @in_key_order
    def action_toggle_fuzzy(self) -> None:
        self.session.toggle_fuzzy()
        self._after_flag_change()

    @in_key_order
    def action_mark_reviewed(self) -> None:
        if self.workflow.ask_name(self.action_mark_reviewed):
            return  # marked once the name is given (or declined)
        try:
            self.session.mark_reviewed()
        except InputError as exc:
            self.notify(exc.reason, severity="warning")
            return
        self._after_flag_change()

    def _after_flag_change(self) -> None:
        self._refresh_row(self.session.index)
        self._update_title()
        self.action_save()

    def action_insert_glossary(self, n: int) -> None:
        """Insert glossary term n (after ctrl+g, or by a key of its own). The digits stop
        inserting at once; the insertion itself waits for the keys typed before."""
        self._glossary_armed = False
        self._insert_term(n)

    @in_key_order
    def _insert_term(self, n: int) -> None:
        hits = self.session.glossary_choices()
        if n <= len(hits):
            self.query_one("#target", TextArea).insert(hits[n - 1].target)
            self.action_focus_english()
        else:
            self.notify(f"no glossary term {n} in this segment", severity="warning")

    def action_glossary_pick(self) -> None:
        """To the glossary panel (a digit then inserts), or back to the English from it."""
        view = self.view()
        if self._glossary_armed or (view.has_focus and view.section == "glossary"):
            self.action_focus_english()
        elif not self.session.glossary_choices():
            self.notify("no glossary terms in this segment")
        else:
            self._glossary_armed = True
            view.focus_section("glossary")
            self.set_focus(view)  # at once: the keys that follow go there

    @in_key_order
    def action_insert_tm(self) -> None:
        if not self._suggestions:
            self.notify("no translation-memory suggestion", severity="warning")
            return
        area = self.query_one("#target", TextArea)
        area.select_all()
        area.replace(self._suggestions[0].en, area.selection.start, area.selection.end)

    @in_key_order
    def action_copy_placeables(self) -> None:
        from workbench.text import key_text

        found = _PLACEABLE.findall(key_text(self.session.current.msgid))
        if found:
            self.query_one("#target", TextArea).insert(" ".join(dict.fromkeys(found)))

    @in_key_order
    def action_undo(self) -> None:
        from workbench.tui.replace import undo_replace

        if not undo_replace(self):  # the English editor's own edits come first
            self.query_one("#target", TextArea).undo()

    @in_key_order
    def _action_save(self) -> None:
        """ctrl+s (Textual runs a key's `_action_` method before its `action_` one): save
        once the keys typed before it are in. Called from code, `action_save` saves now."""
        self.action_save()

    def action_save(self) -> None:
        from workbench.store.save import ConflictError

        self._take_text()
        try:
            written = self.session.save()
        except ConflictError as exc:
            self.notify(exc.reason, severity="error", timeout=8)
            return
        except InputError as exc:
            self.notify(str(exc), severity="error")
            return
        if written:
            self._update_title()
            self._check_project()
            self.workflow.saved()

    def action_find(self) -> None:
        box = self.query_one("#filter", Input)
        box.value = self.filter_query
        box.add_class("visible")
        self.add_class("-list")
        self.set_focus(box)  # at once: the keys typed next are the filter's

    @on(Input.Submitted, "#filter")
    def _filter(self, event: Input.Submitted) -> None:
        self.apply_filter(event.value)

    def apply_filter(self, value: str) -> None:
        """Show only the segments whose source or English holds `value` (through Sorani
        spelling variants), or those in a state; "" shows all. The filter is named in the
        status line while it holds; the input closes and the English has the keys."""
        query = value.strip()
        indices = self.session.matching(query)
        if query and not indices:
            self.notify(f"no segment matches “{query}”", severity="warning")
            return
        self.filter_query = query
        self.query_one("#filter", Input).remove_class("visible")
        self._fill(indices)
        if self.session.index in self._row_of:
            self.show(self.session.index)
        else:
            self._go(indices[0])
        self.action_focus_english()

    def action_glossary(self) -> None:
        from workbench.tui.glossary_screen import GlossaryScreen

        self.app.push_screen(GlossaryScreen())

    def action_qa(self) -> None:
        from workbench.tui.qa_screen import QaScreen

        def jump(index: int | None) -> None:
            if index is not None:
                if index not in self._row_of:
                    self.apply_filter("")  # the finding's segment was filtered out
                self._go(index)
            self.call_after_refresh(self.action_focus_english)

        self.app.push_screen(QaScreen(self.session), jump)

    def action_back(self) -> None:
        """Esc, one step at a time: close the filter's input (and the filter), leave a
        panel or the list for the English, clear the filter, else save and go back to the
        project's files (also when the file was opened directly)."""
        box = self.query_one("#filter", Input)
        if box.has_class("visible"):
            box.remove_class("visible")
            self.apply_filter("")
            return
        if self._glossary_armed or self.focused is not self.query_one("#target", TextArea):
            self.action_focus_english()
            return
        if self.filter_query:
            self.apply_filter("")
            return
        self.action_save()
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:  # opened from the command line: its project's files
            from workbench.tui.overview import OverviewScreen

            self.app.switch_screen(OverviewScreen())

    # --- outside changes -----------------------------------------------------------------

    def _check_disk(self) -> None:
        s = self.session
        if not s.changed_on_disk():
            return
        if s.dirty:
            self.action_save()  # merges entry by entry, or reports the conflict
            self.notify("merged changes made by another program")
        else:
            s.load()
            self.notify("reloaded: the file was changed by another program")
        self.workflow.count()
        self._fill(range(len(s.entries)))
        self.show(min(s.index, len(s.entries) - 1))
        self._check_project()

    # --- the deliverable -----------------------------------------------------------------

    def action_build(self) -> None:
        """F5: save, build the article's English as text, and say where it went."""
        from workbench.tui.build import build_article

        self.action_save()
        if self.session.dirty:  # the save failed and said why: the file lacks the edits
            self.notify("not built: the file could not be saved", severity="error", timeout=8)
            return
        message, ok = build_article(getattr(self.app, "project", None), self.session.path)
        self.notify(message, severity="information" if ok else "error", timeout=8)

    # --- project search and replace (search.py, replace.py) ------------------------------

    @in_key_order
    def action_search(self) -> None:
        from workbench.tui.search import open_search

        open_search(self)

    @in_key_order
    def action_replace(self) -> None:
        from workbench.tui.replace import open_replace

        open_replace(self)

    def go_to_entry(self, index: int) -> None:
        """To segment `index` of the open file (every segment shown if a filter hides it),
        the English taking the keys."""
        if index not in self._row_of:
            self.apply_filter("")
        self._go(index)
        self.call_after_refresh(self.action_focus_english)

    def refresh_row(self, index: int) -> None:
        """Repaint segment `index`'s row if its state or English changed."""
        self._refresh_row(index)

    def undo_key(self) -> str:
        """The undo key as bound."""
        return self._key("undo")

    # --- workflow: comment, waiver, proposed term (see workflow.py) ----------------------

    @in_key_order
    def action_comment(self) -> None:
        self.workflow.edit_comment()

    @in_key_order
    def action_waive(self) -> None:
        self.workflow.waive_current()

    @in_key_order
    def action_propose_term(self) -> None:
        self.workflow.propose_term()

    # --- spelling ------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="spelling")
    def _load_spelling(self) -> None:
        """Load the dictionary and the project's words off the screen's way, then mark."""
        project = getattr(self.app, "project", None)
        entries = self.session.matcher.entries if self.session.matcher is not None else ()
        marks = SpellMarks(entries, getattr(project, "glossary", None))
        load_dictionary()
        self.app.call_from_thread(self._spelling_ready, marks)

    def _spelling_ready(self, marks: SpellMarks) -> None:
        if self.closing():
            return
        self.spelling = marks
        if marks.problem is not None:
            self.notify(marks.problem, severity="warning")
        if self.session.entries:
            marks.for_source(self.session.current.msgid)
        english = self.query_one("#target", EnglishEditor)
        english.mark_style = MISSPELT_STYLE
        english.marks = marks.spans
        english.notify_style_update()
        english.refresh()

    @in_key_order
    def action_spelling(self) -> None:
        """Suggestions for the misspelt word at or before the cursor (F8)."""
        if self.spelling is None:
            self.notify("the dictionary is still loading")
            return
        english = self.query_one("#target", EnglishEditor)
        suggest(self.spelling, english, self.app.push_screen, self.notify)


def _glossary_text(hits: list[Hit], mode: Mode) -> Group:
    """The glossary panel: numbered terms (ctrl+g then n inserts), renderings, variants,
    notes. A term's line reads left to right with its Sorani in display order; a note
    takes the direction of its first letter."""
    lines: list[Bidi] = []
    for n, hit in enumerate(hits[:9], 1):
        line = Text(f"{n}. ", style="bold")
        line.append(f"{hit.entry.source} → ")
        line.append(hit.target, style="bold green")
        if hit.entry.status == "proposed":
            line.append("  proposed", style="italic yellow")
        if hit.variants:
            line.append(f"  (also: {', '.join(hit.variants)})", style="dim")
        lines.append(Bidi(line, mode, "ltr"))
        if hit.entry.note:
            note = Text(hit.entry.note[:140], style="dim italic")
            lines.append(Bidi(note, mode, indent=3))
    return Group(*lines) if lines else Group(Text("no glossary terms", style="dim"))


def _without_notes(glossary: Group) -> Group:
    """The glossary panel's terms alone, for a panel too short for the notes: the same
    lines (the notes are the indented ones), so the work view paints each line once."""
    return Group(*(r for r in glossary.renderables if getattr(r, "indent", 0) == 0))
