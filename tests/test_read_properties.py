"""Property tests of the readers: any input gives an article with clean text or a one-line InputError."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.read import read_source
from kg.read.clean import clean_text, display_name

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

ALLOWED = {"\n", "\t", "\r"}


def _bad_characters(value: str | None) -> set[str]:
    """Control characters (C0, DEL, C1), line/paragraph separators and lone surrogates."""
    return {ch for ch in value or "" if unicodedata.category(ch) in ("Cc", "Zl", "Zp", "Cs")} - ALLOWED


def _check(items) -> None:
    assert items, "every input gives at least one item"
    for item in items:
        assert (item.article is None) != (item.error is None)
        assert "\n" not in item.source and not _bad_characters(item.source)
        if item.error is not None:
            assert isinstance(item.error, InputError)
            assert "\n" not in str(item.error), str(item.error)
            str(item.error).encode("utf-8")
            continue
        a = item.article
        for value in (a.text, a.title, a.url, a.publisher, a.published, a.source):
            assert not _bad_characters(value), (value, item.source)
        assert a.text.strip()
        a.text.encode("utf-8")


# Bytes that look a little like each format, so the parsers get past their first check more often.
_MARKUP = st.sampled_from(
    [b"", b"<html><body><p>", b"<rss version='2.0'><channel><item><title>", b"<feed><entry><title>", b"<?xml ?>"]
)
_JSON = st.sampled_from([b"", b'{"text": "', b'[{"title": "', b'{"text": "Head\\n\\n', b"["])
_NOISE = st.binary(max_size=400) | st.text(max_size=300).map(lambda s: s.encode("utf-8", "surrogatepass"))
_CONTROLS = st.lists(
    st.sampled_from(
        ["The", " council", " said", " on Monday", ".", "<p>", "</p>", '"', "\\u001b", "\n", "\t", "\r"]
        + ["\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9b", "\u2028", "\u2029", "&#27;", "&#x0c;"]
    ),
    max_size=80,
).map(lambda parts: "".join(parts).encode("utf-8"))


@pytest.mark.parametrize("suffix", [".txt", ".json", ".jsonl", ".html", ".rss"])
@SETTINGS
@given(prefix=_MARKUP | _JSON, body=_NOISE | _CONTROLS)
def test_any_bytes_give_an_article_or_an_input_error(tmp_path, suffix, prefix, body):
    path = tmp_path / f"input{suffix}"
    path.write_bytes(prefix + body)
    _check(list(read_source(str(path))))


@SETTINGS
@given(prefix=_MARKUP | _JSON, body=_NOISE | _CONTROLS)
def test_any_bytes_on_stdin_give_an_article_or_an_input_error(prefix, body):
    import io
    import sys
    from unittest import mock

    with mock.patch.object(sys, "stdin", io.TextIOWrapper(io.BytesIO(prefix + body))):
        _check(list(read_source("-")))


# Pages and feeds that parse, with text full of control characters, references and stray markup.
_WORDS = st.lists(
    st.sampled_from(
        [" the", " council", " said", " on", " Monday", " that", " a", " new", " bridge", " would", " open", "."]
        + ["\x00", "\x01", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9b", "\u2028", "\u2029", "\t", "\r\n"]
        + ["&#27;", "&#x0C;", "&#133;", "&#0;", "&#xd800;", "&amp;", "<b>", "</p><p>", "<br/>", "<", "&"]
    ),
    min_size=1,
    max_size=60,
).map("".join)
_HTML_PAGE = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    "<p>{body}</p><p>{body}</p></article></body></html>"
)
_RSS_FEED = (
    "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{title}</title>"
    "<item><title>{title}</title><description>{body}</description></item>"
    "<item><title>Second</title><description><![CDATA[{body}]]></description></item></channel></rss>"
)


@pytest.mark.parametrize(("suffix", "template"), [(".html", _HTML_PAGE), (".rss", _RSS_FEED)], ids=["html", "rss"])
@SETTINGS
@given(title=_WORDS, body=_WORDS)
def test_pages_and_feeds_with_control_characters(tmp_path, suffix, template, title, body):
    path = tmp_path / f"page{suffix}"
    path.write_bytes(template.format(title=title, body=body).encode("utf-8"))
    _check(list(read_source(str(path))))


_FIELD = st.text(max_size=200) | st.text(
    alphabet=st.characters(codec="utf-8") | st.sampled_from(["\x00", "\x0c", "\x1b", "\x85", "\u2028", "\ud800"]),
    max_size=200,
)


@SETTINGS
@given(
    text=_FIELD,
    title=st.none() | _FIELD,
    publisher=st.none() | _FIELD,
    suffix=st.sampled_from([".json", ".jsonl"]),
)
def test_any_json_record_gives_an_article_or_an_input_error(tmp_path, text, title, publisher, suffix):
    record = {"text": text}
    if title is not None:
        record["title"] = title
    if publisher is not None:
        record["publisher"] = publisher
    path = tmp_path / f"record{suffix}"
    # ensure_ascii: lone surrogates travel as \ud800 escapes; without it, U+2028 and friends stay raw
    path.write_text(json.dumps(record, ensure_ascii=suffix == ".json"), encoding="utf-8", errors="surrogatepass")
    items = list(read_source(str(path)))
    _check(items)
    if clean_text(text).strip() and len(items) == 1 and items[0].error:
        # a record with text is refused only as not English
        assert "not English" in str(items[0].error), str(items[0].error)


@SETTINGS
@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(["\ud800", "\udfff"]), max_size=300))
def test_clean_text_keeps_length_and_leaves_no_control_characters(text):
    cleaned = clean_text(text)
    assert len(cleaned) == len(text)
    assert not _bad_characters(cleaned)
    assert clean_text(cleaned) == cleaned


@SETTINGS
@given(st.binary(max_size=100))
def test_display_name_is_one_printable_line(raw):
    import os

    shown = display_name(os.fsdecode(raw))
    assert not _bad_characters(shown)
    shown.encode("utf-8")
