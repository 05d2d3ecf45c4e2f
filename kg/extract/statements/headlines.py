"""Statements a headline makes: "X Says ...", "..., claims South African President", "Castro
recovering after surgery: Cuban officials"."""

from __future__ import annotations

import re

from kg.extract.coref import PERSON_NOUNS, resolve
from kg.extract.lexicon import AUDIENCE_NOUNS, CUE_KINDS, HEADLINE_CUES, REPORT_NOUNS
from kg.extract.statements.context import Context


def headline(ctx: Context) -> None:
    end = ctx.text.find("\n")
    if end < 0:
        return  # one line of text: no separate headline
    for token in ctx.doc:
        if token.idx >= end:
            break
        if token.lower_ not in HEADLINE_CUES or not token.is_title or token.i in ctx.cue_tokens or token.i == 0:
            continue
        if token.idx + len(token.text) >= end:
            continue
        speaker = ctx.index.at(ctx.doc[token.i - 1].idx, token.idx)
        if speaker is None:
            continue
        content = ctx.trimmed(token.idx + len(token.text), end)
        start_tok = token.i - 1
        while start_tok > 0 and ctx.index.at(ctx.doc[start_tok - 1].idx, ctx.doc[start_tok - 1].idx + 1) == speaker:
            start_tok -= 1
        ctx.cue_tokens.add(token.i)
        ctx.add(
            speaker=speaker,
            speaker_text=ctx.text[ctx.doc[start_tok].idx : token.idx].strip(),
            speaker_span=(ctx.doc[start_tok].idx, token.idx - 1),
            cue=token.text,
            cue_span=(token.idx, token.idx + len(token.text)),
            content_span=content,
            kind=CUE_KINDS[HEADLINE_CUES[token.lower_]],
            quote=False,
        )
        break


def headline_inverted(ctx: Context) -> None:
    """A headline that names its source after the words: 'Britain thinks Africans are barbaric,
    claims South African President', '..., says minister'."""
    end = ctx.text.find("\n")
    m = re.search(r",\s+(\w+)\s+([^,]{2,80})$", ctx.text[:end]) if end > 0 else None
    if m is None or m.group(1).lower() not in HEADLINE_CUES:
        return
    cue = ctx.doc.char_span(m.start(1), m.end(1))
    source = ctx.doc.char_span(m.start(2), m.end(2), alignment_mode="contract")
    if cue is None or source is None or len(source) > 6 or not any(t.pos_ in {"NOUN", "PROPN"} for t in source):
        return
    ctx.cue_tokens.add(cue[0].i)
    ctx.add(
        speaker=resolve(source, ctx.index),
        speaker_text=source.text,
        speaker_span=(source.start_char, source.end_char),
        cue=cue.text,
        cue_span=(cue.start_char, cue.end_char),
        content_span=(0, m.start()),
        kind=CUE_KINDS[HEADLINE_CUES[cue.text.lower()]],
        quote=False,
    )


def headline_source(ctx: Context) -> None:
    """A headline that names its source after a colon: 'Castro recovering after surgery: Cuban
    officials', 'Shelter to open: city council'. The colon is the cue."""
    end = ctx.text.find("\n")
    colon = ctx.text.rfind(": ", 0, end)
    if end < 0 or colon < 0 or any(s.cue_span[0] < end for s in ctx.statements):
        return
    source = ctx.doc.char_span(colon + 2, end, alignment_mode="contract")
    if source is None or not 0 < len(source) <= 4 or not ctx.text[colon + 2 : end].strip():
        return
    head = source.root
    speaker = resolve(source, ctx.index)
    nouns = PERSON_NOUNS | AUDIENCE_NOUNS | REPORT_NOUNS | {"official", "police", "government", "source"}
    typed = (
        speaker is not None
        and ctx.index.by_id[speaker].type in {"Person", "Organization", "Group"}
        and any(s > end for s, _ in ctx.index.by_id[speaker].mentions)  # named in the article too
    )
    if not (typed or (head.pos_ == "NOUN" and head.lemma_.lower() in nouns)):
        return
    ctx.add(
        speaker=speaker if typed else None,
        speaker_text=source.text,
        speaker_span=(source.start_char, source.end_char),
        cue=":",
        cue_span=(colon, colon + 1),
        content_span=(0, colon),
        kind="claim",
        quote=False,
    )
