"""The core stays headless: no core module pulls in rich, textual, typer or the CLI."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import workbench

UI_MODULES = ("rich", "textual", "typer", "click", "workbench.cli", "workbench.tui")
CORE = [
    m.name
    for m in pkgutil.walk_packages(workbench.__path__, "workbench.")
    if not m.name.startswith(("workbench.cli", "workbench.tui", "workbench.display"))
    and m.name != "workbench.__main__"
]


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_no_ui(module: str) -> None:
    code = (
        f"import sys, {module}; "
        f"bad = [m for m in sys.modules if m.split('.')[0] in {UI_MODULES!r} "
        f"or m.startswith(('workbench.cli', 'workbench.tui', 'workbench.display'))]; "
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, f"{module} imports {proc.stdout.strip()} {proc.stderr}"


DISPLAY = [
    m.name
    for m in pkgutil.walk_packages(workbench.__path__, "workbench.")
    if m.name.startswith("workbench.display")
]


@pytest.mark.parametrize("module", DISPLAY)
def test_the_display_path_is_shared_by_cli_and_workbench(module: str) -> None:
    """`workbench.display` may use rich, never the workbench (textual) or the CLI (typer):
    the commands import it without starting the workbench's machinery."""
    code = (
        f"import sys, {module}; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'typer', 'click') "
        "or m.startswith(('workbench.cli', 'workbench.tui'))]; "
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, f"{module} imports {proc.stdout.strip()} {proc.stderr}"


def test_text_core_is_stdlib_only() -> None:
    code = (
        "import sys; import workbench.text, workbench.text.decode; "
        "third = [m for m in sys.modules if m.split('.')[0] in "
        "('polib','ahocorasick','rapidfuzz','bidi','sacremoses','defusedxml')]; "
        "print(third); sys.exit(1 if third else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout
