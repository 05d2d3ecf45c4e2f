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


# --- control characters -------------------------------------------------------------------------

_ALLOWED_CONTROLS = {"\n", "\t", "\r"}


def _controls(value: str | None) -> set[str]:
    import unicodedata

    return {ch for ch in value or "" if unicodedata.category(ch) in ("Cc", "Zl", "Zp", "Cs")} - _ALLOWED_CONTROLS


def test_clean_text_replaces_control_characters_one_for_one():
    from kg.read.clean import clean_text

    raw = "Tab\tand\r\nkept;\x00nul\x1besc\x7fdel\x9bcsi|page\x0cbreak\x0bvt\x85nel\u2028ls\u2029ps\ud800"
    cleaned = clean_text(raw)
    assert cleaned == "Tab\tand\r\nkept; nul esc del csi|page\nbreak\nvt\nnel\nls\nps\ufffd"
    assert len(cleaned) == len(raw), "offsets into the text keep their meaning"
    assert clean_text("Plain text.\n") == "Plain text.\n"


_BODY = "The harbour board said on Tuesday that the{c} new ferry terminal would open in the spring."


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.txt", f"Ferry\x1b[1m Terminal\x0cDelayed\n\n{_BODY.format(c=chr(0x85))} It cost\x7f more.\x07".encode()),
        (
            "page.html",
            (
                "<html><head><title>Ferry Terminal\x1b Delayed</title></head><body><article>"
                f"<h1>Ferry Terminal\x1b Delayed</h1><p>{_BODY.format(c='&#27;')}</p>"
                "<p>Passengers were told to expect\x0c delays &#x0C; until the summer\x85 holidays.</p>"
                "</article></body></html>"
            ).encode(),
        ),
        (
            "page.json",
            json.dumps(
                {"title": "Ferry\u0000 Terminal\u001b Delayed", "text": _BODY.format(c="\u0000\u000c\u0085\u2028\x9b")}
            ).encode(),
        ),
        (
            "page.jsonl",
            (
                json.dumps(
                    {"title": "Ferry\u2028Terminal Delayed", "text": _BODY.format(c="\u001b\u2029")}, ensure_ascii=False
                )
                + "\n"
                + json.dumps(
                    {"text": "Second\u000b record\n\n" + _BODY.format(c="\x00"), "publisher": "Port\u0007 News"}
                )
            ).encode(),
        ),
        (
            "feed.rss",
            (
                "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Port\x1b News</title>"
                f"<item><title>Ferry &#27;Terminal\x0c Delayed</title><description>{_BODY.format(c=chr(0x1B))}"
                "</description></item></channel></rss>"
            ).encode(),
        ),
    ],
)
def test_control_characters_are_cleaned_in_every_reader(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    items = list(read_source(str(path)))
    assert items and all(i.error is None for i in items), [str(i.error) for i in items]
    for item in items:
        a = item.article
        for value in (a.text, a.title, a.publisher, a.url, a.source):
            assert not _controls(value), (name, value)
        assert "new ferry terminal would open" in " ".join(a.text.split())
        assert a.text.startswith(a.title)


def test_form_feed_and_line_separators_become_newlines(tmp_path):
    path = tmp_path / "layout.txt"
    path.write_bytes("Storm Closes Roads\x0cThe storm closed two roads.\u2028Crews cleared them by noon.".encode())
    [item] = read_source(str(path))
    assert item.article.title == "Storm Closes Roads"
    assert item.article.text == "Storm Closes Roads\n\nThe storm closed two roads.\nCrews cleared them by noon."


def test_control_characters_from_stdin_are_cleaned(monkeypatch):
    raw = "Council\x1b Vote\n\nThe council\x9b voted\x0c on Monday to close the old library.".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    [item] = read_source("-")
    assert item.error is None, item.error
    assert item.article.text == "Council  Vote\n\nThe council  voted\n on Monday to close the old library."


# --- size limit ---------------------------------------------------------------------------------


def test_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    import kg.read as reader

    monkeypatch.setattr(reader, "MAX_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_bytes(b"Headline\n\n" + b"The council met again. " * 50)  # 1,160 bytes
    ok = tmp_path / "ok.txt"
    ok.write_bytes(b"Short Headline\n\nThe council met on Monday and agreed the budget.")
    read = []
    real = reader._read_capped
    monkeypatch.setattr(reader, "_read_capped", lambda raw, source: read.append(raw) or real(raw, source))
    big_item, ok_item = read_articles([str(big), str(ok)])
    assert str(big_item.error) == (
        f"{big}: the input is 1,160 bytes, over the 1,000 bytes limit for one input; split it"
    )
    assert ok_item.article is not None
    assert read == [str(ok)], "the big file was refused from its size, without reading it"


def test_file_at_the_size_limit_is_read(tmp_path, monkeypatch):
    import kg.read as reader

    content = b"Headline\n\nThe council met on Monday and agreed the budget for the year."
    monkeypatch.setattr(reader, "MAX_BYTES", len(content))
    path = tmp_path / "exact.txt"
    path.write_bytes(content)
    [item] = read_source(str(path))
    assert item.article is not None, item.error


def test_size_limit_fits_the_article_limit():
    import kg.read as reader

    assert reader.MAX_BYTES == 64 * 2**20
    assert reader.MAX_BYTES >= 4 * reader.MAX_CHARS * 4, "room for several articles of MAX_CHARS in one file"


def test_huge_sparse_file_is_refused_without_memory(tmp_path):
    """A file just over the real limit (sparse: no disk used) is refused with no allocation of its size."""
    import tracemalloc

    import kg.read as reader

    path = tmp_path / "huge.jsonl"
    with path.open("wb") as f:
        f.truncate(reader.MAX_BYTES + 1)
    tracemalloc.start()
    try:
        [item] = read_source(str(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "67,108,865 bytes (64.0 MiB), over the 67,108,864 bytes (64.0 MiB) limit" in str(item.error)
    assert "\n" not in str(item.error)
    assert peak < 1_000_000


def test_stdin_is_read_with_the_same_cap(monkeypatch):
    import kg.read as reader

    content = b"Headline\n\nThe council met on Monday and agreed the budget for the year."
    monkeypatch.setattr(reader, "MAX_BYTES", len(content) - 1)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(content)))
    [item] = read_source("-")
    assert str(item.error) == f"<stdin>: the input is over the {len(content) - 1} bytes limit for one input; split it"
    monkeypatch.setattr(reader, "MAX_BYTES", len(content))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(content)))
    [item] = read_source("-")
    assert item.article is not None, item.error


# --- deeply nested JSON -------------------------------------------------------------------------


def test_deeply_nested_json_is_an_error_and_the_folder_goes_on(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000)
    (tmp_path / "deep-object.json").write_text('{"text": ' * 100_000)
    (tmp_path / "lines.jsonl").write_text(
        "[" * 100_000 + "\n" + json.dumps({"text": "Line Two\n\nThe mayor opened the new library on Friday."}) + "\n"
    )
    (tmp_path / "good.txt").write_text("Good Headline\n\nThe council voted to keep the swimming pool open.")
    items = list(read_articles([str(tmp_path)]))
    errors = {i.source: str(i.error) for i in items if i.error}
    assert errors == {
        str(tmp_path / "deep-object.json"): f"{tmp_path / 'deep-object.json'}: invalid JSON (nested too deeply)",
        str(tmp_path / "deep.json"): f"{tmp_path / 'deep.json'}: invalid JSON (nested too deeply)",
        str(tmp_path / "lines.jsonl"): f"{tmp_path / 'lines.jsonl'}:1: invalid JSON (nested too deeply)",
    }
    titles = sorted(i.article.title for i in items if i.article)
    assert titles == ["Good Headline", "Line Two"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"text": 1' + "0" * 5000 + "}", "invalid JSON (Exceeds the limit (4300 digits)"),
        ('{"text": "Headline\\n\\nThe port reopened.", "published": [[["2024-01-01"]]]}', "must be a date string"),
        ('{"text": "Headline\\n\\nThe port reopened.", "published": "' + "x" * 500 + '"}', "not a date: 'xxx"),
    ],
)
def test_odd_json_values_are_one_line_errors(tmp_path, content, message):
    path = tmp_path / "odd.json"
    path.write_text(content)
    [item] = read_source(str(path))
    assert message in str(item.error)
    assert "\n" not in str(item.error) and len(str(item.error)) < 200 + len(str(path))


# --- language -----------------------------------------------------------------------------------


def test_short_french_text_is_not_english(tmp_path):
    path = tmp_path / "logement.txt"
    path.write_text(
        "Logement : le projet divise\n\nLe gouvernement a présenté mercredi un projet de loi sur le logement. "
        "Les associations estiment que les mesures restent insuffisantes pour les familles modestes."
    )
    [item] = read_source(str(path))
    assert item.article is None
    assert str(item.error) == (
        f"{path}: the text is not English (it looks like language 'fr'); kg extracts English only"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Flood Warning Issued for Severn Valley\n\nForecasters warned that heavy rain could push the river over "
        "its banks by Friday night.",
        "Bank Raises Rates\n\nThe central bank raised its main interest rate by a quarter point on Thursday.",
        "Minister Resigns\n\nThe health minister resigned on Sunday.",
        "PORT WORKERS WALK OUT\n\nDOCKERS IN FELIXSTOWE STOPPED WORK ON MONDAY OVER A PAY OFFER THEY CALLED AN INSULT.",
        # English news full of foreign names: the names do not make it Turkish or Arabic
        "Erdogan and Ozel Spar Over Istanbul Vote\n\nPresident Recep Tayyip Erdogan accused Ozgur Ozel of the CHP "
        "of stalling in Ankara on Wednesday, while Ekrem Imamoglu and Mansur Yavas said Devlet Bahceli had met "
        "Suleyman Soylu and Binali Yildirim in Izmir before the vote, according to Hurriyet.",
        "Sadr Bloc Quits Talks in Baghdad\n\nMuqtada al-Sadr told Mohammed Shia al-Sudani that Nouri al-Maliki, "
        "Hadi al-Amiri and Qais al-Khazali of Asaib Ahl al-Haq had no place in the cabinet, while Masoud Barzani "
        "of the KDP met Bafel Talabani in Erbil and Sulaimaniyah.",
    ],
    ids=["headline-and-sentence", "rates", "very-short", "all-capitals", "turkish-names", "iraqi-names"],
)
def test_english_texts_are_accepted(tmp_path, text):
    path = tmp_path / "english.txt"
    path.write_text(text)
    [item] = read_source(str(path))
    assert item.error is None, item.error


def test_language_check_needs_enough_words():
    from kg.read import detect_language

    assert detect_language("Regierung beschließt Schulbau\n\nNeue Schulen werden gebaut.") is None
    assert detect_language("Die Regierung hat heute beschlossen, dass neue Schulen gebaut werden sollen.")[0] == "de"
    assert detect_language("政府周三公布了新的住房法案。多个协会认为这些措施不足以帮助低收入家庭。")[0] == "zh"


# --- HTML headline ------------------------------------------------------------------------------

_FERRY_PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Ferry Service Resumes After Storm</title>
<meta property="og:site_name" content="The Island Courier"></head>
<body><nav><a href="/">Home</a> | <a href="/sport">Sport</a></nav>
<article><h1>Ferry Service Resumes After Storm</h1>
{repeat}<p>The ferry between Oban and Mull resumed on Thursday after a storm closed the harbour for three days,
the operator said.</p>
<p>Passengers who missed crossings will get refunds, a spokesperson for the company added.</p>
</article></body></html>"""


@pytest.mark.parametrize("repeat", ["", "<p>Ferry service resumes after storm.</p>\n"], ids=["h1", "h1-and-paragraph"])
def test_html_headline_is_not_repeated(tmp_path, repeat):
    path = tmp_path / "ferry.html"
    path.write_text(_FERRY_PAGE.format(repeat=repeat))
    [article] = _articles([path])
    assert article.title == "Ferry Service Resumes After Storm"
    assert article.text.startswith(
        "Ferry Service Resumes After Storm\n\nThe ferry between Oban and Mull resumed on Thursday"
    ), article.text
    assert article.text.lower().count("ferry service resumes") == 1


def test_html_title_with_site_name_is_not_repeated():
    from kg.read.html import drop_repeated_headline

    body = "Ferry Service Resumes\nThe ferry resumed on Thursday.\nFerry Service Resumes"
    assert drop_repeated_headline("Ferry Service Resumes | The Island Courier", body) == (
        "The ferry resumed on Thursday.\nFerry Service Resumes"
    )
    assert drop_repeated_headline("Ferry Service Resumes", "Ferry Service\nThe ferry resumed.") == (
        "Ferry Service\nThe ferry resumed."
    )


# --- file names ---------------------------------------------------------------------------------


def test_display_name_escapes_control_characters_and_undecodable_bytes():
    import os

    from kg.read.clean import display_name

    assert display_name("news/plain name.txt") == "news/plain name.txt"
    assert display_name("a\nb\tc\rd\x1be\u2028f.txt") == "a\\nb\\tc\\rd\\x1be\\u2028f.txt"
    assert display_name(os.fsdecode(b"caf\xe9\xff.txt")) == "caf\\xe9\\xff.txt"
    assert display_name("caf\u00e9.txt") == "caf\u00e9.txt"


def test_odd_file_names_do_not_forge_lines(tmp_path):
    import os

    body = b"Council Votes\n\nThe council voted on Monday to build a new bridge over the river."
    folder = os.fsencode(tmp_path)
    names = {
        b"two\nlines.txt": "two\\nlines.txt",
        b"tab\there.txt": "tab\\there.txt",
        b"latin\xe9\xff.txt": "latin\\xe9\\xff.txt",
        b"empty\n\xff.json": "empty\\n\\xff.json",
        b"fake\nERROR: injected.jsonl": "fake\\nERROR: injected.jsonl",
    }
    for raw in names:
        with open(os.path.join(folder, raw), "wb") as f:
            f.write(b"" if raw.startswith(b"empty") else body if raw.endswith(b".txt") else b"{not json\n")
    items = list(read_articles([str(tmp_path)]))
    shown = {i.source.rsplit("/", 1)[-1]: i for i in items}
    assert set(shown) == set(names.values())
    for item in items:
        line = item.source + ": " + (str(item.error) if item.error else item.article.source)
        assert "\n" not in line and "\t" not in line
        line.encode("utf-8")  # no lone surrogates: printable and storable
        if item.article:
            assert item.article.source == item.source
    assert str(shown["empty\\n\\xff.json"].error) == f"{tmp_path}/empty\\n\\xff.json: the input is empty"
    assert str(shown["fake\\nERROR: injected.jsonl"].error).startswith(
        f"{tmp_path}/fake\\nERROR: injected.jsonl:1: invalid JSON"
    )


def test_path_with_nul_is_an_error():
    [item] = list(read_source("bad\x00name.txt"))
    assert str(item.error).startswith("bad\\x00name.txt: cannot read")


def test_one_registry_knows_every_reader():
    from pathlib import Path

    from kg.read.readers import BY_NAME, KNOWN_SUFFIXES, READERS, reader_for, sniff

    assert [r.name for r in READERS] == ["jsonl", "json", "feed", "html", "text"]
    assert sum(len(r.suffixes) for r in READERS) == len(KNOWN_SUFFIXES)  # no suffix names two readers
    for reader in READERS:
        for suffix in reader.suffixes:
            assert reader_for(Path(f"article{suffix.upper()}")) is reader
    assert reader_for(Path("notes.log")) is BY_NAME["text"]
    samples = {
        '{"text": "a"}\n{"text": "b"}\n': "jsonl",
        '[{"text": "a"}]': "json",
        '<?xml version="1.0"?><rss version="2.0"></rss>': "feed",
        "<html><body>x</body></html>": "html",
        "Title\n\nBody.": "text",
    }
    assert {text: sniff(text).name for text in samples} == samples
