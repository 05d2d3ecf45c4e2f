"""kg view in a real headless Chromium (loads, no console errors, draws every node), and kg plot."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from kg.cli import main

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--virtual-time-budget=5000",
]


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    from click.testing import CliRunner

    from tests.conftest import DATA

    path = tmp_path_factory.mktemp("view") / "store"
    result = CliRunner().invoke(
        main, ["ingest", str(DATA / "harbour-report.txt"), str(DATA / "wires.jsonl"), "--store", str(path)]
    )
    assert result.exit_code == 0, result.output
    return path


def _chromium() -> str:
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if not binary:
        pytest.fail("Debian's chromium is needed for this test (apt-get install chromium; .ci/run installs it)")
    return binary


def test_view_loads_in_chromium(runner, filled, tmp_path):
    out = tmp_path / "graph.html"
    result = runner.invoke(main, ["view", "--out", str(out), "--store", str(filled)])
    assert result.exit_code == 0, result.output
    page = out.read_text()
    assert not re.search(r"""(src|href)=["']https?://""", page), "the page must not load anything from the web"
    expected = int(re.search(r"\((\d+) nodes", result.output).group(1))
    profile = tmp_path / "profile"
    run = subprocess.run(
        [
            _chromium(),
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            out.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    status = re.search(r'id="kg-status" data-nodes="(\d+)" data-edges="(\d+)"', run.stdout)
    assert status and int(status.group(1)) == expected > 0
    console_errors = [
        line for line in run.stderr.splitlines() if "CONSOLE" in line and ("Uncaught" in line or "Error" in line)
    ]
    assert not console_errors, console_errors
    shot = tmp_path / "graph.png"
    subprocess.run(
        [
            _chromium(),
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            "--window-size=1200,800",
            f"--screenshot={shot}",
            out.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    artifacts = os.environ.get("KG_TEST_ARTIFACTS")
    if artifacts:
        shutil.copy(shot, os.path.join(artifacts, "kg-view.png"))


def test_plot_writes_a_png(runner, filled, tmp_path):
    import matplotlib.image

    out = tmp_path / "graph.png"
    result = runner.invoke(main, ["plot", "--out", str(out), "--store", str(filled)])
    assert result.exit_code == 0, result.output
    image = matplotlib.image.imread(out)
    assert image.shape[0] > 500 and image.shape[1] > 500


def test_empty_projection_is_a_clean_error(runner, filled, tmp_path):
    result = runner.invoke(
        main, ["plot", "--out", str(tmp_path / "x.png"), "--type", "Nothing", "--store", str(filled)]
    )
    assert result.exit_code == 1 and "empty" in result.output
