"""The core stays headless: no core module pulls in rich, textual, typer or the CLI; and the
layers keep their order: the language readers (`workbench.read`) import only the text core,
and the aligner never imports the checker (`workbench.qa`)."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

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


PACKAGE = Path(workbench.__file__).parent
READ_MAY_IMPORT = ("workbench.text", "workbench.util", "workbench.atomic", "workbench.gc_pause")
"""What a language reader may import of the workbench: the text core and file plumbing."""


def workbench_imports(source: str, module: str) -> set[str]:
    """The workbench modules a module's source imports, anywhere in it (a lazy import inside a
    function counts), relative imports resolved against `module`'s package."""
    package = module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parent = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{parent}.{base}" if base else parent
            found.update(f"{base}.{alias.name}" for alias in node.names)
            found.add(base)
    return {name for name in found if name == "workbench" or name.startswith("workbench.")}


def _imports_of(package: str) -> dict[str, set[str]]:
    folder = PACKAGE / package.removeprefix("workbench.").replace(".", "/")
    out = {}
    for path in sorted(folder.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        module = ".".join(relative.parts).removesuffix(".__init__")
        if path.name == "__init__.py":
            module += ".__init__"  # relative imports in a package's __init__ start at the package
        out[module] = workbench_imports(path.read_text("utf-8"), module)
    return out


def _outside(imports: set[str], own: str, allowed: tuple[str, ...]) -> set[str]:
    return {
        name
        for name in imports
        if not name.startswith((own + ".", *(a + "." for a in allowed)))
        and name not in (own, *allowed)
    }


@pytest.mark.parametrize(
    ("source", "module", "expected"),
    [
        ("from workbench.qa.numbers import x", "workbench.align.scoring", {"workbench.qa.numbers"}),
        ("import workbench.qa.runner", "workbench.align.po", {"workbench.qa.runner"}),
        ("def f():\n    from workbench.qa import runner", "workbench.align.x", {"workbench.qa"}),
        ("from ..qa import runner", "workbench.align.scoring", {"workbench.qa"}),
        ("from . import dates", "workbench.read.calendar", {"workbench.read"}),
        ("import re, json", "workbench.read.dates", set()),
    ],
)
def test_import_reader_sees_every_kind_of_import(
    source: str, module: str, expected: set[str]
) -> None:
    found = workbench_imports(source, module)
    assert expected <= found
    assert all(name.startswith("workbench") for name in found)


def test_readers_import_only_the_text_core() -> None:
    """`workbench.read` is read by the checker, the aligner and search: it depends on none
    of them, only on the text core and file plumbing."""
    imports = _imports_of("workbench.read")
    assert "workbench.read.numbers" in imports and "workbench.read.dates" in imports
    assert any("workbench.text" in found for found in imports.values())
    bad = {
        module: outside
        for module, found in imports.items()
        if (outside := _outside(found, "workbench.read", READ_MAY_IMPORT))
    }
    assert bad == {}


def test_the_aligner_never_imports_the_checker() -> None:
    """The aligner reads numbers and stems through `workbench.read` and glossary renderings
    through `workbench.terms`; it does not depend on QA."""
    imports = _imports_of("workbench.align")
    assert "workbench.align.scoring" in imports
    assert any(n.startswith("workbench.read") for n in imports["workbench.align.scoring"])
    bad = {
        module: sorted(n for n in found if n == "workbench.qa" or n.startswith("workbench.qa."))
        for module, found in imports.items()
    }
    assert {module: names for module, names in bad.items() if names} == {}
