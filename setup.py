"""The one packaging step pyproject.toml cannot declare: ship the site's own files.

The MkDocs configuration (``mkdocs.yml``), the theme overrides (``site_overrides/``)
and the hand-written pages (``docs/``) live at the top of the repository, their
single source. Building the package copies them into ``unreport/resources/`` so
that an installed ``unreport`` builds the same site from any folder. An editable
install reads them from the checkout instead (``generator/unreport/publish/resources.py``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SITE_FILES = ("mkdocs.yml", "site_overrides", "docs")
"""What a build reads besides the Python package, relative to the repository."""


class BuildWithSiteFiles(build_py):
    """``build_py`` that also copies the site's files into the built package."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib) / "unreport" / "resources"
        shutil.rmtree(target, ignore_errors=True)  # nothing left from an earlier build
        for name in SITE_FILES:
            source = ROOT / name
            if source.is_dir():
                for path in sorted(source.rglob("*")):
                    if path.is_file() and not path.name.startswith("."):
                        self._copy(path, target / path.relative_to(ROOT))
            else:
                self._copy(source, target / name)

    @staticmethod
    def _copy(source: Path, destination: Path) -> None:
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)


setup(cmdclass={"build_py": BuildWithSiteFiles})
