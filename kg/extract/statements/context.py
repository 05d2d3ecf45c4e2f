"""What the passes over one article share: the parsed article, its entities and quotations, and what
the passes have found so far (statements, reports, the tokens already taken as cues, the quotations
already attributed). Each pass reads and adds to one ``Context``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extract.coref import EntityIndex
from kg.extract.lexicon import CUE_KINDS
from kg.model import Report, Statement

STRIP_CHARS = " ,;:\u2014-\n\t"


@dataclass
class Context:
    """One article's state while its statements are extracted.

    ``quotes`` are the quotations the text marks (``quotes.quote_spans``); ``quotes_taken`` the
    insides of those already attributed (one direct quote is one speech act); ``cue_tokens`` the
    token indices already read as a statement's cue.
    """

    doc: Doc
    text: str
    index: EntityIndex
    published: str | None
    quotes: list[tuple[int, int]]
    statements: list[Statement] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    report_of_token: dict[int, Report] = field(default_factory=dict)
    cue_tokens: set[int] = field(default_factory=set)
    quotes_taken: set[tuple[int, int]] = field(default_factory=set)
    ent_of: dict[int, Span] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.ent_of = {i: e for e in self.doc.ents for i in range(e.start, e.end)}  # doc.ents is rebuilt per access

    def span(self, start_token: int, end_token: int) -> tuple[int, int]:
        """The character span of tokens ``start_token:end_token``."""
        return self.doc[start_token].idx, self.doc[end_token - 1].idx + len(self.doc[end_token - 1].text)

    def trimmed(self, start: int, end: int) -> tuple[int, int]:
        """The span without spaces and punctuation at its edges."""
        while start < end and self.text[start] in STRIP_CHARS:
            start += 1
        while end > start and self.text[end - 1] in STRIP_CHARS:
            end -= 1
        return start, end

    def in_quote(self, char: int) -> tuple[int, int] | None:
        """The quotation a character offset falls inside, if any."""
        for s, e in self.quotes:
            if s < char < e:
                return s, e
        return None

    def phrase(self, token: Token) -> Span:
        """The token's whole subtree."""
        return self.doc[token.left_edge.i : token.right_edge.i + 1]

    def add(self, **fields) -> Statement:
        """Record a statement: its content trimmed (to its line unless quoted, with the mark that closes
        a quotation it opens), the quotations inside it taken, its speaker noted for pronouns after it."""
        fields.setdefault("report", None)
        start, end = self.trimmed(*fields["content_span"])
        if not fields.get("quote") and "\n" in self.text[start:end]:
            end = self.trimmed(start, self.text.index("\n", start))[1]
        if not fields.get("quote"):
            end = self._closing_mark(start, end)
            for qs, qe in self.quotes:
                # a quotation the content holds is said by this statement, unless another cue in the
                # content introduces it ('... with analyst David Strauss saying "..."')
                if start <= qs < end and not self._cue_between(start, qs, fields["cue_span"]):
                    self.quotes_taken.add(self.trimmed(qs + 1, qe - 1))
        fields["content_span"] = (start, end)
        fields["content"] = self.text[start:end]
        stmt = Statement(id=f"s{len(self.statements) + 1}", **fields)
        self.statements.append(stmt)
        if stmt.speaker or stmt.speaker_text:
            self.index.note_speaker(stmt.cue_span[0], stmt.speaker or f"?{stmt.speaker_text}")
        return stmt

    def _cue_between(self, start: int, end: int, own: tuple[int, int]) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="contract")
        return span is not None and any(
            t.lemma_.lower() in CUE_KINDS and t.pos_ == "VERB" and not own[0] <= t.idx < own[1] for t in span
        )

    def _closing_mark(self, start: int, end: int) -> int:
        """The end of a content with the mark that closes a quotation opened inside it ('he was
        "satisfied"', not 'he was "satisfied'), and with the rest of that quotation when it closes in
        the same sentence."""
        marks = sum(self.text[start:end].count(m) for m in '"\u201c\u201d')
        if not marks % 2:
            return end
        m = re.match(r'[.,!?]?["\u201d]', self.text[end : end + 2])
        if m:
            return end + m.end()
        # 'said the firm had "learned from [its] mistakes, and [it plans] to do better."': the parser
        # cut the quoted words short; a quotation closed later in the same sentence is said whole
        close = next((qe for qs, qe in self.quotes if start <= qs < end < qe), None)
        if close is not None and not re.search(r"[.!?]\s|\n", self.text[end : close - 1]):
            return close
        return end
