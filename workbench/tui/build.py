"""The editor's build key: the open article's English as text, where `kwb build` puts it.

A translator who presses the key mid-work wants to read the article as it stands, so
unfinished segments do not stop it: it is built as a draft (the Sorani of an untranslated
segment in brackets, a fuzzy English marked) and the message says how many are left.
"""

from __future__ import annotations

from pathlib import Path

from workbench.errors import InputError
from workbench.store.project import Project


def build_article(project: Project | None, path: Path) -> tuple[str, bool]:
    """Build the article of the PO file `path`; a message for the translator, and whether
    it was built."""
    from workbench.deliver.build import build

    if project is None:
        return "no project: the article is built from a project's translations/", False
    if path.resolve().parent != project.translations.resolve():
        return f"{path.name} is not in the project's translations/: kwb build builds those", False
    try:
        result = build(project, [path.stem], "text", None, draft=True)
    except InputError as exc:
        return str(exc), False
    (output,) = result.outputs
    try:
        where = output.path.resolve().relative_to(project.root.resolve()).as_posix()
    except ValueError:
        where = str(output.path)
    left = len(output.article.unfinished)
    draft = f" (draft: {left} unfinished)" if left else ""
    verb = "built" if output.changed else "built, unchanged:"
    return f"{verb} {where}{draft}", True
