"""Where the files a build reads besides the report are: configuration, theme, pages.

An installed package carries them in ``unreport/resources/`` (``setup.py`` copies
them there from the top of the repository); a checkout or an editable install
reads them where they are, at the top of the repository. Never the current
folder: ``unreport`` builds the same site wherever it is run.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

CONFIG_NAME = "mkdocs.yml"
"""The MkDocs configuration, at the top of the resources."""


class MissingResources(Exception):
    """The installation lacks its configuration or theme files."""


@dataclass(frozen=True)
class SiteResources:
    """The built-in configuration and the folders it names."""

    root: Path
    """Folder holding ``mkdocs.yml``, ``site_overrides/`` and ``docs/``."""

    @property
    def config(self) -> Path:
        """The built-in MkDocs configuration."""
        return self.root / CONFIG_NAME


def site_resources() -> SiteResources:
    """The built-in site files of this installation."""
    installed = Path(str(resources.files("unreport"))) / "resources"
    checkout = Path(__file__).resolve().parents[3]  # generator/unreport/publish/
    for root in (installed, checkout):
        if (root / CONFIG_NAME).is_file() and (root / "site_overrides").is_dir():
            return SiteResources(root)
    raise MissingResources(
        f"this installation of unreport lacks its site configuration ({installed / CONFIG_NAME}"
        "). Reinstall it: pip install --force-reinstall unreport.")
