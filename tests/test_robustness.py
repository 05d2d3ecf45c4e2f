"""Bad input, interruption and concurrency: nothing stored is lost or corrupted."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import pytest

from kg.cli import main
from kg.layers.base import changed_since, writes_pending
from kg.rdf.graphs import CATALOG_GRAPH, STORIES_GRAPH
from kg.store import StoreSpec, open_store
from kg.validate import validate_nquads


def _state(store_path) -> tuple[int, bool]:
    store = open_store(store_path, must_exist=True)
    try:
        data = store.dump("nq")
        count = store.count()
    finally:
        store.close()
    return count, validate_nquads(data).conforms


def _article_graphs_are_whole(store) -> dict[str, int]:
    """Every article graph has its article node, text and content hash: it was written whole."""
    rows = store.query(
        """SELECT ?g (COUNT(*) AS ?n) (SAMPLE(?hash) AS ?h) (SAMPLE(?text) AS ?t) WHERE {
             GRAPH ?g { ?s ?p ?o OPTIONAL { ?g kg:contentHash ?hash } OPTIONAL { ?g kg:text ?text } }
             FILTER(CONTAINS(STR(?g), "/id/article/")) } GROUP BY ?g"""
    ).rows
    for row in rows:
        assert "h" in row and "t" in row, f"graph {row['g'].value} is not a whole article"
    return {row["g"].value: int(row["n"].value) for row in rows}


def test_mixed_folder_of_good_and_bad_files(runner, tmp_path, harbour, store_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(harbour.read_text())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "spaces.txt").write_bytes(b" \n\t \n")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "truncated.txt").write_bytes("Headline\n\nA caf\u00e9 and a na\u00efve r\u00e9sum\u00e9".encode()[:-1])
    (folder / "wrong.json").write_text(json.dumps({"headline": "no text field"}))
    (folder / "page.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (folder / "german.txt").write_text(
        "Nachrichten aus Berlin\n\nDie Regierung hat am Montag beschlossen, dass die neuen Schulen im Herbst "
        "eröffnet werden sollen, erklärte der Minister, und die Gemeinden bekommen mehr Geld für die Bauarbeiten."
    )
    (folder / "broken.rss").write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Feed</title>"
        "<item><title>Good Entry About Council Vote</title><description>The council of Leeds voted on Monday to "
        "build a new bridge, the mayor said.</description></item>"
        "<item></item>"
        "<item><title>Unclosed <b>tag</title><description>The mayor of York said the museum would reopen in "
        "May after repairs"
    )
    big = folder / "huge.txt"
    with big.open("w") as f:
        f.write("Huge Headline\n\n")
        sentence = "The council said the new bridge would open next year and cost more than planned. "
        f.write(sentence * (50_000_000 // len(sentence)))
    assert runner.invoke(main, ["ingest", str(harbour), "--store", str(store_path)]).exit_code == 0
    before = _state(store_path)
    result = runner.invoke(main, ["ingest", str(folder), "--store", str(store_path)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    for name, message in [
        ("empty.txt", "empty"),
        ("spaces.txt", "whitespace"),
        ("binary.txt", "binary"),
        ("truncated.txt", "UTF-8"),
        ("wrong.json", "'text'"),
        ("page.html", "no article text"),
        ("german.txt", "English"),
        ("huge.txt", "limit"),
    ]:
        line = next((ln for ln in result.output.splitlines() if name in ln), "")
        assert message in line, (name, result.output)
    # good.txt is the article already stored: unchanged. The feed's readable entries are added.
    assert "1 unchanged" in result.output
    after = _state(store_path)
    assert after[1] and before[1]
    assert after[0] >= before[0]
    store = open_store(store_path, must_exist=True)
    try:
        titles = {r["t"].value for r in store.query("SELECT ?t WHERE { ?a schema:headline ?t }").rows}
    finally:
        store.close()
    assert "Good Entry About Council Vote" in titles


BATCH = 400


def _size(store_path) -> int:
    return sum(f.stat().st_size for f in store_path.rglob("*") if f.is_file()) if store_path.exists() else 0


def _wait_for_writes(store_path, proc, min_bytes: int = 1_000_000) -> None:
    """Wait until the ingest process has written part of the batch (the store's files grow)."""
    deadline = time.time() + 180
    while time.time() < deadline and proc.poll() is None:
        if _size(store_path) > min_bytes:
            return
        time.sleep(0.2)


def _batch(tmp_path, n: int) -> str:
    """A JSON Lines batch of n distinct articles written for the tests."""
    path = tmp_path / "batch.jsonl"
    towns = ["Leeds", "York", "Bristol", "Cardiff", "Dundee", "Exeter", "Bath", "Derby"]
    with path.open("w") as f:
        for i in range(n):
            town = towns[i % len(towns)]
            text = (
                f"The council of {town} said on Monday that the new library would open in {2025 + i % 5}. "
                f"Opponents accused the mayor of {town} of hiding the cost of {10 + i} million pounds. "
                f"The mayor denied that the budget had been exceeded."
            )
            f.write(
                json.dumps(
                    {
                        "title": f"Library plan number {i} in {town}",
                        "text": text,
                        "url": f"https://example.org/library/{i}",
                    }
                )
                + "\n"
            )
    return str(path)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
def test_interrupted_ingest_keeps_whole_articles(tmp_path, store_path, sig):
    batch = _batch(tmp_path, BATCH)
    command = [sys.executable, "-m", "kg", "ingest", batch, "-q", "--store", str(store_path)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _wait_for_writes(store_path, proc)
    assert proc.poll() is None, "the batch finished before the interruption; make it larger"
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    if sig == signal.SIGINT:
        assert proc.returncode == 130, (proc.returncode, err[-500:])
        assert "Traceback" not in err and "Interrupted" in err
    count, conforms = _state(store_path)
    assert conforms
    store = open_store(store_path, must_exist=True)
    try:
        partial = _article_graphs_are_whole(store)
    finally:
        store.close()
    assert 0 < len(partial) < BATCH
    # before any re-run, a command that reads the derived graphs finishes what the killed run left
    listing = subprocess.run(
        [sys.executable, "-m", "kg", "query", "entities", "--store", str(store_path), "--format", "csv"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert listing.returncode == 0, listing.stderr
    assert "caught up" in listing.stderr and len(listing.stdout.strip().splitlines()) > 1
    rerun = subprocess.run(
        command[:-4] + [batch, "--store", str(store_path)], capture_output=True, text=True, timeout=600
    )
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(partial)} unchanged" in rerun.stderr
    store = open_store(store_path, must_exist=True)
    try:
        complete = _article_graphs_are_whole(store)
        articles = int(store.query("SELECT (COUNT(?a) AS ?n) WHERE { ?a a kg:Article }").rows[0]["n"].value)
        # the killed run stopped before its derived step; the re-run made every derived graph take in
        # the articles it wrote, not only its own
        behind = [changed_since(store, layer) for layer in (CATALOG_GRAPH, STORIES_GRAPH)]
        pending = writes_pending(store)
    finally:
        store.close()
    assert len(complete) == articles == BATCH
    assert behind == [[], []] and not pending


def test_queries_during_ingest_see_whole_articles(tmp_path, empty_server):
    batch = _batch(tmp_path, 30)
    spec = StoreSpec(endpoint=empty_server.query)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kg",
            "ingest",
            batch,
            "-q",
            "--endpoint",
            empty_server.query,
            "--graph-store-endpoint",
            empty_server.store,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen: list[dict[str, int]] = []
    while proc.poll() is None:
        store = open_store(spec)
        seen.append(_article_graphs_are_whole(store))
        time.sleep(0.1)
    assert proc.returncode == 0, proc.stderr.read()
    final = _article_graphs_are_whole(open_store(spec))
    assert len(final) == 30 and len(seen) > 1
    for snapshot in seen:
        for graph, n in snapshot.items():
            assert n == final[graph], "a query saw part of an article"


def test_store_in_use_by_another_process(tmp_path, store_path, harbour, runner):
    """The embedded store allows one writer: reading commands work beside it (read-only), a second
    writer gets a clear message, never corruption."""
    assert runner.invoke(main, ["ingest", str(harbour), "--store", str(store_path)]).exit_code == 0
    batch = _batch(tmp_path, BATCH)
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "ingest", batch, "-q", "--store", str(store_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for_writes(store_path, proc, min_bytes=_size(store_path) + 500_000)
        reader = subprocess.run(
            [sys.executable, "-m", "kg", "stats", "--store", str(store_path)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        writer = subprocess.run(
            [sys.executable, "-m", "kg", "ingest", str(harbour), "--store", str(store_path), "--publisher", "Other"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if proc.poll() is None:
            assert reader.returncode == 0 and "articles" in reader.stdout.lower(), reader.stderr
            assert writer.returncode == 1 and "in use" in writer.stderr, writer.stderr
            assert "Traceback" not in writer.stderr
    finally:
        proc.send_signal(signal.SIGINT)  # the point is made; stop the batch
        proc.wait(timeout=600)
    assert _state(store_path)[1]


def test_a_failed_write_stops_the_run_and_keeps_what_was_written(tmp_path):
    """Articles are written on a thread of their own; its failure must reach the caller, and the
    articles written before it stay whole."""
    from kg.errors import StoreError
    from kg.ingest import ingest
    from kg.model import Article
    from kg.read import ReadItem
    from kg.store.embedded import EmbeddedStore

    class DiskFullAfterTwo(EmbeddedStore):
        writes = 0

        def replace_graph(self, graph: str, ntriples: str) -> None:
            if self.writes == 2:
                raise StoreError("cannot write to the store: no space left on device")
            self.writes += 1
            super().replace_graph(graph, ntriples)

    store = DiskFullAfterTwo(tmp_path / "s")
    texts = [f"Flood in Town {n}\n\nHeavy rain flooded Town {n} on Monday, the mayor said." for n in range(5)]
    items = [ReadItem(f"a{n}", Article(text=t, url=f"https://example.org/{n}")) for n, t in enumerate(texts)]
    with pytest.raises(StoreError, match="no space left"):
        ingest(items, store)
    try:
        assert len(list(store.graphs())) == 2
        assert writes_pending(store)  # the derived graphs did not take them in; the next run will
    finally:
        store.close()


def test_control_characters_odd_names_and_oversized_input_in_one_run(runner, tmp_path, store_path, monkeypatch):
    """Inputs with control characters are cleaned, odd file names stay one line, too-big and too-deep
    inputs are refused: the run goes on, and the XML exports of what was stored are well-formed."""
    import os

    from lxml import etree

    import kg.read as reader

    monkeypatch.setattr(reader, "MAX_BYTES", 20_000)
    folder = tmp_path / "in"
    folder.mkdir()
    story = (
        "Mayor Ana Ruiz of Valencia said on Monday that the city would\x1b build two new schools\x0c "
        "by 2026. The opposition leader, Carlos Mendez, accused her of\x00 ignoring the budget."
    )
    (folder / "records.json").write_text(
        json.dumps({"title": "Valencia\u0007 Plans Schools", "text": story, "publisher": "Coast\u001b News"})
    )
    with open(os.path.join(os.fsencode(folder), b"odd\nname\xff.txt"), "wb") as f:
        f.write(("Schools\x1b Plan Criticised\n\n" + story.replace("\x00", "\x7f")).encode())
    (folder / "deep.json").write_text("[" * 10_000)
    (folder / "big.txt").write_text("Big Headline\n\n" + "The council met again on Monday. " * 700)
    result = runner.invoke(main, ["ingest", str(folder), "--store", str(store_path)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    errors = [ln for ln in result.output.splitlines() if ln.startswith("Error:")]
    assert len(errors) == 2, result.output
    assert any("deep.json: invalid JSON (nested too deeply)" in ln for ln in errors), result.output
    assert any("big.txt: the input is 23,114 bytes, over the 20,000 bytes limit" in ln for ln in errors)
    assert "Ingested 2 article(s)" in result.output
    store = open_store(store_path, must_exist=True)
    try:
        rows = store.query("SELECT ?s ?t WHERE { ?a kg:source ?s ; schema:headline ?t }").rows
    finally:
        store.close()
    assert sorted(r["s"].value.rsplit("/", 1)[-1] for r in rows) == ["odd\\nname\\xff.txt", "records.json"]
    assert sorted(r["t"].value for r in rows) == ["Schools  Plan Criticised", "Valencia  Plans Schools"]
    for fmt in ("graphml", "gexf"):
        out = tmp_path / f"graph.{fmt}"
        exported = runner.invoke(main, ["export", "--out", str(out), "--store", str(store_path)])
        assert exported.exit_code == 0, exported.output
        etree.fromstring(out.read_bytes())  # strict XML: no control characters
    nq = runner.invoke(main, ["export", "--format", "nq", "--store", str(store_path)])
    assert nq.exit_code == 0 and validate_nquads(nq.stdout_bytes).conforms
