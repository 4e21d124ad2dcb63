"""Shared fixtures: the bundled demo project as committed, and a way to run the real `kwb`
command.

The repository is also the demo project a newcomer translates in (`translations/`,
`seeds/`, `glossary/`, `kwb.toml`), so no test reads those files as they are on disk: a
user who translated in the demo, or approved a term in its glossary, must still get a
green `make test`. Tests read the demo as committed (`git archive HEAD`), materialised once
per run in a temporary folder (`DEMO`, read only); a test that writes takes a copy
(`committed_demo`). `kwb init` and `kwb align` outside a project take the committed
curated glossary too (`KWB_CURATED_GLOSSARY`).
"""

from __future__ import annotations

import atexit
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
DEMO_FILES = ("kwb.toml", "seeds", "translations", "glossary")
"""What of the repository is the demo project (the rest is kwb's code, tests, data)."""


def materialise_committed_demo(dest: Path, repo: Path = REPO) -> Path:
    """Write the demo project of `repo` as committed at HEAD into `dest`. Outside a git
    checkout (an unpacked release) there is no other demo than the files themselves: they
    are copied."""
    dest.mkdir(parents=True, exist_ok=True)

    def git(*args: str) -> bytes:
        return subprocess.run(
            ["git", "-C", str(repo), *args], capture_output=True, check=True
        ).stdout

    try:
        top = git("ls-tree", "--name-only", "HEAD").decode("utf-8").splitlines()
    except (OSError, subprocess.CalledProcessError):
        top = None  # no git, or not a checkout
    if top is None:
        for name in DEMO_FILES:
            source = repo / name
            if source.is_dir():
                shutil.copytree(source, dest / name, dirs_exist_ok=True)
            elif source.is_file():
                shutil.copy2(source, dest / name)
        return dest
    archive = git("archive", "--format=tar", "HEAD", "--", *[n for n in DEMO_FILES if n in top])
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")
    return dest


def _committed_demo_for_the_run() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="kwb-demo-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return materialise_committed_demo(folder / "demo")


DEMO = _committed_demo_for_the_run()
"""The demo project as committed: read it, never write to it (take `committed_demo`)."""
SEEDS = DEMO / "seeds"
SEED_000 = SEEDS / "000_d4781596957db36c.txt"
SEED_002 = SEEDS / "002_ea2792f57afd9dbb.txt"
os.environ["KWB_CURATED_GLOSSARY"] = str(DEMO / "glossary" / "glossary.toml")
os.environ.setdefault("KWB_USER", "Test Translator")
"""Who the workbench records as translator and reviewer in tests, whatever the machine's git
configuration says (tests of who the user is set their own)."""


@pytest.fixture
def committed_demo(tmp_path: Path) -> Path:
    """A copy of the demo project as committed, for a test that writes to it."""
    return Path(shutil.copytree(DEMO, tmp_path / "demo"))


def kwb_executable() -> str:
    """The installed `kwb` console script beside this interpreter."""
    candidate = Path(sys.executable).parent / "kwb"
    return str(candidate) if candidate.exists() else "kwb"


class Result:
    """A finished `kwb` run."""

    def __init__(self, proc: subprocess.CompletedProcess[bytes]) -> None:
        self.code = proc.returncode
        self.out = proc.stdout.decode("utf-8")
        self.err = proc.stderr.decode("utf-8")

    def json_lines(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.out.splitlines() if line.strip()]


@pytest.fixture
def kwb(tmp_path: Path) -> Any:
    """Run the real `kwb` in a temp folder: kwb("segment", "f.txt", stdin=b"...")."""

    def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> Result:
        env = {**os.environ, "COLUMNS": "120", "KWB_RTL": "terminal"}
        proc = subprocess.run(
            [kwb_executable(), *args],
            input=stdin if stdin is not None else b"",
            capture_output=True,
            cwd=cwd or tmp_path,
            env=env,
            timeout=120,
        )
        return Result(proc)

    return run


def approved_entry(entry_id: str, source: str, target: str, **fields: Any) -> Any:
    """A glossary entry, approved on a fixed day unless `fields` say otherwise."""
    import datetime as dt

    from workbench.terms.model import Entry

    day = dt.date(2026, 1, 1)
    values: dict[str, Any] = {
        "status": "approved",
        "proposed_by": "test",
        "proposed_on": day,
        "reviewed_by": "test",
        "reviewed_on": day,
    }
    values.update(fields)
    return Entry(id=entry_id, source=source, target=target, **values)


STORY_ARTICLE = "حەشدی شەعبی هێرشی کرد.  هێزی شەڕکەر لە عێراق نامێنێت.  باران بارى."
"""Three one-sentence paragraphs with glossary terms (PMF, combat forces, Iraq)."""
STORY = "translations/story.po"


def story_project(kwb: Any, root: Path) -> Path:
    """A new project at `root` with the story article added, nothing translated."""
    kwb("init", str(root))
    article = root / "seeds" / "story.txt"
    article.write_text(STORY_ARTICLE, encoding="utf-8")
    assert kwb("add", str(article), cwd=root).code == 0
    return root
