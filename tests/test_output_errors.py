"""An output that cannot be written (no such folder) is a one-line error and exit code 1, never a
traceback, for every command that writes a file."""

from __future__ import annotations

import pytest

from kg.cli import main


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--out", "{missing}/graph.ttl"],
        ["export", "--out", "{missing}/actors.gexf"],
        ["export", "--format", "csv", "--out", "{missing}/net.csv"],
        ["view", "--out", "{missing}/view.html"],
        ["plot", "--out", "{missing}/actors.png"],
    ],
)
def test_an_output_that_cannot_be_written_is_a_one_line_error(runner, harbour, store_path, tmp_path, args):
    assert runner.invoke(main, ["ingest", str(harbour), "--store", str(store_path)]).exit_code == 0
    missing = tmp_path / "no" / "such" / "folder"
    result = runner.invoke(main, [a.format(missing=missing) for a in args] + ["--store", str(store_path)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1 and "cannot write" in lines[0] and str(missing) in lines[0], result.output
    assert not missing.parent.exists()


@pytest.mark.parametrize("command", [["export", "--format", "gexf"], ["analyze"], ["view", "--out", "{tmp}/v.html"]])
def test_a_network_of_an_article_not_in_the_store_is_a_one_line_error(runner, harbour, store_path, tmp_path, command):
    assert runner.invoke(main, ["ingest", str(harbour), "--store", str(store_path)]).exit_code == 0
    args = [a.format(tmp=tmp_path) for a in command]
    result = runner.invoke(main, [*args, "--article", "no-such-article", "--store", str(store_path)])
    assert result.exit_code == 1, result.output
    assert result.output.strip().splitlines()[-1] == (
        "Error: no article 'no-such-article' in the store; 'kg query articles' lists them"
    )


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_construct_query_gives_its_triples_as_rows_in_csv_and_json(runner, harbour, store_path, fmt):
    import csv
    import io
    import json

    assert runner.invoke(main, ["ingest", str(harbour), "--store", str(store_path)]).exit_code == 0
    table = runner.invoke(main, ["query", "actor-graph-construct", "--store", str(store_path)])
    triples = [line for line in table.output.splitlines() if line.endswith(" .")]
    assert triples
    result = runner.invoke(main, ["query", "actor-graph-construct", "--format", fmt, "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.output)))
    else:
        rows = [{k: v["value"] for k, v in b.items()} for b in json.loads(result.output)["results"]["bindings"]]
    assert len(rows) == len(triples)
    assert all(set(row) == {"subject", "predicate", "object"} for row in rows)


def test_serve_refuses_a_port_out_of_range(runner, store_path):
    result = runner.invoke(main, ["serve", "--port", "99999", "--store", str(store_path)])
    assert result.exit_code == 2 and "99999 is not in the range 1<=x<=65535" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["query", "events-in-range", "--param", "from=yesterday", "--param", "to=2024-01-31"],
            "Error: --param from='yesterday' is not a date; use YYYY-MM-DD (first day, YYYY-MM-DD)",
        ),
        (
            ["query", "events-in-range", "--param", "from=2024-02-30", "--param", "to=2024-03-31"],
            "Error: --param from='2024-02-30' is not a date; use YYYY-MM-DD (first day, YYYY-MM-DD)",
        ),
        (["export", "--format", "gexf", "--since", "soon"], "Error: --since 'soon' is not a date; use YYYY-MM-DD"),
        (["analyze", "--until", "later"], "Error: --until 'later' is not a date; use YYYY-MM-DD"),
    ],
)
def test_a_date_that_is_not_one_is_named_in_one_line(runner, harbour, store_path, args, message):
    assert runner.invoke(main, ["ingest", str(harbour), "--store", str(store_path)]).exit_code == 0
    result = runner.invoke(main, [*args, "--store", str(store_path)])
    assert result.exit_code == 1, result.output
    assert result.output.strip().splitlines()[-1] == message
