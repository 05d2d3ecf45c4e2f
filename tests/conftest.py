"""Shared fixtures: articles written for these tests, a fresh store per test, a CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def harbour() -> Path:
    """An article written for the tests: a watchdog report, a quote, a denial, a call, figures."""
    return DATA / "harbour-report.txt"


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def example_article() -> Path:
    path = SHARED / "examples" / "amnesty-report.txt"
    if not path.is_file():
        pytest.fail(f"the shared example article is missing: {path}")
    return path


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import load_nlp

    return load_nlp()
