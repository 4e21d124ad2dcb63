"""The segment editor's keys: ids (for `[keys]` in kwb.toml), defaults, descriptions.

Every default reaches the workbench in the common terminals without the kitty keyboard
protocol (see `keys.py` for what terminals send); ctrl+enter is an extra for terminals
that speak it. Priority bindings act even while the English editor has the keys; the
digits that insert glossary terms act only after ctrl+g (see `EditorFrame.check_action`).
The README's table of keys is checked against this list.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

EDITOR_BINDINGS: list[BindingType] = [
    Binding(
        "ctrl+j,ctrl+enter",
        "done_next",
        "Done+next",
        id="done_next",
        priority=True,
        tooltip="done (not a draft any more) and next",
    ),
    Binding(
        "ctrl+down", "next", "Next", id="next", priority=True, show=False, tooltip="next segment"
    ),
    Binding(
        "ctrl+up",
        "previous",
        "Previous",
        id="previous",
        priority=True,
        show=False,
        tooltip="previous segment",
    ),
    Binding(
        "ctrl+n",
        "next_unfinished",
        "Unfinished",
        id="next_unfinished",
        priority=True,
        tooltip="next unfinished (untranslated or fuzzy)",
    ),
    Binding(
        "ctrl+p",
        "previous_unfinished",
        "Prev unfinished",
        id="previous_unfinished",
        priority=True,
        show=False,
        tooltip="previous unfinished",
    ),
    Binding(
        "ctrl+g",
        "glossary_pick",
        "Glossary",
        id="glossary_pick",
        priority=True,
        tooltip="to the glossary panel: 1…9 insert a term's rendering, ↑↓ scroll",
    ),
    *[
        Binding(
            str(n),
            f"insert_glossary({n})",
            f"Insert glossary term {n}",
            id=f"insert_glossary_{n}",
            show=False,
            priority=True,
            tooltip=f"insert glossary term {n}: after ctrl+g (a key of its own: at once)",
        )
        for n in range(1, 10)
    ],
    Binding("ctrl+t", "insert_tm", "TM", id="insert_tm", priority=True, tooltip="use the best TM"),
    Binding(
        "ctrl+u",
        "toggle_fuzzy",
        "Fuzzy",
        id="toggle_fuzzy",
        priority=True,
        show=False,
        tooltip="toggle fuzzy (a draft; an edit of a reviewed segment asks for nothing more)",
    ),
    Binding(
        "ctrl+r",
        "mark_reviewed",
        "Reviewed",
        id="mark_reviewed",
        priority=True,
        show=False,
        tooltip="mark reviewed (again: off)",
    ),
    Binding(
        "ctrl+o",
        "copy_placeables",
        "Copy numbers/names",
        id="copy_placeables",
        show=False,
        priority=True,
        tooltip="copy the source's numbers and Latin names into the English",
    ),
    Binding(
        "ctrl+f",
        "find",
        "Filter",
        id="find",
        priority=True,
        show=False,
        tooltip="filter segments: text, or untranslated/fuzzy/translated/reviewed",
    ),
    Binding(
        "ctrl+l",
        "segments",
        "List",
        id="segment_list",
        priority=True,
        show=False,
        tooltip="to the segment list and back (a view of its own in narrow terminals)",
    ),
    Binding(
        "enter",
        "focus_english",
        "To the English",
        id="to_english",
        show=False,
        tooltip="from the list or a panel, to the English (in the English: a new line)",
    ),
    Binding("ctrl+z", "undo", "Undo", id="undo", show=False, priority=True, tooltip="undo"),
    Binding("ctrl+s", "save", "Save", id="save", priority=True, show=False, tooltip="save"),
    Binding(
        "f2",
        "glossary",
        "Glossary review",
        id="glossary_screen",
        show=False,
        tooltip="glossary review (approve, reject, edit proposed terms)",
    ),
    Binding("f3", "qa", "QA", id="qa_screen", tooltip="QA report of the file"),
    Binding(
        "escape",
        "back",
        "Files",
        id="back",
        tooltip="close the filter, leave a panel, clear the filter, else back to the files",
    ),
    Binding(
        "f5",
        "build",
        "Build",
        id="build",
        show=False,
        tooltip="build this article's English (text, a draft if unfinished) into output/",
    ),
    Binding(
        "f6",
        "search",
        "Search",
        id="search",
        show=False,
        priority=True,  # over the English editor's own F6 (select the line)
        tooltip="search the project (Sorani through inflection); enter goes to the segment",
    ),
    Binding(
        "f7",
        "replace",
        "Replace",
        id="replace",
        show=False,
        priority=True,  # over the English editor's own F7 (select all)
        tooltip="replace in this file's English: every change previewed; ctrl+z takes it back",
    ),
    Binding(
        "f4",
        "comment",
        "Comment",
        id="comment",
        show=False,
        tooltip="write or edit the segment's translator comment (saved with it)",
    ),
    Binding(
        "f9",
        "propose_term",
        "Propose term",
        id="propose_term",
        show=False,
        tooltip="propose a glossary term from this segment's Sorani and the selected English",
    ),
    Binding(
        "f12",
        "waive",
        "Waive",
        id="waive",
        show=False,
        tooltip="waive one of this segment's QA findings, with the reason",
    ),
    Binding(
        "f8",
        "spelling",
        "Spelling",
        id="spelling",
        priority=True,
        show=False,
        tooltip="suggestions for the misspelt word at or before the cursor; a adds it to the"
        " word list",
    ),
]
