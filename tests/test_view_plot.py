"""kg view in a real headless Chromium, checked for what a person sees: a picture that is not blank,
the legend, as many nodes drawn as the command says, labels, and a click that opens the side panel with
the actor's statements; and kg plot, with its legend and labels. The articles are written for the tests;
one has a headline with ``</script><!--<script>`` in it, which the page must show as text."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess

import pytest

from kg.analyze.metrics import most_central
from kg.analyze.projections import Edge, Node, Projection, connected_ids
from kg.cli import main
from kg.export.html import script_json
from kg.export.layout import component_layout, place_labels

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
HOSTILE = '</script><!--<script> & "Ignored"'  # in the quay article's headline, and in the page title below
QUAYLINE = "https://w3id.org/kg-news/id/entity/organization/quayline-holdings"


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    from click.testing import CliRunner

    from tests.conftest import DATA

    path = tmp_path_factory.mktemp("view") / "store"
    files = [str(DATA / name) for name in ("harbour-report.txt", "wires.jsonl", "quay-dispute.txt")]
    result = CliRunner().invoke(main, ["ingest", *files, "--store", str(path)])
    assert result.exit_code == 0, result.output
    return path


def _chromium() -> str:
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if not binary:
        pytest.fail("Debian's chromium is needed for this test (apt-get install chromium; .ci/run installs it)")
    return binary


def _dump_dom(url: str, profile, *, log: bool = False) -> subprocess.CompletedProcess:
    extra = ["--enable-logging=stderr", "--v=0"] if log else []
    run = subprocess.run(
        [_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *extra, "--dump-dom", url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return run


def _attrs(dom: str, tag_id: str) -> dict[str, str]:
    tag = re.search(rf'<[a-z]+ id="{tag_id}"[^>]*>', dom)
    assert tag, f"#{tag_id} is missing from the page"
    return {k: html.unescape(v) for k, v in re.findall(r'([\w-]+)="([^"]*)"', tag.group(0))}


def test_view_shows_the_central_actors_a_legend_and_a_panel(runner, filled, tmp_path):
    out = tmp_path / "graph.html"
    title = f"Quay row {HOSTILE}"
    result = runner.invoke(main, ["view", "--out", str(out), "--title", title, "--store", str(filled)])
    assert result.exit_code == 0, result.output
    expected = int(re.search(r"\((\d+) nodes", result.output).group(1))
    assert expected == 4 and "without an edge" in result.output  # two denials: four actors; the rest alone
    page = out.read_text()
    assert not re.search(r"""(src|href)=["']https?://""", page), "the page must not load anything from the web"
    assert page.count("</script>") == 2 and "<!--<script>" not in page, "embedded text must not close the script"
    data = re.search(r"const DATA = (.*?);\n", page).group(1)
    assert not set("<>&") & set(data), "the JSON in the page has < > & escaped"
    assert any(HOSTILE in article["title"] for article in json.loads(data)["panel"]["articles"])
    assert html.escape(title) in page

    profile = tmp_path / "profile"
    run = _dump_dom(f"{out.as_uri()}#test-click=Quayline%20Holdings", profile, log=True)
    dom = run.stdout
    console_errors = [
        line for line in run.stderr.splitlines() if "CONSOLE" in line and ("Uncaught" in line or "Error" in line)
    ]
    assert not console_errors, console_errors
    body = _attrs(dom.replace("<body", '<body id="body"', 1), "body")
    assert "data-errors" not in body, body
    status = _attrs(dom, "kg-status")
    assert int(status["data-nodes"]) == int(status["data-drawn"]) == expected, status
    assert int(status["data-labelled"]) >= 2
    assert "4 of 12 nodes" in status["title"]
    legend = re.search(r'<details id="legend".*?</details>', dom, re.S)
    assert legend, "the legend is missing"
    assert "Organization" in legend.group(0) and "denies" in legend.group(0) and "accuses" in legend.group(0)
    assert body.get("data-test-click-hit") == QUAYLINE, "the click did not land on the node"
    panel = _attrs(dom, "panel")
    assert panel.get("data-actor") == QUAYLINE and "hidden" not in panel, panel
    content = re.search(r'<div id="panel-body">(.*?)</div></aside>', dom, re.S).group(1)
    text = html.unescape(re.sub(r"<[^>]+>", " ", content))
    assert "Quayline Holdings" in text and "denied" in text and "cut any shifts" in text
    sections = dict(re.findall(r'<section data-section="(\w+)" data-count="(\d+)"', content))
    assert int(sections["said"]) >= 2 and int(sections["about"]) >= 1 and int(sections["denials"]) >= 1, sections
    assert "answering Ferry Workers Union" in text
    assert HOSTILE in text, "the article's headline is shown as text"

    searched = _dump_dom(f"{out.as_uri()}#test-search=quayline", profile).stdout
    assert _attrs(searched, "panel").get("data-actor") == QUAYLINE, "the search box finds the actor"

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
    import matplotlib.image

    image = matplotlib.image.imread(shot)[:, :, :3]
    graph_area = image[60:, :]
    assert graph_area.std() > 0.02, "the picture is blank"
    colours = {tuple(px) for px in (graph_area * 255).astype(int).reshape(-1, 3)[::7]}
    assert len(colours) > 50
    organization = abs(graph_area * 255 - (31, 119, 180)).sum(axis=2) < 30
    assert organization.sum() > 200, "no Organization node is drawn"
    artifacts = os.environ.get("KG_TEST_ARTIFACTS")
    if artifacts:
        shutil.copy(shot, os.path.join(artifacts, "kg-view.png"))


def test_view_top_and_isolated(runner, filled, tmp_path):
    def drawn(*options) -> tuple[int, dict]:
        out = tmp_path / "g.html"
        result = runner.invoke(main, ["view", "--out", str(out), *options, "--store", str(filled)])
        assert result.exit_code == 0, result.output
        data = re.search(r"const DATA = (.*?);\n", out.read_text()).group(1)
        return int(re.search(r"\((\d+) nodes", result.output).group(1)), json.loads(data)

    n, data = drawn("--isolated")
    assert n == len(data["nodes"]) == 12
    n, data = drawn("--top", "2")
    assert n == len(data["nodes"]) == 2 and len(data["edges"]) >= 1
    panel = data["panel"]
    said = [s for n in panel["actors"].values() for i in n["said"] for s in [panel["statements"][i]]]
    assert all(panel["articles"][s["article"]]["title"] for s in said)


def test_most_central_leaves_no_node_alone():
    """A star around h, a triangle, a pair and three loners: the top N are connected, ranked by
    PageRank, none drawn without a neighbour; --isolated adds the loners."""
    names = ["h", "s1", "s2", "s3", "s4", "t1", "t2", "t3", "p1", "p2", "x", "y", "z"]
    nodes = {n: Node(n, n.upper(), "Person") for n in names}
    pairs = [("s1", "h"), ("s2", "h"), ("s3", "h"), ("s4", "h"), ("t1", "t2"), ("t2", "t3"), ("t1", "t3"), ("p1", "p2")]
    edges = {(s, t, "denial"): Edge(s, t, "denial", 1.0) for s, t in pairs}
    p = Projection("test", nodes, edges)
    everything = most_central(p, 0)
    assert set(everything.projection.nodes) == set(names) - {"x", "y", "z"} and everything.unconnected == 3
    for top in range(1, 11):
        shown = most_central(p, top)
        assert len(shown.projection.nodes) in (top, top - 1)
        if top > 1:
            assert connected_ids(shown.projection) == set(shown.projection.nodes)
    assert "h" in most_central(p, 1).projection.nodes  # the most central node first
    with_loners = most_central(p, 3, isolated=True)
    assert {"x", "y", "z"} <= set(with_loners.projection.nodes) and with_loners.unconnected == 0
    assert "left out" in most_central(p, 3).summary()


def test_labels_do_not_overlap_and_json_is_script_safe():
    boxes = [("a", [(0, 0, 10, 2)]), ("b", [(5, 1, 15, 3), (5, -3, 15, -1)]), ("c", [(9, 0, 20, 2)])]
    assert place_labels(boxes, limit=5) == {"a": 0, "b": 1}
    assert place_labels(boxes, limit=1) == {"a": 0}
    value = {"t": "</script><!--<script> & \u2028", "n": [1, 2]}
    text = script_json(value)
    assert json.loads(text) == value and not set("<>&\u2028") & set(text)
    nodes = {n: Node(n, n, "Place") for n in "abcde"}
    p = Projection("t", nodes, {("a", "b", "x"): Edge("a", "b", "x", 1.0), ("c", "d", "x"): Edge("c", "d", "x", 1.0)})
    pos = component_layout(p, spacing=1.0)
    assert set(pos) == set("abcde") and pos == component_layout(p, spacing=1.0)
    close = abs(pos["a"][0] - pos["b"][0]) + abs(pos["a"][1] - pos["b"][1])
    apart = min(abs(pos["a"][0] - pos[o][0]) + abs(pos["a"][1] - pos[o][1]) for o in "cde")
    assert close < apart, "a component's nodes sit closer to each other than to other components"


def test_plot_draws_the_central_actors_with_a_legend_and_labels(runner, filled, tmp_path):
    import matplotlib.image

    from kg.export.plot import plot_png
    from kg.store import open_store

    out = tmp_path / "graph.png"
    result = runner.invoke(main, ["plot", "--out", str(out), "--store", str(filled)])
    assert result.exit_code == 0, result.output
    assert "4 of 12 nodes" in result.output
    image = matplotlib.image.imread(out)
    assert image.shape[0] > 500 and image.shape[1] > 500 and image[:, :, :3].std() > 0.02
    store = open_store(filled, must_exist=True)
    try:
        from kg.analyze.projections import build_projection

        shown = most_central(build_projection(store, "actors"))
    finally:
        store.close()
    picture = plot_png(shown.projection, tmp_path / "again.png", ranks=shown.pagerank)
    assert {"Organization", "denies", "accuses"} <= set(picture.legend)
    assert len(picture.labelled) == 4


def test_empty_projection_is_a_clean_error(runner, filled, tmp_path):
    result = runner.invoke(
        main, ["plot", "--out", str(tmp_path / "x.png"), "--type", "Nothing", "--store", str(filled)]
    )
    assert result.exit_code == 1 and "empty" in result.output
