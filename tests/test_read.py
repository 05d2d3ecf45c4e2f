"""Readers: every input format becomes Article records; bad input becomes a clear error."""

from __future__ import annotations

import io
import json
import sys

import pytest

from kg.errors import InputError
from kg.read import Metadata, read_articles, read_source
from kg.read.text import parse_text


def _articles(paths, meta=None):
    items = list(read_articles([str(p) for p in paths], meta))
    assert all(i.error is None for i in items), [str(i.error) for i in items]
    return [i.article for i in items]


def test_text_with_date_line(harbour):
    [article] = _articles([harbour])
    assert article.title.startswith("Watchdog Says Port Authority")
    assert article.published == "2025-03-14"
    assert article.text.startswith(article.title + "\n\n")
    assert "2025-03-14" not in article.text


def test_text_without_date_line():
    article = parse_text("\n\nHeadline here\nFirst line of the body.\nSecond line.\n")
    assert article.title == "Headline here"
    assert article.published is None
    assert article.text == "Headline here\n\nFirst line of the body.\nSecond line."


def test_html_main_text_and_metadata(data_dir):
    [article] = _articles([data_dir / "bridge.html"])
    assert article.title == "Council Approves New Bridge Over River Tamsen"
    assert article.published == "2024-06-02"
    assert article.publisher == "The Northern Ledger"
    assert article.url == "https://ledger.example.org/2024/06/bridge"
    assert "Mayor Tomas Novak said" in article.text
    assert "Sport" not in article.text and "All rights reserved" not in article.text


def test_jsonl_records(data_dir):
    first, second = _articles([data_dir / "wires.jsonl"])
    assert (first.title, first.url, first.publisher, first.published) == (
        "Union Calls Strike at Car Plant",
        "https://wire.example.com/strike",
        "Example Wire",
        "2023-09-15",
    )
    assert first.text.startswith("Union Calls Strike at Car Plant\n\nThe United Auto Workers")
    assert second.title == "Storm Closes Schools Across Scotland"
    assert second.published == "2024-01-16"


def test_json_list_and_single(tmp_path):
    path = tmp_path / "records.json"
    path.write_text(json.dumps([{"text": "A headline\n\nSome body text about the council."}, {"text": "Another"}]))
    assert [a.title for a in _articles([path])] == ["A headline", "Another"]
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"text": "Body only.", "title": "Title"}))
    assert _articles([single])[0].text == "Title\n\nBody only."


def test_rss_feed(data_dir):
    first, second = _articles([data_dir / "feed.rss"])
    assert first.title == "Court Rules Against Mining Company"
    assert first.url == "https://gazette.example.net/mining-ruling"
    assert first.published == "2024-03-05"
    assert first.publisher == "Example Gazette"
    assert "<p>" not in first.text and "Andes Copper" in first.text
    assert second.published == "2024-03-06"


def test_atom_feed(data_dir):
    [article] = _articles([data_dir / "feed.atom"])
    assert article.title == "Airline Cancels Flights as Pilots Strike"
    assert article.url == "https://atom.example.org/pilots-strike"
    assert "Lufthansa" in article.text


def test_folder_is_read_recursively(tmp_path, harbour):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "one.txt").write_text(harbour.read_text())
    (tmp_path / "two.txt").write_text("Second headline\n\nThe mayor said the bridge would open in May.")
    (tmp_path / "notes.csv").write_text("not,an,article")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nShould not be read.")
    titles = sorted(a.title for a in _articles([tmp_path]))
    assert titles == ["Second headline", "Watchdog Says Port Authority Ignored Safety Warnings Before Harbour Fire"]


def test_stdin_is_sniffed(monkeypatch, data_dir):
    raw = (data_dir / "feed.rss").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    items = list(read_source("-"))
    assert [i.article.title for i in items] == ["Court Rules Against Mining Company", "Minister Resigns After Audit"]


def test_metadata_from_options(harbour):
    meta = Metadata(published="2025-03-20", url="https://example.org/harbour", publisher="Example Daily")
    [article] = _articles([harbour], meta)
    assert (article.published, article.url, article.publisher) == (
        "2025-03-20",
        "https://example.org/harbour",
        "Example Daily",
    )
    [plain] = _articles([harbour])
    assert article.id != plain.id, "the URL names the article, so it decides the id"


def test_bad_date_option():
    with pytest.raises(InputError, match="not a date"):
        Metadata(published="last Tuesday")


def test_ids_are_stable(harbour):
    assert _articles([harbour])[0].id == _articles([harbour])[0].id


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\t\n", "whitespace"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("latin1.txt", "Caf\u00e9 headline\n\nA body.".encode("latin-1"), "UTF-8"),
        ("broken.json", b'{"text": "unterminated', "invalid JSON"),
        ("wrong.json", b'{"body": "no text field"}', "'text'"),
        ("nohtml.html", b"<html><body><nav>Home</nav></body></html>", "no article text"),
        ("empty.rss", b"<rss version='2.0'><channel><title>x</title></channel></rss>", "no entries"),
        (
            "german.txt",
            "Nachrichten\n\nDie Regierung hat heute beschlossen, dass neue Schulen gebaut werden sollen. "
            "Der Minister erkl\u00e4rte, dass die Kosten hoch seien und viele Gemeinden Unterst\u00fctzung "
            "brauchen.".encode(),
            "English",
        ),
    ],
)
def test_bad_inputs_are_errors_naming_the_file(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    [item] = list(read_source(str(path)))
    assert item.article is None
    assert message in str(item.error)
    assert name in str(item.error)


def test_missing_path():
    [item] = list(read_source("/nonexistent/article.txt"))
    assert "no such file" in str(item.error)


def test_jsonl_bad_line_does_not_stop_the_rest(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"text": "Good one\\n\\nThe council said it would vote."}\nnot json\n{"text": 5}\n')
    items = list(read_source(str(path)))
    assert [i.article is not None for i in items] == [True, False, False]
    assert "mixed.jsonl:2" in str(items[1].error)
