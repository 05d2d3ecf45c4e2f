"""quantity-totals adds up different events only, never years or percentages, and names its
sources. Articles written for the test."""

from __future__ import annotations

from kg.cli import main


def _rows(runner, store, *args):
    result = runner.invoke(main, ["query", "quantity-totals", "--store", str(store), "--format", "csv", *args])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    header = lines[0].split(",")
    return [dict(zip(header, line.split(","), strict=False)) for line in lines[1:]]


def test_figures_of_one_event_count_once_and_no_years_or_shares(runner, tmp_path):
    article = tmp_path / "valley.txt"
    article.write_text(
        "Two attacks in the valley\n2024-05-03\n\n"
        "Gunmen attacked the market of Tarvo on Monday, killing 5 people. "
        "The attack on the market killed 5 people, police said. "
        "On Tuesday rebels attacked a convoy near Ruska, killing 7 people. "
        "Turnout in the 2012 elections was 40 percent, and prices rose by 12 percent.\n"
    )
    store = tmp_path / "store"
    assert runner.invoke(main, ["ingest", str(article), "--store", str(store)]).exit_code == 0
    rows = _rows(runner, store)
    counted = {r["counts"] for r in rows}
    assert not counted & {"percent", "year", "years", "election", "elections"}
    people = [r for r in rows if r["counts"] == "people" and r["factuality"] == "asserted"]
    assert people, rows
    assert sum(float(r["total"]) for r in people) == 12  # 5 and 7: the repeated 5 is one event's figure
    assert all(r["sources"].startswith("https://w3id.org/kg-news/id/article/") for r in people)
