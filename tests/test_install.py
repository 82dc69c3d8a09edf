"""unreport as a user gets it: ``pip install`` of the repository (not editable) into a
fresh virtual environment, then run from an empty folder elsewhere.

The installed tool must carry everything a build needs (configuration, theme, pages,
the bundled report), never read a ``mkdocs.yml`` lying in the current folder, and
build the same site and bundle as the checkout does.
"""

from __future__ import annotations

import os
import subprocess
import venv
import zipfile
from pathlib import Path

import pytest
from unreport.parse import Parsed
from unreport.publish.build import build_site
from unreport.publish.bundle import build_bundle

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow

DECOY = """\
# Someone else's MkDocs project: unreport must not use it.
site_name: Not the report
theme:
  name: readthedocs
"""


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with ``pip install <repository>``; its bin folder."""
    env_dir = tmp_path_factory.mktemp("venv") / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    pip = subprocess.run(
        [str(env_dir / "bin" / "python"), "-m", "pip", "install", "--disable-pip-version-check",
         str(ROOT)], capture_output=True, text=True, check=False, timeout=900)
    assert pip.returncode == 0, pip.stdout + pip.stderr
    # The project's own packaging metadata must not make setuptools complain.
    complaints = [line for line in (pip.stdout + pip.stderr).splitlines()
                  if "Warning" in line and "Location" not in line]
    assert complaints == [], "\n".join(complaints)
    return env_dir / "bin"


def unreport(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([str(bin_dir / "unreport"), *args], cwd=cwd, capture_output=True,
                          text=True, env=env, check=False, timeout=300)


def test_version(installed: Path, tmp_path: Path) -> None:
    result = unreport(installed, tmp_path, "--version")
    assert result.returncode == 0
    assert result.stdout.strip().startswith("unreport 0.")


def test_installed_import_is_not_the_checkout(installed: Path, tmp_path: Path) -> None:
    where = subprocess.run([str(installed / "python"), "-c",
                            "import unreport, sys; print(unreport.__file__)"],
                           cwd=tmp_path, capture_output=True, text=True, check=True)
    assert str(ROOT) not in where.stdout
    assert "site-packages" in where.stdout


def test_build_and_bundle_from_an_empty_folder_with_a_decoy_config(
        installed: Path, tmp_path: Path, parsed: Parsed) -> None:
    """The same site and zip as from the checkout, whatever lies in the current folder."""
    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "mkdocs.yml").write_text(DECOY, "utf-8")
    (work / "docs").mkdir()
    (work / "docs" / "index.md").write_text("# Not the report\n", "utf-8")
    built = unreport(installed, work, "build")
    assert built.returncode == 0, built.stderr
    assert "Site written to site/" in built.stdout
    assert len(built.stderr.splitlines()) <= 6, built.stderr
    bundled = unreport(installed, work, "bundle")
    assert bundled.returncode == 0, bundled.stderr
    assert (work / "mkdocs.yml").read_text("utf-8") == DECOY

    reference = tmp_path / "reference"
    build_site(parsed.report, reference)
    assert files(work / "site") == files(reference)
    zipped = tmp_path / "reference.zip"
    build_bundle(parsed.report, zipped)
    with zipfile.ZipFile(work / "A-77-464.zip") as theirs, zipfile.ZipFile(zipped) as ours:
        assert theirs.namelist() == ours.namelist()
        assert all(theirs.read(n) == ours.read(n) for n in ours.namelist())


def test_generate_from_an_empty_folder(installed: Path, tmp_path: Path) -> None:
    result = unreport(installed, tmp_path, "generate")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "pages" / "index.md").is_file()
    assert (tmp_path / "pages" / "draft-resolutions" / "vii.md").is_file()


def test_python_dash_m(installed: Path, tmp_path: Path) -> None:
    result = subprocess.run([str(installed / "python"), "-m", "unreport", "--version"],
                            cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout.startswith("unreport ")
