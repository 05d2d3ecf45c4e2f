"""Reporting nouns: "the mayor's claim that ...", "the announcement by GM that ...", "a warning from the
fire brigade that ...", "X made the announcement that ...". The noun is the cue, its clause (or, for
some nouns, its infinitive or object) the content, and the speaker its possessor, its "by"/"from"
phrase or the subject of the light verb that takes it. Without a speaker the noun makes no statement
here ("the claim that ..." alone is talked about, by whoever denies or repeats it)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.coref import PLACE_NOUNS
from kg.extract.lexicon import (
    CALL_FOR_NOUNS,
    COMMITTING_VERBS,
    CUE_KINDS,
    LIGHT_VERBS,
    TIME_NOUNS,
    reporting_nouns,
)
from kg.extract.statements.content import clause_span, deniable
from kg.extract.statements.context import Context
from kg.extract.statements.speakers import speaker_fields, speaker_of
from kg.extract.statements.venues import is_venue_noun


def from_nouns(ctx: Context) -> None:
    nouns = reporting_nouns()
    for token in ctx.doc:
        verb = nouns.get(token.lemma_.lower())
        if (
            verb is None
            or token.pos_ != "NOUN"
            or token.i in ctx.cue_tokens
            or ctx.in_quote(token.idx)
            or is_venue_noun(token)
            or _negated(token)
        ):
            continue
        kind = CUE_KINDS[verb]
        content = _content(ctx, token, verb, kind)
        if content is not None and _cut_short(ctx, token, content):
            continue
        speaker = _speaker(ctx, token) if content is not None else None
        if speaker is None:
            continue
        fields = speaker_fields(ctx, speaker)
        if fields["speaker"] is None and _a_time(speaker):
            continue  # "last week's announcement that ...": when, not who
        if fields.get("report") and kind == "claim":
            kind = "finding"
        ctx.cue_tokens.add(token.i)
        ctx.add(
            cue=token.text,
            cue_span=(token.idx, token.idx + len(token.text)),
            content_span=content,
            kind=kind,
            quote=False,
            **fields,
        )


def _a_time(token: Token) -> bool:
    return token.ent_type_ in {"DATE", "TIME"} or token.lemma_.lower() in TIME_NOUNS


def _negated(noun: Token) -> bool:
    """'there was no announcement that ...', 'without any warning': nothing was said."""
    return any(c.dep_ in {"neg", "det"} and c.lower_ in {"no", "not", "any"} for c in noun.children) or (
        noun.dep_ == "pobj" and noun.head.lower_ == "without"
    )


def _content(ctx: Context, noun: Token, verb: str, kind: str) -> tuple[int, int] | None:
    """What the noun reports: its "that" clause ("the claim that ..."); for a promise or a call its
    infinitive ("the pledge to cut taxes") or "for" ("a call for calm"); for an accusation, a
    criticism or a denial what it bears on ("his criticism of the plan", "her denial of any role")."""
    for child in noun.children:
        if child.i < noun.i:
            continue
        if child.dep_ in {"acl", "ccomp", "relcl", "appos"} and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in child.children
        ):
            return clause_span(ctx, child)
        if child.dep_ in {"acl", "relcl"} and _complementizer_as_object(child):
            that = next(c for c in child.children if c.lower_ == "that")
            return ctx.span(that.i + 1, child.right_edge.i + 1)
        to = any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        if child.dep_ == "acl" and child.tag_ == "VB" and to and (kind == "call" or verb in COMMITTING_VERBS):
            return ctx.span(child.left_edge.i, child.right_edge.i + 1)
    for child in noun.children:
        obj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if obj is None or child.dep_ != "prep" or child.i < noun.i:
            continue
        if child.lower_ == "for" and noun.lemma_.lower() in CALL_FOR_NOUNS:
            return ctx.span(obj.left_edge.i, obj.right_edge.i + 1)
        if child.lower_ == "of" and (kind in {"accusation", "criticism"} or (kind == "denial" and deniable(obj, verb))):
            return ctx.span(obj.left_edge.i, obj.right_edge.i + 1)
    return None


def _cut_short(ctx: Context, noun: Token, content: tuple[int, int]) -> bool:
    """'His insistence that the vote was | fair angered ...', 'the call to end | the strike was
    heard': where the noun is the sentence's subject, its clause must run up to the main verb; a
    clause that stops before it, or a noun the parser made the sentence's root, is a misparse."""
    if noun.dep_ == "ROOT":
        # a noun that heads a sentence of the body ("The coach's admission that the team played badly
        # surprised fans" read as one noun phrase) swallowed the main verb; headlines are noun phrases
        return "\n" in ctx.text[: noun.idx] and noun.sent[-1].text in {".", "!", "?"}
    if noun.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    after = next((t for t in noun.sent if t.idx >= content[1] and not t.is_punct), None)
    verb = noun.head
    return (
        after is not None
        and after.i != verb.i
        and not (after.head.i == verb.i and after.dep_ in {"aux", "auxpass", "neg"})
    )


def _complementizer_as_object(clause: Token) -> bool:
    """'the announcement by GM that it had filed for bankruptcy': the parser made 'that' the object of
    the clause as if it were relative ('the claim that he made'), where the tagger read it as a
    complementizer; believed when the clause's verb is not one that takes a claim as its object."""
    that = next((c for c in clause.children if c.lower_ == "that" and c.i < clause.i), None)
    return (
        that is not None
        and that.dep_ == "dobj"
        and that.tag_ == "IN"
        and any(c.dep_ == "nsubj" for c in clause.children)
        and clause.lemma_.lower() not in LIGHT_VERBS | CUE_KINDS.keys()
    )


def _speaker(ctx: Context, noun: Token) -> Token | None:
    """Who makes the claim: the possessor ("the mayor's claim", "his denial"), a named modifier ("the
    GM announcement"), "by X" or "from X", or the subject of a light verb ("X made the announcement",
    "a warning was issued by X")."""
    for child in noun.children:
        if child.dep_ == "poss" or (
            child.dep_ in {"compound", "nmod"} and ctx.index.at(child.idx, child.idx + len(child.text))
        ):
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"by", "from"} and child.i > noun.i:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and not _a_time(obj) and obj.lemma_.lower() not in PLACE_NOUNS:
                return obj
    head = noun.head
    if head.lemma_.lower() in LIGHT_VERBS and head.pos_ in {"VERB", "AUX"}:
        if noun.dep_ == "dobj":
            subject, passive = speaker_of(ctx, head)
            return None if passive else subject
        if noun.dep_ == "nsubjpass":
            agent = next((c for c in head.children if c.dep_ == "agent"), None)
            return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    return None
