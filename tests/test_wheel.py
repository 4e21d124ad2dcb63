"""kwb installed the way a user installs it: a wheel built from the source, installed with
pip into a fresh virtual environment, run from a folder outside the checkout. `kwb init`
must seed the project with the curated glossary the wheel carries (`workbench/_data/`,
copied from `glossary/glossary.toml` by setup.py), and `kwb match` must find its terms.

The wheel is built from a staging copy of the package sources and the committed curated
glossary (tests never read the demo project as it is on disk, nor write into the checkout).
pip runs with the machine's own configuration, as `make` runs it, so the dependencies come
from the same index the development environment was installed from.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DEMO, REPO

pytestmark = pytest.mark.wheel

SENTENCES = (
    # (Sorani line, glossary entries `kwb match` must report on it)
    ("هێزەکانی حەشدی شەعبی هێرشیان کرد.", {"pmf", "attack"}),
    ("حەشدی شەعبی لە نزیک سنوورەکە بوو.", {"pmf"}),
)


def run(*command: str | Path, cwd: Path, env: dict[str, str]) -> str:
    """Run a command to completion; its stdout, or a failure showing what it said."""
    proc = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )
    assert proc.returncode == 0, f"{command[0]} {command[1]}: {proc.stdout}\n{proc.stderr}"
    return proc.stdout


def stage_sources(dest: Path) -> Path:
    """What the build reads: the package, its build files, and the committed glossary."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(REPO / "workbench", dest / "workbench", ignore=ignore)
    build_files = (
        REPO / "pyproject.toml",
        REPO / "setup.py",
        REPO / "MANIFEST.in",
        REPO / "README.md",
    )
    for path in build_files:
        shutil.copy2(path, dest / path.name)
    (dest / "glossary").mkdir()
    shutil.copy2(DEMO / "glossary" / "glossary.toml", dest / "glossary" / "glossary.toml")
    return dest


def test_the_installed_wheel_seeds_projects_with_the_curated_glossary(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("KWB_CURATED_GLOSSARY", "PYTHONPATH")}
    env["PYTHONIOENCODING"] = "utf-8"
    source = stage_sources(tmp_path / "source")
    pip = (sys.executable, "-m", "pip")
    run(
        *pip,
        "wheel",
        "--no-deps",
        "--quiet",
        "-w",
        tmp_path / "dist",
        source,
        cwd=tmp_path,
        env=env,
    )
    (wheel,) = (tmp_path / "dist").glob("kwb-*.whl")

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path, env=env)
    python, kwb = venv / "bin" / "python", venv / "bin" / "kwb"
    run(*pip, "--python", python, "install", "--quiet", wheel, cwd=tmp_path, env=env)
    shutil.rmtree(source)  # nothing of the sources is left to fall back on

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    imported = run(
        python, "-c", "import workbench; print(workbench.__file__)", cwd=elsewhere, env=env
    )
    assert Path(imported.strip()).is_relative_to(venv)

    run(kwb, "init", "P", cwd=elsewhere, env=env)
    seeded = elsewhere / "P" / "glossary" / "glossary.toml"
    assert seeded.read_bytes() == (DEMO / "glossary" / "glossary.toml").read_bytes()

    for number, (sentence, entries) in enumerate(SENTENCES):
        text = elsewhere / "P" / "seeds" / f"{number}.txt"
        text.write_text(sentence + "\n", encoding="utf-8")
        out = run(kwb, "match", "--json", text, cwd=elsewhere / "P", env=env)
        hits = [json.loads(line) for line in out.splitlines()]
        assert {hit["entry"] for hit in hits} >= entries, sentence
        pmf = next(hit for hit in hits if hit["entry"] == "pmf")
        assert (pmf["surface"], pmf["target"]) == ("حەشدی شەعبی", "PMF")
        assert sentence[pmf["start"] : pmf["end"]] == "حەشدی شەعبی"
