"""Build step that ships the curated glossary inside the package.

The curated glossary has one editable copy, `glossary/glossary.toml` at the top of the
repository (it is also the demo project's glossary). `kwb init` seeds every new project
with it, so an installed kwb needs it without the source checkout: the build copies it into
the wheel as `workbench/_data/glossary.toml`, which `workbench.store.project` reads with
`importlib.resources`.

Why a `build_py` step here rather than another mechanism: setuptools can only ship files
that lie inside a package folder as package data, and a second copy (or a symlink, which
git on Windows checks out as a text file) under `workbench/` would be a second file to keep
in step; setuptools `data-files` install outside the package (under the environment's
prefix, deprecated), where `importlib.resources` cannot find them. Everything else about the
build stays declared in `pyproject.toml`; `MANIFEST.in` puts the glossary in the sdist so a
wheel built from the sdist gets it too.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

CURATED_GLOSSARY = Path("glossary") / "glossary.toml"
"""The one editable copy, relative to the project root (where the build runs)."""
PACKAGED_AS = Path("workbench") / "_data" / "glossary.toml"
"""Where it lands in the built package (read by `workbench.store.project`)."""


class BuildWithCuratedGlossary(build_py):
    """`build_py` that also copies the curated glossary into the package it builds."""

    def run(self) -> None:
        super().run()
        # An editable install builds nothing (setuptools' own build_py returns early too):
        # the package runs from the checkout and reads `glossary/glossary.toml` in place.
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / PACKAGED_AS
        self.mkpath(str(target.parent))
        self.copy_file(str(CURATED_GLOSSARY), str(target))

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs: list[str] = super().get_outputs(include_bytecode)
        if not getattr(self, "editable_mode", False):
            outputs.append(str(Path(self.build_lib) / PACKAGED_AS))
        return outputs


setup(cmdclass={"build_py": BuildWithCuratedGlossary})
