"""Direct quotations: where the text marks them (``quote_spans``) and which quotation a cue
introduces or closes ('"...," it said', 'X said: "..."')."""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.extract.lexicon import CUE_KINDS
from kg.extract.statements.context import STRIP_CHARS, Context
from kg.extract.statements.venues import is_statement_venue

QUOTE_MARKS = frozenset('"\u201c\u201d\u00ab\u00bb')
QUOTE_MAX_LINES = 6  # a quotation left open longer than this was opened by a stray mark


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Direct quotations as the text marks them, marks included. A quotation runs from its opening
    mark to its closing one, across sentences and lines; a line that opens with a mark while a
    quotation is open carries it on (news marks every paragraph of a long quotation that way). A
    quotation left open for more than a few lines was opened by a stray mark and quotes nothing.
    Straight marks pair up within a line first, so spacing around them never decides."""
    spans = _curly_quotes(text) + _straight_quotes(text)
    spans.sort()
    out: list[tuple[int, int]] = []
    for span in spans:
        if not out or span[0] >= out[-1][1]:
            out.append(span)
    return out


def _curly_quotes(text: str) -> list[tuple[int, int]]:
    spans, start, lines = [], None, 0
    for m in re.finditer(r"[\u201c\u201d\n]", text):
        c, i = m.group(), m.start()
        if c == "\u201c":
            if start is not None and lines and text[text.rfind("\n", 0, i) + 1 : i].strip() == "":
                continue  # a paragraph of the same quotation
            start, lines = i, 0
        elif c == "\u201d" and start is not None:
            spans.append((start, i + 1))
            start = None
        elif c == "\n" and start is not None:
            lines += 1
            if lines > QUOTE_MAX_LINES:
                start = None
    return spans


def _spaced(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isspace() and after.isspace()


def _straight_quotes(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    open_at, open_lines = None, 0
    offset = 0
    for line in text.split("\n"):
        marks = [offset + i for i, c in enumerate(line) if c == '"']
        if open_at is not None:
            open_lines += 1
            if marks and line[: marks[0] - offset].strip() == "":
                marks = marks[1:]  # the mark opening this paragraph continues the open quotation
            if marks:
                spans.append((open_at, marks[0] + 1))
                open_at, marks = None, marks[1:]
            elif open_lines > QUOTE_MAX_LINES:
                open_at = None
        if len(marks) % 2:
            # one mark too many: a stray one stands between spaces ('a " mark'); else the last opens
            # a quotation that goes on in the next lines
            stray = next((m for m in marks if _spaced(text, m)), None)
            if stray is not None:
                marks.remove(stray)
            else:
                open_at, open_lines, marks = marks[-1], 0, marks[:-1]
        for a, b in zip(marks[0::2], marks[1::2], strict=True):
            spans.append((a, b + 1))
        offset += len(line) + 1
    return [(a, b) for a, b in spans if text[a + 1 : b - 1].strip()]


def quote_for(ctx: Context, verb: Token, *, next_sentence: bool = False) -> tuple[int, int] | None:
    """The direct quote this verb introduces or closes: '"...," it said' or 'X said: "..."'; with
    ``next_sentence``, a quote that is a sentence of its own next to the cue's ('X said on Friday.
    "..."', '"...." X has claimed that ...'), which only a cue with no content of its own may take."""
    sent = verb.sent
    for qs, qe in sorted(ctx.quotes, key=lambda q: not _colon_opened(ctx, verb, q[0])):
        inner = ctx.trimmed(qs + 1, qe - 1)
        if inner in ctx.quotes_taken:
            continue
        # a quote the cue opens with a colon or a comma is speech however short ('wrote: "Power to
        # the people!"'); elsewhere a few quoted words may be a scare-quoted phrase
        opened = verb.idx < qs and bool(re.search(r"[:,]\s*$", ctx.text[verb.idx : qs]))
        if not (opened or is_real_quote(ctx, *inner)):
            continue
        before = ctx.text[qe : verb.idx]
        # a quote ending its sentence ('... price."') followed by a capital starts a new one
        apart = ctx.text[inner[1] - 1 : inner[1]] in {".", "!", "?"} and bool(re.match(r"\s*[A-Z]", before))
        if (
            apart == next_sentence
            and sent.start_char - 3 <= qe <= verb.idx
            and (len(before) < 60 or _only_subject_between(ctx, qe, verb))
            and not re.search(r"[.!?]\s", before)
            and not _other_verb_between(ctx, qe, verb)
        ):
            return inner
        after = ctx.text[verb.idx + len(verb.text) : qs]
        ended = bool(re.search(r"[.!?]\s", after))
        if (
            ended == next_sentence
            and verb.idx < qs <= sent.end_char + 1
            and (":" in after or len(after) < 25 or _only_venue_between(ctx, verb, qs))
            and not _clause_opens_before(ctx, verb, qs)
            and not cue_between(ctx, verb, qs)
        ):
            return inner
    return None


def _colon_opened(ctx: Context, verb: Token, start: int) -> bool:
    """'..., adding to the BBC: "..."': a quotation the cue opens with a colon is its own before any
    quoted words that end right before it ('who "deserved prison", adding')."""
    gap = ctx.doc.char_span(verb.idx + len(verb.text), start, alignment_mode="contract")
    return (
        verb.idx < start <= verb.sent.end_char + 1
        and bool(re.fullmatch(r"[^.!?\"\u201c\u201d]*:\s*", ctx.text[verb.idx + len(verb.text) : start]))
        and gap is not None
        and not any(t.pos_ in {"VERB", "AUX"} for t in gap)  # not 'saying, although X translated it as: "..."'
    )


def cue_between(ctx: Context, verb: Token, start: int) -> bool:
    """'thought of him as ..., adding: "..."': a participle of saying between the cue and the quotation
    it would open introduces it instead."""
    gap = ctx.doc.char_span(verb.idx + len(verb.text), start, alignment_mode="contract")
    return gap is not None and any(t.tag_ == "VBG" and t.lemma_.lower() in CUE_KINDS for t in gap)


def _clause_opens_before(ctx: Context, verb: Token, start: int) -> bool:
    """'said he would not "stay silent"': the quote is the end of a clause whose first words stand
    before it, so the content is the clause."""
    for c in verb.children:
        if c.dep_ == "ccomp" and c.i > verb.i and c.left_edge.idx < start <= c.right_edge.idx:
            words = ctx.doc.char_span(c.left_edge.idx, start, alignment_mode="contract")
            if words is not None and any(t.is_alpha and t.dep_ != "mark" for t in words):
                return True
        # 'called on Turkey "to continue ..."', 'urged EU states "to find ..."': whom the call is to
        addressee = c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "on")
        if CUE_KINDS.get(verb.lemma_.lower()) == "call" and addressee and verb.i < c.i and c.right_edge.idx < start:
            return True
    return False


def _only_venue_between(ctx: Context, verb: Token, start: int) -> bool:
    """'wrote on Twitter, a micro-blogging website, "..."': only where it was said stands between."""
    gap = ctx.doc.char_span(verb.idx + len(verb.text), start, alignment_mode="contract")
    venues = [c for c in verb.children if is_statement_venue(c)]
    inside = {t.i for c in venues for t in c.subtree}
    return gap is not None and bool(venues) and all(t.is_punct or t.i in inside for t in gap)


def _other_verb_between(ctx: Context, end: int, verb: Token) -> bool:
    """'"...." Annan said that he had noted ...': a verb between a quote and a cue closes the quote
    for it, so the quote is not the later cue's."""
    gap = ctx.doc.char_span(end, verb.idx, alignment_mode="contract")
    governors, t = set(), verb  # '"...," Jeffs can be heard saying': verbs the cue hangs on, not a reporter's
    while t.dep_ not in {"ccomp", "ROOT"} and t.head.i != t.i:
        t = t.head
        governors.add(t.i)
    return gap is not None and any(
        t.pos_ in {"VERB", "AUX"}
        and t.i not in governors
        and not (t.dep_ in {"aux", "auxpass", "neg"} and t.head.i in governors | {verb.i})
        for t in gap
    )


def _only_subject_between(ctx: Context, end: int, verb: Token) -> bool:
    """'"...", Deputy Minister for Housing and Social Affairs and Liberal politician Ana Lind said':
    between the quote and its cue stand only the words of the cue's subject (however the parser
    hung them), no other verb."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < verb.i), None)
    gap = ctx.doc.char_span(end, verb.idx, alignment_mode="contract")
    if subject is None or gap is None or subject.left_edge.idx < end:
        return False
    return not any(t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"aux", "auxpass"} or t.text in ".!?" for t in gap)


def is_real_quote(ctx: Context, start: int, end: int) -> bool:
    """Quoted words that say something, not a scare-quoted phrase ("so-called 'peace plan'")."""
    words = ctx.text[start:end].split()
    if len(words) >= 8:
        return True
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.pos_ in {"VERB", "AUX"} and t.tag_ not in {"VBN", "VBG"} for t in span)


def has_own_cue(ctx: Context, quote: tuple[int, int]) -> bool:
    """Whether a cue verb follows the quotation in its own sentence ('"...," X said.')."""
    tail = ctx.doc.char_span(quote[1], quote[1] + 1, alignment_mode="expand")
    if tail is None:
        return False
    rest = ctx.doc[tail.start : tail.sent.end]
    return any(t.lemma_.lower() in CUE_KINDS and t.pos_ == "VERB" and t.idx > quote[1] for t in rest)


def paragraph_of_its_own(ctx: Context, start: int, end: int) -> bool:
    """Whether the quotation marked ``start:end`` is all its paragraph (line) holds."""
    line_start = ctx.text.rfind("\n", 0, start) + 1
    line_end = ctx.text.find("\n", end)
    after = ctx.text[end : len(ctx.text) if line_end < 0 else line_end]
    return not ctx.text[line_start:start].strip() and not after.strip(STRIP_CHARS + ".")
