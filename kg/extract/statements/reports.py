"""Reports as speakers: "the report found", "a December 2024 report by X determined". A report noun
phrase becomes a ``Report`` (author, date), the same one each time the article comes back to it."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from kg.extract.coref import resolve
from kg.extract.lexicon import REPORT_NOUNS
from kg.extract.statements.context import Context
from kg.extract.timex import normalise_time
from kg.model import Report


def report_for(ctx: Context, noun: Token) -> Report | None:
    """A report noun phrase -> a Report, new or already seen (same author, no conflicting date)."""
    if noun.i in ctx.report_of_token:
        return ctx.report_of_token[noun.i]
    if noun.lemma_.lower() not in REPORT_NOUNS:
        return None
    phrase = ctx.phrase(noun)
    author = None
    date_text = None
    indefinite = any(c.lower_ in {"a", "an"} for c in noun.children if c.dep_ == "det")
    new = any(c.lower_ in {"new", "latest"} for c in noun.children)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    author = resolve(ctx.phrase(obj), ctx.index)
        elif child.dep_ == "poss":
            author = resolve(ctx.phrase(child), ctx.index)
        elif child.dep_ == "compound" and author is None:
            author = _actor_named(ctx, child)  # "a BBC investigation", "a UN report"; not "a Gaza report"
        elif child.dep_ == "acl" and child.lemma_ in {"publish", "release", "issue"}:
            date_text = _date_in(ctx, child.subtree)
    date_text = _date_in(ctx, (t for t in phrase if t.i < noun.i)) or date_text
    published = normalise_time(date_text, ctx.published) if date_text else None
    if not (author or date_text or indefinite or new) and _other_document_before(ctx, noun):
        return None
    weak_author = any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in noun.children)
    existing = matching_report(ctx, noun.idx, None if weak_author else author, date_text, published, indefinite or new)
    if existing is not None:
        if date_text and not existing.published_text:
            existing.published_text = date_text
            existing.published = published or date_text
        if author and not existing.author:
            existing.author = author
        ctx.report_of_token[noun.i] = existing
        return existing
    if not (author or date_text or indefinite or new):
        return None
    report = Report(
        id=f"r{len(ctx.reports) + 1}",
        author=author,
        title=None,
        published=published or date_text,
        published_text=date_text,
        span=(phrase.start_char, phrase.end_char),
    )
    ctx.reports.append(report)
    ctx.report_of_token[noun.i] = report
    return report


def _actor_named(ctx: Context, token: Token) -> str | None:
    eid = resolve(ctx.phrase(token), ctx.index)
    return eid if eid is not None and ctx.index.by_id[eid].type in {"Organization", "Person", "Group"} else None


def _other_document_before(ctx: Context, noun: Token) -> bool:
    """'... noted in a declassified CIA assessment, in which the report states ...': a bare "the report"
    refers to the last report noun before it; when that one introduced a document of its own ("a ...
    assessment") that is no report seen as a speaker, it is not the report seen earlier."""
    before = (t for t in reversed(ctx.doc[: noun.i]) if t.pos_ == "NOUN" and t.lemma_.lower() in REPORT_NOUNS)
    last = next(before, None)
    return (
        last is not None
        and last.i not in ctx.report_of_token
        and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in last.children)
    )


def _date_in(ctx: Context, tokens: Iterable[Token]) -> str | None:
    for t in tokens:
        if t.ent_type_ == "DATE":
            return ctx.ent_of[t.i].text
    return None


def matching_report(
    ctx: Context, offset: int, author: str | None, date_text: str | None, published: str | None, fresh: bool
) -> Report | None:
    """A report already seen before ``offset`` that this mention can be: the same author (or none),
    the same date; a ``fresh`` mention ("a new report") matches only by its date."""
    before = [r for r in reversed(ctx.reports) if r.span is None or r.span[0] < offset]
    candidates = [r for r in before if author is None or r.author in (None, author)]
    if date_text:
        for r in candidates:
            if r.published_text and (r.published_text == date_text or (published and r.published == published)):
                return r
        if fresh:
            return None
        return next((r for r in candidates if not r.published_text), None)
    if fresh:
        return None
    return candidates[0] if candidates else None
