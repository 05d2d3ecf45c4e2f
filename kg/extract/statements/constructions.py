"""The constructions that make a statement in running text: reporting verbs ("X said that ...",
"'...,' it said", "X is alleged to have ..."), issued statements ('X issued a statement: "..."'),
"according to X", and quotations that go on with the last speaker (reporting nouns: ``nouns``)."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from kg.extract.coref import resolve
from kg.extract.lexicon import CUE_KINDS, GENERIC_PRONOUNS, ISSUE_VERBS, ISSUED_NOUNS, QUOTE_ONLY
from kg.extract.statements.content import (
    attributed_clause,
    before_other_speech,
    content_of,
    inside_content,
    without_attribution,
    without_preposition,
)
from kg.extract.statements.context import STRIP_CHARS, Context
from kg.extract.statements.cues import bids, described_as, ends_headline, is_cue, passive_without_agent
from kg.extract.statements.quotes import has_own_cue, is_real_quote, paragraph_of_its_own, quote_for
from kg.extract.statements.speakers import (
    fronted_subject,
    misparsed_subject,
    speaker_fields,
    speaker_of,
    split_conjunct_subject,
    stray_agent,
)


def from_verbs(ctx: Context) -> None:
    for token in ctx.doc:
        if not is_cue(ctx, token):
            continue
        lemma = token.lemma_.lower()
        quote = quote_for(ctx, token)
        if lemma in QUOTE_ONLY:
            described = described_as(ctx, token)
            quote = None if described else quote
            content = described or quote
        else:
            content = quote or content_of(ctx, token, lemma) or attributed_clause(ctx, token)
            # '"...," said X commenting on the decision. "..."': a participle of a cue already read is
            # part of that speech act; the quotation after it goes on with that cue
            if content is None and not passive_without_agent(token) and token.head.i not in ctx.cue_tokens:
                quote = content = quote_for(ctx, token, next_sentence=True)
                if quote is not None and has_own_cue(ctx, quote):
                    quote = content = None  # 'screamed for help. "...," a resident said.
        if content is None:
            continue
        subject, passive = speaker_of(ctx, token, quote)
        if not passive and passive_without_agent(token) and token.dep_ == "conj" and stray_agent(ctx, token) is None:
            passive = True  # "its shape symbolizes wealth and is believed to bring luck": nobody named believes
        if subject is None and not passive:
            subject = misparsed_subject(ctx, token) or fronted_subject(ctx, token) or split_conjunct_subject(ctx, token)
        if subject is not None and subject.lower_ in GENERIC_PRONOUNS:
            continue  # "one must ask oneself ...", "you could say ...": nobody in particular speaks
        if subject is not None and subject.tag_ == "VBG" and not list(subject.children):
            continue  # "Countering claims that ..., he replied": a noun read as a verb, nobody speaks
        if subject is not None and _inside_reported_clause(token, subject):
            continue  # "He said, citing sources, that the plan had failed": the participle is not the plan's
        if subject is None and not passive_without_agent(token) and inside_content(ctx, token.idx):
            continue  # "he added the inquest would find ...": part of what he said, nobody's finding
        if subject is None and ends_headline(ctx, token):
            continue  # "... according to rebels, report": a label, not a verb
        fields = speaker_fields(ctx, None if passive else subject, cue=token)
        kind = CUE_KINDS[lemma]
        if lemma in {"tell", "warn"} and (bids(token) or _told_to(token)):
            kind = "call"  # "told the cardinal not to cut funding", "warned Turkey to hold back"
        if quote is None:
            first = ctx.doc.char_span(content[0], content[1], alignment_mode="expand")
            if first is not None and first[0].i in ctx.cue_tokens:
                continue  # the parser took another statement's cue for this one's content
            content = before_other_speech(ctx, token, content)
            content = without_attribution(ctx, content)
        if kind in {"accusation", "criticism"} and quote is None:
            content = without_preposition(ctx, content)
        patient = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        whose = quote is None and patient is not None and _about_its_subject(token, patient, kind)
        if whose:
            # "the senator is alleged to have taken bribes", "the agency was accused of hiding data": who
            # it is about belongs to what is alleged
            content = (ctx.phrase(patient).start_char, max(content[1], token.idx + len(token.text)))
            stray = stray_agent(ctx, token)
            if stray is not None and stray.right_edge.idx + len(stray.right_edge.text) >= content[1]:
                content = ctx.trimmed(content[0], stray.idx)  # "was urged to resign | by his party"
        about = None
        if passive and subject is not None:
            about = resolve(ctx.phrase(subject), ctx.index)
        elif kind == "accusation":
            obj = next((c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}), None)
            about = resolve(ctx.phrase(obj), ctx.index) if obj is not None else None
        if fields.get("report") and kind == "claim":
            kind = "finding"
        cue_end = token.idx + len(token.text)
        for child in token.children:
            if child.dep_ == "prt" or (lemma == "call" and child.dep_ == "prep" and child.i == token.i + 1):
                cue_end = child.idx + len(child.text)
        if content[0] < cue_end < content[1] and not whose:
            # "called on | the company to ...": the cue's words are not content
            content = ctx.trimmed(cue_end, content[1])
        ctx.cue_tokens.add(token.i)
        if quote is not None:
            ctx.quotes_taken.add(quote)
        ctx.add(
            cue=ctx.text[token.idx : cue_end],
            cue_span=(token.idx, cue_end),
            content_span=content,
            kind=kind,
            quote=quote is not None,
            about=about,
            **fields,
        )


def _inside_reported_clause(verb: Token, subject: Token) -> bool:
    """A participle the parser hung, before its subject, on the clause another cue reports: it goes
    with that cue, so the clause's subject is not its speaker."""
    clause = verb.head
    return (
        verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and verb.i < subject.i
        and subject.head.i == clause.i
        and clause.dep_ == "ccomp"
        and clause.head.lemma_.lower() in CUE_KINDS
    )


def _told_to(verb: Token) -> bool:
    """'The workers were told to go home': a passive with an infinitive tells its subject to act."""
    return any(c.dep_ == "auxpass" for c in verb.children) and any(
        c.dep_ == "xcomp" and c.tag_ == "VB" and any(a.lower_ == "to" for a in c.children) for c in verb.children
    )


def _about_its_subject(verb: Token, subject: Token, kind: str) -> bool:
    """Whether a passive cue's subject is part of what is reported: the one accused or criticised, or
    the subject of the infinitive ("X is said to have fled"); not who was told ("residents were told
    that ...") nor an expletive ("it was announced that ...")."""
    if subject.head.i != verb.i or subject.i > verb.i or subject.lower_ == "it":
        return False
    return kind in {"accusation", "criticism"} or any(c.dep_ == "xcomp" for c in verb.children)


def issued_quotes(ctx: Context) -> None:
    """'X issued a statement: "..."', 'X released a statement on the case: "..."': the quote is what
    X says; the verb and its object are the cue."""
    for noun in ctx.doc:
        verb = noun.head
        if (
            noun.lemma_.lower() not in ISSUED_NOUNS
            or noun.dep_ != "dobj"
            or verb.lemma_.lower() not in ISSUE_VERBS
            or ctx.in_quote(noun.idx)
            or verb.i in ctx.cue_tokens
        ):
            continue
        quote = quote_for(ctx, noun)
        if quote is None or quote[0] < noun.idx:
            continue
        subject, passive = speaker_of(ctx, verb)
        ctx.cue_tokens.add(verb.i)
        ctx.quotes_taken.add(quote)
        cue_end = noun.idx + len(noun.text)
        ctx.add(
            cue=ctx.text[verb.idx : cue_end],
            cue_span=(verb.idx, cue_end),
            content_span=quote,
            kind="claim",
            quote=True,
            **speaker_fields(ctx, None if passive else subject, cue=verb),
        )


def according_to(ctx: Context) -> None:
    for token in ctx.doc:
        if token.lower_ != "according" or token.i + 1 >= len(ctx.doc) or ctx.doc[token.i + 1].lower_ != "to":
            continue
        to = ctx.doc[token.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if not objs:
            continue
        # "according to vice-president Carlos Lage": the parser may split the phrase into two objects
        named = [c for c in objs if ctx.index.at(c.idx, c.idx + len(c.text))]
        obj = (named or objs)[0]
        pp_start, pp_end = token.i, max(c.right_edge.i for c in objs) + 1
        subject = fronted_subject(ctx, token.head) if token.head.i >= pp_end else None
        if subject is not None and pp_start < subject.left_edge.i < pp_end:
            pp_end = subject.left_edge.i  # "According to a report in X, an internal memo showed ...": the memo's
        pp_end = _past_appositive(ctx, pp_end, token.head)
        sent = token.sent
        left = ctx.span(sent.start, pp_start) if pp_start > sent.start else None
        right = ctx.span(pp_end, sent.end) if pp_end < sent.end else None
        sides = [s for s in (left, right) if s and len(ctx.text[s[0] : s[1]].strip(STRIP_CHARS + ".")) > 3]
        if not sides:
            continue
        content = max(sides, key=lambda s: s[1] - s[0])
        if len(sides) == 2 and _one_clause_around(ctx, sent, pp_start, pp_end):
            content = (left[0], right[1])  # "The president, according to X, looks forward to ...": one clause
        content = _relative_clause(ctx, token) or content
        fields = speaker_fields(ctx, obj, until=pp_end)
        ctx.add(
            cue="according to",
            cue_span=(token.idx, to.idx + len(to.text)),
            content_span=content,
            kind="finding" if fields.get("report") else "claim",
            quote=False,
            **fields,
        )


def _past_appositive(ctx: Context, end: int, verb: Token) -> int:
    """'According to Jane Doe, a spokeswoman for Acme, the firm will ...': a phrase without a verb set
    off by commas after the source, before the clause's subject, describes the source (the parser
    often hangs it elsewhere); what is said starts after it."""
    if end >= len(ctx.doc) or ctx.doc[end].text != "," or verb.i <= end:
        return end
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    for t in ctx.doc[end + 1 : verb.i]:
        if t.pos_ in {"VERB", "AUX"}:
            return end
        if t.text == ",":
            return t.i if t.i > end + 1 and subjects and all(s.i > t.i for s in subjects) else end
    return end


def _relative_clause(ctx: Context, according: Token) -> tuple[int, int] | None:
    """'fell to 310,000, which, according to X, is the lowest level in years': in a relative clause
    the phrase, set off before the clause's verb, vouches for that clause only: the noun it is about
    and what the clause says of it ('..., which will fall, according to X' is the whole sentence's)."""
    clause = according.head
    rel = next(
        (
            c
            for c in clause.children
            if c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ in {"WDT", "WP"} and c.i < according.i
        ),
        None,
    )
    if rel is None or rel.i == clause.sent.start or clause.i < according.i:
        return None
    noun = next((t for t in reversed(ctx.doc[clause.sent.start : rel.i]) if not t.is_punct), None)
    if noun is None or noun.pos_ not in {"NOUN", "PROPN", "NUM"}:
        return None
    start = noun.i  # with its determiner and modifiers: "the mayor", "$3 million", not "from 9,000 to"
    while start > clause.sent.start and _premodifier(ctx.doc[start - 1], noun):
        start -= 1
    return ctx.span(start, clause.right_edge.i + 1)


def _premodifier(word: Token, noun: Token) -> bool:
    """A word of the noun phrase before its head: a determiner, an adjective, a number, a currency."""
    return word.tag_ == "$" or (word.head.i == noun.i and word.dep_ in {"det", "amod", "compound", "nummod", "poss"})


def _one_clause_around(ctx: Context, sent: Span, pp_start: int, pp_end: int) -> bool:
    """Whether the words before and after a parenthetical make one clause: a subject before it
    ('The president, according to X, looks forward'), or a second predicate after it ('Such
    levels kill within weeks, according to X, and are 250 times ...')."""
    if not any(t.pos_ in {"VERB", "AUX"} for t in ctx.doc[sent.start : pp_start]):
        return True
    after = [t for t in ctx.doc[pp_end : sent.end] if not t.is_punct]
    return bool(after) and after[0].pos_ == "CCONJ" and after[0].head.i < pp_start


def continued_quotes(ctx: Context) -> None:
    """A quotation with no cue of its own right after the previous speaker's quotation ('"...,"
    she said. "..."', or a next paragraph that is only a quotation) goes on with that speaker."""
    quoted = sorted((s for s in ctx.statements if s.quote), key=lambda s: s.cue_span[0])
    cues = sorted(s.cue_span[0] for s in ctx.statements)
    for qs, qe in ctx.quotes:
        inner = ctx.trimmed(qs + 1, qe - 1)
        if inner in ctx.quotes_taken or not is_real_quote(ctx, *inner):
            continue
        if any(s.content_span[0] <= inner[0] < s.content_span[1] for s in ctx.statements):
            continue  # a quoted phrase inside what someone said: 'said it was an occasion "to ..."'
        # a paragraph that is only a quotation goes on with whoever spoke last in the paragraph
        # before, directly or not ('Bush said the plan would help.' / '"We will ..."')
        pool = ctx.statements if paragraph_of_its_own(ctx, qs, qe) else quoted
        before = [s for s in pool if max(s.cue_span[1], s.content_span[1]) <= qs and (s.speaker or s.speaker_text)]
        if not before:
            continue
        prev = max(before, key=lambda s: max(s.cue_span[1], s.content_span[1]))
        last = max(prev.cue_span[1], prev.content_span[1])
        sentence = ctx.doc.char_span(last - 1, last, alignment_mode="expand")
        gap_start = sentence.sent.end_char if sentence is not None else last
        own = ctx.doc.char_span(qs, qe, alignment_mode="expand")
        own_end = own[-1].sent.end_char if own is not None else qe
        # it opens a sentence, a paragraph or a stretch after the cue ('"...," she said, "..."'), not a
        # phrase inside a clause ('thanking France for pressuring Colombia to "think of ..."')
        opens = bool(re.search(r'(^|\n|[.!?:;,]["\u201d\u2019]?)[ \t]*$', ctx.text[max(0, qs - 4) : qs]))
        if not opens or ctx.text[gap_start:qs].strip() or any(last <= c < own_end for c in cues):
            continue
        ctx.quotes_taken.add(inner)
        ctx.add(
            speaker=prev.speaker,
            speaker_text=prev.speaker_text,
            speaker_span=prev.speaker_span,
            cue=prev.cue,
            cue_span=prev.cue_span,
            content_span=inner,
            kind=prev.kind,
            quote=True,
            report=prev.report,
            continues=prev.id,
        )
        quoted.append(ctx.statements[-1])
