"""Build hook: the ontology and the named queries stay at the top of the repository (ontology/,
queries/) and travel inside the package as kg/_data/, so an installed kg finds them anywhere."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA = ("ontology", "queries")


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads them from the checkout (kg.resources)
        root = Path(__file__).resolve().parent
        for name in DATA:
            shutil.copytree(root / name, Path(self.build_lib) / "kg" / "_data" / name, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithData})
