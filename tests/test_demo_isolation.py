"""Tests never read the demo project as it is on disk: a user translates in it (the README
invites it), and `make test` must stay green. They read it as committed (tests/conftest.py:
`DEMO`, `committed_demo`, `KWB_CURATED_GLOSSARY`)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import DEMO, DEMO_FILES, REPO, materialise_committed_demo

NOT_THE_DEMO = (
    "tests",
    "benchmarks",
    "workbench",
    "README.md",
    "pyproject.toml",
    "setup.py",
    "MANIFEST.in",
    "Makefile",
    ".gitignore",
)
"""What a test may reach from the repository root: kwb itself, its tests and their data."""


def git(cwd: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=kwb", "-c", "user.email=kwb@example.org", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, check=True, text=True).stdout


def test_no_test_module_reaches_the_demo_through_the_repository_root() -> None:
    allowed = re.compile(r"REPO\s*/\s*\"(?:" + "|".join(map(re.escape, NOT_THE_DEMO)) + r")\"")
    offending = []
    for module in sorted(Path(__file__).parent.glob("*.py")):
        if module.name == "conftest.py":
            continue
        for number, line in enumerate(module.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith(("from ", "import ")) or module.name == Path(__file__).name:
                continue
            uses = re.findall(r"\bREPO\b[^,)\]]*", line)
            if any(not allowed.match(use) for use in uses) or "bundled_root(" in line:
                offending.append(f"{module.name}:{number}: {line.strip()}")
    assert offending == []


def test_the_demo_tests_read_is_the_committed_one() -> None:
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout: the demo files are all there is")
    committed = git(REPO, "ls-tree", "-r", "--name-only", "HEAD", "--", *DEMO_FILES).split()
    assert sorted(committed) == sorted(
        str(p.relative_to(DEMO)) for p in DEMO.rglob("*") if p.is_file()
    )
    for name in committed:
        shown = subprocess.run(
            ["git", "-C", str(REPO), "show", f"HEAD:{name}"], capture_output=True, check=True
        ).stdout
        assert (DEMO / name).read_bytes() == shown, name


def test_a_demo_edited_on_disk_is_not_what_tests_read(tmp_path: Path) -> None:
    """A checkout whose demo was translated in and whose glossary was edited: the tests'
    demo is still the committed one."""
    repo = tmp_path / "checkout"
    (repo / "translations").mkdir(parents=True)
    (repo / "glossary").mkdir()
    (repo / "kwb.toml").write_text('[project]\nname = "demo"\n', encoding="utf-8")
    po = repo / "translations" / "a.po"
    po.write_text('msgid "ژمارە"\nmsgstr "number"\n', encoding="utf-8")
    (repo / "glossary" / "glossary.toml").write_text("# committed\n", encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "demo")
    po.write_text('msgid "ژمارە"\nmsgstr "a user\'s translation"\n', encoding="utf-8")
    (repo / "glossary" / "glossary.toml").write_text("# edited\n", encoding="utf-8")
    (repo / "translations" / "new.po").write_text('msgid "x"\nmsgstr ""\n', encoding="utf-8")

    demo = materialise_committed_demo(tmp_path / "demo", repo)
    assert (demo / "translations" / "a.po").read_text(encoding="utf-8").endswith('"number"\n')
    assert (demo / "glossary" / "glossary.toml").read_text(encoding="utf-8") == "# committed\n"
    assert not (demo / "translations" / "new.po").exists()


def test_new_projects_take_the_committed_curated_glossary(kwb: object, tmp_path: Path) -> None:
    run = kwb  # the conftest's runner
    assert run("init", str(tmp_path / "p")).code == 0  # type: ignore[operator]
    copied = (tmp_path / "p" / "glossary" / "glossary.toml").read_bytes()
    assert copied == (DEMO / "glossary" / "glossary.toml").read_bytes()
