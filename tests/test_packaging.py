"""kg installed from a built wheel works from any folder: the ontology and the named queries travel
inside the package. The wheel is built offline from a copy of the sources (nothing is written into
the checkout) and installed, without network, into a fresh virtual environment that borrows the
dependencies of this one. Building a wheel offline needs the 'wheel' package (in the test extra)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "kg", "ontology", "queries")


def _clean_env() -> dict[str, str]:
    """The environment without what would make the installed kg read the checkout or another store."""
    drop = {"PYTHONPATH", "KG_STORE", "KG_ENDPOINT", "KG_ONTOLOGY", "KG_QUERIES"}
    return {k: v for k, v in os.environ.items() if k not in drop}


def _run(args: list, cwd: Path) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=_clean_env(), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    src, dist = tmp_path_factory.mktemp("src"), tmp_path_factory.mktemp("dist")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__", "_data"))
        else:
            shutil.copy2(ROOT / name, src / name)
    pip = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q"]
    _run([*pip, "-w", dist, src], cwd=src)
    (built,) = dist.glob("kg-*.whl")
    return built


def test_the_wheel_carries_the_ontology_and_the_queries(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"kg/_data/ontology/kg.ttl", "kg/_data/ontology/shapes.ttl", "kg/_data/queries/statements.rq"} <= names
    queries = {p.relative_to(ROOT).as_posix() for p in (ROOT / "queries").rglob("*.rq")}
    assert {f"kg/_data/{q}" for q in queries} <= names


def test_an_installed_wheel_ingests_and_queries_from_any_folder(wheel, tmp_path, harbour):
    env = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", env], cwd=tmp_path)
    site = Path(
        _run([env / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], tmp_path)
        .stdout.strip()
    )
    # the dependencies come from this environment; a bare path line runs no editable-install hook
    borrowed = [p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir()]
    (site / "dependencies.pth").write_text("\n".join(borrowed) + "\n", encoding="utf-8")
    _run([env / "bin" / "python", "-m", "pip", "install", "-q", "--no-deps", "--no-index", wheel], cwd=tmp_path)

    work = tmp_path / "elsewhere"
    work.mkdir()
    shutil.copy2(harbour, work / "article.txt")
    where = _run([env / "bin" / "python", "-c", "import kg.resources as r; print(r.queries_dir())"], work)
    assert Path(where.stdout.strip()).is_relative_to(site)
    _run([env / "bin" / "kg", "ingest", "-q", "--store", "store", "article.txt"], work)
    out = _run([env / "bin" / "kg", "query", "statements", "--store", "store", "--format", "csv"], work).stdout
    assert out.splitlines()[0] == "statement,speaker,speakerText,cue,kind,quote,content,article"
    assert "Port Authority of Valmora,The Port Authority,denied,denial" in out
    assert sorted(p.name for p in work.iterdir()) == ["article.txt", "store"]
