"""Characters no later writer should see, and file names safe to print.

:func:`clean_text` is the one place where control characters leave the text: every reader calls
it (on the decoded input before parsing, and on each article's fields after parsing, since JSON
escapes and HTML/XML character references produce control characters of their own), so the
RDF, XML and HTML exports never meet a character XML 1.0 forbids.

:func:`display_name` is the form of a file name recorded on articles and in error messages:
one printable line whatever bytes the name holds.
"""

from __future__ import annotations

import re

# C0 controls except tab, newline and carriage return; DEL; C1 controls; the Unicode line and
# paragraph separators; lone surrogates (from JSON "\ud800" escapes: not encodable as UTF-8) and
# the two non-characters XML 1.0 forbids.
_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
# What the unwanted characters become: a line break where one was meant, else a space; lone
# surrogates and non-characters become the replacement character. One character for one, so
# offsets into the text keep their meaning.
_LINE_BREAKS = {"\x0b", "\x0c", "\x85", "\u2028", "\u2029"}


def _replacement(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in _LINE_BREAKS:
        return "\n"
    if "\ud800" <= ch <= "\udfff" or ch in "\ufffe\uffff":
        return "\ufffd"
    return " "


def clean_text(text: str) -> str:
    """``text`` without control characters other than tab, newline and carriage return.

    Form feed, vertical tab, NEL (U+0085) and the Unicode line/paragraph separators become a
    newline, lone surrogates and U+FFFE/U+FFFF the replacement character, every other control
    character a space. The length never changes.
    """
    if not _UNWANTED.search(text):
        return text
    return _UNWANTED.sub(_replacement, text)


# A numeric character reference to a character XML forbids: a C0 control character (``&#27;``,
# ``&#x0C;``) or DEL, on which an HTML parser (lxml) gives up on the page, and a surrogate or a
# number beyond Unicode (``&#xD800;``), on which feedparser fails to encode its text. C1
# references are left to the parser, which reads them as Windows-1252 (``&#133;`` is an ellipsis)
# as browsers do.
_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")


def _reference(match: re.Match[str]) -> str:
    digits = match.group(1) or match.group(2)
    code = 0x110000 if len(digits.lstrip("0")) > 7 else int(digits, 16 if match.group(1) else 10)
    if code == 0x7F or (code < 0x20 and chr(code) not in "\t\n\r"):
        return "\n" if chr(code) in _LINE_BREAKS else " "
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF):
        return "\ufffd"
    return match.group()


def clean_markup(text: str) -> str:
    """:func:`clean_text` for HTML and XML, where ``&#27;`` is a control character too."""
    if "&#" in text:
        text = _REFERENCE.sub(_reference, text)
    return clean_text(text)


# In a file name also the bidirectional overrides and isolates, which reorder what a terminal shows.
_UNPRINTABLE_NAME = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    if ch in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[ch]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, kept by os.fsdecode as a surrogate
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def display_name(name: str) -> str:
    """``name`` as one printable line: control characters escaped (a newline shows as ``\\n``) and
    bytes that are not UTF-8 shown as ``\\xff``. Names without such characters are unchanged."""
    if not _UNPRINTABLE_NAME.search(name):
        return name
    return _UNPRINTABLE_NAME.sub(_escape, name)
