"""Build the deliverables of a project's articles: render each, then write them as a set.

The English formats (text, Markdown, HTML) are the article to publish: an untranslated or
fuzzy segment stops the build (nothing is written) unless it is a draft, which marks them.
The review page is built whatever the segments' states: showing them is its purpose. A file
whose bytes would not change is not written again, and nothing in the output depends on
when it was built, so a build of an unchanged project changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workbench.atomic import atomic_write_all
from workbench.deliver.article import Article, Segment, article_of
from workbench.deliver.render import FORMATS, SUFFIXES, render_html, render_markdown, render_text
from workbench.errors import InputError
from workbench.qa.model import Finding
from workbench.store.project import Project

DEFAULT_OUT = "output"
"""The default output folder, in the project root (ignored by git)."""


@dataclass(frozen=True)
class Output:
    """One built file."""

    article: Article
    path: Path
    changed: bool
    """Whether the file was written (False: it already held these bytes)."""


@dataclass
class Build:
    """What a build did: the files, or the unfinished segments that stopped it."""

    outputs: list[Output] = field(default_factory=list)
    blocked: list[tuple[Article, Segment]] = field(default_factory=list)
    """Untranslated or fuzzy segments of a non-draft build of the English (none written)."""

    @property
    def unfinished(self) -> int:
        """Unfinished segments in the articles built (or that stopped the build)."""
        if self.blocked:
            return len(self.blocked)
        return sum(len(o.article.unfinished) for o in self.outputs)


def project_articles(project: Project, ids: Sequence[str] = ()) -> list[Path]:
    """The PO files of the articles named by `ids` (all, sorted, when none); an unknown id
    is an `InputError`."""
    files = {p.stem: p for p in sorted(project.translations.glob("*.po")) if p.is_file()}
    if not ids:
        return list(files.values())
    unknown = [i for i in ids if i not in files]
    if unknown:
        known = ", ".join(files) or "none"
        raise InputError(unknown[0], f"no such article in {project.translations}; known: {known}")
    return [files[i] for i in dict.fromkeys(ids)]


def output_folder(project: Project, out: Path | None) -> Path:
    """Where to write: `out` as given (anywhere, as `kwb export` writes), else `output/` in
    the project, which must really be inside it (a link to elsewhere is refused)."""
    if out is not None:
        return out
    folder = project.root / DEFAULT_OUT
    real_root = project.root.resolve()
    if not folder.resolve().is_relative_to(real_root):
        raise InputError(
            folder, f"resolves outside the project ({folder.resolve()}); name a folder with --out"
        )
    return folder


def file_name(project: Project, path: Path) -> str:
    """A PO file as `kwb check` names it: relative to the project root."""
    try:
        return path.resolve().relative_to(project.root.resolve()).as_posix()
    except ValueError:
        return str(path)


def build(
    project: Project,
    ids: Sequence[str] = (),
    fmt: str = "text",
    out: Path | None = None,
    draft: bool = False,
) -> Build:
    """Build `fmt` for the articles named (all by default) into `out` (see `output_folder`)."""
    if fmt not in FORMATS:
        raise InputError(fmt, f"unknown format; use one of {', '.join(FORMATS)}")
    paths = project_articles(project, ids)
    folder = output_folder(project, out)
    articles = [article_of(p) for p in paths]
    result = Build()
    if fmt != "review" and not draft:
        result.blocked = [(a, s) for a in articles for s in a.unfinished]
        if result.blocked:
            return result
    rendered = _render(project, articles, fmt)
    if folder.exists() and not folder.is_dir():
        raise InputError(folder, "is not a folder")
    pairs = zip(articles, rendered, strict=True)
    targets = {folder / f"{a.id}{SUFFIXES[fmt]}": data for a, data in pairs}
    changed = {path: data for path, data in targets.items() if _differs(path, data)}
    if changed:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            atomic_write_all(changed)
        except OSError as exc:
            raise InputError(folder, f"cannot write: {exc.strerror or exc}") from None
    result.outputs = [Output(a, p, p in changed) for a, p in zip(articles, targets, strict=True)]
    return result


def _differs(path: Path, data: bytes) -> bool:
    try:
        return path.is_symlink() or path.read_bytes() != data
    except OSError:
        return True


def _render(project: Project, articles: list[Article], fmt: str) -> list[bytes]:
    if fmt == "review":
        return _render_review(project, articles)
    render = {"text": render_text, "markdown": render_markdown, "html": render_html}[fmt]
    return [render(a).encode("utf-8") for a in articles]


def _render_review(project: Project, articles: list[Article]) -> list[bytes]:
    """Review pages, with the project's glossary and its QA run as `kwb check` runs it
    (the corpus checks comparing across the project)."""
    from workbench.deliver.review import render_review
    from workbench.qa.runner import check_units, units_from_po
    from workbench.terms.glossary import load_glossary, stopwords
    from workbench.terms.matcher import Matcher

    matcher = Matcher(load_glossary(project.glossary).active(), stopwords())
    every = sorted(project.translations.glob("*.po"))
    names = {a.path: file_name(project, a.path) for a in articles}
    known = {p.resolve() for p in every}
    compared = every + [a.path for a in articles if a.path.resolve() not in known]
    units = [u for path in compared for u in units_from_po(path, file_name(project, path))]
    found = check_units(units, matcher, None, scope="project", report=set(names.values()))
    by_entry: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in found:
        by_entry[(f.file, f.id)].append(f)
    pages = []
    for article in articles:
        name = names[article.path]
        mine = {key: fs for (file, key), fs in by_entry.items() if file == name}
        pages.append(render_review(article, matcher, mine, name).encode("utf-8"))
    return pages
